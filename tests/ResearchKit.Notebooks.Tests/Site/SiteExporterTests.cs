using ResearchKit.Notebooks.Documents;
using ResearchKit.Notebooks.Execution;
using ResearchKit.Notebooks.Site;

namespace ResearchKit.Notebooks.Tests.Site;

public class SiteExporterTests
{
    private static NotebookDocument Doc(string json, string name) => NotebookReader.Parse(json, name);

    private const string Sample = """
        {"cells":[
         {"cell_type":"markdown","source":"Intro line\n# The *paper* title\ntext with $x^2$\n\n| figure | status | note |\n|---|---|---|\n| Fig. 1 | reproduced | a |\n| Fig. 2 | partly | b |\n| Table 1 | not | c |\n"},
         {"cell_type":"code","execution_count":1,"source":"var a = \"<tag>\";","outputs":[
           {"output_type":"stream","name":"stdout","text":["<out>\n"]},
           {"output_type":"display_data","data":{"text/html":["<b class=\"raw\">bold</b>"]},"metadata":{}},
           {"output_type":"display_data","data":{"text/plain":["1 < 2"]},"metadata":{}},
           {"output_type":"error","ename":"Error","evalue":"boom <here>","traceback":["boom <here>"]},
           {"output_type":"display_data","data":{"text/html":["<table class=\"rk-table rk-claims\" data-rk-claims-total=\"3\" data-rk-claims-failed=\"1\"></table>"]},"metadata":{}}
         ]}
        ]}
        """;

    [Fact]
    public void Export_IndexAndPage_ShowTitleClaimsErrorsAndOutputs()
    {
        string site = TestEnvironment.NewTempFolder("site");
        var docs = new[] { KeyValuePair.Create("07-sample-paper.ipynb", Doc(Sample, "07-sample-paper.ipynb")) };
        var result = SiteExporter.Export(docs, site, npmCache: null);

        string index = File.ReadAllText(result.IndexPath);
        Assert.Contains("<td>07</td><td>The paper title</td>", index);
        Assert.Contains("<a href=\"07-sample-paper.html\">07-sample-paper</a>", index);
        Assert.Contains(System.Net.WebUtility.HtmlEncode("2 hold · 1 do not hold · 0 not testable"), index);
        Assert.Contains("<td>1 of 3 (1 partly)</td>", index);           // main figures from the header's figure table
        Assert.Contains("<footer", index);

        string page = File.ReadAllText(Path.Combine(site, "07-sample-paper.html"));
        Assert.Contains("<em>paper</em>", page);                          // markdown rendered
        Assert.Contains("\\(x^2\\)", page);                               // math left for KaTeX
        Assert.Contains("var a = &quot;&lt;tag&gt;&quot;;", page);       // source escaped in <pre>
        Assert.Contains("&lt;out&gt;", page);                             // stream escaped
        Assert.Contains("<b class=\"raw\">bold</b>", page);               // html raw
        Assert.Contains("1 &lt; 2", page);                                // plain text escaped
        Assert.Contains("class=\"rk-output rk-error\"", page);            // error highlighted
        Assert.Contains("boom &lt;here&gt;", page);
        Assert.Contains($"https://cdn.plot.ly/plotly-{SiteAssets.PlotlyVersion}.min.js", page); // no npm cache: CDN
        Assert.Contains(result.Assets.Warnings, w => w.Contains("CDN", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_Twice_GivesIdenticalPages()
    {
        var docs = new[] { KeyValuePair.Create("01-a.ipynb", Doc(Sample, "01-a.ipynb")) };
        string a = TestEnvironment.NewTempFolder("site-a"), b = TestEnvironment.NewTempFolder("site-b");
        SiteExporter.Export(docs, a, null);
        SiteExporter.Export(docs, b, null);
        foreach (string name in new[] { "index.html", "01-a.html", "site.css" })
            Assert.Equal(File.ReadAllText(Path.Combine(a, name)), File.ReadAllText(Path.Combine(b, name)));
    }

    [Fact]
    public void Export_NpmCache_CopiesPlotlyBesideThePages()
    {
        string site = TestEnvironment.NewTempFolder("site-local");
        var cache = new NpmPackageCache(Path.Combine(TestEnvironment.RepositoryRoot, "data", "cache", "npm"));
        var result = SiteExporter.Export(new[] { KeyValuePair.Create("01-a.ipynb", Doc(Sample, "01-a.ipynb")) }, site, cache);
        Assert.True(result.Assets.PlotlyIsLocal, string.Join(" ", result.Assets.Warnings));
        Assert.True(new FileInfo(Path.Combine(site, "plotly.min.js")).Length > 1_000_000);
        Assert.Contains("<script src=\"plotly.min.js\"", File.ReadAllText(Path.Combine(site, "01-a.html")));
    }


    [Fact]
    public void ClaimsStatus_SumsTablesAndIsNullWithout()
    {
        Assert.Equal(new ClaimsStatus(3, 1), ClaimsStatus.Find(Doc(Sample, "s.ipynb")));
        Assert.Null(ClaimsStatus.Find(Doc("{\"cells\":[]}", "e.ipynb")));
    }
}
