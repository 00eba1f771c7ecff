namespace ResearchKit.Display.Tests;

public class ClaimsFrameTests
{
    [Fact]
    public void ToDataFrame_OneRowPerClaimWithKindAndVerdict()
    {
        var claims = new Claims("Claims — test")
            .Close("exponent α", 0.30, "Fig. 2", 0.31, 0.05)
            .CloseRelative("loss at N = 10⁶", 2.0, "Table 1", 2.5, 0.1)
            .Derived("slope from Eq. 9", "from Eq. 9 at λ = 0.1", "1.5", "1.52", "|Δ| ≤ 0.05", holds: true)
            .NotTestable("ResNet-18 result", "0.9", "Sec. 5", "needs the paper's trained ResNet-18");
        var df = claims.ToDataFrame();
        Assert.Equal(ClaimsFrame.ColumnNames, df.Columns.Select(c => c.Name));
        Assert.Equal(typeof(int), df["row"].DataType);
        Assert.All(df.Columns.Skip(1), c => Assert.Equal(typeof(string), c.DataType));
        Assert.Equal(4, df.Rows.Count);
        Assert.Equal(new object[] { 1, 2, 3, 4 }, df["row"].Cast<object>());
        Assert.Equal(new object[] { "paper", "paper", "derived", "paper" }, df["kind"].Cast<object>());
        Assert.Equal(new object[] { "holds", "does not hold", "holds", "not testable" }, df["verdict"].Cast<object>());
        Assert.Equal("needs the paper's trained ResNet-18", df["reason"][3]);
        Assert.Equal("", df["reason"][0]);
        Assert.Equal("from Eq. 9 at λ = 0.1", df["where"][2]);
        Assert.Equal(claims.Items[0].OurValue, df["ours"][0]);
        Assert.Equal(claims.Items[1].Criterion, df["criterion"][1]);
    }

    [Fact]
    public void ToDataFrame_NoClaims_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Claims("empty").ToDataFrame());
        Assert.Equal("claims", e.ParamName);
        Assert.Contains("'empty' has no rows", e.Message);
    }
}
