using System.Text.Json.Nodes;
using ResearchKit.Notebooks.Documents;
using ResearchKit.Notebooks.Execution;

namespace ResearchKit.Notebooks.Tests.Execution;

/// <summary>The runner used as a hostile user would (issue 10): each fault ends in a clear, per-notebook outcome.</summary>
public class RunnerReliabilityTests
{
    /// <summary>Writes a notebook of C# cells (each a source string) into <paramref name="folder"/>.</summary>
    private static string WriteNotebook(string folder, string name, params string[] cells)
    {
        var array = new JsonArray();
        foreach (string source in cells)
            array.Add(new JsonObject { ["cell_type"] = "code", ["source"] = source });
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, new JsonObject { ["cells"] = array, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 }.ToJsonString());
        return path;
    }

    private static string[] TempFiles(string folder) => Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories);

    [Fact]
    public async Task ReadOnlyNotebook_IsNeitherRunNorWritten_AndKeepsItsMode()
    {
        if (OperatingSystem.IsWindows())
            return; // the mode check is the Unix one; Windows has the read-only attribute, checked by the same code path
        string folder = TestEnvironment.NewTempFolder("readonly");
        string path = WriteNotebook(folder, "locked.ipynb", "Console.WriteLine(\"ran\");");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        byte[] before = File.ReadAllBytes(path);

        var result = await new NotebookRunner(RunScale.Quick).RunFileAsync(path);

        Assert.Contains("is read-only", result.LoadError);
        Assert.Equal(0, result.CellsRun);
        Assert.True(result.Failed);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task InPlaceWrite_KeepsTheNotebooksMode()
    {
        if (OperatingSystem.IsWindows())
            return;
        string folder = TestEnvironment.NewTempFolder("mode");
        string path = WriteNotebook(folder, "mode.ipynb", "1 + 1");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;
        File.SetUnixFileMode(path, mode);

        var result = await new NotebookRunner(RunScale.Quick).RunFileAsync(path);

        Assert.Null(result.WriteError);
        Assert.Equal(path, result.WrittenTo);
        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Empty(TempFiles(folder));
    }

    [Fact]
    public async Task FailedWrite_IsReportedForThatNotebook_TheOthersAreWritten_AndNoTempFileStays()
    {
        string folder = TestEnvironment.NewTempFolder("writefail");
        string first = WriteNotebook(folder, "first.ipynb", "Console.WriteLine(\"first\");");
        string second = WriteNotebook(folder, "second.ipynb", "Console.WriteLine(\"second\");");
        string output = Path.Combine(folder, "out");
        // The first notebook's target is a folder: the rename onto it fails (also as root, for whom modes do not stop writes).
        Directory.CreateDirectory(Path.Combine(output, "first.ipynb"));

        var report = await new NotebookRunner(RunScale.Quick).RunFilesAsync(new[] { first, second }, output);

        Assert.Equal(2, report.Notebooks.Count);
        var failed = report.Notebooks[0];
        Assert.Equal(1, failed.CellsRun);
        Assert.StartsWith("first.ipynb: the outputs could not be written to ", failed.WriteError);
        Assert.True(failed.Failed);
        Assert.Null(report.Notebooks[1].WriteError);
        Assert.Equal("second\n", Assert.IsType<StreamOutput>(Assert.Single(NotebookReader.ReadFile(Path.Combine(output, "second.ipynb")).Cells[0].Outputs)).Text);
        Assert.Empty(TempFiles(folder));
    }

    [Theory]
    [InlineData("{\"cells\":[{\"cell_type\":\"code\",\"source\":\"1\",\"outputs\":[{\"output_type\":\"stream\",\"name\":3,\"text\":\"x\"}]}]}", "cell 1 stream name is number 3, not a string")]
    [InlineData("{\"cells\":[{\"cell_type\":\"code\",\"source\":\"1\",\"outputs\":[{\"output_type\":\"error\",\"ename\":[],\"evalue\":\"e\"}]}]}", "cell 1 error ename is array [], not a string")]
    [InlineData("{\"cells\":[{\"cell_type\":\"code\",\"source\":7}]}", "cell 1 source is neither a string nor an array of strings")]
    [InlineData("{\"cells\":{}}", "there is no \"cells\" array")]
    public async Task WrongJsonTypeInAField_IsAClearErrorForThatNotebook_NotABatchCrash(string json, string message)
    {
        string folder = TestEnvironment.NewTempFolder("wrongtype");
        string bad = Path.Combine(folder, "bad.ipynb");
        File.WriteAllText(bad, json);
        string good = WriteNotebook(folder, "good.ipynb", "Console.WriteLine(\"still runs\");");
        string output = Path.Combine(folder, "out");

        var report = await new NotebookRunner(RunScale.Quick).RunFilesAsync(new[] { bad, good }, output);

        Assert.Equal("bad.ipynb: not a readable notebook: " + message, report.Notebooks[0].LoadError);
        Assert.False(File.Exists(Path.Combine(output, "bad.ipynb")));
        Assert.Empty(report.Notebooks[1].Failures);
        Assert.True(File.Exists(Path.Combine(output, "good.ipynb")));
    }

    [Fact]
    public async Task CellTimeout_RecordsAnErrorNamingTheCell_SkipsTheRest_AndWritesTheNotebook()
    {
        string folder = TestEnvironment.NewTempFolder("timeout");
        // A sleeping cell (not a spinning one): after the test it ends by itself instead of holding a core.
        string path = WriteNotebook(folder, "hung.ipynb",
            "Console.WriteLine(\"before\");",
            "System.Threading.Thread.Sleep(TimeSpan.FromSeconds(20));",
            "Console.WriteLine(\"after\");");
        string output = Path.Combine(folder, "out", "hung.ipynb");

        var result = await new NotebookRunner(RunScale.Quick, cellTimeout: TimeSpan.FromSeconds(2)).RunFileAsync(path, output);

        var doc = NotebookReader.ReadFile(output);
        Assert.Equal("before\n", Assert.IsType<StreamOutput>(Assert.Single(doc.Cells[0].Outputs)).Text);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(doc.Cells[1].Outputs));
        Assert.StartsWith("Cell 2 did not finish within 2 s", error.Value);
        Assert.Equal(2, doc.Cells[1].ExecutionCount);
        Assert.Empty(doc.Cells[2].Outputs);
        Assert.Null(doc.Cells[2].ExecutionCount);
        Assert.Equal(new[] { 2 }, result.Failures.Select(f => f.CellNumber));
        Assert.Equal(new[] { 3 }, result.CellsSkipped);
    }

    [Fact]
    public void DefaultCellTimeout_IsOnInCiOnly()
    {
        string? previous = Environment.GetEnvironmentVariable("CI");
        try
        {
            Environment.SetEnvironmentVariable("CI", "true");
            Assert.Equal(TimeSpan.FromMinutes(20), NotebookRunner.DefaultCellTimeout);
            Environment.SetEnvironmentVariable("CI", null);
            Assert.Null(NotebookRunner.DefaultCellTimeout);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CI", previous);
        }
    }

    [Fact]
    public async Task Cancel_WhileACellRuns_NamesTheCell_LeavesTheFileUnchanged_AndStartsNoFurtherNotebook()
    {
        string folder = TestEnvironment.NewTempFolder("cancel");
        string path = WriteNotebook(folder, "long.ipynb", "Console.WriteLine(\"first\");", "System.Threading.Thread.Sleep(TimeSpan.FromSeconds(20));");
        string next = WriteNotebook(folder, "next.ipynb", "1");
        byte[] before = File.ReadAllBytes(path);
        byte[] nextBefore = File.ReadAllBytes(next);
        using var cancel = new CancellationTokenSource();
        var progress = new CancelOnCell(2, cancel);

        var report = await new NotebookRunner(RunScale.Quick, progress).RunFilesAsync(new[] { path, next }, cancellationToken: cancel.Token);

        var result = Assert.Single(report.Notebooks);
        Assert.Equal(2, result.Interrupted);
        Assert.True(report.Failed);
        Assert.Equal(before, File.ReadAllBytes(path)); // nothing half-written
        Assert.Equal(nextBefore, File.ReadAllBytes(next));
        Assert.Empty(TempFiles(folder));
    }

    [Fact]
    public async Task NotebookChangedOnDiskDuringTheRun_IsNotOverwritten_TheOutputsGoBesideIt()
    {
        string folder = TestEnvironment.NewTempFolder("changed");
        // The cell edits its own notebook, as a user saving in an editor during the run would.
        string path = WriteNotebook(folder, "edited.ipynb", "System.IO.File.AppendAllText(\"edited.ipynb\", \"\\n\");\nConsole.WriteLine(\"ran\");");
        var result = await new NotebookRunner(RunScale.Quick).RunFileAsync(path);

        string beside = Path.Combine(folder, "edited.new.ipynb");
        Assert.Equal(beside, result.WrittenTo);
        Assert.Contains(result.Warnings, w => w.Contains("changed on disk during the run, so it was not overwritten; the outputs are in edited.new.ipynb", StringComparison.Ordinal));
        Assert.EndsWith("\n", File.ReadAllText(path)); // the user's edit is kept
        Assert.Empty(NotebookReader.ReadFile(path).Cells[0].Outputs);
        Assert.Equal("ran\n", Assert.IsType<StreamOutput>(Assert.Single(NotebookReader.ReadFile(beside).Cells[0].Outputs)).Text);
    }

    [Fact]
    public async Task MissingDataFile_IsSaidOnce_AndTheLaterCellsAreSkipped()
    {
        string folder = TestEnvironment.NewTempFolder("missingdata");
        string path = WriteNotebook(folder, "data.ipynb",
            "var x = 1;",
            "var rows = System.IO.File.ReadAllLines(\"no-such-data.csv\");",
            "Console.WriteLine(rows.Length);",
            "Console.WriteLine(rows[0]);");
        string output = Path.Combine(folder, "out", "data.ipynb");

        var result = await new NotebookRunner(RunScale.Quick).RunFileAsync(path, output);

        Assert.Equal(new[] { 2 }, result.Failures.Select(f => f.CellNumber));
        Assert.StartsWith("System.IO.FileNotFoundException", result.Failures[0].Message);
        Assert.Equal(2, result.MissingDataCell);
        Assert.Equal(new[] { 3, 4 }, result.CellsSkipped);
        Assert.Single(result.Warnings, w => w.Contains("cell 2 failed because a data file is missing", StringComparison.Ordinal));
        var doc = NotebookReader.ReadFile(output);
        Assert.All(doc.Cells.Skip(2), c => Assert.Empty(c.Outputs));
        Assert.All(doc.Cells.Skip(2), c => Assert.Null(c.ExecutionCount));
    }

    [Fact]
    public async Task OtherErrors_DoNotSkipTheLaterCells()
    {
        string folder = TestEnvironment.NewTempFolder("othererror");
        string path = WriteNotebook(folder, "other.ipynb", "throw new InvalidOperationException(\"not about data\");", "Console.WriteLine(\"runs\");");
        var result = await new NotebookRunner(RunScale.Quick).RunFileAsync(path, Path.Combine(folder, "out", "other.ipynb"));
        Assert.Null(result.MissingDataCell);
        Assert.Empty(result.CellsSkipped);
        Assert.Equal(2, result.CellsRun);
    }

    /// <summary>Cancels the run when a given cell starts (as Ctrl-C during that cell would).</summary>
    private sealed class CancelOnCell(int cell, CancellationTokenSource cancel) : IRunProgress
    {
        public void NotebookStarted(string path, int codeCells)
        {
        }

        public void CellStarted(int cellNumber)
        {
            if (cellNumber == cell)
                cancel.CancelAfter(TimeSpan.FromSeconds(1));
        }

        public void CellFinished(int cellNumber, TimeSpan elapsed, CellFailure? failure)
        {
        }

        public void NotebookFinished(NotebookResult result)
        {
        }
    }
}
