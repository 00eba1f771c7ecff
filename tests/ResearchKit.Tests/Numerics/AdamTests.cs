using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

public class AdamTests
{
    [Fact]
    public void Step_FirstStep_MovesByLearningRateAgainstSign()
    {
        // After one step m̂ = g and v̂ = g², so Δθ = −η g/(|g| + ε) ≈ −η sign(g).
        var adam = new Adam(3, 0.01, 0.8, 0.9, 1e-8);
        var p = new[] { 1.0, 2.0, 3.0 };
        adam.Step(p, new[] { 0.5, -2.0, 1e-3 });
        NumericAssert.Close(1 - 0.01 * 0.5 / (0.5 + 1e-8), p[0], 1e-14);
        NumericAssert.Close(2 + 0.01 * 2 / (2 + 1e-8), p[1], 1e-14);
        NumericAssert.Close(3 - 0.01 * 1e-3 / (1e-3 + 1e-8), p[2], 1e-14);
    }

    [Fact]
    public void Step_Quadratic_ConvergesToMinimum()
    {
        var adam = new Adam(1, 0.05);
        var p = new[] { 3.0 };
        for (int i = 0; i < 3000; i++) adam.Step(p, new[] { 2 * (p[0] - 1) });
        NumericAssert.CloseAbs(1, p[0], 1e-3);
    }

    [Theory]
    [InlineData(0, 0.1, 0.9, 0.99)]
    [InlineData(2, double.NaN, 0.9, 0.99)]
    [InlineData(2, -1, 0.9, 0.99)]
    [InlineData(2, 0.1, 1.0, 0.99)]
    [InlineData(2, 0.1, 0.9, -0.1)]
    public void Constructor_BadArguments_Throws(int count, double eta, double b1, double b2)
        => Assert.ThrowsAny<ArgumentException>(() => new Adam(count, eta, b1, b2));

    [Fact]
    public void Step_BadGradient_Throws()
    {
        var adam = new Adam(2, 0.1);
        Assert.ThrowsAny<ArgumentException>(() => adam.Step(new double[2], new[] { 1.0, double.NaN }));
        Assert.ThrowsAny<ArgumentException>(() => adam.Step(new double[2], new[] { 1.0 }));
    }
}
