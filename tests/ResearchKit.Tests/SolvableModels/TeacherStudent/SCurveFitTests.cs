using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class SCurveFitTests
{
    [Theory]
    [InlineData(0.45, 0.02, 300.0, 0.5)]
    [InlineData(0.3, 0.5, -2.0, 0.6)]
    [InlineData(-0.4, 1e-4, 5e4, 0.5)]
    public void Fit_ExactErfCurve_RecoversParameters(double a, double s, double tStar, double b)
    {
        double width = 3 / s;
        var t = Enumerable.Range(0, 80).Select(i => tStar - width + 2 * width * i / 79.0 + 0.1 * width).ToArray();
        var y = t.Select(x => SCurveFit.Evaluate(a, s, tStar, b, x)).ToArray();
        var fit = SCurveFit.Fit(t, y);
        Assert.Equal(SCurveFitExit.Converged, fit.Exit);
        NumericAssert.Close(a, fit.Amplitude, 1e-6);
        NumericAssert.Close(s, fit.Sharpness, 1e-6);
        NumericAssert.CloseAbs(tStar, fit.JumpTime, 1e-6 * width);
        NumericAssert.Close(b, fit.Offset, 1e-6);
        Assert.True(fit.ResidualRms < 1e-8);
    }

    [Fact]
    public void Fit_NoisyCurve_ErrorsCoverTheTruth()
    {
        var rng = new Random(11);
        var t = Enumerable.Range(0, 200).Select(i => i * 5.0).ToArray();
        var y = t.Select(x => SCurveFit.Evaluate(0.5, 0.01, 500, 0.5, x) + 0.01 * (rng.NextDouble() - 0.5) * Math.Sqrt(12)).ToArray();
        var fit = SCurveFit.Fit(t, y);
        Assert.True(Math.Abs(fit.JumpTime - 500) < 4 * fit.JumpTimeError, $"t* = {fit.JumpTime} ± {fit.JumpTimeError}");
        Assert.True(Math.Abs(fit.Sharpness - 0.01) < 4 * fit.SharpnessError, $"s = {fit.Sharpness} ± {fit.SharpnessError}");
        NumericAssert.Close(0.01, fit.ResidualRms, 0.2, "residual ≈ noise level");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    public void Fit_ExactTheoryCurveOfNotebook02_JumpNearHalfwayPoint(double lambda)
    {
        // Known answer from notebook 02's exact theory: the generalisation accuracy, sampled log-uniformly in steps
        // up to 3 t*_gen and fitted on the linear step axis (as the paper fits epochs). An erf is not the curve's
        // exact shape, so t* must land near, not on, the time at which A reaches the fitted mid-level b: within
        // 10 %, with an rms misfit of a few per cent (below 2.5 % accuracy).
        var th = new LinearTeacherStudentTheory(lambda, 0.01);
        double tMax = 3 * th.CrossingTimes(1e-3).GeneralizationCrossing;
        var t = LinearTeacherStudentSimulation.LogSpacedSteps(tMax, 150);
        var acc = t.Select(x => LossAccuracy.Accuracy(th.GeneralizationLoss(x), 1e-3)).ToArray();
        var fit = SCurveFit.Fit(t, acc);
        Assert.Equal(SCurveFitExit.Converged, fit.Exit);
        double halfway = AccuracyCrossing.First(t, acc, fit.Offset);
        NumericAssert.Close(halfway, fit.JumpTime, 0.1, "t*");
        Assert.True(fit.ResidualRms < 0.025, $"rms residual {fit.ResidualRms}");
    }

    [Fact]
    public void Fit_BadInput_Throws()
    {
        var t = new[] { 1.0, 2, 3, 4, 5 };
        var y = new[] { 0.0, 0.1, 0.5, 0.9, 1.0 };
        Assert.Throws<ArgumentException>(() => SCurveFit.Fit(t, y.Take(4).ToArray()));
        Assert.Throws<ArgumentOutOfRangeException>(() => SCurveFit.Fit(t.Take(4).ToArray(), y.Take(4).ToArray()));
        Assert.Throws<ArgumentException>(() => SCurveFit.Fit(new[] { 1.0, 2, double.NaN, 4, 5 }, y));
        Assert.Throws<ArgumentException>(() => SCurveFit.Fit(new[] { 1.0, 1, 1, 1, 1 }, y));
        Assert.Throws<ArgumentOutOfRangeException>(() => SCurveFit.Fit(t, y, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SCurveFit.Fit(t, y, 10, double.NaN));
        Assert.Throws<ArgumentNullException>(() => SCurveFit.Fit(null!, y));
    }

    [Fact]
    public void GrokkingSharpness_TwoErfCurves_MeasuresMatchDefinitions()
    {
        var t = Enumerable.Range(0, 100).Select(i => i * 10.0).ToArray();
        var train = t.Select(x => SCurveFit.Evaluate(0.5, 0.02, 200, 0.5, x)).ToArray();
        var gen = t.Select(x => SCurveFit.Evaluate(0.5, 0.01, 600, 0.5, x)).ToArray();
        var m = GrokkingSharpness.Measure(t, train, gen);
        NumericAssert.Close((600 - 200) / 600.0, m.RelativeGap, 1e-6);
        NumericAssert.Close(0.5, m.RelativeSharpness, 1e-6);
        NumericAssert.Close(0.01, m.AbsoluteSharpness, 1e-6);
    }

    [Fact]
    public void GrokkingSharpness_SeparateWindows_MatchesCommonWindow()
    {
        var t = Enumerable.Range(0, 100).Select(i => i * 10.0).ToArray();
        var t2 = Enumerable.Range(0, 100).Select(i => i * 20.0).ToArray();
        var train = t.Select(x => SCurveFit.Evaluate(0.5, 0.02, 200, 0.5, x)).ToArray();
        var gen = t2.Select(x => SCurveFit.Evaluate(0.5, 0.01, 600, 0.5, x)).ToArray();
        var m = GrokkingSharpness.Measure(t, train, t2, gen);
        NumericAssert.Close(2.0 / 3.0, m.RelativeGap, 1e-6);
        Assert.Throws<ArgumentException>(() => GrokkingSharpness.Measure(t, train, t2, gen.Take(50).ToArray()));
    }

    [Fact]
    public void GrokkingSharpness_BadInput_Throws()
    {
        var t = new[] { 1.0, 2, 3, 4, 5 };
        var y = new[] { 0.0, 0.1, 0.5, 0.9, 1.0 };
        Assert.Throws<ArgumentException>(() => GrokkingSharpness.Measure(new[] { 1.0, 2, double.NaN, 4, 5 }, y, y));
        Assert.Throws<ArgumentNullException>(() => GrokkingSharpness.Measure(t, y, null!));
        Assert.Throws<ArgumentException>(() => GrokkingSharpness.Measure(t, y, t, new[] { 0.0, 1 }));
    }

    [Fact]
    public void FitFixedLevels_ExactCurve_RecoversSharpnessAndJump()
    {
        var t = Enumerable.Range(0, 300).Select(i => 10.0 * i).ToArray();
        var a = t.Select(x => SCurveFit.Evaluate(0.25, 0.004, 1200, 0.75, x)).ToArray();
        var fit = SCurveFit.FitFixedLevels(t, a, 0.25, 0.75);
        NumericAssert.Close(0.004, fit.Sharpness, 1e-8);
        NumericAssert.Close(1200, fit.JumpTime, 1e-8);
        Assert.Equal(0.25, fit.Amplitude);
        Assert.Equal(0.75, fit.Offset);
        Assert.Equal(SCurveFitExit.Converged, fit.Exit);
    }

    [Fact]
    public void FitFixedLevels_BadInput_Throws()
    {
        var t = new[] { 0.0, 1, 2, 3 };
        var a = new[] { 0.5, 0.6, 0.9, 1.0 };
        Assert.Throws<ArgumentOutOfRangeException>(() => SCurveFit.FitFixedLevels(t, a, 0, 0.75));
        Assert.Throws<ArgumentOutOfRangeException>(() => SCurveFit.FitFixedLevels(t, a, double.NaN, 0.75));
        Assert.Throws<ArgumentException>(() => SCurveFit.FitFixedLevels(new[] { 1.0, 1, 1, 1 }, a, 0.25, 0.75));
        Assert.ThrowsAny<ArgumentException>(() => SCurveFit.FitFixedLevels(t, new[] { 0.5, 0.6 }, 0.25, 0.75));
    }

    [Fact]
    public void GrokkingSharpness_AuthorsMeasures_FromFixedLevelFits()
    {
        var t = Enumerable.Range(0, 400).Select(i => 10.0 * i).ToArray();
        var tr = t.Select(x => SCurveFit.Evaluate(0.25, 0.01, 500, 0.75, x)).ToArray();
        var gen = t.Select(x => SCurveFit.Evaluate(0.25, 0.002, 2000, 0.75, x)).ToArray();
        var m = GrokkingSharpness.MeasureFixedLevels(t, tr, gen, 0.25, 0.75);
        NumericAssert.Close(2000.0 / 500 - 1, m.JumpTimeRatioGap, 1e-7);
        NumericAssert.Close(0.002 / (2 * Math.Sqrt(Math.PI)), m.MaxGeneralizationSlope, 1e-7);   // the authors' s_gen/(2√π) at a = ¼
        NumericAssert.Close(0.2, m.RelativeSharpness, 1e-7);
    }
}
