namespace ResearchKit.Display;

/// <summary>One checked statement of a paper.</summary>
/// <param name="Statement">The claim, in the paper's words or close to them.</param>
/// <param name="PaperValue">The paper's number or statement of it, as text.</param>
/// <param name="Source">Where the paper says it: figure, equation, section, page.</param>
/// <param name="OurValue">What the workbook obtained, as text.</param>
/// <param name="Tolerance">The criterion applied, as text (e.g. "|Δ| ≤ 0.02").</param>
/// <param name="Holds">Whether our value meets the criterion.</param>
public sealed record Claim(string Statement, string PaperValue, string Source, string OurValue, string Tolerance, bool Holds);
