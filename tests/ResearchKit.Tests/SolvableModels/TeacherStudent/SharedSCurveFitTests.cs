using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class SharedSCurveFitTests
{
    [Fact]
    public void Fit_ExactCurvesWithSharedLevels_RecoversAllParameters()
    {
        var tTr = Enumerable.Range(0, 60).Select(i => 2.0 * i).ToArray();
        var tGen = Enumerable.Range(0, 90).Select(i => 5.0 * i).ToArray();
        var aTr = tTr.Select(t => SCurveFit.Evaluate(0.25, 0.04, 30, 0.75, t)).ToArray();
        var aGen = tGen.Select(t => SCurveFit.Evaluate(0.25, 0.01, 250, 0.75, t)).ToArray();
        var m = SharedSCurveFit.Fit(tTr, aTr, tGen, aGen);
        NumericAssert.Close(0.25, m.Train.Amplitude, 1e-8);
        NumericAssert.Close(0.75, m.Generalization.Offset, 1e-8);
        NumericAssert.Close(0.04, m.Train.Sharpness, 1e-7);
        NumericAssert.Close(30, m.Train.JumpTime, 1e-7);
        NumericAssert.Close(0.01, m.Generalization.Sharpness, 1e-7);
        NumericAssert.Close(250, m.Generalization.JumpTime, 1e-7);
        NumericAssert.Close((250 - 30) / 250.0, m.RelativeGap, 1e-7);
        Assert.Equal(SCurveFitExit.Converged, m.Train.Exit);
    }

    [Fact]
    public void Fit_TrainCurveWithoutLowerPlateau_KeepsJumpAfterStart()
    {
        // The training curve is already rising at t = 0 (starts at 0.6, not at chance): fitted alone its erf may
        // slide its centre before t = 0; the validation curve's plateau at 0.5 fixes the shared lower level.
        var tTr = Enumerable.Range(0, 40).Select(i => (double)i).ToArray();
        var aTr = tTr.Select(t => SCurveFit.Evaluate(0.25, 0.08, 8, 0.75, t)).ToArray();
        var tGen = Enumerable.Range(0, 80).Select(i => 4.0 * i).ToArray();
        var aGen = tGen.Select(t => SCurveFit.Evaluate(0.25, 0.02, 150, 0.75, t)).ToArray();
        var m = SharedSCurveFit.Fit(tTr, aTr, tGen, aGen);
        NumericAssert.Close(8, m.Train.JumpTime, 1e-6);
        NumericAssert.Close(0.08, m.Train.Sharpness, 1e-6);
    }

    [Fact]
    public void BadArguments_Throw()
    {
        var t = new[] { 0.0, 1, 2, 3 };
        var a = new[] { 0.5, 0.6, 0.9, 1 };
        Assert.Throws<ArgumentException>(() => SharedSCurveFit.Fit(t, a.Take(3).ToArray(), t, a));
        Assert.Throws<ArgumentOutOfRangeException>(() => SharedSCurveFit.Fit(t.Take(2).ToArray(), a.Take(2).ToArray(), t, a));
        Assert.Throws<ArgumentException>(() => SharedSCurveFit.Fit(t, a, new[] { 0.0, 1, double.NaN, 3 }, a));
        Assert.Throws<ArgumentException>(() => SharedSCurveFit.Fit(t, a, new[] { 2.0, 2, 2, 2 }, a));
        Assert.Throws<ArgumentOutOfRangeException>(() => SharedSCurveFit.Fit(t, a, t, a, maxIterations: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SharedSCurveFit.Fit(t, a, t, a, tolerance: 0.5));
    }
}
