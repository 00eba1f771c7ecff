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
