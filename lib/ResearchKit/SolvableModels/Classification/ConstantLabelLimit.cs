using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Where gradient descent on the constant-label model ends for one training set: not separable from the origin, the
/// weights converge to the finite S_∞ (the paper's Prop. 3.2); separable with margin M, the test accuracy is limited
/// to ½[1 + erf(1/(σM√2))] (Beck, Levi &amp; Bar-Sinai, arXiv 2410.04489, Sec. 3, Fig. 1). Notebook 03.
/// </summary>
/// <param name="IsSeparable">Separable from the origin, by the certified minimum-norm point of
/// <see cref="Separability.OriginMargin"/> (the LP of <see cref="Separability.TestFromOrigin"/> decides if that does not converge).</param>
/// <param name="LimitingWeightNorm">‖S_∞‖ (<see cref="LimitingWeights.MinimizeIfNotSeparable"/>); NaN when separable.</param>
/// <param name="MarginLowerBound">The certified lower bound of the margin (<see cref="Separability.OriginMargin"/>, converged:
/// within 10⁻⁸ of its upper bound); NaN when not separable.</param>
/// <param name="LimitingAccuracy">½[1 + erf(1/(σM√2))] at that lower bound; NaN when not separable.</param>
public sealed record ConstantLabelLimit(bool IsSeparable, double LimitingWeightNorm, double MarginLowerBound, double LimitingAccuracy)
{
    /// <summary>The limit the set predicts: ‖S_∞‖ when not separable, the margin-limited test accuracy when separable.</summary>
    public double Prediction => IsSeparable ? LimitingAccuracy : LimitingWeightNorm;

    /// <summary>Tests the rows of <paramref name="points"/> for separability once and computes the limit that applies
    /// (‖S_∞‖ by the Newton iteration of <see cref="LimitingWeights"/>, or the exact margin).</summary>
    /// <param name="points">N×d training points (one per row); finite, N ≥ 1, d ≥ 1.</param>
    /// <param name="noiseScale">σ of the Gaussian test points. Range: σ &gt; 0.</param>
    /// <exception cref="InvalidOperationException">The LP certificate or Newton's method failed, or the margin solver did
    /// not converge (numerically degenerate input).</exception>
    public static ConstantLabelLimit Of(Matrix<double> points, double noiseScale)
    {
        Guard.NotNull(points);
        Guard.Positive(noiseScale);
        // One solve decides and, when separable, measures: Wolfe's minimum-norm point of the set's hull.
        var m = Separability.OriginMargin(points);
        bool separable = m.Converged ? m.Lower > 0 : Separability.TestFromOrigin(points).IsSeparable;
        if (!separable)
            return new ConstantLabelLimit(false, LimitingWeights.Norm(LimitingWeights.Newton(points, 1e-12, 500)), double.NaN, double.NaN);
        if (!m.Converged)
            throw new InvalidOperationException($"ConstantLabelLimit: the margin solver stopped after {m.Iterations} cycles with the bounds [{m.Lower}, {m.Upper}] apart; the limiting accuracy would not be exact.");
        double margin = m.Lower;
        return new ConstantLabelLimit(true, double.NaN, margin, Separability.LimitingAccuracy(noiseScale, margin));
    }
}
