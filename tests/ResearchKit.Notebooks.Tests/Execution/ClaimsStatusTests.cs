using ResearchKit.Notebooks.Documents;
using ResearchKit.Notebooks.Execution;

namespace ResearchKit.Notebooks.Tests.Execution;

public class ClaimsStatusTests
{
    internal static NotebookDocument WithHtml(params string[] tables)
    {
        string outputs = string.Join(",", tables.Select(t =>
            "{\"output_type\":\"display_data\",\"data\":{\"text/html\":[\"" + t.Replace("\"", "\\\"") + "\"]},\"metadata\":{}}"));
        return NotebookReader.Parse("{\"cells\":[{\"cell_type\":\"code\",\"source\":\"x\",\"outputs\":[" + outputs + "]}]}", "t.ipynb");
    }

    [Fact]
    public void Find_TablesWithUntestedClaims_SumsAllThreeCounts()
    {
        var doc = WithHtml(
            "<table class=\"rk-table rk-claims\" data-rk-claims-total=\"5\" data-rk-claims-failed=\"1\" data-rk-claims-untested=\"2\">",
            "<table class=\"rk-table rk-claims\" data-rk-claims-total=\"3\" data-rk-claims-failed=\"0\">");
        var status = ClaimsStatus.Find(doc)!;
        Assert.Equal((8, 1, 2), (status.Total, status.Failed, status.Untested));
        Assert.Equal("7 hold · 1 do not hold · 2 not testable", status.Summary);
    }

    [Fact]
    public void Find_RowsCarryVerdictAndDecodedStatementInOrder()
    {
        var doc = WithHtml(
            "<table class=\"rk-table rk-claims\" data-rk-claims-total=\"2\" data-rk-claims-failed=\"1\" data-rk-claims-untested=\"1\"><tbody>" +
            "<tr data-rk-verdict=\"holds\"><td>1</td><td>β &lt; 1</td><td>paper</td></tr>" +
            "<tr data-rk-verdict=\"fails\"><td>2</td><td>t* ≈ 273</td></tr>" +
            "<tr data-rk-verdict=\"untested\"><td>3</td><td>ResNet &amp; CIFAR</td></tr></tbody></table>");
        var rows = ClaimsStatus.Find(doc)!.Rows;
        Assert.Equal(new[] { new ClaimRow(1, "holds", "β < 1"), new ClaimRow(2, "fails", "t* ≈ 273"), new ClaimRow(3, "untested", "ResNet & CIFAR") }, rows);
    }

    [Fact]
    public void Find_NoClaimsTable_IsNull() => Assert.Null(ClaimsStatus.Find(WithHtml("<table class=\"rk-table\">")));
}
