using System.Numerics;
using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

public class TalbotInversionTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(40.0)]
    public void InvertsKnownTransforms(double t)
    {
        NumericAssert.CloseAbs(Math.Exp(-0.7 * t), TalbotInversion.Invert(s => 1 / (s + 0.7), t), 1e-9, "e^(−0.7t)");
        NumericAssert.Close(t, TalbotInversion.Invert(s => 1 / (s * s), t), 1e-8, "t");
        // A branch cut on the negative axis: 1/√(s + 1) ↔ e^(−t)/√(πt).
        NumericAssert.CloseAbs(Math.Exp(-t) / Math.Sqrt(Math.PI * t), TalbotInversion.Invert(s => 1 / Complex.Sqrt(s + 1), t), 1e-9, "e^(−t)/√(πt)");
    }

    [Theory]
    [InlineData(0.3, 20)]
    [InlineData(5.0, 20)]
    [InlineData(1.0, 16)]
    public void InvertsTwoTimeTransformsOnTheDiagonal(double t, int nodes)
    {
        // 1/((s + a)(s′ + b)) ↔ e^(−at − bt′). Non-separable, smooth on the diagonal, with a branch cut on [−1, 0]:
        // f(t, t′) = ∫₀¹ e^(−μ(t + t′)) dμ ↔ ∫₀¹ dμ/((s + μ)(s′ + μ)) = [ln((s+1)/s) − ln((s′+1)/s′)]/(s′ − s),
        // whose diagonal is (1 − e^(−2t))/(2t). (At M = 32 round-off, amplified by e^(0.8M), costs about 10⁻⁷: hence 16–20.)
        NumericAssert.CloseAbs(Math.Exp(-1.5 * t), TalbotInversion.InvertDiagonal((s, u) => 1 / ((s + 1) * (u + 0.5)), t, nodes), 1e-7, "separable");
        static Complex Spread(Complex s, Complex u) => s == u
            ? 1 / s - 1 / (s + 1)
            : (Complex.Log((s + 1) / s) - Complex.Log((u + 1) / u)) / (u - s);
        NumericAssert.CloseAbs((1 - Math.Exp(-2 * t)) / (2 * t), TalbotInversion.InvertDiagonal(Spread, t, nodes), 1e-7, "spread of rates");
    }

    [Fact]
    public void BadInput_NamesParameterValueAndRange()
    {
        Assert.Contains("t = 0", Assert.Throws<ArgumentOutOfRangeException>(() => TalbotInversion.Contour(0)).Message);
        Assert.Contains("t = NaN", Assert.Throws<ArgumentOutOfRangeException>(() => TalbotInversion.Contour(double.NaN)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => TalbotInversion.Contour(double.PositiveInfinity));
        Assert.Contains("nodes = 2", Assert.Throws<ArgumentOutOfRangeException>(() => TalbotInversion.Contour(1, 2)).Message);
        Assert.Throws<ArgumentNullException>(() => TalbotInversion.Invert(null!, 1));
        Assert.Throws<ArgumentNullException>(() => TalbotInversion.InvertDiagonal(null!, 1));
    }
}
