using ResearchKit.Notebooks.Execution;

namespace ResearchKit.Notebooks.Tests.Execution;

public class ExpectedVerdictsTests
{
    private static readonly ClaimRow[] Full = { new(1, "holds", "a"), new(2, "fails", "b"), new(3, "untested", "c") };

    [Fact]
    public void FormatThenRead_RoundTripsBothColumns()
    {
        var quick = new[] { new ClaimRow(1, "holds", "a"), new ClaimRow(2, "holds", "b"), new ClaimRow(3, "untested", "c") };
        string path = Path.Combine(TestEnvironment.NewTempFolder("verdicts"), "x.tsv");
        File.WriteAllText(path, ExpectedVerdicts.Format("x.ipynb", Full, quick));
        var rows = ExpectedVerdicts.Read(path);
        Assert.Equal(new[] { new ExpectedVerdict(1, "holds", "holds", "a"), new ExpectedVerdict(2, "fails", "holds", "b"), new ExpectedVerdict(3, "untested", "untested", "c") }, rows);
        Assert.Empty(ExpectedVerdicts.Compare(Full, rows, quickScale: false));
        Assert.Empty(ExpectedVerdicts.Compare(quick, rows, quickScale: true));
    }

    [Fact]
    public void Compare_ChangedVerdictMissingRowAndReworded_AreEachReported()
    {
        var expected = Full.Select(r => new ExpectedVerdict(r.Number, r.Verdict, r.Verdict, r.Statement)).ToList();
        var actual = new[] { new ClaimRow(1, "fails", "a"), new ClaimRow(2, "fails", "b, narrowed") };
        var problems = ExpectedVerdicts.Compare(actual, expected, quickScale: true);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("row 1: verdict fails, expected (quick scale) holds", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("statement 'b, narrowed' differs", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("row 3 expected but missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_QuickStatementNamingQuickSizes_MatchesButFullMustBeExact()
    {
        var expected = new[] { new ExpectedVerdict(1, "holds", "holds", "bulk at M = 60000 (8 seeds)") };
        Assert.Empty(ExpectedVerdicts.Compare(new[] { new ClaimRow(1, "holds", "bulk at M = 2000 (4 seeds)") }, expected, quickScale: true));
        Assert.Single(ExpectedVerdicts.Compare(new[] { new ClaimRow(1, "holds", "bulk at M = 2000 (4 seeds)") }, expected, quickScale: false));
        Assert.Single(ExpectedVerdicts.Compare(new[] { new ClaimRow(1, "holds", "bulk at N = 2000 (4 seeds)") }, expected, quickScale: true));
    }

    [Fact]
    public void Format_DifferentRowsAtTheTwoScales_Throws() =>
        Assert.Throws<ArgumentException>(() => ExpectedVerdicts.Format("x.ipynb", Full, Full.Take(2).ToList()));

    [Fact]
    public void Read_MissingFile_SaysHowToMakeIt()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ExpectedVerdicts.Read("/nonexistent/verdicts/x.tsv"));
        Assert.Contains("/nonexistent/verdicts/x.tsv", e.Message);
        Assert.Contains("-- verdicts", e.Message);
    }

    [Fact]
    public void Read_BadVerdict_NamesFileAndLine()
    {
        string path = Path.Combine(TestEnvironment.NewTempFolder("verdicts"), "x.tsv");
        File.WriteAllText(path, "# comment\n1\tholds\tmaybe\ta\n");
        var e = Assert.Throws<FormatException>(() => ExpectedVerdicts.Read(path));
        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public void PathFor_IsTheVerdictsFolderBesideTheNotebook() =>
        Assert.Equal(Path.GetFullPath("/r/notebooks/verdicts/01-x.tsv"), ExpectedVerdicts.PathFor("/r/notebooks/01-x.ipynb"));
}

public class FigureCoverageTests
{
    [Fact]
    public void Find_CountsStatusesOfTheHeaderTable()
    {
        var doc = ResearchKit.Notebooks.Documents.NotebookReader.Parse(
            "{\"cells\":[{\"cell_type\":\"markdown\",\"source\":\"# T\\n\\n| figure | status | note |\\n|---|---|---|\\n| Fig. 1 | reproduced | a |\\n| Fig. 2 | **partly** | b |\\n| Table 1 | not | c |\\n| Fig. 3 | Reproduced | d |\\n\"}]}", "t.ipynb");
        var f = FigureCoverage.Find(doc)!;
        Assert.Equal((2, 1, 1, 4), (f.Reproduced, f.Partly, f.Not, f.Total));
        Assert.Equal("main figures: 2 of 4 (1 partly)", f.Summary);
    }

    [Fact]
    public void Find_NoTable_IsNull() =>
        Assert.Null(FigureCoverage.Find(ResearchKit.Notebooks.Documents.NotebookReader.Parse("{\"cells\":[{\"cell_type\":\"markdown\",\"source\":\"# T\"}]}", "t.ipynb")));
}
