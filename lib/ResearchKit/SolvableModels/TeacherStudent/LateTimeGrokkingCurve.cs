using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// One λ of the linear teacher–student model in Miller et al.'s regime: the training and generalisation accuracy
/// curves from the late-time closed forms, sampled evenly in time, and their erf fits with the levels fixed at
/// a = b = ½ (accuracy from 0 to 1).
/// </summary>
/// <param name="AspectRatio">λ.</param>
/// <param name="Times">t_i = 1 + (t_max − 1)·i/(n − 1), t_max = T/(λ − 1)² (the authors' window, T = 5·10³).</param>
/// <param name="TrainAccuracy">A_tr(t_i) = erf√(ε/2L_tr(t_i)) (<see cref="LossAccuracy.Accuracy"/> of <see cref="LinearTeacherStudentTheory.LateTimeTrainLoss"/>).</param>
/// <param name="GeneralizationAccuracy">A_gen(t_i), the same of <see cref="LinearTeacherStudentTheory.LateTimeGeneralizationLoss"/>.</param>
/// <param name="Fit">Both erf fits (<see cref="GrokkingSharpness.MeasureFixedLevels"/>, a = b = ½).</param>
/// <remarks>
/// Miller, Gleeson, O'Neill, Bui, Levi, "Measuring Sharpness in Grokking", arXiv 2402.08946: the linear-model sweep of
/// the authors' code (jackmiller2003/tiny-gen, branch feat/sharpness-and-gap, scripts/sharpness-in-linear-estimators.ipynb:
/// η₀ = 0.01, ε = 10⁻¹⁰, λ ∈ [1.003, 1.1], t ∈ [1, 5·10³/(λ − 1)²], 50 000 points). Used in notebook 04.
/// </remarks>
public sealed record LateTimeGrokkingCurve(double AspectRatio, double[] Times, double[] TrainAccuracy, double[] GeneralizationAccuracy, GrokkingSharpness Fit)
{
    /// <summary>The authors' time window: t_max = <see cref="AuthorsTimeScale"/>/(λ − 1)².</summary>
    public const double AuthorsTimeScale = 5e3;

    /// <summary>The curves and their fits at one λ.</summary>
    /// <param name="aspectRatio">λ. Range: finite, λ &gt; 1 (the late-time forms need λ ≠ 1; the authors' regime is just above 1).</param>
    /// <param name="effectiveRate">η₀. Range: finite, &gt; 0.</param>
    /// <param name="errorThreshold">ε of the accuracy. Range: finite, &gt; 0.</param>
    /// <param name="timeCount">n, the samples per curve. Range: 3 … 10⁷.</param>
    /// <param name="timeScale">T in t_max = T/(λ − 1)². Range: finite, with t_max &gt; 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public static LateTimeGrokkingCurve Compute(double aspectRatio, double effectiveRate, double errorThreshold, int timeCount, double timeScale = AuthorsTimeScale)
    {
        Check(aspectRatio, effectiveRate, errorThreshold, timeCount, timeScale);
        return Build(aspectRatio, effectiveRate, errorThreshold, timeCount, timeScale);
    }

    /// <summary>
    /// <see cref="Compute"/> for each λ, side by side (<see cref="Numerics.Sweep.Map"/>): deterministic closed forms and
    /// fits, so the same numbers as one call per λ whatever the thread count.
    /// </summary>
    /// <param name="aspectRatios">The λ. Range: non-empty, each finite and &gt; 1.</param>
    /// <param name="effectiveRate">η₀. Range: finite, &gt; 0.</param>
    /// <param name="errorThreshold">ε. Range: finite, &gt; 0.</param>
    /// <param name="timeCount">n. Range: 3 … 10⁷.</param>
    /// <param name="timeScale">T. Range: finite, t_max &gt; 1 at every λ.</param>
    /// <param name="maxDegreeOfParallelism">Most threads. Range: ≥ 1; null = all cores.</param>
    /// <returns>One curve per λ, in order.</returns>
    public static LateTimeGrokkingCurve[] Sweep(IReadOnlyList<double> aspectRatios, double effectiveRate, double errorThreshold, int timeCount,
        double timeScale = AuthorsTimeScale, int? maxDegreeOfParallelism = null)
    {
        Guard.NotEmpty(aspectRatios);
        foreach (double lambda in aspectRatios) Check(lambda, effectiveRate, errorThreshold, timeCount, timeScale, nameof(aspectRatios));
        return Numerics.Sweep.Map(aspectRatios, lambda => Build(lambda, effectiveRate, errorThreshold, timeCount, timeScale), maxDegreeOfParallelism);
    }

    private static LateTimeGrokkingCurve Build(double lambda, double eta0, double epsilon, int n, double timeScale)
    {
        double tMax = timeScale / ((lambda - 1) * (lambda - 1));
        var t = new double[n];
        var train = new double[n];
        var generalization = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = 1 + (tMax - 1) * i / (n - 1);
            train[i] = LossAccuracy.Accuracy(LinearTeacherStudentTheory.LateTimeTrainLoss(lambda, eta0, t[i]), epsilon);
            generalization[i] = LossAccuracy.Accuracy(LinearTeacherStudentTheory.LateTimeGeneralizationLoss(lambda, eta0, t[i]), epsilon);
        }
        return new LateTimeGrokkingCurve(lambda, t, train, generalization, GrokkingSharpness.MeasureFixedLevels(t, train, generalization, 0.5, 0.5));
    }

    private static void Check(double aspectRatio, double effectiveRate, double errorThreshold, int timeCount, double timeScale, string lambdaName = "aspectRatio")
    {
        if (!(double.IsFinite(aspectRatio) && aspectRatio > 1))
            throw new ArgumentOutOfRangeException(lambdaName, aspectRatio, $"{lambdaName} = {aspectRatio} is out of range; allowed: 1 < λ < ∞ (the late-time regime just above λ = 1).");
        if (!(double.IsFinite(effectiveRate) && effectiveRate > 0))
            throw new ArgumentOutOfRangeException(nameof(effectiveRate), effectiveRate, $"effectiveRate = {effectiveRate} is out of range; allowed: 0 < η₀ < ∞.");
        if (!(double.IsFinite(errorThreshold) && errorThreshold > 0))
            throw new ArgumentOutOfRangeException(nameof(errorThreshold), errorThreshold, $"errorThreshold = {errorThreshold} is out of range; allowed: 0 < ε < ∞.");
        Guard.InRange(timeCount, 3, 10_000_000);
        double tMax = timeScale / ((aspectRatio - 1) * (aspectRatio - 1));
        if (!(double.IsFinite(timeScale) && double.IsFinite(tMax) && tMax > 1))
            throw new ArgumentOutOfRangeException(nameof(timeScale), timeScale,
                $"timeScale = {timeScale} gives t_max = {tMax} at λ = {aspectRatio}; allowed: a finite window with t_max = T/(λ − 1)² > 1.");
    }
}
