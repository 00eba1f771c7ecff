using ResearchKit.Notebooks.Execution;
using ResearchKit.Notebooks.Cli;

namespace ResearchKit.Notebooks.Tests.Cli;

public class CommandLineTests
{
    private static int Invoke(params string[] args) => CommandLine.Invoke(args);

    private static string Fixture(string name, string folder)
    {
        string path = Path.Combine(folder, name);
        File.Copy(Path.Combine(TestEnvironment.FixturesFolder, name), path);
        return path;
    }

    [Fact]
    public void Run_CleanNotebook_ExitsZeroAndWritesIntoOutputDir()
    {
        string folder = TestEnvironment.NewTempFolder("cli-ok");
        string path = Fixture("basics.ipynb", folder);
        byte[] before = File.ReadAllBytes(path);
        string output = Path.Combine(folder, "out");

        int exit = Invoke("run", "--no-build", "--no-site", "--scale", "quick", "--output-dir", output, path);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(output, "basics.ipynb")));
        Assert.Equal(before, File.ReadAllBytes(path)); // not rewritten in place
    }

    [Fact]
    public void Run_ErrorsOrFailedClaimsOrUnreadable_ExitNonZeroButRunEveryNotebook()
    {
        string folder = TestEnvironment.NewTempFolder("cli-fail");
        string malformed = Fixture("malformed.ipynb", folder);
        string errors = Fixture("errors.ipynb", folder);
        string basics = Fixture("basics.ipynb", folder);
        string output = Path.Combine(folder, "out");

        int exit = Invoke("run", "--no-build", "--no-site", "--scale", "quick", "--output-dir", output, malformed, errors, basics);

        Assert.Equal(1, exit);
        Assert.True(File.Exists(Path.Combine(output, "errors.ipynb")));
        Assert.True(File.Exists(Path.Combine(output, "basics.ipynb"))); // the run went on after the failures

    }

    [Fact]
    public void Run_ClaimThatDoesNotHold_ExitsZeroUnlessFailOnClaims()
    {
        string notebooks = TestEnvironment.StageWithLibrary("failed-claims.ipynb");
        string path = Path.Combine(notebooks, "failed-claims.ipynb");
        string output = Path.Combine(Path.GetDirectoryName(notebooks)!, "out");
        Assert.Equal(0, Invoke("run", "--no-build", "--no-site", "--scale", "quick", "--output-dir", output, path));
        Assert.Equal(1, Invoke("run", "--no-build", "--no-site", "--scale", "quick", "--output-dir", output, "--fail-on-claims", path));
    }

    [Fact]
    public void Verdicts_WritesFullAndQuickColumnsBesideTheNotebook()
    {
        string notebooks = TestEnvironment.StageWithLibrary("failed-claims.ipynb");
        string path = Path.Combine(notebooks, "failed-claims.ipynb");
        string output = Path.Combine(Path.GetDirectoryName(notebooks)!, "out");
        // the committed outputs stand for the full-scale run: run it once in place
        Assert.Equal(0, Invoke("run", "--no-build", "--no-site", "--scale", "quick", path));

        Assert.Equal(0, Invoke("verdicts", "--no-build", path));

        var rows = ExpectedVerdicts.Read(Path.Combine(notebooks, "verdicts", "failed-claims.tsv"));
        Assert.Equal(new[] { ("holds", "holds"), ("fails", "fails") }, rows.Select(r => (r.Full, r.Quick)));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Run_InPlaceWithSite_RewritesTheNotebookAndExportsItsPage()
    {
        string notebooks = TestEnvironment.StageWithLibrary("library.ipynb");
        string path = Path.Combine(notebooks, "library.ipynb");
        string site = Path.Combine(Path.GetDirectoryName(notebooks)!, "site");

        int exit = Invoke("run", "--no-build", "--scale", "quick", "--site", site, path);

        Assert.Equal(0, exit);
        Assert.Contains("\"execution_count\": 2", File.ReadAllText(path));
        Assert.Contains(System.Net.WebUtility.HtmlEncode("2 hold · 0 do not hold · 0 not testable"), File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.Contains("data-rk-claims-total=\"2\"", File.ReadAllText(Path.Combine(site, "library.html")));
    }

    [Fact]
    public void Site_FromCommittedOutputs_DoesNotRunTheNotebook()
    {
        string folder = TestEnvironment.NewTempFolder("cli-site");
        string path = Fixture("vscode-example.ipynb", folder);
        byte[] before = File.ReadAllBytes(path);
        string site = Path.Combine(folder, "site");

        int exit = Invoke("site", "--site", site, path);

        Assert.Equal(0, exit);
        Assert.Equal(before, File.ReadAllBytes(path));
        string page = File.ReadAllText(Path.Combine(site, "vscode-example.html"));
        Assert.Contains("<b>42</b>", page);
        Assert.Contains("hello", page);
        Assert.Contains("<td>Demo</td>", File.ReadAllText(Path.Combine(site, "index.html")));
    }

    [Fact]
    public void Run_UnknownScale_IsAUsageError()
    {
        Assert.Equal(CommandLine.UsageError, Invoke("run", "--no-build", "--no-site", "--scale", "huge"));
    }

    [Theory]
    [InlineData("--frobnicate")]
    [InlineData("--outputdir")] // a typo of --output-dir: it must never fall back to running in place
    [InlineData("-x")]
    public void Run_UnknownOptionOrTypo_IsRefusedBeforeAnythingRuns(string option)
    {
        string folder = TestEnvironment.NewTempFolder("cli-usage");
        string path = Fixture("basics.ipynb", folder);
        byte[] before = File.ReadAllBytes(path);
        string output = Path.Combine(folder, "out");

        int exit = Invoke("run", "--no-build", "--no-site", "--scale", "quick", option, output, path);

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Equal(before, File.ReadAllBytes(path)); // not run in place
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Run_TypoOfAnOption_IsExplainedWithTheNearestOption()
    {
        var problems = CommandLine.UsageProblems(CommandLine.Build().Parse(new[] { "run", "--outputdir", "x.ipynb" }));
        Assert.Contains(problems, p => p.Contains("unknown option '--outputdir'; did you mean '--output-dir'?", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_MissingNotebook_IsAUsageErrorBeforeBuildingOrRunning()
    {
        string folder = TestEnvironment.NewTempFolder("cli-missing");
        string present = Fixture("basics.ipynb", folder);
        byte[] before = File.ReadAllBytes(present);
        string missing = Path.Combine(folder, "no-such-notebook.ipynb");

        // Without --no-build: the library build would come first, so the refusal is checked before it.
        int exit = Invoke("run", "--no-site", "--scale", "quick", present, missing);

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Equal(before, File.ReadAllBytes(present));
        var problems = CommandLine.UsageProblems(CommandLine.Build().Parse(new[] { "site", missing }));
        Assert.Contains(problems, p => p.StartsWith("notebook not found: ", StringComparison.Ordinal) && p.Contains(missing, StringComparison.Ordinal));
    }

    [Fact]
    public void Run_NegativeCellTimeout_IsAUsageError()
    {
        Assert.Equal(CommandLine.UsageError, Invoke("run", "--no-build", "--no-site", "--cell-timeout", "-1"));
    }
}
