using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Two Gaussian classes with opposite means ±μ and a shared diagonal covariance Σ = diag(s₁², …, s_d²); labels ±1
/// with probability ½ each. Its signal-plus-noise special case (<see cref="SignalPlusNoise"/>) is the two-Gaussian
/// set-up of Beck, Levi &amp; Bar-Sinai (arXiv 2410.04489, Fig. 4) and of Beck, Bar Sinai &amp; Levi (arXiv 2602.12039).
/// </summary>
/// <remarks>
/// The test margin of class y is N(w·μ + y b, wᵀΣw), so accuracy and loss are exact. Notebooks 03 and 05.
/// </remarks>
public sealed class GaussianClassesModel : ILinearClassificationTask
{
    private readonly double[] _mean;
    private readonly double[] _sd;

    /// <summary>Creates the model.</summary>
    /// <param name="mean">μ, the mean of class +1 (class −1 has −μ); finite, length d ≥ 1.</param>
    /// <param name="standardDeviations">(s₁, …, s_d), per-coordinate standard deviations; each ≥ 0, length d.</param>
    public GaussianClassesModel(IReadOnlyList<double> mean, IReadOnlyList<double> standardDeviations)
    {
        Guard.AllFinite(mean);
        Guard.AllFinite(standardDeviations);
        Guard.SameLength(standardDeviations.Count, mean.Count, nameof(standardDeviations), nameof(mean));
        for (int j = 0; j < standardDeviations.Count; j++)
            Guard.NonNegative(standardDeviations[j], $"standardDeviations[{j}]");
        _mean = mean.ToArray();
        _sd = standardDeviations.ToArray();
    }

    /// <summary>
    /// Signal plus noise: μ = μ e₁, standard deviation σ_A along e₁ (the signal direction) and σ_B in the d − 1
    /// orthogonal directions.
    /// </summary>
    /// <param name="dimension">d. Range: d ≥ 2.</param>
    /// <param name="signal">μ. Range: μ &gt; 0.</param>
    /// <param name="signalWidth">σ_A. Range: σ_A ≥ 0.</param>
    /// <param name="noiseWidth">σ_B. Range: σ_B &gt; 0.</param>
    public static GaussianClassesModel SignalPlusNoise(int dimension, double signal, double signalWidth, double noiseWidth)
    {
        Guard.AtLeast(dimension, 2);
        Guard.Positive(signal);
        Guard.NonNegative(signalWidth);
        Guard.Positive(noiseWidth);
        var mean = new double[dimension];
        mean[0] = signal;
        var sd = Enumerable.Repeat(noiseWidth, dimension).ToArray();
        sd[0] = signalWidth;
        return new GaussianClassesModel(mean, sd);
    }

    /// <inheritdoc />
    public int Dimension => _mean.Length;

    /// <summary>μ (class +1 mean).</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>Per-coordinate standard deviations.</summary>
    public IReadOnlyList<double> StandardDeviations => _sd;

    /// <summary>Fisher's discriminant of the population, Σ⁻¹(μ₊ − μ₋) = 2μ/s² coordinate-wise (0 where μⱼ = 0).</summary>
    /// <exception cref="InvalidOperationException">A coordinate with μⱼ ≠ 0 has zero variance (Σ singular there).</exception>
    public double[] FisherDirection()
    {
        var f = new double[Dimension];
        for (int j = 0; j < Dimension; j++)
        {
            if (_mean[j] == 0) continue;
            if (_sd[j] == 0) throw new InvalidOperationException($"Fisher direction undefined: coordinate {j} has mean {_mean[j]} and zero variance.");
            f[j] = 2 * _mean[j] / (_sd[j] * _sd[j]);
        }
        return f;
    }

    /// <inheritdoc />
    public ClassificationSample Sample(int count, Random random)
    {
        Guard.Positive(count);
        Guard.NotNull(random);
        var x = Matrix<double>.Build.Dense(count, Dimension);
        var y = new double[count];
        for (int i = 0; i < count; i++)
        {
            y[i] = random.NextDouble() < 0.5 ? 1 : -1;
            for (int j = 0; j < Dimension; j++)
                x[i, j] = y[i] * _mean[j] + _sd[j] * Normal.Sample(random, 0, 1);
        }
        return new ClassificationSample(x, y);
    }

    /// <inheritdoc />
    public double TestAccuracy(IReadOnlyList<double> weights, double bias)
    {
        var (signal, sd) = Margin(weights, bias);
        return 0.5 * (GaussianMargin.PositiveProbability(signal + bias, sd) + GaussianMargin.PositiveProbability(signal - bias, sd));
    }

    /// <inheritdoc />
    public double TestLoss(IReadOnlyList<double> weights, double bias, MarginLoss loss)
    {
        Guard.NotNull(loss);
        var (signal, sd) = Margin(weights, bias);
        return 0.5 * (GaussianMargin.ExpectedLoss(signal + bias, sd, loss) + GaussianMargin.ExpectedLoss(signal - bias, sd, loss));
    }

    private (double Signal, double Sd) Margin(IReadOnlyList<double> weights, double bias)
    {
        Guard.AllFinite(weights);
        Guard.SameLength(weights.Count, Dimension, nameof(weights), "the model's dimension");
        Guard.Finite(bias);
        double signal = 0, variance = 0;
        for (int j = 0; j < Dimension; j++)
        {
            signal += weights[j] * _mean[j];
            variance += weights[j] * weights[j] * _sd[j] * _sd[j];
        }
        return (signal, Math.Sqrt(variance));
    }
}
