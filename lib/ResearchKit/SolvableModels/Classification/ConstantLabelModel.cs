using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// The constant-label model: every point xᵢ ~ N(0, σ² I_d) carries the same label y = +1. The classifier w·x + b
/// generalises perfectly when b → +∞ with b/‖w‖ → ∞; its test accuracy is Φ(b/(σ‖w‖)).
/// </summary>
/// <remarks>
/// Beck, Levi &amp; Bar-Sinai (arXiv 2410.04489), Sec. 2. The paper writes the loss as e^(Sx + b), i.e. the opposite
/// sign convention (generalisation at b → −∞); here a point is correct when its margin w·x + b is positive, and
/// (w, b) = (−S, −b) maps one convention to the other. Notebooks 03 and 05.
/// </remarks>
public sealed class ConstantLabelModel : ILinearClassificationTask
{
    /// <summary>Creates the model.</summary>
    /// <param name="dimension">d. Range: d ≥ 1.</param>
    /// <param name="noiseScale">σ, the per-coordinate standard deviation. Range: σ &gt; 0.</param>
    public ConstantLabelModel(int dimension, double noiseScale)
    {
        Guard.Positive(dimension);
        Guard.Positive(noiseScale);
        Dimension = dimension;
        NoiseScale = noiseScale;
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>σ.</summary>
    public double NoiseScale { get; }

    /// <inheritdoc />
    public ClassificationSample Sample(int count, Random random)
    {
        Guard.Positive(count);
        Guard.NotNull(random);
        var x = Matrix<double>.Build.Dense(count, Dimension);
        for (int i = 0; i < count; i++)
            for (int j = 0; j < Dimension; j++)
                x[i, j] = NoiseScale * Normal.Sample(random, 0, 1);
        return new ClassificationSample(x, Enumerable.Repeat(1.0, count).ToArray());
    }

    /// <inheritdoc />
    public double TestAccuracy(IReadOnlyList<double> weights, double bias)
    {
        double sd = MarginScale(weights, bias);
        return GaussianMargin.PositiveProbability(bias, sd);
    }

    /// <inheritdoc />
    public double TestLoss(IReadOnlyList<double> weights, double bias, MarginLoss loss)
    {
        Guard.NotNull(loss);
        double sd = MarginScale(weights, bias);
        return GaussianMargin.ExpectedLoss(bias, sd, loss);
    }

    /// <summary>σ‖w‖, the standard deviation of the margin w·x + b over fresh points (validates w and b).</summary>
    internal double MarginScale(IReadOnlyList<double> weights, double bias)
    {
        Guard.AllFinite(weights);
        Guard.SameLength(weights.Count, Dimension, nameof(weights), "the model's dimension");
        Guard.Finite(bias);
        double s = 0;
        for (int j = 0; j < weights.Count; j++) s += weights[j] * weights[j];
        return NoiseScale * Math.Sqrt(s);
    }
}
