using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

/// <summary>
/// Closed forms of the linear teacher–student theory of notebook 02 (Levi, Beck &amp; Bar-Sinai, arXiv 2310.16441).
/// The paper's own claims are notebook 02's claims table, checked through its expected verdicts (notebooks/verdicts);
/// the tests here pin properties and known answers of the library's models, not the paper's numbers.
/// </summary>
public class LinearTeacherStudentTheoryKnownAnswerTests
{
    [Fact]
    public void Accuracy_AtAQuarterOfTheThreshold_IsTwoSigmaMass()
        => NumericAssert.Close(0.954499736103641586, LossAccuracy.Accuracy(1e-3 / 4, 1e-3), 1e-14);

    [Fact]
    public void AboveInterpolation_LambdaOnePointFive_GeneralizationPlateauIsOneThird()
    {
        var th = new LinearTeacherStudentTheory(1.5, 0.01);
        NumericAssert.Close(1.0 / 3.0, th.GeneralizationLoss(1e7), 1e-10);
        Assert.True(double.IsPositiveInfinity(th.CrossingTimes(1e-3).GeneralizationCrossing));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void LeadingOrderGrokkingTime_IsWithinAFactorThreeOfTheNumericalGap(double lambda)
    {
        double numerical = new LinearTeacherStudentTheory(lambda, 0.01).CrossingTimes(1e-3).Gap;
        double ratio = LinearTeacherStudentTheory.LeadingOrderGrokkingTime(lambda, 0.01) / numerical;
        Assert.InRange(ratio, 1.0 / 3, 3);
    }

    [Fact]
    public void LambdaTwoWithWeightDecay_TrainsButNeverGeneralizes()
    {
        var th = new LinearTeacherStudentTheory(2.0, 0.01, 0.01);
        double plateauAccuracy = LossAccuracy.Accuracy(th.PlateauGeneralizationLoss, 1e-3);
        Assert.True(plateauAccuracy < 0.1, $"plateau accuracy {plateauAccuracy}");
        Assert.True(th.CrossingTimes(1e-3, maxTime: 1e8).TrainCrossing < 1e4);
    }
}
