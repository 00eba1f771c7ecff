namespace ResearchKit.Notebooks.Execution;

/// <summary>The results of a run over several notebooks.</summary>
public sealed class RunReport
{
    /// <summary>Creates a report from the per-notebook results.</summary>
    public RunReport(IReadOnlyList<NotebookResult> notebooks) => Notebooks = notebooks;

    /// <summary>The per-notebook results, in run order.</summary>
    public IReadOnlyList<NotebookResult> Notebooks { get; }

    /// <summary>True when any notebook failed.</summary>
    public bool Failed => Notebooks.Any(n => n.Failed);
}
