using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.Papers;

/// <summary>Paper-level statements of Beck, Bar Sinai &amp; Levi, arXiv 2602.12039 (notebook 05), at small sizes.</summary>
public class P05_BeckLogitRegularizationTests
{
    [Fact]
    public void LabelSmoothing_Overparameterised_MarginsClusterAtTarget()
    {
        var task = GaussianClassesModel.SignalPlusNoise(60, 1.0, 0.5, 1.0);
        var s = task.Sample(30, new Random(1));
        var loss = MarginLoss.LabelSmoothing(0.1);
        var tr = LogisticDynamics.Train(task, s, new LogisticTrainingOptions { Loss = loss, LearningRate = 1, Steps = 4000, FitBias = false });
        foreach (double m in LogisticDynamics.Margins(s, tr.FinalWeights, 0))
            NumericAssert.Close(loss.Target, m, 1e-4);
    }

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(1.5, false)]
    public void LabelSmoothing_CriticalLambdaIsOne(double lambda, bool generalises)
    {
        int n = 40, d = (int)Math.Round(lambda * n);
        var task = GaussianClassesModel.SignalPlusNoise(d, 0.2, 0.0, 1.0);
        var s = task.Sample(n, new Random(2));
        var tr = LogisticDynamics.Train(task, s, new LogisticTrainingOptions { Loss = MarginLoss.LabelSmoothing(0.5), LearningRate = 1, Steps = 8000, FitBias = false });
        if (generalises) Assert.True(tr.TestAccuracy[^1] > 0.99, $"accuracy {tr.TestAccuracy[^1]}");
        else Assert.True(tr.TestAccuracy[^1] < 0.95, $"accuracy {tr.TestAccuracy[^1]}");
    }

    [Fact]
    public void LabelSmoothing_LargeSample_AlignsWithFisher()
    {
        var task = new GaussianClassesModel(new[] { 1.0, 0.5, 0.2, 0 }, new[] { 0.5, 1.5, 0.3, 1 });
        var s = task.Sample(3000, new Random(3));
        var tr = LogisticDynamics.Train(task, s, new LogisticTrainingOptions { Loss = MarginLoss.LabelSmoothing(0.1), LearningRate = 0.5, Steps = 3000, FitBias = false });
        Assert.True(FisherDiscriminant.Cosine(tr.FinalWeights, task.FisherDirection()) > 0.99);
    }
}

/// <summary>Checks that used to be claims of notebook 05 but cannot fail there (they follow from the set-up).</summary>
public class P05_QuadraticLogitPenaltyTests
{
    [Fact]
    public void Overparameterised_GradientDescentMarginsReachTheTarget()
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
    public void GradientDescent_SameDrawRescaled_HasTheSameTestAccuracy()
    {
        // The old notebook row "invariant to σ_B" (one draw, x⊥ scaled by c, step η/c²) holds by the scaling map itself.
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
