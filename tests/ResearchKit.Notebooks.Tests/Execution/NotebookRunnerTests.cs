using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ResearchKit.Notebooks.Documents;
using ResearchKit.Notebooks.Execution;

namespace ResearchKit.Notebooks.Tests.Execution;

public class NotebookRunnerTests
{
    private static NotebookDocument RunFixture(string name, out NotebookResult result)
    {
        string folder = TestEnvironment.NewTempFolder("fixture");
        string path = Path.Combine(folder, name);
        File.Copy(Path.Combine(TestEnvironment.FixturesFolder, name), path);
        (result, string written) = TestEnvironment.Run(path);
        return NotebookReader.ReadFile(written);
    }

    private static IReadOnlyList<CellOutput> OutputsOf(NotebookDocument doc, int cellNumber) => doc.Cells[cellNumber - 1].Outputs;

    [Fact]
    public void Run_Stdout_IsOneMergedStreamOutput()
    {
        var doc = RunFixture("basics.ipynb", out var result);
        var outputs = OutputsOf(doc, 2);
        var stream = Assert.IsType<StreamOutput>(Assert.Single(outputs));
        Assert.Equal("stdout", stream.Name);
        Assert.Equal("hello\nsame stream\n", stream.Text);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public void Run_DisplayAndDisplayExtension_GiveDisplayDataInOrder()
    {
        var doc = RunFixture("basics.ipynb", out _);
        var outputs = OutputsOf(doc, 3);
        Assert.Equal(2, outputs.Count);
        var html = Assert.IsType<DisplayOutput>(outputs[0]);
        Assert.Equal("<b>42</b>", html.Get("text/html"));
        Assert.Single(html.Data);
        var plain = Assert.IsType<DisplayOutput>(outputs[1]);
        Assert.Equal("plain", plain.Get("text/plain"));
    }

    [Fact]
    public void Run_TrailingExpression_IsDisplayedAsHtmlForNumbersAndPlainForStrings()
    {
        var doc = RunFixture("basics.ipynb", out _);
        var number = Assert.IsType<DisplayOutput>(Assert.Single(OutputsOf(doc, 4)));
        Assert.Contains("<pre>42</pre>", number.Get("text/html"));
        var text = Assert.IsType<DisplayOutput>(Assert.Single(OutputsOf(doc, 5)));
        Assert.Equal("text 41", text.Get("text/plain"));
        Assert.Empty(OutputsOf(doc, 6)); // `x++;` ends with a semicolon: no value
    }

    [Fact]
    public void Run_WorkingDirectoryAndScale_AreTheNotebookFolderAndQuick()
    {
        var doc = RunFixture("basics.ipynb", out _);
        var outputs = OutputsOf(doc, 7);
        var err = Assert.IsType<StreamOutput>(outputs[0]);
        Assert.Equal(("stderr", "to stderr\n"), (err.Name, err.Text));
        var value = Assert.IsType<DisplayOutput>(outputs[1]);
        Assert.StartsWith("fixture-", value.Get("text/plain"));
        Assert.EndsWith("|quick", value.Get("text/plain"));
    }

    [Fact]
    public void Run_OtherKernelCell_IsNotRunAndWarned()
    {
        var doc = RunFixture("basics.ipynb", out var result);
        Assert.Null(doc.Cells[7].ExecutionCount);
        Assert.Empty(doc.Cells[7].Outputs);
        Assert.Contains(result.Warnings, w => w.Contains("other kernels", StringComparison.Ordinal));
        Assert.Equal(8, result.CellsRun);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (int?)i), doc.Cells.Where(c => c.ExecutionCount is not null).Select(c => c.ExecutionCount));
    }

    [Fact]
    public void Run_TimeMagic_AddsWallTimeOutput()
    {
        var doc = RunFixture("basics.ipynb", out _);
        var time = Assert.IsType<DisplayOutput>(Assert.Single(OutputsOf(doc, 9)));
        Assert.StartsWith("Wall time: ", time.Get("text/plain"));
    }

    [Fact]
    public void Run_CssAndTrailingDisplay_ShowEachValueOnce()
    {
        var doc = RunFixture("basics.ipynb", out _);
        var outputs = OutputsOf(doc, 10);
        Assert.Equal(2, outputs.Count);
        // The kernel's CSS(…) adds the style through a script, as in VS Code.
        Assert.Contains(".x { color: red }", Assert.IsType<DisplayOutput>(outputs[0]).Get("text/html"));
        Assert.Equal("shown once", Assert.IsType<DisplayOutput>(outputs[1]).Get("text/plain"));
    }

    [Fact]
    public void Run_NoClaimsTable_WarnsButDoesNotFail()
    {
        RunFixture("basics.ipynb", out var result);
        Assert.Null(result.Claims);
        Assert.Contains(result.Warnings, w => w.Contains("no claims table", StringComparison.Ordinal));
        Assert.False(result.Failed);
    }

    [Fact]
    public void Run_CompileAndRuntimeErrors_AreErrorOutputsAndTheRunContinues()
    {
        var doc = RunFixture("errors.ipynb", out var result);
        var compile = Assert.IsType<ErrorOutput>(Assert.Single(OutputsOf(doc, 2)));
        Assert.Equal("Error", compile.Name);
        Assert.Contains("error CS0103: The name 'undefinedName' does not exist in the current context", compile.Value);
        Assert.StartsWith("(1,1): error CS0103", compile.Value);
        var runtime = Assert.IsType<ErrorOutput>(Assert.Single(OutputsOf(doc, 3)));
        Assert.StartsWith("System.InvalidOperationException: boom from the fixture", runtime.Value);
        Assert.Equal(NotebookText.SplitLines(runtime.Value), runtime.Traceback);
        var after = Assert.IsType<StreamOutput>(Assert.Single(OutputsOf(doc, 4)));
        Assert.Equal("after 1\n", after.Text);
        Assert.Equal(new[] { 2, 3 }, result.Failures.Select(f => f.CellNumber));
        Assert.True(result.Failed);
    }

    [Fact]
    public void Run_NugetReferences_RestoreAsInVsCodeAndAConflictingVersionIsAnError()
    {
        var doc = RunFixture("nuget.ipynb", out var result);
        // No "Installed Packages" display: only the cell's own value.
        Assert.Equal("24", Assert.IsType<DisplayOutput>(Assert.Single(OutputsOf(doc, 1))).Get("text/plain"));

        var wrongVersion = Assert.IsType<ErrorOutput>(Assert.Single(OutputsOf(doc, 2)));
        Assert.Contains("MathNet.Numerics version 4.15.0 cannot be added because version 5.0.0 was added previously", wrongVersion.Value);

        // Any package restores from NuGet, as in VS Code (no allow-list).
        Assert.Equal("[1,2]", Assert.IsType<DisplayOutput>(Assert.Single(OutputsOf(doc, 3))).Get("text/plain"));

        var noVersion = Assert.IsType<StreamOutput>(Assert.Single(OutputsOf(doc, 4)));
        Assert.Equal("no version is fine\n", noVersion.Text);
        Assert.Equal(new[] { 2 }, result.Failures.Select(f => f.CellNumber));
    }

    [Fact]
    public void Run_RelativeDllReference_ResolvesAgainstTheNotebookFolder()
    {
        string folder = TestEnvironment.NewTempFolder("reldll");
        string refs = Path.Combine(folder, "refs");
        Directory.CreateDirectory(refs);
        CompileTinyLibrary(Path.Combine(refs, "Tiny.dll"));
        File.WriteAllText(Path.Combine(refs, "marker.txt"), "marker read relative to the notebook");
        string path = Path.Combine(folder, "relative-dll.ipynb");
        File.Copy(Path.Combine(TestEnvironment.FixturesFolder, "relative-dll.ipynb"), path);

        var (result, written) = TestEnvironment.Run(path);
        var doc = NotebookReader.ReadFile(written);

        Assert.Empty(result.Failures);
        Assert.Contains("<pre>4242</pre>", Assert.IsType<DisplayOutput>(Assert.Single(OutputsOf(doc, 1))).Get("text/html"));
        Assert.Equal("marker read relative to the notebook", Assert.IsType<DisplayOutput>(Assert.Single(OutputsOf(doc, 2))).Get("text/plain"));
    }

    [Fact]
    public void Run_LibraryTypes_RenderAsHtmlThroughTheFormatter()
    {
        string notebooks = TestEnvironment.StageWithLibrary("library.ipynb");
        var (result, written) = TestEnvironment.Run(Path.Combine(notebooks, "library.ipynb"));
        var doc = NotebookReader.ReadFile(written);

        Assert.Empty(result.Failures);
        Assert.Equal("scale: Quick\n", Assert.IsType<StreamOutput>(Assert.Single(OutputsOf(doc, 2))).Text);
        // Charts and tables are Plotly.NET and DataFrames (charts.ipynb); the library's own display type is the claims table.
        var claims = Assert.IsType<DisplayOutput>(Assert.Single(OutputsOf(doc, 4)));
        Assert.Equal(new[] { "text/html" }, claims.Data.Keys);
        Assert.Contains("data-rk-claims-total=\"2\" data-rk-claims-failed=\"0\"", claims.Get("text/html"));
        Assert.Equal((2, 0, 0), (result.Claims!.Total, result.Claims.Failed, result.Claims.Untested));
        Assert.False(result.Failed);
    }

    [Fact]
    public void Run_ClaimThatDoesNotHold_IsAResultNotARunFailure()
    {
        string notebooks = TestEnvironment.StageWithLibrary("failed-claims.ipynb");
        var (result, _) = TestEnvironment.Run(Path.Combine(notebooks, "failed-claims.ipynb"));
        Assert.Empty(result.Failures);
        Assert.Equal((2, 1), (result.Claims!.Total, result.Claims.Failed));
        Assert.Equal(new[] { "holds", "fails" }, result.Claims.Rows.Select(r => r.Verdict));
        Assert.False(result.Failed);
        Assert.True(result.HasClaimsThatDoNotHold);
    }

    [Fact]
    public async Task Run_MalformedJson_IsALoadErrorNamingTheFile()
    {
        string folder = TestEnvironment.NewTempFolder("malformed");
        string path = Path.Combine(folder, "malformed.ipynb");
        File.Copy(Path.Combine(TestEnvironment.FixturesFolder, "malformed.ipynb"), path);
        var report = await new NotebookRunner(RunScale.Quick).RunFilesAsync(new[] { path, path }, Path.Combine(folder, "out"));
        Assert.True(report.Failed);
        Assert.Equal(2, report.Notebooks.Count);
        var first = report.Notebooks[0];
        Assert.NotNull(first.LoadError);
        Assert.StartsWith("malformed.ipynb: not a readable notebook: malformed JSON", first.LoadError);
        Assert.False(File.Exists(Path.Combine(folder, "out", "malformed.ipynb")));
    }

    [Fact]
    public void Run_Twice_GivesByteIdenticalFiles()
    {
        string notebooks = TestEnvironment.StageWithLibrary("library.ipynb", "errors.ipynb");
        foreach (string name in new[] { "library.ipynb", "errors.ipynb" })
        {
            var (_, first) = TestEnvironment.Run(Path.Combine(notebooks, name));
            var (_, second) = TestEnvironment.Run(Path.Combine(notebooks, name));
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            // Running the written file again (its ids and metadata now present) changes nothing either.
            string again = Path.Combine(notebooks, "again-" + name);
            File.Copy(first, again);
            var (_, third) = TestEnvironment.Run(again);
            Assert.Equal(File.ReadAllText(first), File.ReadAllText(third));
        }
    }

    [Fact]
    public void Run_ErrorText_HasNoMachinePaths()
    {
        var doc = RunFixture("errors.ipynb", out _);
        string tempRoot = Path.GetTempPath().TrimEnd('/');
        foreach (var error in doc.Cells.SelectMany(c => c.Outputs).OfType<ErrorOutput>())
            Assert.DoesNotContain(tempRoot, error.Value);
    }

    [Fact]
    public void Run_PrintedNotebookFolder_IsMadeRelative()
    {
        string folder = TestEnvironment.NewTempFolder("paths");
        string path = Path.Combine(folder, "paths.ipynb");
        File.WriteAllText(path, "{\"cells\":[{\"cell_type\":\"code\",\"source\":\"Console.WriteLine(System.IO.Path.Combine(Environment.CurrentDirectory, \\\"data.csv\\\"));\\nEnvironment.CurrentDirectory\"}]}");
        var (_, written) = TestEnvironment.Run(path);
        var outputs = NotebookReader.ReadFile(written).Cells[0].Outputs;
        Assert.Equal("data.csv\n", Assert.IsType<StreamOutput>(outputs[0]).Text);
        Assert.Equal(".", Assert.IsType<DisplayOutput>(outputs[1]).Get("text/plain"));
        Assert.DoesNotContain(folder, File.ReadAllText(written));
    }

    /// <summary>Compiles a one-class library with Roslyn: <c>Tiny.Answer.Value == 4242</c>.</summary>
    private static void CompileTinyLibrary(string path)
    {
        var tree = CSharpSyntaxTree.ParseText("namespace Tiny { public static class Answer { public static int Value => 4242; } }");
        string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = new[] { "System.Private.CoreLib.dll", "System.Runtime.dll" }
            .Select(f => MetadataReference.CreateFromFile(Path.Combine(runtimeDir, f)));
        var compilation = CSharpCompilation.Create("Tiny", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emit = compilation.Emit(path);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
    }
}
