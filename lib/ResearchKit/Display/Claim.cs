namespace ResearchKit.Display;

/// <summary>Where a claim comes from.</summary>
public enum ClaimKind
{
    /// <summary>The paper states it: its number and its place (section, figure, equation, table).</summary>
    Paper,

    /// <summary>A consequence of the paper's equations that the paper does not state; the row names the derivation.</summary>
    Derived,
}

/// <summary>What the workbook found for a claim.</summary>
public enum ClaimVerdict
{
    /// <summary>Our number meets the criterion fixed before the run.</summary>
    Holds,

    /// <summary>Our number misses the criterion: a finding, kept in the table with what we measured.</summary>
    DoesNotHold,

    /// <summary>The paper's set-up is not available here (a trained network, a private data set); the row says why.</summary>
    NotTestable,
}

/// <summary>One row of a claims table.</summary>
/// <param name="Statement">The claim, in the paper's words or close to them.</param>
/// <param name="Kind">A paper claim or a derived one.</param>
/// <param name="PaperValue">The paper's number (or, for a derived claim, the value the derivation predicts), as text.</param>
/// <param name="Source">
/// Where the paper says it (section, figure, equation, table; quoted where possible), or for a derived claim the
/// derivation ("from Eq. 9 at λ = 0.1 …").
/// </param>
/// <param name="OurValue">What the workbook obtained, as text.</param>
/// <param name="Criterion">The criterion fixed before the run, as text (e.g. "|Δ| ≤ 0.02", "within 3 s.e.").</param>
/// <param name="Verdict">Holds, does not hold, or not testable here.</param>
/// <param name="NotTestableReason">Why the claim cannot be tested here; null unless the verdict is NotTestable.</param>
public sealed record Claim(
    string Statement,
    ClaimKind Kind,
    string PaperValue,
    string Source,
    string OurValue,
    string Criterion,
    ClaimVerdict Verdict,
    string? NotTestableReason = null)
{
    /// <summary>True when the claim was checked (it then either holds or does not).</summary>
    public bool IsTested => Verdict != ClaimVerdict.NotTestable;

    /// <summary>True when the verdict is <see cref="ClaimVerdict.Holds"/>.</summary>
    public bool Holds => Verdict == ClaimVerdict.Holds;

    /// <summary>The criterion (kept for notebooks written before the rename).</summary>
    [Obsolete("Use Criterion.")]
    public string Tolerance => Criterion;

    /// <summary>The verdict as the expected-verdict files and the HTML attributes spell it: holds, fails, untested.</summary>
    public string VerdictCode => Verdict switch
    {
        ClaimVerdict.Holds => "holds",
        ClaimVerdict.DoesNotHold => "fails",
        _ => "untested",
    };
}
