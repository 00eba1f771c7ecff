using ResearchKit.ScalingLaws;

namespace ResearchKit.Tests.ScalingLaws;

public class RepetitionAccountingTests
{
    private static readonly CleanComputeLaw Law = new(2.0, 1e4, 0.3);

    [Theory]
    [InlineData(1e15)]
    [InlineData(3.3e19)]
    public void ComputeFor_InvertsTheLaw(double c) => NumericAssert.Close(c, Law.ComputeFor(Law.Loss(c)), 1e-9 * c);

    [Fact]
    public void Gain_IsOneOnTheLawAndFollowsTheRatioForm()
    {
        double c = 1e18, lBase = Law.Loss(c);
        NumericAssert.Close(1, Law.ComputeEquivalentGain(lBase, c), 1e-12);
        double lRep = lBase + 0.05;
        double ratioForm = Math.Pow((lBase - Law.IrreducibleLoss) / (lRep - Law.IrreducibleLoss), 1 / Law.Exponent);
        NumericAssert.Close(ratioForm, Law.ComputeEquivalentGain(lRep, c), 1e-12);
        NumericAssert.Close(1 - ratioForm, Law.ComputeEquivalentLoss(lRep, c), 1e-12);
        // ReducibleLossAtGain inverts the ratio form.
        NumericAssert.Close(lRep - Law.IrreducibleLoss, Law.ReducibleLossAtGain(ratioForm, c), 1e-12);
    }

    [Fact]
    public void Amplifier_IsTheLogDerivativeOfCleanCompute()
    {
        double l = 3.1, h = 1e-6;
        double numeric = -(Math.Log(Law.ComputeFor(l * (1 + h))) - Math.Log(Law.ComputeFor(l * (1 - h)))) / (2 * h);
        NumericAssert.Close(numeric, Law.Amplifier(l), 1e-6);
    }

    [Fact]
    public void Budget_IsChinchillaTwentyTokensPerParameter()
    {
        NumericAssert.Close(20 * 2.0 * 5e7, RepetitionBudget.Tokens(5e7, 2), 1e-6);
        NumericAssert.Close(120 * 0.5 * 5e7 * 5e7, RepetitionBudget.Compute(5e7, 0.5), 1e3);
        NumericAssert.Close(0.1 * 20 * 5e7 / 40, RepetitionBudget.RepeatedPool(5e7, 40), 1e-9);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CleanComputeLaw(double.NaN, 1, 0.3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CleanComputeLaw(2, 0, 0.3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CleanComputeLaw(2, 1, -0.3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Law.Loss(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Law.Loss(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => Law.ComputeFor(2.0));          // at the floor
        Assert.Throws<ArgumentOutOfRangeException>(() => Law.ComputeFor(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Law.ComputeEquivalentGain(3, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Law.ReducibleLossAtGain(0, 1e18));
        Assert.Throws<ArgumentOutOfRangeException>(() => Law.Amplifier(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => RepetitionBudget.Tokens(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RepetitionBudget.Compute(1e6, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RepetitionBudget.RepeatedPool(1e6, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => RepetitionBudget.RepeatedPool(1e6, 2, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RepetitionBudget.RepeatedPool(1e6, 2, 1, 1.2));
    }
}
