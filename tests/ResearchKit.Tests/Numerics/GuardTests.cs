using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

public class GuardTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Positive_BadValue_ThrowsNamingParameterValueAndRange(double aspectRatio)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Positive(aspectRatio));
        Assert.Equal("aspectRatio", ex.ParamName);
        Assert.Contains("aspectRatio = ", ex.Message);
        Assert.Contains("allowed: 0 < aspectRatio", ex.Message);
    }

    [Fact]
    public void Positive_GoodValue_DoesNotThrow() => Guard.Positive(1e-300);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    public void InRange_Outside_Throws(double fraction)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InRange(fraction, 0, 1));
        Assert.Contains("0 ≤ fraction ≤ 1", ex.Message);
    }

    [Fact]
    public void InOpenRange_AtEdge_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InOpenRange(0.5, 0, 0.5, "lambda"));

    [Fact]
    public void AllFinite_NaNElement_ThrowsNamingIndex()
    {
        double[] samples = { 1, 2, double.NaN };
        var ex = Assert.Throws<ArgumentException>(() => Guard.AllFinite(samples));
        Assert.Contains("samples[2] = NaN", ex.Message);
    }

    [Fact]
    public void NotEmpty_Empty_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Guard.NotEmpty(Array.Empty<int>(), "counts"));
        Assert.Contains("counts is empty", ex.Message);
    }

    [Fact]
    public void AtLeast_Below_ThrowsWithBound()
    {
        int dimension = 0;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.AtLeast(dimension, 2));
        Assert.Contains("dimension ≥ 2", ex.Message);
    }
}
