using System.Diagnostics;
using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Execution;

/// <summary>
/// Executes notebooks: every C# cell in order as one Roslyn submission (<see cref="ScriptKernel"/>), outputs
/// captured and written back into the document in VS Code's shape. A failing cell gets an error output and the run
/// goes on with the next cell and the next notebook. Runs are serialized process-wide, because the console, the
/// current directory and the environment that a run changes are global.
/// </summary>
public sealed class NotebookRunner
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private readonly RunScale _scale;
    private readonly IRunProgress? _progress;

    /// <summary>Creates a runner.</summary>
    /// <param name="scale">The scale set in <see cref="RunScaleVariable.Variable"/> while notebooks run.</param>
    /// <param name="progress">Optional progress sink.</param>
    public NotebookRunner(RunScale scale, IRunProgress? progress = null)
    {
        _scale = scale;
        _progress = progress;
    }

    /// <summary>Runs the notebooks one after the other, writing each in place or into <paramref name="outputDirectory"/>.</summary>
    public async Task<RunReport> RunFilesAsync(IEnumerable<string> paths, string? outputDirectory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var results = new List<NotebookResult>();
        foreach (string path in paths)
        {
            string? output = outputDirectory is null ? null : Path.Combine(outputDirectory, Path.GetFileName(path));
            results.Add(await RunFileAsync(path, output, cancellationToken).ConfigureAwait(false));
        }
        return new RunReport(results);
    }

    /// <summary>
    /// Reads, runs and writes one notebook. It executes in its own folder (so relative <c>#r</c> paths resolve as
    /// in VS Code) and is written to <paramref name="outputPath"/>, or in place when that is null. An unreadable
    /// file gives a result with <see cref="NotebookResult.LoadError"/> and is not written.
    /// </summary>
    public async Task<NotebookResult> RunFileAsync(string path, string? outputPath = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        NotebookDocument doc;
        try
        {
            doc = NotebookReader.ReadFile(full);
        }
        catch (Exception e) when (e is NotebookFormatException or IOException or UnauthorizedAccessException)
        {
            var failed = new NotebookResult(full) { LoadError = e.Message };
            _progress?.NotebookStarted(full, 0);
            _progress?.NotebookFinished(failed);
            return failed;
        }
        var result = await RunDocumentAsync(doc, full, cancellationToken).ConfigureAwait(false);
        NotebookWriter.WriteFile(doc, outputPath ?? full);
        return result;
    }

    /// <summary>Runs the C# cells of <paramref name="doc"/>, replacing their outputs and execution counts.</summary>
    /// <param name="doc">The notebook; changed in place.</param>
    /// <param name="notebookPath">Where the notebook lives: its folder is the working directory of the run.</param>
    /// <param name="cancellationToken">Stops before the next cell.</param>
    public async Task<NotebookResult> RunDocumentAsync(NotebookDocument doc, string notebookPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(notebookPath);
        string fullPath = Path.GetFullPath(notebookPath);
        string folder = Path.GetDirectoryName(fullPath)!;
        var result = new NotebookResult(fullPath) { Document = doc };
        var scrubber = new PathScrubber(folder);

        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        string previousDirectory = Environment.CurrentDirectory;
        string? previousScale = Environment.GetEnvironmentVariable(RunScaleVariable.Variable);
        try
        {
            Environment.CurrentDirectory = folder;
            Environment.SetEnvironmentVariable(RunScaleVariable.Variable, RunScaleVariable.ValueOf(_scale));
            var kernel = new ScriptKernel(folder);
            var csharpCells = doc.Cells.Select((c, i) => (Cell: c, Number: i + 1))
                .Where(x => doc.KernelNameOf(x.Cell) == NotebookDocument.CSharpKernel).ToList();
            int skipped = doc.Cells.Count(c => c.Kind == CellKind.Code) - csharpCells.Count;
            if (skipped > 0)
                result.Warnings.Add($"{skipped} code cell(s) of other kernels were not run (the runner runs C# only).");
            _progress?.NotebookStarted(fullPath, csharpCells.Count);

            int executionCount = 0;
            foreach (var (cell, number) in csharpCells)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _progress?.CellStarted(number);
                var watch = Stopwatch.StartNew();
                cell.ExecutionCount = ++executionCount;
                cell.Outputs.Clear();
                cell.Outputs.AddRange(await RunCellAsync(kernel, cell.Source, cancellationToken).ConfigureAwait(false));
                ScrubErrors(cell, scrubber);
                result.CellsRun++;
                var error = cell.Outputs.OfType<ErrorOutput>().FirstOrDefault();
                CellFailure? failure = error is null ? null : new CellFailure(number, error.Value);
                if (failure is not null)
                    result.Failures.Add(failure);
                _progress?.CellFinished(number, watch.Elapsed, failure);
            }
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            Environment.SetEnvironmentVariable(RunScaleVariable.Variable, previousScale);
            Gate.Release();
        }

        result.Claims = ClaimsStatus.Find(doc);
        if (result.Claims is null)
            result.Warnings.Add("no claims table (the library's Claims type) among the outputs.");
        _progress?.NotebookFinished(result);
        return result;
    }

    private static async Task<IReadOnlyList<CellOutput>> RunCellAsync(ScriptKernel kernel, string source, CancellationToken cancellationToken)
    {
        var directives = CellDirectives.Parse(source);
        if (directives.Errors.Count > 0)
            return directives.Errors.Select(ErrorOutput.FromMessage).ToList();
        foreach (var package in directives.Packages)
            kernel.AddReference(package.Assembly);

        using var capture = OutputCapture.Begin();
        var watch = Stopwatch.StartNew();
        try
        {
            if (!string.IsNullOrWhiteSpace(directives.Code))
            {
                var submission = await kernel.SubmitAsync(directives.Code, cancellationToken).ConfigureAwait(false);
                if (submission.CompileErrors is { } diagnostics)
                    capture.Add(ErrorOutput.FromMessage(diagnostics));
                else if (submission.Exception is { } ex)
                    capture.Add(ErrorOutput.FromMessage(ex.ToString()));
                else if (submission.HasReturnValue)
                    capture.Add(ValueFormatter.Format(submission.ReturnValue));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failure of the runner itself around the cell (e.g. a value whose formatter throws): still an error output.
            capture.Add(ErrorOutput.FromMessage(e.ToString()));
        }
        if (directives.Timed)
            capture.Add(new DisplayOutput(new SortedDictionary<string, string> { ["text/plain"] = $"Wall time: {watch.Elapsed.TotalMilliseconds:0.####}ms" }));
        return capture.Outputs;
    }

    private static void ScrubErrors(NotebookCell cell, PathScrubber scrubber)
    {
        for (int i = 0; i < cell.Outputs.Count; i++)
        {
            if (cell.Outputs[i] is ErrorOutput e)
                cell.Outputs[i] = ErrorOutput.FromMessage(scrubber.Scrub(e.Value)) with { Name = e.Name };
        }
    }
}
