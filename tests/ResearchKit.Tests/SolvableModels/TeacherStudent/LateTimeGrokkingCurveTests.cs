using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class LateTimeGrokkingCurveTests
{
    [Fact]
    public void Compute_SamplesTheClosedFormsOnTheAuthorsWindow_AndFitsThem()
    {
        const double lambda = 1.05, eta0 = 1e-2, eps = 1e-10;
        var c = LateTimeGrokkingCurve.Compute(lambda, eta0, eps, 400);
        Assert.Equal(400, c.Times.Length);
        Assert.Equal(1.0, c.Times[0]);
        NumericAssert.Close(5e3 / (0.05 * 0.05), c.Times[^1], 1e-12);
        foreach (int i in new[] { 0, 17, 200, 399 })
        {
            Assert.Equal(LossAccuracy.Accuracy(LinearTeacherStudentTheory.LateTimeTrainLoss(lambda, eta0, c.Times[i]), eps), c.TrainAccuracy[i]);
            Assert.Equal(LossAccuracy.Accuracy(LinearTeacherStudentTheory.LateTimeGeneralizationLoss(lambda, eta0, c.Times[i]), eps), c.GeneralizationAccuracy[i]);
        }
        var direct = GrokkingSharpness.MeasureFixedLevels(c.Times, c.TrainAccuracy, c.GeneralizationAccuracy, 0.5, 0.5);
        Assert.Equal(direct.Train.JumpTime, c.Fit.Train.JumpTime);
        Assert.Equal(direct.Generalization.Sharpness, c.Fit.Generalization.Sharpness);
        // The model groks: generalisation jumps after training (m > 0), both curves rise from ≈ 0 to ≈ 1.
        Assert.True(c.Fit.JumpTimeRatioGap > 0, $"m = {c.Fit.JumpTimeRatioGap}");
        Assert.True(c.TrainAccuracy[0] < 0.05 && c.TrainAccuracy[^1] > 0.95);
        Assert.True(c.GeneralizationAccuracy[0] < 0.05 && c.GeneralizationAccuracy[^1] > 0.95);
    }

    [Fact]
    public void Sweep_EqualsOneCallPerLambda_AtOneAndTwoThreads()
    {
        double[] lambdas = { 1.003, 1.02, 1.06, 1.1 };
        var single = lambdas.Select(l => LateTimeGrokkingCurve.Compute(l, 1e-2, 1e-10, 300)).ToArray();
        foreach (int threads in new[] { 1, 2 })
        {
            var sweep = LateTimeGrokkingCurve.Sweep(lambdas, 1e-2, 1e-10, 300, maxDegreeOfParallelism: threads);
            for (int i = 0; i < lambdas.Length; i++)
            {
                Assert.Equal(lambdas[i], sweep[i].AspectRatio);
                Assert.Equal(ThreadLimit.Bits(single[i].TrainAccuracy), ThreadLimit.Bits(sweep[i].TrainAccuracy));
                Assert.Equal(ThreadLimit.Bits(single[i].GeneralizationAccuracy), ThreadLimit.Bits(sweep[i].GeneralizationAccuracy));
                Assert.Equal(single[i].Fit.Generalization.JumpTime, sweep[i].Fit.Generalization.JumpTime);
            }
        }
    }

    [Fact]
    public void BadInput_ThrowsNamingTheArgument()
    {
        Assert.Equal("aspectRatio", Assert.Throws<ArgumentOutOfRangeException>(() => LateTimeGrokkingCurve.Compute(1.0, 1e-2, 1e-10, 10)).ParamName);
        Assert.Equal("aspectRatio", Assert.Throws<ArgumentOutOfRangeException>(() => LateTimeGrokkingCurve.Compute(double.NaN, 1e-2, 1e-10, 10)).ParamName);
        Assert.Equal("effectiveRate", Assert.Throws<ArgumentOutOfRangeException>(() => LateTimeGrokkingCurve.Compute(1.05, 0, 1e-10, 10)).ParamName);
        Assert.Equal("errorThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => LateTimeGrokkingCurve.Compute(1.05, 1e-2, double.PositiveInfinity, 10)).ParamName);
        Assert.Equal("timeCount", Assert.Throws<ArgumentOutOfRangeException>(() => LateTimeGrokkingCurve.Compute(1.05, 1e-2, 1e-10, 2)).ParamName);
        Assert.Contains("t_max", Assert.Throws<ArgumentOutOfRangeException>(() => LateTimeGrokkingCurve.Compute(1.05, 1e-2, 1e-10, 10, timeScale: 1e-3)).Message);
        Assert.Equal("aspectRatios", Assert.Throws<ArgumentException>(() => LateTimeGrokkingCurve.Sweep(Array.Empty<double>(), 1e-2, 1e-10, 10)).ParamName);
        Assert.Equal("aspectRatios", Assert.Throws<ArgumentOutOfRangeException>(() => LateTimeGrokkingCurve.Sweep(new[] { 1.05, 0.9 }, 1e-2, 1e-10, 10)).ParamName);
    }
}
