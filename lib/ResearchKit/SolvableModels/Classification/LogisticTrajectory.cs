namespace ResearchKit.SolvableModels;

/// <summary>
/// A recorded training run of a linear classifier: at each record point the step, time t = Σ η_k, conformal time
/// τ = Σ η_k e^(−b_k), bias, weight norm, training loss and accuracy, and exact test accuracy and loss.
/// </summary>
/// <param name="Step">Recorded step numbers (0 first).</param>
/// <param name="Time">t = Σ_{k&lt;step} η_k.</param>
/// <param name="ConformalTime">τ = Σ_{k&lt;step} η_k e^(−b_k) (the paper's ∫ e^b dt in its sign convention).</param>
/// <param name="Bias">b.</param>
/// <param name="WeightNorm">‖w‖.</param>
/// <param name="SignalWeight">w₁, the weight on the first coordinate (the signal direction of the two-Gaussian model).</param>
/// <param name="TrainLoss">Mean φ over the training set.</param>
/// <param name="TrainAccuracy">Fraction of training margins &gt; 0.</param>
/// <param name="TestAccuracy">Exact test accuracy.</param>
/// <param name="TestLoss">Exact expected test loss.</param>
/// <param name="FinalWeights">w after the last step.</param>
/// <param name="FinalBias">b after the last step.</param>
/// <param name="ConformalSchedule">η_k e^(−b_k) for every step k (length Steps): the step sizes that replay the run without a bias.</param>
/// <param name="StabilityLimit">Gradient descent's step-size stability limit at the start, 2/L₀ with
/// L₀ = φ″(0)·λ_max((1/N) Σ x̃ᵢx̃ᵢᵀ) (x̃ = (x, 1) with a bias), λ_max by the Lanczos method (to about 10⁻¹⁰, from below,
/// so the limit is at or just above the exact one). For the logistic loss and its regularised forms, whose φ″ is largest at
/// margin 0, it is also the global smoothness bound (every η below it descends); for the exponential loss the curvature
/// grows on misclassified points, so it holds at the start only. NaN for Adam.</param>
/// <param name="LargestStep">The largest step η_k taken (the learning rate, or the largest of the step sizes); NaN for Adam.</param>
public sealed record LogisticTrajectory(
    int[] Step, double[] Time, double[] ConformalTime, double[] Bias, double[] WeightNorm, double[] SignalWeight,
    double[] TrainLoss, double[] TrainAccuracy, double[] TestAccuracy, double[] TestLoss,
    double[] FinalWeights, double FinalBias, double[] ConformalSchedule, double StabilityLimit, double LargestStep)
{
    /// <summary>True when gradient descent took a step above <see cref="StabilityLimit"/>: the run is not the stable
    /// discretisation of gradient flow the notebooks read it as (false for Adam).</summary>
    public bool AboveStabilityLimit => LargestStep > StabilityLimit;

    /// <summary>
    /// The first recorded time at which <paramref name="series"/> reaches <paramref name="level"/> (linear interpolation
    /// in log time between record points); NaN if never reached.
    /// </summary>
    public double FirstTimeAbove(IReadOnlyList<double> series, double level)
    {
        ResearchKit.Numerics.Guard.NotNull(series);
        for (int i = 0; i < series.Count; i++)
        {
            if (series[i] >= level)
            {
                if (i == 0 || Time[i - 1] <= 0) return Time[i];
                double f = (level - series[i - 1]) / (series[i] - series[i - 1]);
                return Math.Exp(Math.Log(Time[i - 1]) + f * (Math.Log(Time[i]) - Math.Log(Time[i - 1])));
            }
        }
        return double.NaN;
    }
}
