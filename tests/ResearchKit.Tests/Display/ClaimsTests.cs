using ResearchKit.Display;

namespace ResearchKit.Tests.Display;

public class ClaimsTests
{
    [Fact]
    public void Close_WithinTolerance_Holds()
    {
        var c = new Claims().Close("r of GOE", 0.5307, "Atas 2013", 0.531, 0.01);
        Assert.True(c.AllHold);
        Assert.Equal(ClaimVerdict.Holds, c.Items[0].Verdict);
        Assert.Equal(ClaimKind.Paper, c.Items[0].Kind);
    }

    [Fact]
    public void Close_OutsideToleranceOrNaN_DoesNotHoldAndIsCounted()
    {
        var c = new Claims().Close("a", 1.0, "s", 1.2, 0.1).Close("b", 1.0, "s", double.NaN, 0.1);
        Assert.Equal(2, c.FailedCount);
        Assert.Equal(0, c.HeldCount);
        Assert.False(c.AllHold);
        Assert.All(c.Items, i => Assert.Equal(ClaimVerdict.DoesNotHold, i.Verdict));
    }

    [Fact]
    public void AllHold_Empty_IsFalse() => Assert.False(new Claims().AllHold);

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Close_BadTolerance_ThrowsNamingIt(double tolerance)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Claims().Close("a", 1, "s", 1, tolerance));
        Assert.Equal("absoluteTolerance", ex.ParamName);
    }

    [Fact]
    public void Close_NaNPaperValue_Throws() =>
        Assert.Equal("paperValue", Assert.Throws<ArgumentOutOfRangeException>(() => new Claims().Close("a", double.NaN, "s", 1, 0.1)).ParamName);

    [Fact]
    public void CloseRelative_ZeroPaperValue_Throws() =>
        Assert.Equal("paperValue", Assert.Throws<ArgumentOutOfRangeException>(() => new Claims().CloseRelative("a", 0, "s", 0, 0.1)).ParamName);

    [Theory]
    [InlineData(1.29, true)]
    [InlineData(1.31, false)]
    public void WithinStandardErrors_HoldsInsideThreeStandardErrors(double ours, bool holds)
    {
        var c = new Claims().WithinStandardErrors("β", 1.0, "Eq. 3", ours, 0.1);
        Assert.Equal(holds, c.Items[0].Holds);
        Assert.Contains("3 s.e.", c.Items[0].Criterion);
    }

    [Fact]
    public void WithinStandardErrors_NegativeStandardError_Throws() =>
        Assert.Equal("standardError", Assert.Throws<ArgumentOutOfRangeException>(() => new Claims().WithinStandardErrors("β", 1, "s", 1, -0.1)).ParamName);

    [Fact]
    public void AtMostAndAtLeast_AreOneSided()
    {
        var c = new Claims().AtMost("gap", 0.5, "Fig. 2", 0.4).AtMost("gap", 0.5, "Fig. 2", 0.6).AtLeast("r", 0.9, "Fig. 3", 0.95).AtLeast("r", 0.9, "Fig. 3", double.NaN);
        Assert.Equal(new[] { true, false, true, false }, c.Items.Select(i => i.Holds));
    }

    [Fact]
    public void Derived_IsMarkedDerivedAndShowsItsDerivation()
    {
        var c = new Claims().Derived("t* shifts by ½ log²", "from Eq. 41 at λ = 0.4", "36.3", "36.1", "within 5 %", true);
        Assert.Equal(ClaimKind.Derived, c.Items[0].Kind);
        string html = c.ToHtml();
        Assert.Contains("<td>derived</td>", html);
        Assert.Contains("from Eq. 41 at λ = 0.4", html);
    }

    [Fact]
    public void ToHtml_CarriesCountsAndOneVerdictPerRow()
    {
        var c = new Claims().Close("a", 1, "s", 1, 0.1).Close("b", 1, "s", 2, 0.1).NotTestable("c", "1", "Sec. 7", "needs the paper's ResNet-18");
        string html = c.ToHtml();
        Assert.Contains("data-rk-claims-total=\"2\" data-rk-claims-failed=\"1\" data-rk-claims-untested=\"1\"", html);
        Assert.Contains("<tr data-rk-verdict=\"holds\"><td>1</td><td>a</td>", html);
        Assert.Contains("<tr data-rk-verdict=\"fails\"><td>2</td><td>b</td>", html);
        Assert.Contains("<tr data-rk-verdict=\"untested\"><td>3</td><td>c</td>", html);
        Assert.Equal("1 hold · 1 do not hold · 1 not testable", c.Summary);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(c.Summary), html);
    }

    [Theory]
    [InlineData("", "s", "c")]
    [InlineData("a", " ", "c")]
    [InlineData("a", "s", "")]
    public void Paper_EmptyStatementSourceOrCriterion_Throws(string statement, string source, string criterion) =>
        Assert.Throws<ArgumentException>(() => new Claims().Paper(statement, "1", source, "1", criterion, true));
}

public class ClaimsNotTestableTests
{
    [Fact]
    public void NotTestable_IsCountedApart_NeitherHoldsNorFails()
    {
        var c = new Claims().Close("a", 1, "s", 1, 0.1).NotTestable("b", "0.16 → 0.27", "Sec. 7", "needs the paper's ResNet-18");
        Assert.Equal(1, c.TestedCount);
        Assert.Equal(0, c.FailedCount);
        Assert.Equal(1, c.NotTestableCount);
        Assert.True(c.AllHold);
        Assert.Equal(ClaimVerdict.NotTestable, c.Items[1].Verdict);
        Assert.Contains("needs the paper&#39;s ResNet-18", c.ToHtml());
    }

    [Fact]
    public void AllHold_OnlyUntestableClaims_IsFalse() =>
        Assert.False(new Claims().NotTestable("b", "1", "s", "no data").AllHold);

    [Fact]
    public void NotTestable_EmptyReason_Throws() =>
        Assert.Throws<ArgumentException>(() => new Claims().NotTestable("b", "1", "s", " "));
}
