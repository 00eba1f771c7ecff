using MathNet.Numerics.Distributions;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// A finite-width refinement of Eq. 19 for the two-layer linear network: the second layer's Gram matrix
/// S⁽¹⁾ᵀS⁽¹⁾ is frozen at its sampled initial value instead of being replaced by its mean I/(2 d_out). In the
/// eigenbasis of that matrix (eigenvalues gⱼ) each output direction of D follows the one-layer Marchenko–Pastur
/// dynamics with its own rate η gⱼ/d_out; Eq. 19 is the special case gⱼ = 1/(2 d_out) for every j.
/// </summary>
/// <remarks>
/// Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441), Sec. 4.1. From Ḋ = −(2η/d_out)[Σ_tr D S⁽¹⁾ᵀS⁽¹⁾ + S⁽⁰⁾S⁽⁰⁾ᵀ Σ_tr D]
/// we keep the first term with S⁽¹⁾ frozen (the weights move little: h drifts by a few per cent) and drop the second,
/// whose eigenvalues are ≈ 1/(2 d_h) on a d_h-dimensional subspace only — the paper drops it too. With an isotropic
/// D₀ each direction carries ‖D₀‖²/d_out, so the per-output error of a test input is a weighted sum of d_out
/// independent χ²₁ variables with weights σⱼ²(t) = (‖D₀‖²/d_out)·G(η gⱼ/d_out, t); its distribution is not Eq. 13's
/// Gamma law when the gⱼ differ, and the accuracy is evaluated by averaging over fixed draws of the χ² variables.
/// This refinement is ours (the paper stops at h₀ ≃ ½); notebook 02 uses it to test whether the spread of the gⱼ
/// explains the lag of the d_h = 50 networks behind Eq. 19.
/// </remarks>
public sealed class FrozenGramTwoLayerTheory
{
    private readonly LinearTeacherStudentTheory[] _directions;
    private readonly double[][] _chiSquares;

    /// <summary>Creates the theory for one draw of the second layer.</summary>
    /// <param name="aspectRatio">λ = d_in/N_tr. Range: λ &gt; 0.</param>
    /// <param name="learningRate">η, the GD rate of the two-layer network. Range: η &gt; 0 with η gⱼ/d_out &lt; 1.</param>
    /// <param name="gramEigenvalues">gⱼ, the eigenvalues of S₀⁽¹⁾ᵀS₀⁽¹⁾; their count is d_out. Range: at least one; each gⱼ &gt; 0.</param>
    /// <param name="initialResidualNorm">‖D₀‖². Range: &gt; 0.</param>
    /// <param name="accuracyDraws">Draws of (z₁², …, z_d_out²) used for the accuracy. Range: ≥ 100.</param>
    /// <param name="random">The randomness of those draws (fixed once, so the accuracy is a smooth non-decreasing function of t).</param>
    public FrozenGramTwoLayerTheory(double aspectRatio, double learningRate, IReadOnlyList<double> gramEigenvalues, double initialResidualNorm, int accuracyDraws, Random random)
    {
        Guard.Positive(aspectRatio);
        Guard.Positive(learningRate);
        Guard.NotEmpty(gramEigenvalues);
        Guard.Positive(initialResidualNorm);
        Guard.AtLeast(accuracyDraws, 100);
        Guard.NotNull(random);
        int outputs = gramEigenvalues.Count;
        _directions = new LinearTeacherStudentTheory[outputs];
        for (int j = 0; j < outputs; j++)
        {
            Guard.Positive(gramEigenvalues[j], $"gramEigenvalues[{j}]");
            double rate = learningRate * gramEigenvalues[j] / outputs;
            if (!(rate < 1))
                throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate,
                    $"learningRate = {learningRate} with gramEigenvalues[{j}] = {gramEigenvalues[j]} gives a one-layer rate η gⱼ/d_out = {rate:G4}; allowed: < 1.");
            _directions[j] = new LinearTeacherStudentTheory(aspectRatio, rate);
        }
        InitialResidualNorm = initialResidualNorm;
        _chiSquares = new double[accuracyDraws][];
        for (int i = 0; i < accuracyDraws; i++)
        {
            _chiSquares[i] = new double[outputs];
            for (int j = 0; j < outputs; j++)
            {
                double z = Normal.Sample(random, 0, 1);
                _chiSquares[i][j] = z * z;
            }
        }
    }

    /// <summary>d_out.</summary>
    public int OutputDimension => _directions.Length;

    /// <summary>‖D₀‖².</summary>
    public double InitialResidualNorm { get; }

    /// <summary>L_tr(t) = (1/d_out) Σⱼ (‖D₀‖²/d_out) T(η gⱼ/d_out, t), T the one-layer training loss normalised to 1 at t = 0.</summary>
    /// <param name="time">t in GD steps. Range: t ≥ 0.</param>
    public double TrainLoss(double time) => Weights(time, train: true).Average();

    /// <summary>L_gen(t) = (1/d_out) Σⱼ (‖D₀‖²/d_out) G(η gⱼ/d_out, t).</summary>
    /// <param name="time">t in GD steps. Range: t ≥ 0.</param>
    public double GeneralizationLoss(double time) => Weights(time, train: false).Average();

    /// <summary>Fraction of inputs whose per-output squared error (1/d_out) Σⱼ σⱼ² zⱼ² is below ε.</summary>
    /// <param name="time">t in GD steps. Range: t ≥ 0.</param>
    /// <param name="errorThreshold">ε. Range: ε &gt; 0.</param>
    /// <param name="train">Training inputs (weights from the training loss) or fresh inputs (generalisation loss).</param>
    public double Accuracy(double time, double errorThreshold, bool train)
    {
        Guard.Positive(errorThreshold);
        double[] w = Weights(time, train);
        double bound = OutputDimension * errorThreshold;
        int below = 0;
        foreach (var z in _chiSquares)
        {
            double q = 0;
            for (int j = 0; j < w.Length; j++)
                q += w[j] * z[j];
            if (q < bound)
                below++;
        }
        return (double)below / _chiSquares.Length;
    }

    /// <summary>First times at which the train and the test accuracy reach <paramref name="accuracyLevel"/> (bisection in log t).</summary>
    /// <param name="errorThreshold">ε. Range: ε &gt; 0.</param>
    /// <param name="accuracyLevel">A*. Range: 0 &lt; A* &lt; 1.</param>
    /// <exception cref="InvalidOperationException">The accuracy never reaches A* (e.g. λ &gt; 1, where L_gen has a plateau).</exception>
    public GrokkingTimes CrossingTimes(double errorThreshold, double accuracyLevel)
    {
        Guard.Positive(errorThreshold);
        Guard.InOpenRange(accuracyLevel, 0, 1);
        return new GrokkingTimes(Crossing(errorThreshold, accuracyLevel, train: true), Crossing(errorThreshold, accuracyLevel, train: false));
    }

    private double Crossing(double epsilon, double level, bool train)
    {
        if (Accuracy(0, epsilon, train) >= level)
            return 0;
        double lo = 0, hi = 1;
        while (Accuracy(hi, epsilon, train) < level)
        {
            lo = hi;
            hi *= 2;
            if (hi > 1e15)
                throw new InvalidOperationException($"the {(train ? "train" : "test")} accuracy never reaches {level} (ε = {epsilon}); the loss has a plateau above the threshold.");
        }
        for (int i = 0; i < 60 && hi - lo > 1e-9 * hi; i++)
        {
            double mid = lo == 0 ? hi / 2 : Math.Sqrt(lo * hi);
            if (Accuracy(mid, epsilon, train) >= level) hi = mid; else lo = mid;
        }
        return hi;
    }

    private double[] Weights(double time, bool train)
    {
        Guard.NonNegative(time);
        double share = InitialResidualNorm / OutputDimension;
        return _directions.Select(d => share * (train ? d.TrainLoss(time) : d.GeneralizationLoss(time))).ToArray();
    }
}
