using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

public class HypergeometricTests
{
    [Fact]
    public void Regularized0F1_AtZero_IsOneOverGammaB()
    {
        NumericAssert.Close(1.0, Hypergeometric.Regularized0F1(2, 0), 1e-15);
        NumericAssert.Close(1.0 / 6.0, Hypergeometric.Regularized0F1(4, 0), 1e-14);
    }

    // Reference values from mpmath 1.3.0 (30 digits): hyp0f1(b, z)/gamma(b); besseli(1, 20)/10.
    [Theory]
    [InlineData(2.0, 1.0, 1.590636854637329063)]
    [InlineData(2.0, 30.0, 1214.518946111960181)]
    [InlineData(2.0, 100.0, 4245497.338512777018)]
    [InlineData(3.5, 7.0, 1.634315012161143705)]
    public void Regularized0F1_KnownValues_Match(double b, double z, double expected)
        => NumericAssert.Close(expected, Hypergeometric.Regularized0F1(b, z), 1e-12);

    [Fact]
    public void Regularized0F1Scaled_AcrossSeriesLimit_IsContinuous()
    {
        double below = Hypergeometric.Regularized0F1Scaled(2, 25.0);
        double above = Hypergeometric.Regularized0F1Scaled(2, 25.0 + 1e-9);
        NumericAssert.Close(below, above, 1e-9);
    }

    [Fact]
    public void Regularized0F1Scaled_HugeArgument_IsFiniteAndPositive()
    {
        double v = Hypergeometric.Regularized0F1Scaled(2, 1e12);
        Assert.True(v > 0 && double.IsFinite(v));
        // Large-z limit: e^(−2√z) ₀F̃₁(2; z) ≈ z^(−3/4)/(2√π).
        NumericAssert.Close(Math.Pow(1e12, -0.75) / (2 * Math.Sqrt(Math.PI)), v, 1e-5);
    }

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(0.0, 1.0)]
    [InlineData(-1.0, 1.0)]
    [InlineData(2.0, -1.0)]
    [InlineData(2.0, double.NaN)]
    [InlineData(2.0, double.PositiveInfinity)]
    public void Regularized0F1_BadInput_Throws(double b, double z)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => Hypergeometric.Regularized0F1(b, z));
        Assert.Contains("allowed", ex.Message);
    }
}
