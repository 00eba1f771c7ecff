using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class GaussianClassesModelTests
{
    [Fact]
    public void TestAccuracy_SignalDirection_IsPhiOfSignalOverWidth()
    {
        var m = GaussianClassesModel.SignalPlusNoise(4, 0.2, 0.1, 1);
        NumericAssert.Close(0.9772498680518208, m.TestAccuracy(new[] { 1.0, 0, 0, 0 }, 0), 1e-12); // Φ(2)
    }

    [Fact]
    public void TestAccuracyAndLoss_MatchMonteCarlo()
    {
        var m = new GaussianClassesModel(new[] { 0.5, -0.2, 0 }, new[] { 1.0, 0.5, 2 });
        var w = new[] { 0.8, -1.0, 0.3 };
        double b = 0.2;
        var s = m.Sample(200000, new Random(9));
        var margins = LogisticDynamics.Margins(s, w, b);
        double acc = margins.Count(v => v > 0) / (double)margins.Length;
        double loss = margins.Average(v => MarginLoss.Logistic.Value(v));
        NumericAssert.CloseAbs(acc, m.TestAccuracy(w, b), 0.004);
        NumericAssert.CloseAbs(loss, m.TestLoss(w, b, MarginLoss.Logistic), 0.005);
        double expLoss = margins.Average(v => MarginLoss.Exponential.Value(v));
        NumericAssert.Close(expLoss, m.TestLoss(w, b, MarginLoss.Exponential), 0.02);
    }

    [Fact]
    public void ConstantLabel_TestAccuracy_IsPhiOfBiasOverNoise()
    {
        var m = new ConstantLabelModel(2, 2.0);
        NumericAssert.Close(0.8413447460685429, m.TestAccuracy(new[] { 0.3, 0.4 }, 1.0), 1e-12); // Φ(1/(2·0.5))
        NumericAssert.Close(Math.Exp(-1 + 0.5), m.TestLoss(new[] { 0.3, 0.4 }, 1.0, MarginLoss.Exponential), 1e-12);
    }

    [Fact]
    public void FisherDirection_IsTwoMeanOverVariance()
    {
        var m = new GaussianClassesModel(new[] { 1.0, 0.5 }, new[] { 2.0, 0.5 });
        var f = m.FisherDirection();
        NumericAssert.Close(0.5, f[0], 1e-15);
        NumericAssert.Close(4, f[1], 1e-15);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => GaussianClassesModel.SignalPlusNoise(1, 0.2, 0, 1));
        Assert.ThrowsAny<ArgumentException>(() => GaussianClassesModel.SignalPlusNoise(3, 0, 0, 1));
        Assert.ThrowsAny<ArgumentException>(() => GaussianClassesModel.SignalPlusNoise(3, 0.2, -1, 1));
        Assert.ThrowsAny<ArgumentException>(() => GaussianClassesModel.SignalPlusNoise(3, 0.2, 0, double.NaN));
        Assert.ThrowsAny<ArgumentException>(() => new GaussianClassesModel(new[] { 1.0 }, new[] { 1.0, 2 }));
        Assert.ThrowsAny<ArgumentException>(() => new GaussianClassesModel(new[] { 1.0 }, new[] { -1.0 }));
        Assert.ThrowsAny<ArgumentException>(() => new ConstantLabelModel(0, 1));
        Assert.ThrowsAny<ArgumentException>(() => new ConstantLabelModel(2, 0));
        var m = new ConstantLabelModel(2, 1);
        Assert.ThrowsAny<ArgumentException>(() => m.TestAccuracy(new[] { 1.0 }, 0));
        Assert.ThrowsAny<ArgumentException>(() => m.TestAccuracy(new[] { 1.0, 0 }, double.NaN));
        Assert.ThrowsAny<ArgumentException>(() => m.Sample(0, new Random(1)));
        Assert.Throws<InvalidOperationException>(() => GaussianClassesModel.SignalPlusNoise(3, 0.2, 0, 1).FisherDirection());
    }
}
