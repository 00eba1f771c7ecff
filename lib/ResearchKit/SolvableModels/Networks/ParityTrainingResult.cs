namespace ResearchKit.SolvableModels;

/// <summary>Accuracy curves of one training run of <see cref="ParityTraining"/>, one point per epoch (epoch 0 = initialisation).</summary>
/// <param name="Epochs">0, 1, …, last epoch run.</param>
/// <param name="TrainAccuracy">Training accuracy after each epoch.</param>
/// <param name="ValidationAccuracy">Validation accuracy after each epoch.</param>
/// <param name="TrainLoss">Mean training cross-entropy (without the weight-decay term) after each epoch.</param>
/// <param name="TrainEpoch">First epoch whose training accuracy reached the threshold; null if none.</param>
/// <param name="ValidationEpoch">First epoch whose validation accuracy reached the threshold; null if none.</param>
/// <param name="Network">The network after the last epoch.</param>
/// <remarks>Used in notebook 04.</remarks>
public sealed record ParityTrainingResult(
    IReadOnlyList<double> Epochs,
    IReadOnlyList<double> TrainAccuracy,
    IReadOnlyList<double> ValidationAccuracy,
    IReadOnlyList<double> TrainLoss,
    int? TrainEpoch,
    int? ValidationEpoch,
    ParityNetwork Network)
{
    /// <summary>True when both curves reached the threshold, so that both jumps can be fitted.</summary>
    public bool Generalized => TrainEpoch is not null && ValidationEpoch is not null;

    /// <summary>
    /// Fits the S-curve of Miller et al. to each curve on its own window [0, c·t], t its threshold epoch: the
    /// training curve's window ends well before the late validation jump, so its erf is not stretched over the
    /// long plateau at 100 %.
    /// </summary>
    /// <param name="windowFactor">c. Range: c ≥ 1.</param>
    /// <exception cref="InvalidOperationException">A curve never reached the threshold (see <see cref="Generalized"/>).</exception>
    /// <param name="sharedLevels">True: one amplitude a and offset b for both curves (<see cref="SharedSCurveFit"/>); false: each curve fitted alone (<see cref="SCurveFit"/>).</param>
    public GrokkingSharpness MeasureSharpness(double windowFactor = 3, bool sharedLevels = true)
    {
        if (!(windowFactor >= 1 && double.IsFinite(windowFactor)))
            throw new ArgumentOutOfRangeException(nameof(windowFactor), windowFactor, $"windowFactor = {windowFactor} is out of range; allowed: 1 ≤ windowFactor < ∞.");
        if (!Generalized)
            throw new InvalidOperationException($"the run did not reach the threshold on both curves (train epoch {TrainEpoch?.ToString() ?? "none"}, validation epoch {ValidationEpoch?.ToString() ?? "none"}); there is no jump to fit.");
        var (tTr, aTr) = Window(TrainAccuracy, windowFactor * TrainEpoch!.Value);
        var (tVal, aVal) = Window(ValidationAccuracy, windowFactor * ValidationEpoch!.Value);
        return sharedLevels ? SharedSCurveFit.Fit(tTr, aTr, tVal, aVal) : GrokkingSharpness.Measure(tTr, aTr, tVal, aVal);
    }

    private (double[] Times, double[] Values) Window(IReadOnlyList<double> curve, double end)
    {
        // At least 8 points so that a jump in the first epochs still leaves the four-parameter fit determined.
        int last = Math.Min(Epochs.Count - 1, Math.Max(7, (int)Math.Ceiling(end)));
        return (Epochs.Take(last + 1).ToArray(), curve.Take(last + 1).ToArray());
    }
}
