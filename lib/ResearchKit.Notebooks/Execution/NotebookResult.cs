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
    /// True when the notebook could not be read or any cell errored. A claim that does not hold is a result, not a
    /// failure of the run (see <see cref="HasClaimsThatDoNotHold"/> and the runner's <c>--fail-on-claims</c>).
    /// </summary>
    public bool Failed => LoadError is not null || Failures.Count > 0;

    /// <summary>True when a claims table lists a tested claim that does not hold.</summary>
    public bool HasClaimsThatDoNotHold => Claims is { Failed: > 0 };
}
