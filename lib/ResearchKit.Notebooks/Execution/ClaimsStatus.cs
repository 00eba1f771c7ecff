using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Execution;

/// <summary>One row of a notebook's claims tables as its HTML output shows it.</summary>
/// <param name="Number">1-based position among all claims rows of the notebook.</param>
/// <param name="Verdict"><c>holds</c>, <c>fails</c> or <c>untested</c>.</param>
/// <param name="Statement">The claim's statement (HTML-decoded).</param>
public sealed record ClaimRow(int Number, string Verdict, string Statement);

/// <summary>What the claims tables among a notebook's HTML outputs say.</summary>
/// <param name="Total">Number of tested claims (they hold or do not).</param>
/// <param name="Failed">Number of tested claims that do not hold.</param>
/// <param name="Untested">Number of claims that are not testable here (they neither hold nor fail).</param>
public sealed partial record ClaimsStatus(int Total, int Failed, int Untested = 0)
{
    /// <summary>Claims that hold.</summary>
    public int Held => Total - Failed;

    /// <summary>The rows, in order (empty for tables written before rows carried their verdict).</summary>
    public IReadOnlyList<ClaimRow> Rows { get; init; } = Array.Empty<ClaimRow>();

    /// <summary>Equal counts and equal rows, in order.</summary>
    public bool Equals(ClaimsStatus? other) =>
        other is not null && (Total, Failed, Untested) == (other.Total, other.Failed, other.Untested) && Rows.SequenceEqual(other.Rows);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Total, Failed, Untested, Rows.Count);

    /// <summary>"n hold · m do not hold · u not testable".</summary>
    public string Summary => $"{Held} hold · {Failed} do not hold · {Untested} not testable";

    /// <summary>
    /// Sums the claims tables (<c>data-rk-claims-*</c> attributes and the rows' <c>data-rk-verdict</c>, written by the
    /// library's Claims type) found in the notebook's text/html outputs; null when there is none.
    /// </summary>
    public static ClaimsStatus? Find(NotebookDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        int total = 0, failed = 0, untested = 0;
        bool found = false;
        var rows = new List<ClaimRow>();
        foreach (var output in doc.Cells.SelectMany(c => c.Outputs).OfType<DisplayOutput>())
        {
            if (output.Get("text/html") is not { } html)
                continue;
            foreach (Match m in ClaimsTable().Matches(html))
            {
                found = true;
                total += int.Parse(m.Groups["total"].Value, CultureInfo.InvariantCulture);
                failed += int.Parse(m.Groups["failed"].Value, CultureInfo.InvariantCulture);
                if (m.Groups["untested"].Success)
                    untested += int.Parse(m.Groups["untested"].Value, CultureInfo.InvariantCulture);
            }
            foreach (Match r in ClaimRowPattern().Matches(html))
                rows.Add(new ClaimRow(rows.Count + 1, r.Groups["verdict"].Value, WebUtility.HtmlDecode(r.Groups["statement"].Value)));
        }
        return found ? new ClaimsStatus(total, failed, untested) { Rows = rows } : null;
    }

    [GeneratedRegex("<table class=\"rk-table rk-claims\" data-rk-claims-total=\"(?<total>\\d+)\" data-rk-claims-failed=\"(?<failed>\\d+)\"(?: data-rk-claims-untested=\"(?<untested>\\d+)\")?")]
    private static partial Regex ClaimsTable();

    [GeneratedRegex("<tr data-rk-verdict=\"(?<verdict>holds|fails|untested)\"><td>\\d+</td><td>(?<statement>[^<]*)</td>")]
    private static partial Regex ClaimRowPattern();
}
