using System.Globalization;
using System.Text;
using ResearchKit.Numerics;

namespace ResearchKit.Display;

/// <summary>
/// The claims table that ends every notebook. Each row is a <see cref="ClaimKind.Paper"/> claim (the paper's statement,
/// its number and where it stands) or a <see cref="ClaimKind.Derived"/> one (a consequence of the paper's equations,
/// with the derivation named), our number, the criterion fixed before the run, and a verdict: holds, does not hold, or
/// not testable here. A claim that does not hold is a finding and stays in the table.
/// </summary>
/// <remarks>
/// The HTML carries <c>data-rk-claims-total</c> (tested rows), <c>data-rk-claims-failed</c> and
/// <c>data-rk-claims-untested</c> on the table and <c>data-rk-verdict</c> on each row; the workbook runner reads them to
/// count verdicts, and the test suite compares the rows with the notebook's committed expected verdicts
/// (<c>notebooks/verdicts/NN-slug.tsv</c>). Checks of the library's own identities are unit tests, not claims.
/// </remarks>
[TypeFormatterSource(typeof(HtmlFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class Claims : IHtmlDisplay
{
    private readonly List<Claim> _items = new();

    /// <summary>Creates an empty claims table.</summary>
    public Claims(string title = "Claims") => Title = title;

    /// <summary>The table's caption.</summary>
    public string Title { get; }

    /// <summary>The claims added so far, in table order.</summary>
    public IReadOnlyList<Claim> Items => _items;

    /// <summary>Number of claims that were tested (they hold or do not).</summary>
    public int TestedCount => _items.Count(c => c.IsTested);

    /// <summary>Number of claims that hold.</summary>
    public int HeldCount => _items.Count(c => c.Verdict == ClaimVerdict.Holds);

    /// <summary>Number of tested claims that do not hold.</summary>
    public int FailedCount => _items.Count(c => c.Verdict == ClaimVerdict.DoesNotHold);

    /// <summary>Number of claims that are not testable here.</summary>
    public int NotTestableCount => _items.Count(c => c.Verdict == ClaimVerdict.NotTestable);

    /// <summary>Number of claims listed as not testable here (the former name).</summary>
    [Obsolete("Use NotTestableCount.")]
    public int NotTestedCount => NotTestableCount;

    /// <summary>True when at least one claim was tested and every tested claim holds.</summary>
    public bool AllHold => TestedCount > 0 && FailedCount == 0;

    /// <summary>"n hold · m do not hold · u not testable".</summary>
    public string Summary => $"{HeldCount} hold · {FailedCount} do not hold · {NotTestableCount} not testable";

    /// <summary>Adds a paper claim whose criterion the caller has evaluated.</summary>
    /// <param name="statement">The paper's statement, in its words where possible.</param>
    /// <param name="paperValue">The paper's number or statement of it.</param>
    /// <param name="source">Where the paper says it: section, figure, equation or table, quoted where possible.</param>
    /// <param name="ourValue">What we obtained.</param>
    /// <param name="criterion">The criterion fixed before the run and what it comes from.</param>
    /// <param name="holds">Whether our value meets the criterion.</param>
    public Claims Paper(string statement, string paperValue, string source, string ourValue, string criterion, bool holds) =>
        Row(statement, ClaimKind.Paper, paperValue, source, ourValue, criterion, holds);

    /// <summary>Adds a derived claim: a consequence of the paper's equations, with the derivation named.</summary>
    /// <param name="statement">What follows from the paper's equations.</param>
    /// <param name="derivation">How it follows ("from Eq. 9 at λ = 0.1, integrating …").</param>
    /// <param name="predictedValue">The value the derivation predicts.</param>
    /// <param name="ourValue">What we obtained.</param>
    /// <param name="criterion">The criterion fixed before the run.</param>
    /// <param name="holds">Whether our value meets the criterion.</param>
    public Claims Derived(string statement, string derivation, string predictedValue, string ourValue, string criterion, bool holds) =>
        Row(statement, ClaimKind.Derived, predictedValue, derivation, ourValue, criterion, holds);

    /// <summary>Adds a paper claim (the former name of <see cref="Paper"/>).</summary>
    [Obsolete("Use Paper(...) or Derived(...), which say what kind of claim the row is.")]
    public Claims Add(string statement, string paperValue, string source, string ourValue, string tolerance, bool holds) =>
        Paper(statement, paperValue, source, ourValue, tolerance, holds);

    /// <summary>Adds a claim that holds when |ours − paper| ≤ <paramref name="absoluteTolerance"/>.</summary>
    /// <param name="statement">The claim.</param>
    /// <param name="paperValue">The paper's number (or the derived prediction).</param>
    /// <param name="source">Where the paper gives it, or the derivation.</param>
    /// <param name="ourValue">Our number; NaN never holds.</param>
    /// <param name="absoluteTolerance">Allowed absolute difference. Range: finite, ≥ 0.</param>
    /// <param name="ourUncertainty">Optional ± uncertainty of our number, shown next to it.</param>
    /// <param name="kind">Paper (default) or derived.</param>
    public Claims Close(string statement, double paperValue, string source, double ourValue, double absoluteTolerance,
        double? ourUncertainty = null, ClaimKind kind = ClaimKind.Paper)
    {
        Guard.NonNegative(absoluteTolerance);
        Guard.Finite(paperValue);
        bool holds = Math.Abs(ourValue - paperValue) <= absoluteTolerance;
        string ours = Html.Number(ourValue) + (ourUncertainty is { } u ? " ± " + Html.Number(u, 2) : "");
        return Row(statement, kind, Html.Number(paperValue), source, ours, "|Δ| ≤ " + Html.Number(absoluteTolerance), holds);
    }

    /// <summary>Adds a claim that holds when |ours/paper − 1| ≤ <paramref name="relativeTolerance"/>.</summary>
    /// <param name="statement">The claim.</param>
    /// <param name="paperValue">The paper's number. Range: finite, ≠ 0.</param>
    /// <param name="source">Where the paper gives it, or the derivation.</param>
    /// <param name="ourValue">Our number; NaN never holds.</param>
    /// <param name="relativeTolerance">Allowed relative difference. Range: finite, ≥ 0.</param>
    /// <param name="kind">Paper (default) or derived.</param>
    public Claims CloseRelative(string statement, double paperValue, string source, double ourValue, double relativeTolerance,
        ClaimKind kind = ClaimKind.Paper)
    {
        Guard.NonNegative(relativeTolerance);
        Guard.Finite(paperValue);
        if (paperValue == 0)
            throw new ArgumentOutOfRangeException(nameof(paperValue), paperValue, "paperValue is 0; a relative criterion needs a non-zero paper value (use Close).");
        bool holds = Math.Abs(ourValue - paperValue) <= relativeTolerance * Math.Abs(paperValue);
        string pct = (relativeTolerance * 100).ToString("0.##", CultureInfo.InvariantCulture);
        return Row(statement, kind, Html.Number(paperValue), source, Html.Number(ourValue), $"within {pct} %", holds);
    }

    /// <summary>
    /// Adds a claim that holds when our estimate lies within <paramref name="multiple"/> standard errors of the paper's
    /// number: |ours − paper| ≤ multiple · standardError.
    /// </summary>
    /// <param name="statement">The claim.</param>
    /// <param name="paperValue">The paper's number (or the derived prediction).</param>
    /// <param name="source">Where the paper gives it, or the derivation.</param>
    /// <param name="ourValue">Our estimate; NaN never holds.</param>
    /// <param name="standardError">The standard error of our estimate, computed. Range: finite, ≥ 0.</param>
    /// <param name="multiple">How many standard errors are allowed. Range: finite, &gt; 0; default 3.</param>
    /// <param name="kind">Paper (default) or derived.</param>
    public Claims WithinStandardErrors(string statement, double paperValue, string source, double ourValue, double standardError,
        double multiple = 3, ClaimKind kind = ClaimKind.Paper)
    {
        Guard.NonNegative(standardError);
        Guard.Positive(multiple);
        Guard.Finite(paperValue);
        bool holds = Math.Abs(ourValue - paperValue) <= multiple * standardError;
        string ours = Html.Number(ourValue) + " ± " + Html.Number(standardError, 2);
        string k = multiple.ToString("0.##", CultureInfo.InvariantCulture);
        return Row(statement, kind, Html.Number(paperValue), source, ours, $"|Δ| ≤ {k} s.e.", holds);
    }

    /// <summary>Adds a one-sided claim that holds when our value is at most <paramref name="bound"/>.</summary>
    /// <param name="statement">The claim.</param>
    /// <param name="bound">The paper's upper bound (or the derived one). Range: not NaN.</param>
    /// <param name="source">Where the paper gives it, or the derivation.</param>
    /// <param name="ourValue">Our number; NaN never holds.</param>
    /// <param name="kind">Paper (default) or derived.</param>
    public Claims AtMost(string statement, double bound, string source, double ourValue, ClaimKind kind = ClaimKind.Paper)
    {
        Guard.NotNaN(bound);
        return Row(statement, kind, "≤ " + Html.Number(bound), source, Html.Number(ourValue), "ours ≤ " + Html.Number(bound), ourValue <= bound);
    }

    /// <summary>Adds a one-sided claim that holds when our value is at least <paramref name="bound"/>.</summary>
    /// <param name="statement">The claim.</param>
    /// <param name="bound">The paper's lower bound (or the derived one). Range: not NaN.</param>
    /// <param name="source">Where the paper gives it, or the derivation.</param>
    /// <param name="ourValue">Our number; NaN never holds.</param>
    /// <param name="kind">Paper (default) or derived.</param>
    public Claims AtLeast(string statement, double bound, string source, double ourValue, ClaimKind kind = ClaimKind.Paper)
    {
        Guard.NotNaN(bound);
        return Row(statement, kind, "≥ " + Html.Number(bound), source, Html.Number(ourValue), "ours ≥ " + Html.Number(bound), ourValue >= bound);
    }

    /// <summary>
    /// Lists a claim of the paper that cannot be tested here, with the reason (e.g. "needs the paper's trained ResNet-18,
    /// not available"). Use it only when the paper's set-up is unavailable, never for a number that did not come out:
    /// that is a claim that does not hold.
    /// </summary>
    /// <param name="statement">The claim.</param>
    /// <param name="paperValue">The paper's number.</param>
    /// <param name="source">Where the paper gives it.</param>
    /// <param name="reason">Why it is not tested here; required.</param>
    /// <param name="related">Optional: what the workbook shows instead (e.g. a substitute experiment's number).</param>
    public Claims NotTestable(string statement, string paperValue, string source, string reason, string related = "—")
    {
        RequireText(statement, nameof(statement));
        RequireText(source, nameof(source));
        RequireText(reason, nameof(reason));
        _items.Add(new Claim(statement, ClaimKind.Paper, paperValue ?? "", source, related ?? "—", "—", ClaimVerdict.NotTestable, reason));
        return this;
    }

    /// <summary>Lists a claim that cannot be tested here (the former name of <see cref="NotTestable"/>).</summary>
    [Obsolete("Use NotTestable(...).")]
    public Claims NotTested(string statement, string paperValue, string source, string reason, string related = "—") =>
        NotTestable(statement, paperValue, source, reason, related);

    private Claims Row(string statement, ClaimKind kind, string paperValue, string source, string ourValue, string criterion, bool holds)
    {
        RequireText(statement, nameof(statement));
        RequireText(source, kind == ClaimKind.Derived ? "derivation" : nameof(source));
        RequireText(criterion, nameof(criterion));
        _items.Add(new Claim(statement, kind, paperValue ?? "", source, ourValue ?? "", criterion, holds ? ClaimVerdict.Holds : ClaimVerdict.DoesNotHold));
        return this;
    }

    private static void RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{name} is empty; allowed: non-empty text (a claim says what it is, where it comes from and how it is judged).", name);
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var sb = new StringBuilder(Html.Style);
        sb.Append(CultureInfo.InvariantCulture,
            $"<table class=\"rk-table rk-claims\" data-rk-claims-total=\"{TestedCount}\" data-rk-claims-failed=\"{FailedCount}\" data-rk-claims-untested=\"{NotTestableCount}\">");
        sb.Append("<caption>").Append(Html.Encode(Title)).Append(" — ").Append(Html.Encode(Summary)).Append("</caption>");
        sb.Append("<thead><tr><th>#</th><th>claim</th><th>kind</th><th>paper</th><th>where / derivation</th><th>ours</th><th>criterion</th><th>verdict</th></tr></thead><tbody>");
        for (int i = 0; i < _items.Count; i++)
        {
            var c = _items[i];
            sb.Append("<tr data-rk-verdict=\"").Append(c.VerdictCode).Append("\"><td>").Append(i + 1).Append("</td><td>").Append(Html.Encode(c.Statement))
              .Append("</td><td>").Append(c.Kind == ClaimKind.Paper ? "paper" : "derived")
              .Append("</td><td>").Append(Html.Encode(c.PaperValue)).Append("</td><td>").Append(Html.Encode(c.Source))
              .Append("</td><td>").Append(Html.Encode(c.OurValue)).Append("</td><td>").Append(Html.Encode(c.Criterion))
              .Append("</td><td class=\"");
            sb.Append(c.Verdict switch
            {
                ClaimVerdict.Holds => "rk-holds\">✔ holds",
                ClaimVerdict.DoesNotHold => "rk-fails\">✘ does not hold",
                _ => "rk-untested\">not testable here: " + Html.Encode(c.NotTestableReason),
            });
            sb.Append("</td></tr>");
        }
        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{Title}: {Summary}");
        foreach (var c in _items)
        {
            string status = c.Verdict switch
            {
                ClaimVerdict.Holds => "holds",
                ClaimVerdict.DoesNotHold => "DOES NOT HOLD",
                _ => "not testable here: " + c.NotTestableReason,
            };
            string kind = c.Kind == ClaimKind.Paper ? "paper" : "derived";
            sb.AppendLine(CultureInfo.InvariantCulture, $"[{status}] ({kind}) {c.Statement}: paper {c.PaperValue} ({c.Source}), ours {c.OurValue}, {c.Criterion}");
        }
        return sb.ToString();
    }
}
