namespace ResearchKit.SolvableModels;

/// <summary>
/// A recorded training run of a linear classifier: at each record point the step, time t = Σ η_k, conformal time
/// τ = Σ η_k e^(−b_k), bias, weight norm, training loss and accuracy, and exact test accuracy and loss.
/// </summary>
/// <param name="Step">Recorded step numbers (0 first).</param>
/// <param name="Time">t = Σ_{k&lt;step} η_k.</param>
/// <param name="ConformalTime">τ = Σ_{k&lt;step} η_k e^(−b_k) (the paper's ∫ e^b dt in its sign convention).</param>
/// <param name="Bias">b.</param>
/// <param name="WeightNorm">‖w‖.</param>
/// <param name="SignalWeight">w₁, the weight on the first coordinate (the signal direction of the two-Gaussian model).</param>
/// <param name="TrainLoss">Mean φ over the training set.</param>
/// <param name="TrainAccuracy">Fraction of training margins &gt; 0.</param>
/// <param name="TestAccuracy">Exact test accuracy.</param>
/// <param name="TestLoss">Exact expected test loss.</param>
/// <param name="FinalWeights">w after the last step.</param>
/// <param name="FinalBias">b after the last step.</param>
/// <param name="ConformalSchedule">η_k e^(−b_k) for every step k (length Steps): the step sizes that replay the run without a bias.</param>
public sealed record LogisticTrajectory(
    int[] Step, double[] Time, double[] ConformalTime, double[] Bias, double[] WeightNorm, double[] SignalWeight,
    double[] TrainLoss, double[] TrainAccuracy, double[] TestAccuracy, double[] TestLoss,
    double[] FinalWeights, double FinalBias, double[] ConformalSchedule)
{
    /// <summary>
    /// The first recorded time at which <paramref name="series"/> reaches <paramref name="level"/> (linear interpolation
    /// in log time between record points); NaN if never reached.
    /// </summary>
    public double FirstTimeAbove(IReadOnlyList<double> series, double level)
    {
        ResearchKit.Numerics.Guard.NotNull(series);
        for (int i = 0; i < series.Count; i++)
        {
            if (series[i] >= level)
            {
                if (i == 0 || Time[i - 1] <= 0) return Time[i];
                double f = (level - series[i - 1]) / (series[i] - series[i - 1]);
                return Math.Exp(Math.Log(Time[i - 1]) + f * (Math.Log(Time[i]) - Math.Log(Time[i - 1])));
            }
        }
        return double.NaN;
    }
}
