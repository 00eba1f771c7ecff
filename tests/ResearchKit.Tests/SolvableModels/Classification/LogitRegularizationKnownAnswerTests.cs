using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

/// <summary>
/// Known answers of the logit-regularised linear classifier that follow from the set-up itself (Beck, Bar Sinai &amp; Levi,
/// arXiv 2602.12039): they pin the library, and were rows of notebook 05 that could not fail there.
/// </summary>
public class LogitRegularizationKnownAnswerTests
{
    [Fact]
    public void Overparameterised_GradientDescentMarginsReachTheTarget_QuadraticPenalty()
    {
        // d = 2N: every margin can be set to z* at once, so the clustered logits sit exactly at z*.
        var task = GaussianClassesModel.SignalPlusNoise(60, 1.0, 0.5, 1.0);
        var s = task.Sample(30, new Random(1));
        var loss = MarginLoss.QuadraticLogitRegularization(0.2);
        var tr = LogisticDynamics.Train(task, s, new LogisticTrainingOptions { Loss = loss, LearningRate = 0.5, Steps = 6000, FitBias = false, RecordCount = 2 });
        foreach (double m in LogisticDynamics.Margins(s, tr.FinalWeights, 0))
            NumericAssert.Close(loss.Target, m, 1e-6);
    }

    [Fact]
    public void Overparameterised_GradientDescentMarginsReachTheTarget_LabelSmoothing()
    {
        var task = GaussianClassesModel.SignalPlusNoise(60, 1.0, 0.5, 1.0);
        var s = task.Sample(30, new Random(1));
        var loss = MarginLoss.LabelSmoothing(0.1);
        var tr = LogisticDynamics.Train(task, s, new LogisticTrainingOptions { Loss = loss, LearningRate = 1, Steps = 4000, FitBias = false });
        foreach (double m in LogisticDynamics.Margins(s, tr.FinalWeights, 0))
            NumericAssert.Close(loss.Target, m, 1e-4);
    }

    [Fact]
    public void SameDrawWithTheOrthogonalNoiseRescaled_HasTheSameOptimalTestAccuracy()
    {
        // The old notebook row "invariant to σ_B" (one draw, x⊥ scaled by c) holds by the scaling map itself.
        int d = 10, n = 40;
        var s1 = GaussianClassesModel.SignalPlusNoise(d, 1.0, 0.3, 1.0).Sample(n, new Random(2));
        var scaled = s1.Points.Clone();
        for (int i = 0; i < n; i++) for (int j = 1; j < d; j++) scaled[i, j] *= 2;
        var s2 = new ClassificationSample(scaled, s1.Labels);
        var loss = MarginLoss.QuadraticLogitRegularization(0.4);
        var m1 = LogitMinimizer.Minimize(s1, loss); var m2 = LogitMinimizer.Minimize(s2, loss);
        NumericAssert.Close(GaussianClassesModel.SignalPlusNoise(d, 1.0, 0.3, 1.0).TestAccuracy(m1.Weights, 0),
            GaussianClassesModel.SignalPlusNoise(d, 1.0, 0.3, 2.0).TestAccuracy(m2.Weights, 0), 1e-9);
    }
}
