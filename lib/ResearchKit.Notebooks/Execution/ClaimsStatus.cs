using System.Text.RegularExpressions;
using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Execution;

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
