using System.Text.RegularExpressions;
using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Execution;

/// <summary>
/// The figure table of a notebook's header (its first markdown cell): one row per main figure or table of the paper,
/// with a status column that is exactly <c>reproduced</c>, <c>partly</c> or <c>not</c>
/// (<c>| Fig. 2 | partly | panel (c) missing … |</c>).
/// </summary>
/// <param name="Reproduced">Main figures and tables reproduced.</param>
/// <param name="Partly">Reproduced in part.</param>
/// <param name="Not">Not reproduced.</param>
public sealed partial record FigureCoverage(int Reproduced, int Partly, int Not)
{
    /// <summary>All main figures and tables listed.</summary>
    public int Total => Reproduced + Partly + Not;

    /// <summary>"main figures: k of K" with the partly count when there are any.</summary>
    public string Summary => $"main figures: {Reproduced} of {Total}" + (Partly > 0 ? $" ({Partly} partly)" : "");

    /// <summary>The figure table of the notebook's first markdown cell, or null when it has none.</summary>
    public static FigureCoverage? Find(NotebookDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var header = doc.Cells.FirstOrDefault(c => c.Kind == CellKind.Markdown);
        if (header is null)
            return null;
        int reproduced = 0, partly = 0, not = 0;
        foreach (Match m in StatusRow().Matches(header.Source))
        {
            switch (m.Groups["status"].Value.ToLowerInvariant())
            {
                case "reproduced": reproduced++; break;
                case "partly": partly++; break;
                default: not++; break;
            }
        }
        return reproduced + partly + not == 0 ? null : new FigureCoverage(reproduced, partly, not);
    }

    // A table row whose second cell is the status word (optionally in bold or italics).
    [GeneratedRegex(@"^\s*\|[^|\n]+\|\s*[*_]{0,2}(?<status>reproduced|partly|not)[*_]{0,2}\s*\|", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex StatusRow();
}
