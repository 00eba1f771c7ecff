using System.Text.RegularExpressions;
using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Execution;

/// <summary>A cell that ended with an error output.</summary>
/// <param name="CellNumber">1-based position of the cell in the notebook (all cells counted).</param>
/// <param name="Message">The error text.</param>
public sealed record CellFailure(int CellNumber, string Message);

/// <summary>What the claims tables among a notebook's HTML outputs say.</summary>
/// <param name="Total">Number of claims.</param>
/// <param name="Failed">Number that do not hold.</param>
public sealed partial record ClaimsStatus(int Total, int Failed)
{
    /// <summary>Claims that hold.</summary>
    public int Held => Total - Failed;

    /// <summary>
    /// Sums the claims tables (<c>data-rk-claims-total</c>/<c>data-rk-claims-failed</c> attributes, written by the
    /// library's Claims type) found in the notebook's text/html outputs; null when there is none.
    /// </summary>
    public static ClaimsStatus? Find(NotebookDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        int total = 0, failed = 0;
        bool found = false;
        foreach (var output in doc.Cells.SelectMany(c => c.Outputs).OfType<DisplayOutput>())
        {
            if (output.Get("text/html") is not { } html)
                continue;
            foreach (Match m in ClaimsTable().Matches(html))
            {
                found = true;
                total += int.Parse(m.Groups["total"].Value, System.Globalization.CultureInfo.InvariantCulture);
                failed += int.Parse(m.Groups["failed"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return found ? new ClaimsStatus(total, failed) : null;
    }

    [GeneratedRegex("<table class=\"rk-table rk-claims\" data-rk-claims-total=\"(?<total>\\d+)\" data-rk-claims-failed=\"(?<failed>\\d+)\"")]
    private static partial Regex ClaimsTable();
}

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

    /// <summary>True when the notebook could not be read, any cell errored or any claim does not hold.</summary>
    public bool Failed => LoadError is not null || Failures.Count > 0 || Claims is { Failed: > 0 };
}

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
