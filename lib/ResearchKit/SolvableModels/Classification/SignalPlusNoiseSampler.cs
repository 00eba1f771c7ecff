using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Samples of the signal-plus-noise data model of Beck, Bar Sinai &amp; Levi (arXiv 2602.12039, Eq. 3) with
/// heavy-tailed noise: x = y μ_f e₁ + σ_f ξ_f e₁ + σ_n ξ_⊥, every noise component drawn independently from a Student-t
/// distribution with ν degrees of freedom (their Fig. 2). The Gaussian case is <see cref="GaussianClassesModel.SignalPlusNoise"/>.
/// </summary>
public static class SignalPlusNoiseSampler
{
    /// <summary>Draws N labelled points (labels ±1 with probability ½ each).</summary>
    /// <param name="count">N. Range: ≥ 1.</param>
    /// <param name="dimension">d. Range: ≥ 2.</param>
    /// <param name="signal">μ_f. Range: &gt; 0.</param>
    /// <param name="signalWidth">σ_f (scale of the Student-t component along e₁). Range: ≥ 0.</param>
    /// <param name="noiseWidth">σ_n (scale of the orthogonal components). Range: &gt; 0.</param>
    /// <param name="degreesOfFreedom">ν. Range: &gt; 0 (the variance ν/(ν − 2) is finite only for ν &gt; 2).</param>
    /// <param name="random">The random stream.</param>
    public static ClassificationSample StudentT(int count, int dimension, double signal, double signalWidth, double noiseWidth,
        double degreesOfFreedom, Random random)
    {
        Guard.Positive(count);
        Guard.AtLeast(dimension, 2);
        Guard.Positive(signal);
        Guard.NonNegative(signalWidth);
        Guard.Positive(noiseWidth);
        Guard.Positive(degreesOfFreedom);
        Guard.NotNull(random);
        if (!double.IsFinite(degreesOfFreedom))
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "degreesOfFreedom must be finite (use the Gaussian model for ν = ∞).");
        var x = Matrix<double>.Build.Dense(count, dimension);
        var y = new double[count];
        for (int i = 0; i < count; i++)
        {
            y[i] = random.NextDouble() < 0.5 ? 1 : -1;
            x[i, 0] = y[i] * signal + signalWidth * StudentTDraw(degreesOfFreedom, random);
            for (int j = 1; j < dimension; j++) x[i, j] = noiseWidth * StudentTDraw(degreesOfFreedom, random);
        }
        return new ClassificationSample(x, y);
    }

    private static double StudentTDraw(double nu, Random random) => MathNet.Numerics.Distributions.StudentT.Sample(random, 0, 1, nu);
}
