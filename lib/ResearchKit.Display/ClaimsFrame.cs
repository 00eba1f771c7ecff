using Microsoft.Data.Analysis;
using ResearchKit.Numerics;

namespace ResearchKit.Display;

/// <summary>A notebook's <see cref="Claims"/> as a DataFrame, one row per claim, for filtering, grouping or export.</summary>
/// <remarks>The claims table itself stays the notebook's verdict record (its HTML is what the runner and the site count);
/// the DataFrame is a view of it. notebooks/README.md, "Display types".</remarks>
public static class ClaimsFrame
{
    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = new[]
    {
        "row", "claim", "kind", "paper", "where", "ours", "criterion", "verdict", "reason",
    };

    /// <summary>
    /// One row per claim, in the table's order: row number (1-based, int), statement, kind ("paper" or "derived"),
    /// the paper's (or derivation's) value, where the paper says it (or the derivation), ours, the criterion, the verdict
    /// ("holds", "does not hold", "not testable") and, for a claim not testable here, the reason ("" otherwise).
    /// </summary>
    /// <param name="claims">The claims table. Range: at least one claim.</param>
    public static DataFrame ToDataFrame(this Claims claims)
    {
        Guard.NotNull(claims);
        var items = claims.Items;
        if (items.Count == 0)
            throw new ArgumentException($"claims '{claims.Title}' has no rows; allowed: at least one claim.", nameof(claims));
        return DataFrames.FromColumns(
            DataFrames.Column(ColumnNames[0], Enumerable.Range(1, items.Count).ToArray()),
            DataFrames.Column(ColumnNames[1], items.Select(c => c.Statement).ToArray()),
            DataFrames.Column(ColumnNames[2], items.Select(c => c.Kind == ClaimKind.Paper ? "paper" : "derived").ToArray()),
            DataFrames.Column(ColumnNames[3], items.Select(c => c.PaperValue).ToArray()),
            DataFrames.Column(ColumnNames[4], items.Select(c => c.Source).ToArray()),
            DataFrames.Column(ColumnNames[5], items.Select(c => c.OurValue).ToArray()),
            DataFrames.Column(ColumnNames[6], items.Select(c => c.Criterion).ToArray()),
            DataFrames.Column(ColumnNames[7], items.Select(c => Verdict(c.Verdict)).ToArray()),
            DataFrames.Column(ColumnNames[8], items.Select(c => c.NotTestableReason ?? "").ToArray()));
    }

    private static string Verdict(ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Holds => "holds",
        ClaimVerdict.DoesNotHold => "does not hold",
        _ => "not testable",
    };
}
