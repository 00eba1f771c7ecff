using ResearchKit.Display;

namespace ResearchKit.Tests.Display;

public class ClaimsTests
{
    [Fact]
    public void Close_WithinTolerance_Holds()
    {
        var c = new Claims().Close("r of GOE", 0.5307, "Atas 2013", 0.531, 0.01);
        Assert.True(c.AllHold);
        Assert.Contains("data-rk-claims-failed=\"0\"", c.ToHtml());
    }

    [Fact]
    public void Close_OutsideToleranceOrNaN_DoesNotHold()
    {
        var c = new Claims().Close("a", 1.0, "s", 1.2, 0.1).Close("b", 1.0, "s", double.NaN, 0.1);
        Assert.False(c.AllHold);
        Assert.Equal(2, c.FailedCount);
        Assert.Contains("data-rk-claims-total=\"2\" data-rk-claims-failed=\"2\"", c.ToHtml());
    }

    [Fact]
    public void AllHold_Empty_IsFalse() => Assert.False(new Claims().AllHold);

    [Fact]
    public void Close_NegativeTolerance_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Claims().Close("a", 1, "s", 1, -1));
        Assert.Contains("absoluteTolerance", ex.Message);
    }
}
