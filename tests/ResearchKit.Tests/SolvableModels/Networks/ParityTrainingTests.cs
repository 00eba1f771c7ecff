using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class ParityTrainingTests
{
    private static ParityDataset SmallTask(int seed) => new ParityTask(2, 4, 200, 100).Sample(new Random(seed));

    [Fact]
    public void Run_UnconcealedSmallParity_LearnsIt()
    {
        // Two parity bits and two random bits, 200 examples: the rule is learnable in a few dozen epochs.
        var result = ParityTraining.Run(SmallTask(1), new ParityTrainingOptions(32, 150, stopFactor: double.PositiveInfinity), new Random(2));
        Assert.Equal(151, result.Epochs.Count);
        Assert.True(result.TrainAccuracy[^1] == 1, $"train accuracy {result.TrainAccuracy[^1]}");
        Assert.True(result.ValidationAccuracy[^1] == 1, $"validation accuracy {result.ValidationAccuracy[^1]}");
        Assert.True(result.Generalized);
        Assert.True(result.TrainLoss[^1] < result.TrainLoss[0]);
    }

    [Fact]
    public void Run_SameSeed_SameCurves()
    {
        var options = new ParityTrainingOptions(16, 20);
        var a = ParityTraining.Run(SmallTask(3), options, new Random(4));
        var b = ParityTraining.Run(SmallTask(3), options, new Random(4));
        Assert.Equal(a.ValidationAccuracy, b.ValidationAccuracy);
        Assert.Equal(a.Network.Parameters, b.Network.Parameters);
    }

    [Fact]
    public void Run_OneFullBatchEpochWithoutDecay_IsOneGradientStep()
    {
        var data = SmallTask(5);
        var net = ParityNetwork.Initialize(4, 8, new Random(6));
        var options = new ParityTrainingOptions(8, 1, learningRate: 0.3, weightDecay: 0, batchSize: 200, stopFactor: double.PositiveInfinity);
        var result = ParityTraining.Run(data, options, net, new Random(7));
        var g = net.Gradient(data.TrainInputs, data.TrainLabels);
        for (int k = 0; k < g.Length; k++)
            NumericAssert.CloseAbs(net.Parameters[k] - 0.3 * g[k], result.Network.Parameters[k], 1e-12, $"θ[{k}]");
    }

    [Fact]
    public void Run_WeightDecayOnly_ShrinksGeometrically()
    {
        // With a zero second layer the loss gradient w.r.t. W₁, b₁ is zero and the one w.r.t. W₂ is zero when the
        // hidden layer is silent (all-zero inputs, zero bias); weight decay alone then gives θ ← (1 − ηλ)θ per step.
        var data = new ParityDataset(2, new double[] { 0, 0, 0, 0 }, new[] { 0, 1 }, new double[] { 0, 0 }, new[] { 0 });
        var theta = new double[] { 0.5, -1, 2, 0.25, 0, 0, 0, 0, 0, 0 };
        var options = new ParityTrainingOptions(2, 3, learningRate: 0.1, weightDecay: 0.5, batchSize: 1, stopFactor: double.PositiveInfinity);
        var result = ParityTraining.Run(data, options, new ParityNetwork(2, 2, theta), new Random(1));
        double factor = Math.Pow(1 - 0.05, 2 * 3);
        for (int k = 0; k < 4; k++)
            NumericAssert.Close(theta[k] * factor, result.Network.Parameters[k], 1e-12);
    }

    [Fact]
    public void Run_StopFactor_StopsAtMultipleOfValidationEpoch()
    {
        var result = ParityTraining.Run(SmallTask(1), new ParityTrainingOptions(32, 500, stopFactor: 2), new Random(2));
        Assert.NotNull(result.ValidationEpoch);
        Assert.Equal(Math.Ceiling(2.0 * result.ValidationEpoch!.Value), result.Epochs[^1]);
    }

    [Fact]
    public void MeasureSharpness_NoJump_Throws()
    {
        var result = ParityTraining.Run(SmallTask(1), new ParityTrainingOptions(8, 1), new Random(2));
        Assert.False(result.Generalized);
        Assert.Throws<InvalidOperationException>(() => result.MeasureSharpness());
    }

    [Fact]
    public void BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParityTrainingOptions(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParityTrainingOptions(4, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParityTrainingOptions(4, 10, learningRate: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParityTrainingOptions(4, 10, weightDecay: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParityTrainingOptions(4, 10, batchSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParityTrainingOptions(4, 10, threshold: 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParityTrainingOptions(4, 10, stopFactor: 0.5));
        var data = SmallTask(1);
        Assert.Throws<ArgumentNullException>(() => ParityTraining.Run(null!, new ParityTrainingOptions(4, 1), new Random(1)));
        Assert.Throws<ArgumentException>(() => ParityTraining.Run(data, new ParityTrainingOptions(4, 1), ParityNetwork.Initialize(5, 4, new Random(1)), new Random(1)));
        Assert.Throws<ArgumentException>(() => ParityTraining.Run(data, new ParityTrainingOptions(4, 1), ParityNetwork.Initialize(4, 3, new Random(1)), new Random(1)));
        var result = ParityTraining.Run(data, new ParityTrainingOptions(4, 1), new Random(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.MeasureSharpness(0.5));
    }
}
