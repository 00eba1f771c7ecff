using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class TwoLayerLinearTheoryTests
{
    [Theory]
    [InlineData(0.01, 1, 0.005)]
    [InlineData(0.01, 5, 0.0002)]
    [InlineData(0.5, 5, 0.01)]
    public void EquivalentRate_IsRateOverTwoDoutSquared(double eta, int dOut, double expected)
        => NumericAssert.Close(expected, new TwoLayerLinearTheory(0.5, eta, dOut, 0.01).EquivalentRate, 1e-12);

    [Theory]
    [InlineData(0.5, 5, 0.01)]
    [InlineData(0.9, 1, 0.0025)]
    public void Losses_AtZero_AreResidualNormPerOutput(double lambda, int dOut, double residual)
    {
        var theory = new TwoLayerLinearTheory(lambda, 0.5, dOut, residual);
        NumericAssert.Close(residual / dOut, theory.GeneralizationLoss(0), 1e-9);
        NumericAssert.Close(residual / dOut, theory.TrainLoss(0), 1e-9);   // E_ν[ν] = 1 under MP
    }

    [Fact]
    public void Losses_AreResidualNormTimesOneLayerTheoryAtTheMappedRate()
    {
        var theory = new TwoLayerLinearTheory(0.5, 0.5, 5, 0.004);
        var oneLayer = new LinearTeacherStudentTheory(0.5, 0.5 / 50, outputDimension: 5);
        foreach (double t in new[] { 10.0, 100, 1000 })
        {
            NumericAssert.Close(0.004 * oneLayer.TrainLoss(t), theory.TrainLoss(t), 1e-12, $"L_tr({t})");
            NumericAssert.Close(0.004 * oneLayer.GeneralizationLoss(t), theory.GeneralizationLoss(t), 1e-12, $"L_gen({t})");
        }
    }

    [Fact]
    public void CrossingTimes_AccuracyOfEq19EqualsTheLevelThere()
    {
        const double epsilon = 1e-4;
        var theory = new TwoLayerLinearTheory(0.5, 0.5, 5, 0.01);
        var times = theory.CrossingTimes(epsilon);
        Assert.True(times.GeneralizationCrossing > times.TrainCrossing);
        NumericAssert.Close(LossAccuracy.CrossingAccuracy, LossAccuracy.Accuracy(theory.TrainLoss(times.TrainCrossing), epsilon, 5), 1e-6, "A_tr(t*_tr)");
        NumericAssert.Close(LossAccuracy.CrossingAccuracy, LossAccuracy.Accuracy(theory.GeneralizationLoss(times.GeneralizationCrossing), epsilon, 5), 1e-6, "A_gen(t*_gen)");
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerLinearTheory(0, 0.5, 5, 0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerLinearTheory(0.5, double.NaN, 5, 0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerLinearTheory(0.5, 100, 5, 0.01));   // η/(2 d_out²) = 2 ≥ 1
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerLinearTheory(0.5, 0.5, 0, 0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerLinearTheory(0.5, 0.5, 5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerLinearTheory(0.5, 0.5, 5, 0.01).CrossingTimes(-1));
    }
}
