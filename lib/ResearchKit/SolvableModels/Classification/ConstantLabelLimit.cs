using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Where gradient descent on the constant-label model ends for one training set: not separable from the origin, the
/// weights converge to the finite S_∞ (the paper's Prop. 3.2); separable with margin M, the test accuracy is limited
/// to ½[1 + erf(1/(σM√2))] (Beck, Levi &amp; Bar-Sinai, arXiv 2410.04489, Sec. 3, Fig. 1). Notebook 03.
/// </summary>
/// <param name="IsSeparable">The exact LP test of <see cref="Separability.TestFromOrigin"/>.</param>
/// <param name="LimitingWeightNorm">‖S_∞‖ (<see cref="LimitingWeights.MinimizeIfNotSeparable"/>); NaN when separable.</param>
/// <param name="MarginLowerBound">The certified lower bound of the margin (<see cref="Separability.OriginMargin"/>); NaN when not separable.</param>
/// <param name="LimitingAccuracy">½[1 + erf(1/(σM√2))] at that lower bound; NaN when not separable.</param>
public sealed record ConstantLabelLimit(bool IsSeparable, double LimitingWeightNorm, double MarginLowerBound, double LimitingAccuracy)
{
    /// <summary>The limit the set predicts: ‖S_∞‖ when not separable, the margin-limited test accuracy when separable.</summary>
    public double Prediction => IsSeparable ? LimitingAccuracy : LimitingWeightNorm;

    /// <summary>Tests the rows of <paramref name="points"/> for separability once and computes the limit that applies.</summary>
    /// <param name="points">N×d training points (one per row); finite, N ≥ 1, d ≥ 1.</param>
    /// <param name="noiseScale">σ of the Gaussian test points. Range: σ &gt; 0.</param>
    /// <exception cref="InvalidOperationException">The LP certificate or Newton's method failed (numerically degenerate input).</exception>
    public static ConstantLabelLimit Of(Matrix<double> points, double noiseScale)
    {
        Guard.NotNull(points);
        Guard.Positive(noiseScale);
        var w = LimitingWeights.MinimizeIfNotSeparable(points);
        if (w is not null)
            return new ConstantLabelLimit(false, LimitingWeights.Norm(w), double.NaN, double.NaN);
        double margin = Separability.OriginMargin(points).Lower;
        return new ConstantLabelLimit(true, double.NaN, margin, Separability.LimitingAccuracy(noiseScale, margin));
    }
}
