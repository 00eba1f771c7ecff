using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Grokking measures from the S-curve fits of the train and the generalisation accuracy.
/// </summary>
/// <param name="Train">Fit of the training accuracy.</param>
/// <param name="Generalization">Fit of the generalisation accuracy.</param>
/// <remarks>
/// Miller et al. (arXiv 2402.08946), Sec. 2–3. The exact formulas of the paper's R_abs and R_rel were not available
/// to the workbook (the stored copies give only the abstract and summaries); the definitions below are the workbook's own
/// reading of the paper's description (relative gap normalised by the later jump, absolute sharpness = s_gen,
/// relative sharpness = s_gen/s_tr) and are marked as such in notebook 04.
/// </remarks>
public sealed record GrokkingSharpness(SCurveFitResult Train, SCurveFitResult Generalization)
{
    /// <summary>Relative grokking gap m = (t*_gen − t*_tr) / t*_gen.</summary>
    public double RelativeGap => (Generalization.JumpTime - Train.JumpTime) / Generalization.JumpTime;

    /// <summary>Absolute sharpness: s_gen, the sharpness of the generalisation jump.</summary>
    public double AbsoluteSharpness => Generalization.Sharpness;

    /// <summary>Relative sharpness R_rel = s_gen / s_tr.</summary>
    public double RelativeSharpness => Generalization.Sharpness / Train.Sharpness;

    /// <summary>
    /// The relative grokking gap as the authors' code defines it: t*_gen / t*_tr − 1 (Miller et al., arXiv 2402.08946;
    /// jackmiller2003/tiny-gen, branch feat/sharpness-and-gap, <c>erf_relative_grokking_gap</c>).
    /// </summary>
    public double JumpTimeRatioGap => Generalization.JumpTime / Train.JumpTime - 1;

    /// <summary>
    /// Absolute sharpness as the authors' code defines it: the largest slope of the fitted generalisation curve,
    /// 2|a|s_gen/√π (s_gen/√π for a = ½ in their linear model, s_gen/(2√π) for a = ¼ in their MLP).
    /// </summary>
    public double MaxGeneralizationSlope => 2 * Math.Abs(Generalization.Amplitude) * Generalization.Sharpness / Math.Sqrt(Math.PI);

    /// <summary>Fits both curves with the amplitude and offset fixed (the authors' form; see <see cref="SCurveFit.FitFixedLevels"/>).</summary>
    /// <param name="times">Common time axis (finite, at least 3 points).</param>
    /// <param name="trainAccuracy">Training accuracy at <paramref name="times"/>.</param>
    /// <param name="generalizationAccuracy">Generalisation accuracy at <paramref name="times"/>.</param>
    /// <param name="amplitude">a, fixed. Range: finite, ≠ 0.</param>
    /// <param name="offset">b, fixed. Range: finite.</param>
    public static GrokkingSharpness MeasureFixedLevels(IReadOnlyList<double> times, IReadOnlyList<double> trainAccuracy, IReadOnlyList<double> generalizationAccuracy,
        double amplitude, double offset)
        => new(SCurveFit.FitFixedLevels(times, trainAccuracy, amplitude, offset), SCurveFit.FitFixedLevels(times, generalizationAccuracy, amplitude, offset));

    /// <summary>Fits both curves sampled at the same times.</summary>
    /// <param name="times">Common time axis (finite, at least 5 points).</param>
    /// <param name="trainAccuracy">Training accuracy at <paramref name="times"/>.</param>
    /// <param name="generalizationAccuracy">Generalisation accuracy at <paramref name="times"/>.</param>
    public static GrokkingSharpness Measure(IReadOnlyList<double> times, IReadOnlyList<double> trainAccuracy, IReadOnlyList<double> generalizationAccuracy)
    {
        Guard.AllFinite(times);
        return new GrokkingSharpness(SCurveFit.Fit(times, trainAccuracy), SCurveFit.Fit(times, generalizationAccuracy));
    }

    /// <summary>Fits the two curves, each sampled on its own window (e.g. up to a few times its own jump).</summary>
    /// <param name="trainTimes">Times of the training curve (finite, at least 5 points).</param>
    /// <param name="trainAccuracy">Training accuracy at <paramref name="trainTimes"/>.</param>
    /// <param name="generalizationTimes">Times of the generalisation curve (finite, at least 5 points).</param>
    /// <param name="generalizationAccuracy">Generalisation accuracy at <paramref name="generalizationTimes"/>.</param>
    public static GrokkingSharpness Measure(IReadOnlyList<double> trainTimes, IReadOnlyList<double> trainAccuracy, IReadOnlyList<double> generalizationTimes, IReadOnlyList<double> generalizationAccuracy)
        => new(SCurveFit.Fit(trainTimes, trainAccuracy), SCurveFit.Fit(generalizationTimes, generalizationAccuracy));
}
