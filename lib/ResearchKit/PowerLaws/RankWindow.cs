using ResearchKit.Numerics;

namespace ResearchKit.PowerLaws;

/// <summary>A window of ranks i = <see cref="FirstRank"/> … <see cref="LastRank"/> (1-based, inclusive) of a
/// rank-ordered spectrum λ₁ ≥ λ₂ ≥ …: the bulk on which the power law is fitted.</summary>
/// <remarks>Levi &amp; Oz (arXiv 2306.14975 v3, Sec. 3) fit the bulk after O(10) large outliers without stating a
/// window; notebook 01 states its choice.</remarks>
public sealed record RankWindow
{
    /// <summary>Creates the window [first, last].</summary>
    /// <param name="firstRank">First rank i₀. Range: i₀ ≥ 1.</param>
    /// <param name="lastRank">Last rank i₁. Range: i₁ ≥ i₀ + 2 (at least three points).</param>
    public RankWindow(int firstRank, int lastRank)
    {
        // firstRank + 2 must not wrap: at int.MaxValue it did, and any lastRank passed (Count = −2147483641).
        Guard.InRange(firstRank, 1, int.MaxValue - 2);
        Guard.AtLeast(lastRank, firstRank + 2);
        FirstRank = firstRank;
        LastRank = lastRank;
    }

    /// <summary>i₀, the first rank fitted.</summary>
    public int FirstRank { get; }

    /// <summary>i₁, the last rank fitted.</summary>
    public int LastRank { get; }

    /// <summary>Number of ranks in the window.</summary>
    public int Count => LastRank - FirstRank + 1;

    /// <summary>The window [i₀, ⌊fraction·d⌋] for a spectrum of d eigenvalues.</summary>
    /// <param name="firstRank">i₀. Range: ≥ 1.</param>
    /// <param name="lastFraction">i₁/d. Range: 0 &lt; fraction ≤ 1, with ⌊fraction·d⌋ ≥ i₀ + 2.</param>
    /// <param name="dimension">d. Range: ≥ 3.</param>
    public static RankWindow FromFraction(int firstRank, double lastFraction, int dimension)
    {
        Guard.InRange(lastFraction, double.Epsilon, 1);
        Guard.AtLeast(dimension, 3);
        return new RankWindow(firstRank, (int)Math.Floor(lastFraction * dimension));
    }

    /// <summary>The window cut at its midpoint in log rank, c = round(√(i₀·i₁)), into [i₀, c] and [c, i₁] (they
    /// share the rank c): the two halves whose exponents notebook 01 compares to test "one bulk exponent".</summary>
    /// <exception cref="InvalidOperationException">A half would hold fewer than three ranks (the window is too
    /// short).</exception>
    public (RankWindow Lower, RankWindow Upper) HalvesInLogRank()
    {
        int cut = (int)Math.Round(Math.Sqrt((double)FirstRank * LastRank));
        if (cut < FirstRank + 2 || LastRank < cut + 2)
            throw new InvalidOperationException(
                $"the window {this} cut at rank {cut} (√(i₀·i₁) rounded) gives a half of fewer than 3 ranks; allowed: a window whose halves in log rank hold at least 3 ranks each.");
        return (new RankWindow(FirstRank, cut), new RankWindow(cut, LastRank));
    }

    /// <summary>The eigenvalues at the window's ranks from a descending spectrum.</summary>
    /// <param name="descending">λ₁ ≥ λ₂ ≥ …, at least <see cref="LastRank"/> values.</param>
    public double[] Slice(IReadOnlyList<double> descending)
    {
        Guard.NotNull(descending);
        if (descending.Count < LastRank)
            throw new ArgumentException($"the spectrum has {descending.Count} values; allowed: at least LastRank = {LastRank}.", nameof(descending));
        var s = new double[Count];
        for (int i = 0; i < s.Length; i++) s[i] = descending[FirstRank - 1 + i];
        return s;
    }

    /// <inheritdoc />
    public override string ToString() => $"ranks {FirstRank}–{LastRank}";
}
