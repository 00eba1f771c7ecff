using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.DotNet.Interactive.Formatting;
using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Execution;

/// <summary>
/// Executes notebooks: every C# cell in order as one submission to the .NET Interactive C# kernel
/// (<see cref="NotebookKernel"/>), outputs captured and written back into the document in VS Code's shape. A failing
/// cell gets an error output and the run goes on with the next cell and the next notebook; a cell that fails because
/// a data file is missing stops the notebook's later cells (they would only fail after it). Runs are serialized
/// process-wide, because the current directory and the environment that a run changes are global.
/// </summary>
public sealed class NotebookRunner
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private readonly RunScale _scale;
    private readonly IRunProgress? _progress;

    /// <summary>Creates a runner.</summary>
    /// <param name="scale">The scale set in <see cref="RunScaleVariable.Variable"/> while notebooks run.</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cellTimeout">How long one cell may run; null for no limit (see <see cref="DefaultCellTimeout"/>).</param>
    public NotebookRunner(RunScale scale, IRunProgress? progress = null, TimeSpan? cellTimeout = null)
    {
        if (cellTimeout is { } t && t <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(cellTimeout), t, "The cell timeout must be positive (or null for none).");
        _scale = scale;
        _progress = progress;
        CellTimeout = cellTimeout;
    }

    /// <summary>How long one cell may run before it is abandoned; null for no limit.</summary>
    public TimeSpan? CellTimeout { get; }

    /// <summary>
    /// The cell timeout when none is given: 20 minutes in CI (environment variable <c>CI=true</c>, where a hung cell
    /// would otherwise hold the job until the CI system kills it, losing the log), no limit elsewhere.
    /// </summary>
    public static TimeSpan? DefaultCellTimeout =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? TimeSpan.FromMinutes(20) : null;

    /// <summary>
    /// Runs the notebooks one after the other, writing each in place or into <paramref name="outputDirectory"/>.
    /// A notebook that cannot be read or written is reported in its result and the others still run. Cancelling
    /// stops at once: the notebook that was running is not written (<see cref="NotebookResult.Interrupted"/>) and
    /// the ones after it are not started.
    /// </summary>
    public async Task<RunReport> RunFilesAsync(IEnumerable<string> paths, string? outputDirectory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var results = new List<NotebookResult>();
        foreach (string path in paths)
        {
            if (cancellationToken.IsCancellationRequested)
                break;
            string? output = outputDirectory is null ? null : Path.Combine(outputDirectory, Path.GetFileName(path));
            var result = await RunFileAsync(path, output, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            if (result.Interrupted is not null)
                break;
        }
        return new RunReport(results);
    }

    /// <summary>
    /// Reads, runs and writes one notebook. It executes in its own folder (so relative <c>#r</c> paths resolve as
    /// in VS Code) and is written to <paramref name="outputPath"/>, or in place when that is null. Never throws for
    /// a problem with the file: an unreadable notebook gives <see cref="NotebookResult.LoadError"/> (not run, not
    /// written), a read-only target is refused before running, a failed write gives
    /// <see cref="NotebookResult.WriteError"/>, and a notebook that changed on disk during the run is written beside
    /// it as <c>name.new.ipynb</c> (<see cref="NotebookResult.WrittenTo"/>).
    /// </summary>
    public async Task<NotebookResult> RunFileAsync(string path, string? outputPath = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        string target = Path.GetFullPath(outputPath ?? full);
        NotebookDocument doc;
        byte[] readHash;
        try
        {
            byte[] bytes = File.ReadAllBytes(full);
            readHash = SHA256.HashData(bytes);
            doc = NotebookReader.Parse(System.Text.Encoding.UTF8.GetString(bytes), Path.GetFileName(full));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Any read problem (missing, unreadable, malformed, a field of the wrong type) is this notebook's error only.
            string reason = e is NotebookFormatException ? e.Message : $"{Path.GetFileName(full)}: could not be read: {e.Message}";
            return Unrun(full, reason);
        }

        if (ReadOnlyReason(target) is { } readOnly)
            return Unrun(full, readOnly);

        var result = await RunDocumentAsync(doc, full, cancellationToken).ConfigureAwait(false);
        if (result.Interrupted is not null)
            return result; // nothing is written for an interrupted run: the file stays as it was
        Write(result, doc, full, target, readHash);
        return result;
    }

    private NotebookResult Unrun(string path, string reason)
    {
        var failed = new NotebookResult(path) { LoadError = reason };
        _progress?.NotebookStarted(path, 0);
        _progress?.NotebookFinished(failed);
        return failed;
    }

    /// <summary>Why <paramref name="target"/> must not be written (a read-only file), or null.</summary>
    private static string? ReadOnlyReason(string target)
    {
        if (!File.Exists(target))
            return null;
        bool readOnly = (File.GetAttributes(target) & FileAttributes.ReadOnly) != 0
            || (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(target) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0);
        return readOnly
            ? $"{Path.GetFileName(target)}: {target} is read-only, so the notebook was not run (its outputs could not be written back); make it writable or pass --output-dir."
            : null;
    }

    /// <summary>
    /// Writes the run's document, keeping the target's file mode. In place, a file that changed since it was read is
    /// not overwritten: the outputs go to <c>name.new.ipynb</c> beside it. Failures are recorded, not thrown.
    /// </summary>
    private static void Write(NotebookResult result, NotebookDocument doc, string source, string target, byte[] readHash)
    {
        try
        {
            if (target == source && File.Exists(source) && !SHA256.HashData(File.ReadAllBytes(source)).AsSpan().SequenceEqual(readHash))
            {
                string diverted = Path.Combine(Path.GetDirectoryName(source)!, Path.GetFileNameWithoutExtension(source) + ".new.ipynb");
                result.Warnings.Add($"{Path.GetFileName(source)} changed on disk during the run, so it was not overwritten; the outputs are in {Path.GetFileName(diverted)}.");
                target = diverted;
            }
            NotebookWriter.WriteFile(doc, target);
            result.WrittenTo = target;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result.WriteError = $"{Path.GetFileName(source)}: the outputs could not be written to {target}: {e.Message}";
        }
    }

    /// <summary>Runs the C# cells of <paramref name="doc"/>, replacing their outputs and execution counts.</summary>
    /// <param name="doc">The notebook; changed in place.</param>
    /// <param name="notebookPath">Where the notebook lives: its folder is the working directory of the run.</param>
    /// <param name="cancellationToken">Stops the run at once: the result is marked <see cref="NotebookResult.Interrupted"/>.</param>
    public async Task<NotebookResult> RunDocumentAsync(NotebookDocument doc, string notebookPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(notebookPath);
        string fullPath = Path.GetFullPath(notebookPath);
        string folder = Path.GetDirectoryName(fullPath)!;
        var result = new NotebookResult(fullPath) { Document = doc };
        var scrubber = new PathScrubber(folder);
        var total = Stopwatch.StartNew();

        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        string previousDirectory = Environment.CurrentDirectory;
        string? previousScale = Environment.GetEnvironmentVariable(RunScaleVariable.Variable);
        NotebookKernel? kernel = null;
        bool kernelHung = false;
        try
        {
            Environment.CurrentDirectory = folder;
            Environment.SetEnvironmentVariable(RunScaleVariable.Variable, RunScaleVariable.ValueOf(_scale));
            var csharpCells = doc.Cells.Select((c, i) => (Cell: c, Number: i + 1))
                .Where(x => x.Cell.Kind == CellKind.Code && doc.KernelNameOf(x.Cell) == NotebookDocument.CSharpKernel).ToList();
            int skipped = doc.Cells.Count(c => c.Kind == CellKind.Code) - csharpCells.Count;
            if (skipped > 0)
                result.Warnings.Add($"{skipped} code cell(s) of other kernels were not run (the runner runs C# only).");
            _progress?.NotebookStarted(fullPath, csharpCells.Count);

            var start = Stopwatch.StartNew();
            // Each notebook starts with the formatter settings of a fresh kernel, whatever the previous one registered.
            Formatter.ResetToDefault();
            kernel = NotebookKernel.Start();
            result.KernelStart = start.Elapsed;

            int executionCount = 0;
            string? stopReason = null;
            foreach (var (cell, number) in csharpCells)
            {
                if (stopReason is not null)
                {
                    // Not run in this run: no stale outputs from an earlier one.
                    cell.ExecutionCount = null;
                    cell.Outputs.Clear();
                    result.CellsSkipped.Add(number);
                    continue;
                }
                _progress?.CellStarted(number);
                var watch = Stopwatch.StartNew();
                using var cellToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                if (CellTimeout is { } timeout)
                    cellToken.CancelAfter(timeout);
                IReadOnlyList<CellOutput> outputs;
                try
                {
                    outputs = await kernel.SubmitAsync(cell.Source, cellToken.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    result.Interrupted = number;
                    kernelHung = true;
                    _progress?.CellFinished(number, watch.Elapsed, new CellFailure(number, "interrupted"));
                    return result;
                }
                catch (OperationCanceledException)
                {
                    kernelHung = true;
                    outputs = new[]
                    {
                        ErrorOutput.FromMessage($"Cell {number} did not finish within {Describe(CellTimeout!.Value)} (the runner's --cell-timeout); "
                            + "it was abandoned, and the cells after it were not run."),
                    };
                    stopReason = "timeout";
                }
                cell.ExecutionCount = ++executionCount;
                cell.Outputs.Clear();
                cell.Outputs.AddRange(outputs);
                ScrubPaths(cell, scrubber);
                for (int i = 0; i < cell.Outputs.Count; i++)
                    cell.Outputs[i] = StableIds.Apply(cell.Outputs[i], number, i);
                result.CellsRun++;
                result.CellTimes.Add((number, watch.Elapsed));
                var error = cell.Outputs.OfType<ErrorOutput>().FirstOrDefault();
                CellFailure? failure = error is null ? null : new CellFailure(number, error.Value);
                if (failure is not null)
                {
                    result.Failures.Add(failure);
                    if (stopReason is null && IsMissingData(error!))
                    {
                        stopReason = "missing data";
                        result.MissingDataCell = number;
                    }
                }
                _progress?.CellFinished(number, watch.Elapsed, failure);
            }
            if (result.MissingDataCell is { } missing && result.CellsSkipped.Count > 0)
                result.Warnings.Add($"cell {missing} failed because a data file is missing (its error says where it was looked for); "
                    + $"the {result.CellsSkipped.Count} later cell(s) were skipped instead of failing after it.");
            else if (stopReason == "timeout" && result.CellsSkipped.Count > 0)
                result.Warnings.Add($"{result.CellsSkipped.Count} cell(s) after the timed-out cell were not run.");
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            Environment.SetEnvironmentVariable(RunScaleVariable.Variable, previousScale);
            // A kernel whose cell never returned is abandoned, not disposed (disposing could wait for that cell).
            if (!kernelHung)
                kernel?.Dispose();
            Gate.Release();
            result.Elapsed = total.Elapsed;
        }

        result.Claims = ClaimsStatus.Find(doc);
        if (result.Claims is null)
            result.Warnings.Add("no claims table (the library's Claims type) among the outputs.");
        _progress?.NotebookFinished(result);
        return result;
    }

    /// <summary>
    /// True when a cell's error is a missing data file: an uncaught <see cref="FileNotFoundException"/> or
    /// <see cref="DirectoryNotFoundException"/> (what the library's data loaders throw, with where they looked).
    /// </summary>
    internal static bool IsMissingData(ErrorOutput error) =>
        error.Value.StartsWith("System.IO.FileNotFoundException", StringComparison.Ordinal)
        || error.Value.StartsWith("System.IO.DirectoryNotFoundException", StringComparison.Ordinal);

    private static string Describe(TimeSpan t) =>
        t.TotalMinutes >= 1 && t.Seconds == 0 ? $"{t.TotalMinutes:0} min" : $"{t.TotalSeconds:0.###} s";

    /// <summary>Makes machine paths relative in every output, so that files do not depend on where the repository lives.</summary>
    private static void ScrubPaths(NotebookCell cell, PathScrubber scrubber)
    {
        for (int i = 0; i < cell.Outputs.Count; i++)
        {
            cell.Outputs[i] = cell.Outputs[i] switch
            {
                ErrorOutput e => ErrorOutput.FromMessage(scrubber.Scrub(e.Value)) with { Name = e.Name },
                StreamOutput s => s with { Text = scrubber.Scrub(s.Text) },
                DisplayOutput d => new DisplayOutput(new SortedDictionary<string, string>(
                    d.Data.ToDictionary(kv => kv.Key, kv => scrubber.Scrub(kv.Value)), StringComparer.Ordinal)),
                var other => other,
            };
        }
    }
}
