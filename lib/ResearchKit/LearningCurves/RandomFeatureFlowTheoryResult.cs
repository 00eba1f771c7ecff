namespace ResearchKit.LearningCurves;

/// <summary>Loss curves of <see cref="RandomFeatureFlowTheory"/>.</summary>
/// <param name="Times">t (gradient-flow time, learning rate 1).</param>
/// <param name="TestLoss">Population loss L(t) = vᵀΛv, mean over A and data.</param>
/// <param name="TrainLoss">Training loss L̂(t) = vᵀΣ̂v, mean over A and data (equal to the test loss at P = ∞).</param>
/// <param name="Bottleneck">σ_A², the model bottleneck (t → ∞ test loss at P = ∞).</param>
/// <param name="Features">N.</param>
/// <param name="Samples">P.</param>
public sealed record RandomFeatureFlowTheoryResult(double[] Times, double[] TestLoss, double[] TrainLoss, double Bottleneck, double Features, double Samples)
{
    /// <summary>L(t) − L̂(t), the train–test gap.</summary>
    public double[] Gap => TestLoss.Zip(TrainLoss, (a, b) => a - b).ToArray();
}
