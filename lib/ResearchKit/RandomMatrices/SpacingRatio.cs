using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// The ratio of consecutive level spacings r̃_i = min(s_i, s_{i+1}) / max(s_i, s_{i+1}) ∈ [0, 1]. It needs no
/// unfolding, because the local density cancels in the ratio.
/// </summary>
/// <remarks>Oganesyan &amp; Huse, PRB 75, 155111 (2007); reference values from Atas, Bogomolny, Giraud &amp; Roux,
/// PRL 110, 084101 (2013), Table I. Levi &amp; Oz (arXiv 2306.14975 v3, Sec. 3) use ⟨r⟩ as their main local
/// diagnostic. Used by notebook 01.</remarks>
public static class SpacingRatio
{
    /// <summary>⟨r̃⟩ for Poisson (independent) levels, 2 ln 2 − 1 ≈ 0.38629 (exact; Atas et al. 2013, Table I).</summary>
    public static readonly double PoissonMean = 2 * Math.Log(2) - 1;

    /// <summary>⟨r̃⟩ for large GOE matrices, 0.5307 (numerical, Atas et al. 2013, Table I). The 3×3 surmise gives
    /// <see cref="GoeSurmiseMean"/>; our own check (tests) gives 0.5307 ± 0.0010 from GOE matrices of size 400.</summary>
    public const double GoeMean = 0.5307;

    /// <summary>⟨r̃⟩ of the Wigner-like 3×3 GOE surmise, 4 − 2√3 ≈ 0.53590 (Atas et al. 2013, eq. (8) and Table I).</summary>
    public static readonly double GoeSurmiseMean = 4 - 2 * Math.Sqrt(3);

    /// <summary>The ratios r̃_i of the levels sorted ascending (n − 2 values for n levels).</summary>
    /// <param name="levels">The levels, any order. Range: at least 3 finite values.</param>
    /// <remarks>A ratio 0/0 (three equal levels) is undefined and raises an exception rather than being dropped.</remarks>
    public static double[] Values(IReadOnlyList<double> levels)
    {
        Guard.AllFinite(levels);
        if (levels.Count < 3)
            throw new ArgumentException($"levels has {levels.Count} values; allowed: at least 3.", nameof(levels));
        var x = levels.OrderBy(v => v).ToArray();
        var r = new double[x.Length - 2];
        for (int i = 0; i < r.Length; i++)
        {
            double a = x[i + 1] - x[i], b = x[i + 2] - x[i + 1];
            double hi = Math.Max(a, b);
            if (!(hi > 0))
                throw new ArgumentException($"levels {i}..{i + 2} (sorted) coincide; allowed: no three equal levels.", nameof(levels));
            r[i] = Math.Min(a, b) / hi;
        }
        return r;
    }

    /// <summary>⟨r̃⟩, the mean of <see cref="Values"/>.</summary>
    /// <param name="levels">The levels, any order. Range: at least 3 finite values.</param>
    public static double Mean(IReadOnlyList<double> levels) => Values(levels).Average();

    /// <summary>The density of r̃ for the GOE surmise, P(r̃) = 2·(27/8)(r̃ + r̃²)/(1 + r̃ + r̃²)^(5/2) on [0, 1]
    /// (Atas et al. 2013, eq. (7) with β = 1, folded onto [0, 1]).</summary>
    /// <param name="ratio">r̃. Range: finite; 0 outside [0, 1].</param>
    public static double GoeSurmiseDensity(double ratio)
    {
        Guard.Finite(ratio);
        if (ratio < 0 || ratio > 1) return 0;
        double q = 1 + ratio + ratio * ratio;
        return 2 * 27.0 / 8 * (ratio + ratio * ratio) / Math.Pow(q, 2.5);
    }

    /// <summary>The density of r̃ for Poisson levels, 2/(1 + r̃)² on [0, 1].</summary>
    /// <param name="ratio">r̃. Range: finite; 0 outside [0, 1].</param>
    public static double PoissonDensity(double ratio)
    {
        Guard.Finite(ratio);
        return ratio < 0 || ratio > 1 ? 0 : 2 / ((1 + ratio) * (1 + ratio));
    }
}
