using ResearchKit.Notebooks.Building;
using ResearchKit.Notebooks.Documents;
using ResearchKit.Notebooks.Execution;

namespace ResearchKit.Notebooks.Tests.Execution;

/// <summary>
/// Every notebooks/*.ipynb of the repository, executed at quick scale into a temporary folder (never in place):
/// no error outputs, a claims table, and its committed expected verdicts reproduced row by row
/// (notebooks/verdicts/NN-slug.tsv: the quick column by the quick run, the full column by the committed outputs).
/// </summary>
public class RepositoryNotebooksTests
{
    private const string NoNotebooks = "(no notebooks yet)";

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (string path in RepositoryLayout.Notebooks(TestEnvironment.RepositoryRoot))
            data.Add(Path.GetFileName(path));
        if (data.Count == 0)
            data.Add(NoNotebooks); // a theory needs a row; the test then checks the folder really is empty
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_AtQuickScale_RunsWithoutErrorsAndReproducesItsExpectedVerdicts(string name)
    {
        string folder = Path.Combine(TestEnvironment.RepositoryRoot, "notebooks");
        if (name == NoNotebooks)
        {
            Assert.Empty(RepositoryLayout.Notebooks(TestEnvironment.RepositoryRoot));
            return;
        }
        _ = TestEnvironment.ResearchKitDll; // the notebooks #r the Release build
        string path = Path.Combine(folder, name);
        var expected = ExpectedVerdicts.Read(ExpectedVerdicts.PathFor(path));
        byte[] before = File.ReadAllBytes(path);

        var (result, written) = TestEnvironment.Run(path);

        Assert.Equal(before, File.ReadAllBytes(path)); // the committed notebook is never rewritten by the tests
        Assert.True(File.Exists(written));
        Assert.True(result.Failures.Count == 0,
            $"{name}: cells with errors:\n" + string.Join("\n", result.Failures.Select(f => $"cell {f.CellNumber}: {f.Message}")));
        Assert.True(result.Claims is not null, $"{name}: no claims table among the outputs.");
        Assert.True(result.Claims!.Rows.Count > 0, $"{name}: the claims table is empty.");
        var problems = ExpectedVerdicts.Compare(result.Claims.Rows, expected, quickScale: true);
        Assert.True(problems.Count == 0, $"{name} at quick scale does not reproduce notebooks/verdicts/{Path.GetFileNameWithoutExtension(name)}.tsv:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void CommittedNotebook_CarriesItsExpectedFullScaleVerdicts(string name)
    {
        // The committed outputs are the full-scale run; their claims rows must be the expected verdicts' full column.
        if (name == NoNotebooks)
            return;
        string path = Path.Combine(TestEnvironment.RepositoryRoot, "notebooks", name);
        var expected = ExpectedVerdicts.Read(ExpectedVerdicts.PathFor(path));
        var doc = NotebookReader.ReadFile(path);
        var claims = ClaimsStatus.Find(doc);
        Assert.True(claims is not null, $"{name}: the committed notebook has no claims table.");
        var problems = ExpectedVerdicts.Compare(claims!.Rows, expected, quickScale: false);
        Assert.True(problems.Count == 0, $"{name}'s committed outputs differ from its expected full-scale verdicts:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void CommittedNotebook_StaysWellUnderOneMegabyte(string name)
    {
        // notebooks/README.md: long series are thinned for plotting (Display.Thinning) so that the committed notebooks,
        // which carry their full-scale outputs, stay small enough for git and for reading in VS Code.
        if (name == NoNotebooks)
            return;
        long size = new FileInfo(Path.Combine(TestEnvironment.RepositoryRoot, "notebooks", name)).Length;
        Assert.True(size < 1_000_000, $"{name} is {size:N0} bytes; allowed: under 1 000 000 (thin long series with Display.Thinning).");
    }
}
