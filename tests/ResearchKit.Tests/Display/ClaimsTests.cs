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

public class ClaimsNotTestedTests
{
    [Fact]
    public void NotTested_IsCountedApart_NeitherHoldsNorFails()
    {
        var c = new Claims().Close("a", 1, "s", 1, 0.1).NotTested("b", "0.16 → 0.27", "Sec. 7", "needs the paper's ResNet-18");
        Assert.True(c.AllHold);
        Assert.Equal(1, c.TestedCount);
        Assert.Equal(1, c.NotTestedCount);
        string html = c.ToHtml();
        Assert.Contains("data-rk-claims-total=\"1\" data-rk-claims-failed=\"0\" data-rk-claims-untested=\"1\"", html);
        Assert.Contains("not tested: needs the paper&#39;s ResNet-18", html);
    }

    [Fact]
    public void AllHold_OnlyUntestedClaims_IsFalse() =>
        Assert.False(new Claims().NotTested("b", "1", "s", "no data").AllHold);

    [Fact]
    public void NotTested_EmptyReason_Throws() =>
        Assert.Throws<ArgumentException>(() => new Claims().NotTested("b", "1", "s", " "));
}
