using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

public class DormandPrinceTests
{
    [Fact]
    public void Integrate_ExponentialDecayAndOscillator_MatchClosedForms()
    {
        double[] last = Array.Empty<double>();
        DormandPrince.Integrate((t, y, dy) => { dy[0] = -y[0]; dy[1] = y[2]; dy[2] = -y[1]; }, new[] { 1.0, 0, 1 }, 0, 3,
            (t, y) => { last = (double[])y.Clone(); return true; }, 1e-11, 1e-13);
        NumericAssert.Close(Math.Exp(-3), last[0], 1e-8);
        NumericAssert.Close(Math.Sin(3), last[1], 1e-8);
        NumericAssert.Close(Math.Cos(3), last[2], 1e-7);
    }

    [Fact]
    public void Integrate_ObserverReturnsFalse_StopsEarly()
    {
        double lastT = 0;
        DormandPrince.Integrate((t, y, dy) => dy[0] = 1, new[] { 0.0 }, 0, 100, (t, y) => { lastT = t; return y[0] < 1; });
        Assert.True(lastT < 100 && lastT >= 1);
    }

    [Fact]
    public void Integrate_BadArguments_Throws()
    {
        Action<double, double[], double[]> f = (t, y, dy) => dy[0] = 0;
        Func<double, double[], bool> o = (t, y) => true;
        Assert.ThrowsAny<ArgumentException>(() => DormandPrince.Integrate(f, new[] { double.NaN }, 0, 1, o));
        Assert.ThrowsAny<ArgumentException>(() => DormandPrince.Integrate(f, new[] { 1.0 }, 1, 1, o));
        Assert.ThrowsAny<ArgumentException>(() => DormandPrince.Integrate(f, new[] { 1.0 }, 0, double.PositiveInfinity, o));
        Assert.ThrowsAny<ArgumentException>(() => DormandPrince.Integrate(f, new[] { 1.0 }, 0, 1, o, relativeTolerance: 0));
        Assert.ThrowsAny<ArgumentException>(() => DormandPrince.Integrate(f, Array.Empty<double>(), 0, 1, o));
    }
}
