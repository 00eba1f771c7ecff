using ResearchKit.Data;

namespace ResearchKit.Tests.Data;

public class ChinchillaEpochRunsTests
{
    private static string RealFile => SharedData.File("chinchilla-epoch", ChinchillaEpochRuns.FileName);

    [Fact]
    public void Load_SharedFile_Has245RowsAndDropsTheFiveHighestLosses()
    {
        var runs = ChinchillaEpochRuns.Load(RealFile);
        Assert.Equal(245, runs.Runs.Count);
        Assert.Equal(43, runs.Runs.Select(r => Math.Round(r.Parameters / 1e6)).Distinct().Count());
        NumericAssert.Close(5.73e7, runs.Runs.Min(r => r.Parameters), 1e-3);
        var sel = runs.Selection();
        Assert.Equal(240, sel.Kept.Count);
        Assert.Equal(5, sel.Dropped.Count);
        Assert.Equal([2, 3, 5, 4, 6], sel.Dropped.Select(r => r.Line));      // the five highest losses, 5.01 … 3.45
        Assert.All(sel.Kept, k => Assert.True(k.Loss < sel.Dropped.Min(d => d.Loss)));
        Assert.All(runs.Runs, r => NumericAssert.Close(r.Compute, 6 * r.Parameters * r.Tokens, 1e-12));
    }

    [Fact]
    public void Load_DerivedFile_GivesTheSameRows()
    {
        var original = ChinchillaEpochRuns.Load(RealFile);
        var derived = ChinchillaEpochRuns.Load(SharedData.File("chinchilla-epoch", ChinchillaEpochRuns.DerivedFileName));
        Assert.Equal(original.Runs.Count, derived.Runs.Count);
        for (int i = 0; i < original.Runs.Count; i++)
            NumericAssert.Close(original.Runs[i].Tokens, derived.Runs[i].Tokens, 1e-12);
    }

    [Fact]
    public void LoadDefault_FindsTheSharedCopy()
        => Assert.Equal(Path.GetFullPath(RealFile), ChinchillaEpochRuns.LoadDefault(SharedData.RepositoryRoot).SourcePath);

    [Fact]
    public void LoadDefault_NoCopyAndNoDownload_SaysWhereItLookedAndHowToGetIt()
    {
        using var folder = new TemporaryFolder();
        var e = Assert.Throws<FileNotFoundException>(() => ChinchillaEpochRuns.LoadDefault(folder.Path, allowDownload: false));
        Assert.Contains("chinchilla-epoch", e.Message);
        Assert.Contains("analyzing-chinchilla", e.Message);
    }

    [Fact]
    public void Load_MissingFile_NamesPathAndSource()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ChinchillaEpochRuns.Load("/nonexistent/svg_extracted_data.csv"));
        Assert.Contains("/nonexistent/svg_extracted_data.csv", e.Message);
        Assert.Contains("raw.githubusercontent.com/epoch-research", e.Message);
    }

    [Fact]
    public void Load_MissingColumn_NamesFileAndColumn()
    {
        using var folder = new TemporaryFolder();
        string path = Path.Combine(folder.Path, "x.csv");
        File.WriteAllText(path, "Model Size,loss\n1e8,3.0\n");
        var e = Assert.Throws<InvalidDataException>(() => ChinchillaEpochRuns.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("'Training FLOP'", e.Message);
    }

    [Theory]
    [InlineData("abc", "'Model Size' = 'abc'")]
    [InlineData("-5", "'Model Size' = -5")]
    [InlineData("", "'Model Size' = ''")]
    public void Load_BadCell_NamesFileLineAndColumn(string cell, string expected)
    {
        using var folder = new TemporaryFolder();
        string path = Path.Combine(folder.Path, "x.csv");
        File.WriteAllText(path, $"Model Size,Training FLOP,loss\n1e8,1e19,3.0\n{cell},1e19,3.0\n");
        var e = Assert.Throws<InvalidDataException>(() => ChinchillaEpochRuns.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("line 3", e.Message);
        Assert.Contains(expected, e.Message);
    }
}

public class ChinchillaTableA9Tests
{
    [Fact]
    public void Load_SharedFile_Has50Configurations()
    {
        var t = ChinchillaTableA9.Load(SharedData.File("chinchilla-table-a9", ChinchillaTableA9.FileName));
        Assert.Equal(50, t.Configurations.Count);
        Assert.Equal(44, t.Configurations[0].ReportedMillions);
        Assert.Equal(16183, t.Configurations[^1].ReportedMillions);
    }

    [Fact]
    public void LoadDefault_FindsTheSharedCopy()
        => Assert.Equal(50, ChinchillaTableA9.LoadDefault(SharedData.RepositoryRoot).Configurations.Count);

    [Fact]
    public void Load_NonIntegerLayerCount_NamesLineAndColumn()
    {
        using var folder = new TemporaryFolder();
        string path = Path.Combine(folder.Path, "a9.csv");
        string header = string.Join(",", ChinchillaTableA9.Columns.Select(c => c.Contains(',') ? $"\"{c}\"" : c));
        File.WriteAllText(path, header + "\n512,2048,64,8,eight,44,42,44,5.37\n");
        var e = Assert.Throws<InvalidDataException>(() => ChinchillaTableA9.Load(path));
        Assert.Contains("line 2", e.Message);
        Assert.Contains("'n_layers'", e.Message);
    }
}
