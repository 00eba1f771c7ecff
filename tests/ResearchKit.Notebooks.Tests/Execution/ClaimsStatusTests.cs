using ResearchKit.Notebooks.Documents;
using ResearchKit.Notebooks.Execution;

namespace ResearchKit.Notebooks.Tests.Execution;

public class ClaimsStatusTests
{
    private static NotebookDocument WithClaimsHtml(params string[] tables)
    {
        string outputs = string.Join(",", tables.Select(t =>
            "{\"output_type\":\"display_data\",\"data\":{\"text/html\":[\"" + t.Replace("\"", "\\\"") + "\"]},\"metadata\":{}}"));
        return NotebookReader.Parse("{\"cells\":[{\"cell_type\":\"code\",\"source\":\"x\",\"outputs\":[" + outputs + "]}]}", "t.ipynb");
    }

    [Fact]
    public void Find_TablesWithUntestedClaims_SumsAllThreeCounts()
    {
        var doc = WithClaimsHtml(
            "<table class=\"rk-table rk-claims\" data-rk-claims-total=\"5\" data-rk-claims-failed=\"1\" data-rk-claims-untested=\"2\">",
            "<table class=\"rk-table rk-claims\" data-rk-claims-total=\"3\" data-rk-claims-failed=\"0\">");
        var status = ClaimsStatus.Find(doc);
        Assert.Equal(new ClaimsStatus(8, 1, 2), status);
        Assert.Equal("7/8 hold, 2 not testable here", status!.Summary);
    }

    [Fact]
    public void Find_NoClaimsTable_IsNull() => Assert.Null(ClaimsStatus.Find(WithClaimsHtml("<table class=\"rk-table\">")));
}
