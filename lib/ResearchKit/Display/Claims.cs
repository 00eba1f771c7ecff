using System.Globalization;
using System.Text;
using ResearchKit.Numerics;

namespace ResearchKit.Display;

/// <summary>
/// The claims table that ends every notebook: each claim of the paper, the paper's number and where it stands,
/// ours, the tolerance, and whether it holds. The HTML carries <c>data-rk-claims-total</c> and
/// <c>data-rk-claims-failed</c> attributes, which the workbook runner and the site read to decide a notebook's status.
/// A claim whose set-up is not available here is listed with <see cref="NotTested"/>: it is shown with the reason and
/// counted in <c>data-rk-claims-untested</c>, never as holding.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class Claims : IHtmlDisplay
{
    private readonly List<Claim> _items = new();

    /// <summary>Creates an empty claims table.</summary>
    public Claims(string title = "Claims") => Title = title;

    /// <summary>The table's caption.</summary>
    public string Title { get; }

    /// <summary>The claims added so far.</summary>
    public IReadOnlyList<Claim> Items => _items;

    /// <summary>True when at least one claim was tested and every tested claim holds.</summary>
    public bool AllHold => TestedCount > 0 && FailedCount == 0;

    /// <summary>Number of claims that were tested.</summary>
    public int TestedCount => _items.Count(c => c.IsTested);

    /// <summary>Number of tested claims that do not hold.</summary>
    public int FailedCount => _items.Count(c => c.IsTested && !c.Holds);

    /// <summary>Number of claims listed as not testable here.</summary>
    public int NotTestedCount => _items.Count(c => !c.IsTested);

    /// <summary>Adds a claim whose criterion is already decided by the caller.</summary>
    public Claims Add(string statement, string paperValue, string source, string ourValue, string tolerance, bool holds)
    {
        _items.Add(new Claim(statement, paperValue, source, ourValue, tolerance, holds));
        return this;
    }

    /// <summary>
    /// Lists a claim of the paper that cannot be tested here, with the reason (e.g. "needs the paper's trained ResNet-18,
    /// not available"). Use it only when the paper's set-up is unavailable, never for a number that did not come out.
    /// </summary>
    /// <param name="statement">The claim.</param>
    /// <param name="paperValue">The paper's number.</param>
    /// <param name="source">Where the paper gives it.</param>
    /// <param name="reason">Why it is not tested here; required.</param>
    /// <param name="related">Optional: what the workbook shows instead (e.g. a substitute experiment's number).</param>
    public Claims NotTested(string statement, string paperValue, string source, string reason, string related = "—")
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new ArgumentException("reason is empty; allowed: a sentence saying why the claim cannot be tested here.", nameof(reason));
        _items.Add(new Claim(statement, paperValue, source, related, "—", Holds: false, NotTestedReason: reason));
        return this;
    }

    /// <summary>Adds a claim that holds when |ours − paper| ≤ <paramref name="absoluteTolerance"/>.</summary>
    /// <param name="statement">The claim.</param>
    /// <param name="paperValue">The paper's number.</param>
    /// <param name="source">Where the paper gives it.</param>
    /// <param name="ourValue">Our number; NaN never holds.</param>
    /// <param name="absoluteTolerance">Allowed absolute difference. Range: ≥ 0.</param>
    /// <param name="ourUncertainty">Optional ± uncertainty of our number, shown next to it.</param>
    public Claims Close(string statement, double paperValue, string source, double ourValue, double absoluteTolerance, double? ourUncertainty = null)
    {
        Guard.NonNegative(absoluteTolerance);
        bool holds = Math.Abs(ourValue - paperValue) <= absoluteTolerance;
        string ours = Html.Number(ourValue) + (ourUncertainty is { } u ? " ± " + Html.Number(u, 2) : "");
        return Add(statement, Html.Number(paperValue), source, ours, "|Δ| ≤ " + Html.Number(absoluteTolerance), holds);
    }

    /// <summary>Adds a claim that holds when |ours/paper − 1| ≤ <paramref name="relativeTolerance"/>.</summary>
    public Claims CloseRelative(string statement, double paperValue, string source, double ourValue, double relativeTolerance)
    {
        Guard.NonNegative(relativeTolerance);
        bool holds = Math.Abs(ourValue - paperValue) <= relativeTolerance * Math.Abs(paperValue);
        string pct = (relativeTolerance * 100).ToString("0.##", CultureInfo.InvariantCulture);
        return Add(statement, Html.Number(paperValue), source, Html.Number(ourValue), $"within {pct}%", holds);
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var sb = new StringBuilder(Html.Style);
        sb.Append(CultureInfo.InvariantCulture,
            $"<table class=\"rk-table rk-claims\" data-rk-claims-total=\"{TestedCount}\" data-rk-claims-failed=\"{FailedCount}\" data-rk-claims-untested=\"{NotTestedCount}\">");
        string summary = TestedCount == 0 ? "no tested claims" : FailedCount == 0 ? $"all {TestedCount} tested hold" : $"{FailedCount} of {TestedCount} tested do not hold";
        if (NotTestedCount > 0) summary += $"; {NotTestedCount} not testable here";
        sb.Append("<caption>").Append(Html.Encode(Title)).Append(" — ").Append(Html.Encode(summary)).Append("</caption>");
        sb.Append("<thead><tr><th>#</th><th>claim</th><th>paper</th><th>where</th><th>ours</th><th>tolerance</th><th>holds</th></tr></thead><tbody>");
        for (int i = 0; i < _items.Count; i++)
        {
            var c = _items[i];
            sb.Append("<tr><td>").Append(i + 1).Append("</td><td>").Append(Html.Encode(c.Statement))
              .Append("</td><td>").Append(Html.Encode(c.PaperValue)).Append("</td><td>").Append(Html.Encode(c.Source))
              .Append("</td><td>").Append(Html.Encode(c.OurValue)).Append("</td><td>").Append(Html.Encode(c.Tolerance))
              .Append("</td><td class=\"");
            if (c.IsTested) sb.Append(c.Holds ? "rk-holds\">✔ holds" : "rk-fails\">✘ does not hold");
            else sb.Append("rk-untested\">not tested: ").Append(Html.Encode(c.NotTestedReason));
            sb.Append("</td></tr>");
        }
        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{Title}: {TestedCount - FailedCount}/{TestedCount} tested hold, {NotTestedCount} not testable here");
        foreach (var c in _items)
        {
            string status = !c.IsTested ? "not tested: " + c.NotTestedReason : c.Holds ? "holds" : "FAILS";
            sb.AppendLine(CultureInfo.InvariantCulture, $"[{status}] {c.Statement}: paper {c.PaperValue} ({c.Source}), ours {c.OurValue}, {c.Tolerance}");
        }
        return sb.ToString();
    }
}
