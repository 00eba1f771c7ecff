using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Execution;

/// <summary>The result of running (or reading) one notebook.</summary>
public sealed class NotebookResult
{
    /// <summary>Creates a result for <paramref name="path"/>.</summary>
    public NotebookResult(string path) => Path = path;

    /// <summary>The notebook file.</summary>
    public string Path { get; }

    /// <summary>The document after the run (null if it could not be read).</summary>
    public NotebookDocument? Document { get; set; }

    /// <summary>Number of C# cells executed.</summary>
    public int CellsRun { get; set; }

    /// <summary>Cells that produced an error output.</summary>
    public List<CellFailure> Failures { get; } = new();

    /// <summary>The claims status, null when the notebook has no claims table.</summary>
    public ClaimsStatus? Claims { get; set; }

    /// <summary>A reason the notebook could not be run at all (unreadable file), else null.</summary>
    public string? LoadError { get; set; }

    /// <summary>Warnings: no claims table, cells of other kernels skipped.</summary>
    public List<string> Warnings { get; } = new();

    /// <summary>
    /// True when the notebook could not be read, any cell errored, it was interrupted or its outputs could not be
    /// written. A claim that does not hold is a result, not a failure of the run (see <see cref="HasClaimsThatDoNotHold"/>
    /// and the runner's <c>--fail-on-claims</c>).
    /// </summary>
    public bool Failed => LoadError is not null || Failures.Count > 0 || WriteError is not null || Interrupted is not null;

    /// <summary>True when a claims table lists a tested claim that does not hold.</summary>
    public bool HasClaimsThatDoNotHold => Claims is { Failed: > 0 };
    /// <summary>Why the outputs could not be written (the run itself happened), else null.</summary>
    public string? WriteError { get; set; }

    /// <summary>The file the outputs were written to (the notebook, the output folder's copy, or <c>name.new.ipynb</c>).</summary>
    public string? WrittenTo { get; set; }

    /// <summary>The cell that was running when the run was cancelled (Ctrl-C); the notebook was then not written.</summary>
    public int? Interrupted { get; set; }

    /// <summary>The cell whose error was a missing data file; the cells after it were skipped.</summary>
    public int? MissingDataCell { get; set; }

    /// <summary>C# cells not run because an earlier cell timed out or found its data missing (outputs cleared).</summary>
    public List<int> CellsSkipped { get; } = new();

    /// <summary>Wall time of each cell run, by cell number (the runner's timing report; not written into the notebook).</summary>
    public List<(int Cell, TimeSpan Elapsed)> CellTimes { get; } = new();

    /// <summary>Time to start the kernel (before the first cell; the first cell's time includes its package restore).</summary>
    public TimeSpan KernelStart { get; set; }

    /// <summary>Wall time of the whole notebook run.</summary>
    public TimeSpan Elapsed { get; set; }
}
