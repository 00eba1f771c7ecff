using ResearchKit.Display;

namespace ResearchKit.Tests.Display;

public class ThinningTests
{
    [Fact]
    public void EvenInX_LongSeries_KeepsEndsAndAboutMaxPointsOfOriginalPairs()
    {
        var x = Enumerable.Range(0, 100_000).Select(i => Math.Sqrt(i)).ToArray();
        var y = x.Select(v => v * v).ToArray();
        var t = Thinning.EvenInX(x, y, 200);
        Assert.InRange(t.X.Length, 150, 202);
        Assert.Equal(x[0], t.X[0]);
        Assert.Equal(x[^1], t.X[^1]);
        for (int i = 0; i < t.X.Length; i++)
            NumericAssert.Close(t.X[i] * t.X[i], t.Y[i], 1e-9);   // kept points are original (x, y) pairs
    }

    [Fact]
    public void EvenInX_ShortSeries_Unchanged()
    {
        var t = Thinning.EvenInX(new[] { 1.0, 2, 3 }, new[] { 4.0, 5, 6 }, 10);
        Assert.Equal(new[] { 4.0, 5, 6 }, t.Y);
    }

    [Fact]
    public void EvenInX_DecreasingX_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Thinning.EvenInX(new[] { 1.0, 0.5 }, new[] { 1.0, 1 }));
        Assert.Contains("x non-decreasing", ex.Message);
    }
}
