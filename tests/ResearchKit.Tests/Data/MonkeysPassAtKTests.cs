using ResearchKit.Data;
using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.Data;

public class MonkeysPassAtKTests
{
    private static string RealFile => SharedData.File("large-language-monkeys-passk", MonkeysPassAtK.FileName);

    private const string Header = "model,benchmark,problem_id,n,c\n";

    [Fact]
    public void Load_SharedFile_HasDocumentedShapeAndSanityFigures()
    {
        var data = MonkeysPassAtK.Load(RealFile);
        Assert.Equal(1596, data.Rows.Count);
        Assert.Equal(["CodeContests", "MATH"], data.Benchmarks);
        Assert.Equal(7, data.Models("MATH").Count);
        Assert.Equal(5, data.Models("CodeContests").Count);
        Assert.All(data.Rows, r => Assert.Equal(10000, r.Samples));
        // SOURCE.md sanity table: Pythia 12B pass@1 = 0.0232, coverage@10k = 0.8750 (112 of 128 problems).
        var pythia12 = data.Problems("Pythia 12B", "MATH");
        Assert.Equal(128, pythia12.Count);
        NumericAssert.CloseAbs(0.0232, PassAtK.Mean(pythia12, 1), 5e-5);
        NumericAssert.Close(112.0 / 128.0, PassAtK.Mean(pythia12, 10000), 1e-14);
        NumericAssert.CloseAbs(0.0714, PassAtK.Mean(data.Problems("Gemma 2B", "CodeContests"), 10000), 5e-5);
    }

    [Fact]
    public void LoadDefault_RepositoryRoot_FindsSharedCopyWithMatchingChecksum()
    {
        var data = MonkeysPassAtK.LoadDefault(SharedData.RepositoryRoot);
        Assert.Equal(Path.GetFullPath(RealFile), data.SourcePath);
    }

    [Fact]
    public void LoadDefault_NoCopyAnywhere_SaysWhereItLookedAndHowToProduceTheCsv()
    {
        using var folder = new TemporaryFolder();
        var e = Assert.Throws<FileNotFoundException>(() => MonkeysPassAtK.LoadDefault(folder.Path));
        Assert.Contains(Path.Combine(folder.Path, "data", "cache"), e.Message);
        Assert.Contains("large-language-monkeys-passk", e.Message);
        Assert.Contains("monkeys_revisited", e.Message);
        Assert.Contains("individual_outcomes.parquet", e.Message);
    }

    [Fact]
    public void LoadDefault_VerifiedCopyInCache_Loads()
    {
        using var folder = new TemporaryFolder();
        string cached = Path.Combine(Path.Combine(folder.Path, "data", "cache"), MonkeysPassAtK.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        File.Copy(RealFile, cached);
        Assert.Equal(1596, MonkeysPassAtK.LoadDefault(folder.Path).Rows.Count);
    }

    [Fact]
    public void LoadDefault_AlteredCopyInCache_ReportsChecksumMismatch()
    {
        using var folder = new TemporaryFolder();
        string cached = Path.Combine(Path.Combine(folder.Path, "data", "cache"), MonkeysPassAtK.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        File.WriteAllText(cached, File.ReadAllText(RealFile).Replace("Pythia 12B,MATH,82,10000,", "Pythia 12B,MATH,82,10000,1"));
        var e = Assert.Throws<InvalidDataException>(() => MonkeysPassAtK.LoadDefault(folder.Path));
        Assert.Contains("SHA-256", e.Message);
        Assert.Contains(cached, e.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysHowToProduceIt()
    {
        var e = Assert.Throws<FileNotFoundException>(() => MonkeysPassAtK.Load("/nonexistent/monkeys.csv"));
        Assert.Contains("/nonexistent/monkeys.csv", e.Message);
        Assert.Contains("pandas", e.Message);
    }

    [Theory]
    [InlineData("model,benchmark,problem_id,n\nPythia 1B,MATH,1,10\n", "missing column 'c'")]
    [InlineData("", "empty")]
    [InlineData(Header, "no data rows")]
    [InlineData(Header + "Pythia 1B,MATH,1,10,11\n", "line 2, column 'c' = 11 exceeds column 'n' = 10")]
    [InlineData(Header + "Pythia 1B,MATH,1,10,3\nPythia 1B,MATH,2,10,-1\n", "line 3, column 'c' = -1 is negative")]
    [InlineData(Header + "Pythia 1B,MATH,1,10,2.5\n", "line 2, column 'c' = '2.5' is not an integer")]
    [InlineData(Header + "Pythia 1B,MATH,1,ten,2\n", "line 2, column 'n' = 'ten'")]
    [InlineData(Header + "Pythia 1B,MATH,1,0,0\n", "line 2, column 'n' = 0")]
    [InlineData(Header + "Pythia 1B,MATH,1,10\n", "line 2 has 4 fields")]
    [InlineData(Header + ",MATH,1,10,2\n", "line 2, column 'model' is empty")]
    [InlineData(Header + "Pythia 1B,MATH,1,10,2\nPythia 1B,MATH,1,10,3\n", "line 3 repeats")]
    public void Load_BadFile_ErrorNamesRowAndColumn(string content, string fragment)
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write("bad.csv", content);
        var e = Assert.Throws<InvalidDataException>(() => MonkeysPassAtK.Load(path));
        Assert.Contains(fragment, e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Load_ReorderedColumnsQuotesAndIntegerValuedDecimals_AreRead()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write("ok.csv", "c,n,problem_id,benchmark,model\r\n3.0,10,7,MATH,\"Pythia, 1B\"\r\n");
        var row = Assert.Single(MonkeysPassAtK.Load(path).Rows);
        Assert.Equal(new MonkeysRow("Pythia, 1B", "MATH", 7, 10, 3), row);
    }

    [Fact]
    public void Problems_UnknownModel_ListsWhatExists()
    {
        var data = MonkeysPassAtK.Load(RealFile);
        var e = Assert.Throws<ArgumentException>(() => data.Problems("Pythia 99B", "MATH"));
        Assert.Contains("Pythia 12B / MATH", e.Message);
    }
}
