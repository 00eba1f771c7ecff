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
