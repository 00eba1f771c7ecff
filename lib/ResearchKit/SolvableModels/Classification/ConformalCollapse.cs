using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// The conformal-time statement of Beck, Levi &amp; Bar-Sinai (arXiv 2410.04489, Sec. 3.2, Eqs. 6–8, shown in the
/// middle panel of their Fig. 2): under the exponential loss with one label, the weights S of the model with a bias,
/// read against the conformal time τ = ∫ e^b dt (here τ = Σ η e^(−b_k), the library's sign convention), follow the
/// path of the bias-free problem. This class trains both by gradient descent and compares them at equal τ.
/// </summary>
/// <remarks>
/// <para>The run with a bias takes <c>steps</c> GD steps of size η; its steps in τ are η e^(−b_k). The bias-free run
/// takes constant steps h' = τ_end/⌈τ_end/h⌉ up to the same τ_end, so the two are two discretisations of one gradient
/// flow, and their gap is of the order of the larger step (it goes to zero with η and h). Notebook 03 (Fig. 2).</para>
/// </remarks>
public static class ConformalCollapse
{
    /// <summary>Trains with and without a bias (exponential loss, GD from zero) and compares the weights at equal τ.</summary>
    /// <param name="task">The data model; its dimension must equal the sample's.</param>
    /// <param name="sample">Training set (labels ±1).</param>
    /// <param name="learningRate">η of the run with a bias. Range: η &gt; 0, finite.</param>
    /// <param name="steps">GD steps of the run with a bias. Range: 1 … 10⁷.</param>
    /// <param name="biasFreeStep">h, the largest step in τ of the bias-free run. Range: h &gt; 0, finite.</param>
    /// <param name="recordCount">Record points of the run with a bias (log-spaced in steps). Range: 3 … 10⁴.</param>
    /// <param name="comparisonStart">The gaps are taken over τ ≥ this fraction of τ_end. Range: 0 ≤ f &lt; 1.</param>
    public static ConformalCollapseResult Compare(ILinearClassificationTask task, ClassificationSample sample, double learningRate, int steps,
        double biasFreeStep, int recordCount = 200, double comparisonStart = 0.01)
    {
        Guard.NotNull(task);
        Guard.NotNull(sample);
        Guard.Positive(learningRate);
        Guard.Finite(learningRate);
        Guard.InRange(steps, 1, 10_000_000);
        Guard.Positive(biasFreeStep);
        Guard.Finite(biasFreeStep);
        Guard.InRange(recordCount, 3, 10_000);
        Guard.InRange(comparisonStart, 0, 1 - 1e-12);
        var loss = MarginLoss.Exponential;
        var biased = LogisticDynamics.Train(task, sample, new LogisticTrainingOptions { Loss = loss, LearningRate = learningRate, Steps = steps, RecordCount = recordCount });
        double tauEnd = biased.ConformalTime[^1];
        long freeStepsLong = (long)Math.Ceiling(tauEnd / biasFreeStep);
        if (freeStepsLong > 10_000_000)
            throw new ArgumentOutOfRangeException(nameof(biasFreeStep), biasFreeStep, $"τ_end/h = {freeStepsLong} bias-free steps; allowed: at most 10⁷ (take a larger h).");
        int freeSteps = (int)Math.Max(1, freeStepsLong);
        var free = LogisticDynamics.Train(task, sample, new LogisticTrainingOptions
        {
            Loss = loss, FitBias = false, LearningRate = tauEnd / freeSteps, Steps = freeSteps, RecordCount = Math.Min(freeSteps + 1, 4 * recordCount),
        });
        // Without a bias b = 0, so the bias-free run's own time is its conformal time.
        var interp = MathNet.Numerics.Interpolate.Linear(free.Time, free.WeightNorm);
        var freeNorm = biased.ConformalTime.Select(t => interp.Interpolate(Math.Min(t, free.Time[^1]))).ToArray();
        double maxGap = 0;
        for (int i = 0; i < freeNorm.Length; i++)
            if (biased.ConformalTime[i] >= comparisonStart * tauEnd && freeNorm[i] > 0)
                maxGap = Math.Max(maxGap, Math.Abs(biased.WeightNorm[i] / freeNorm[i] - 1));
        double diff = 0, normFree = 0, dot = 0, normBiased = 0;
        for (int j = 0; j < biased.FinalWeights.Length; j++)
        {
            double a = biased.FinalWeights[j], c = free.FinalWeights[j];
            diff += (a - c) * (a - c); normFree += c * c; normBiased += a * a; dot += a * c;
        }
        double finalGap = normFree > 0 ? Math.Sqrt(diff / normFree) : double.NaN;
        double cosine = normFree > 0 && normBiased > 0 ? dot / Math.Sqrt(normFree * normBiased) : double.NaN;
        return new ConformalCollapseResult(biased.Step, biased.Time, biased.ConformalTime, biased.Bias, biased.WeightNorm, freeNorm,
            maxGap, finalGap, cosine, tauEnd, freeSteps);
    }
}

/// <summary>The comparison of a run with a bias and a bias-free run at equal conformal time τ.</summary>
/// <param name="Step">Record steps of the run with a bias.</param>
/// <param name="Time">t = Σ η at the records.</param>
/// <param name="ConformalTime">τ = Σ η e^(−b_k) at the records.</param>
/// <param name="Bias">b at the records.</param>
/// <param name="BiasedNorm">‖S‖ of the run with a bias.</param>
/// <param name="BiasFreeNorm">‖S‖ of the bias-free run at the same τ (linear interpolation between its records).</param>
/// <param name="MaxRelativeNormGap">max |‖S‖_bias/‖S‖_free − 1| over the records with τ ≥ comparisonStart·τ_end.</param>
/// <param name="FinalRelativeGap">‖S_bias − S_free‖/‖S_free‖ at τ_end (the whole vector, not only its norm).</param>
/// <param name="FinalCosine">cos ∠(S_bias, S_free) at τ_end.</param>
/// <param name="FinalConformalTime">τ_end.</param>
/// <param name="BiasFreeSteps">Steps of the bias-free run.</param>
public sealed record ConformalCollapseResult(
    int[] Step, double[] Time, double[] ConformalTime, double[] Bias, double[] BiasedNorm, double[] BiasFreeNorm,
    double MaxRelativeNormGap, double FinalRelativeGap, double FinalCosine, double FinalConformalTime, int BiasFreeSteps);
