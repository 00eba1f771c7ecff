using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.Papers;

/// <summary>Paper-level numbers of Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441), checked on the theory (notebook 02).</summary>
public class P02_LeviGrokkingLinearTests
{
    [Fact]
    public void Eq10_NinetyFivePercentAccuracy_AtQuarterEpsilon()
        => NumericAssert.Close(0.954499736103641586, LossAccuracy.Accuracy(1e-3 / 4, 1e-3), 1e-14);

    [Fact]
    public void Fig1_LambdaOnePointFive_GeneralizationPlateauIsOneThird()
    {
        var th = new LinearTeacherStudentTheory(1.5, 0.01);
        NumericAssert.Close(1.0 / 3.0, th.GeneralizationLoss(1e7), 1e-10);
        Assert.True(double.IsPositiveInfinity(th.CrossingTimes(1e-3).GeneralizationCrossing));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Eq12_LeadingOrder_IsRightToOrderOfMagnitude(double lambda)
    {
        double numerical = new LinearTeacherStudentTheory(lambda, 0.01).CrossingTimes(1e-3).Gap;
        double ratio = LinearTeacherStudentTheory.LeadingOrderGrokkingTime(lambda, 0.01) / numerical;
        Assert.InRange(ratio, 1.0 / 3, 3);
    }

    [Fact]
    public void Fig2_GrokkingTimeLargestForIntermediateOutputDimension()
    {
        int[] grid = { 1, 5, 10, 20, 30, 50, 100, 200, 700 };
        var gaps = grid.Select(d => new LinearTeacherStudentTheory(0.9, 0.01 / d, outputDimension: d).CrossingTimes(1e-3).Gap).ToArray();
        int argMax = grid[Array.IndexOf(gaps, gaps.Max())];
        Assert.InRange(argMax, 20, 100);   // the paper's Fig. 2 puts the maximum near d_out ≈ 50
    }

    [Fact]
    public void NegativeControl_LambdaTwoWithWeightDecay_NeverGroks()
    {
        var th = new LinearTeacherStudentTheory(2.0, 0.01, 0.01);
        double plateauAccuracy = LossAccuracy.Accuracy(th.PlateauGeneralizationLoss, 1e-3);
        Assert.True(plateauAccuracy < 0.1, $"plateau accuracy {plateauAccuracy}");
        Assert.True(th.CrossingTimes(1e-3, maxTime: 1e8).TrainCrossing < 1e4);
    }
}
