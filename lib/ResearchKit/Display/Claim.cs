namespace ResearchKit.Display;

/// <summary>One checked statement of a paper.</summary>
/// <param name="Statement">The claim, in the paper's words or close to them.</param>
/// <param name="PaperValue">The paper's number or statement of it, as text.</param>
/// <param name="Source">Where the paper says it: figure, equation, section, page.</param>
/// <param name="OurValue">What the workbook obtained, as text.</param>
/// <param name="Tolerance">The criterion applied, as text (e.g. "|Δ| ≤ 0.02").</param>
/// <param name="Holds">Whether our value meets the criterion (false for a claim that is not tested).</param>
/// <param name="NotTestedReason">
/// Null for a checked claim. Otherwise why the claim cannot be tested here (e.g. the paper's trained network or data
/// set is not available); such a claim is listed, counted apart, and neither holds nor fails.
/// </param>
public sealed record Claim(string Statement, string PaperValue, string Source, string OurValue, string Tolerance, bool Holds, string? NotTestedReason = null)
{
    /// <summary>True when the claim was checked (it then either holds or does not).</summary>
    public bool IsTested => NotTestedReason is null;
}
