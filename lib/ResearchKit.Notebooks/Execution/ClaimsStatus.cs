using System.Text.RegularExpressions;
using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Execution;

/// <summary>What the claims tables among a notebook's HTML outputs say.</summary>
/// <param name="Total">Number of tested claims.</param>
/// <param name="Failed">Number of tested claims that do not hold.</param>
/// <param name="Untested">Number of claims listed as not testable here (they neither hold nor fail).</param>
public sealed partial record ClaimsStatus(int Total, int Failed, int Untested = 0)
{
    /// <summary>Claims that hold.</summary>
    public int Held => Total - Failed;

    /// <summary>"h/t hold", with the untested count when there are any.</summary>
    public string Summary => $"{Held}/{Total} hold" + (Untested > 0 ? $", {Untested} not testable here" : "");

    /// <summary>
    /// Sums the claims tables (<c>data-rk-claims-total</c>/<c>data-rk-claims-failed</c> attributes, written by the
    /// library's Claims type) found in the notebook's text/html outputs; null when there is none.
    /// </summary>
    public static ClaimsStatus? Find(NotebookDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        int total = 0, failed = 0, untested = 0;
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
                if (m.Groups["untested"].Success)
                    untested += int.Parse(m.Groups["untested"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return found ? new ClaimsStatus(total, failed, untested) : null;
    }

    [GeneratedRegex("<table class=\"rk-table rk-claims\" data-rk-claims-total=\"(?<total>\\d+)\" data-rk-claims-failed=\"(?<failed>\\d+)\"(?: data-rk-claims-untested=\"(?<untested>\\d+)\")?")]
    private static partial Regex ClaimsTable();
}
