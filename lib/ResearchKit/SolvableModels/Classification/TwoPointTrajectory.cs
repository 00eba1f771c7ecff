namespace ResearchKit.SolvableModels;

/// <summary>
/// A numerically integrated trajectory of the two-point toy model (paper's sign convention: a point is classified
/// correctly when its logit S x + b is negative), recorded against conformal time τ and real time t.
/// </summary>
/// <param name="ConformalTime">τ.</param>
/// <param name="LogTime">log(1 + t), t the gradient-flow time.</param>
/// <param name="Weight">S.</param>
/// <param name="Bias">b.</param>
/// <param name="TrainAccuracy">Fraction of the two training points with negative logit.</param>
/// <param name="TestAccuracy">Φ(−b/(σ|S|)) for test points x ~ N(0, σ²).</param>
/// <param name="TestLogLoss">log of the exponential test loss, log E e^(Sx+b) = b + σ²S²/2.</param>
/// <param name="TrainTau">τ*_tr: first τ with both training points classified (NaN if never).</param>
/// <param name="GeneralizationTau">τ*_gen: first τ after the test loss has risen above its initial value 1 at which it returns to 1 (NaN if never).</param>
/// <param name="TrainLogTime">log(1 + t*_tr).</param>
/// <param name="GeneralizationLogTime">log(1 + t*_gen).</param>
/// <param name="AcceptedSteps">Integrator steps taken.</param>
/// <param name="TestAccuracyLevel">The test accuracy level timed below (0.95 unless asked otherwise).</param>
/// <param name="TestAccuracyTau">First τ at which the test accuracy reaches that level (linear interpolation between
/// integrator steps; NaN if not within the run).</param>
/// <param name="TestAccuracyLogTime">log(1 + t) at that moment: Fig. 3's grokking time "the time it takes for the
/// generalization accuracy to reach 0.95" (arXiv 2410.04489, caption of Fig. 3; secondary source), as log(1 + t).</param>
public sealed record TwoPointTrajectory(
    double[] ConformalTime, double[] LogTime, double[] Weight, double[] Bias, double[] TrainAccuracy, double[] TestAccuracy, double[] TestLogLoss,
    double TrainTau, double GeneralizationTau, double TrainLogTime, double GeneralizationLogTime, int AcceptedSteps,
    double TestAccuracyLevel, double TestAccuracyTau, double TestAccuracyLogTime)
{
    /// <summary>The last recorded S.</summary>
    public double FinalWeight => Weight[^1];

    /// <summary>The last recorded b.</summary>
    public double FinalBias => Bias[^1];

    /// <summary>The last recorded log(1 + t).</summary>
    public double FinalLogTime => LogTime[^1];
}
