using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// Nearest-neighbour spacing statistics of unfolded levels and their two universal references: the GOE Wigner
/// surmise P(s) = (π/2) s e^(−πs²/4) (chaotic) and the Poisson law P(s) = e^(−s) (integrable).
/// </summary>
/// <remarks>Wigner surmise: Mehta, <i>Random Matrices</i>, eq. (1.5.8); Poisson: Berry &amp; Tabor (1977). Levi &amp; Oz
/// (arXiv 2306.14975 v3, Sec. 3 and the spacing panels of their Fig. 3). Used by notebook 01.</remarks>
public static class LevelSpacing
{
    /// <summary>The spacings of <paramref name="unfolded"/> divided by their mean, so that ⟨s⟩ = 1 exactly as the
    /// surmises assume.</summary>
    /// <param name="unfolded">An unfolded spectrum with at least 3 levels.</param>
    public static double[] NormalisedSpacings(UnfoldedSpectrum unfolded)
    {
        Guard.NotNull(unfolded);
        if (unfolded.Levels.Length < 3)
            throw new ArgumentException($"unfolded has {unfolded.Levels.Length} levels; allowed: at least 3.", nameof(unfolded));
        var s = unfolded.Spacings();
        double mean = s.Average();
        if (!(mean > 0))
            throw new ArgumentException($"the mean spacing is {mean:G4}; allowed: > 0 (levels must be distinct and increasing).", nameof(unfolded));
        return s.Select(v => v / mean).ToArray();
    }

    /// <summary>The GOE Wigner surmise P(s) = (π/2) s exp(−πs²/4).</summary>
    /// <param name="s">Spacing s. Range: finite; 0 for s &lt; 0.</param>
    public static double WignerDensity(double s)
    {
        Guard.Finite(s);
        return s < 0 ? 0 : Math.PI / 2 * s * Math.Exp(-Math.PI * s * s / 4);
    }

    /// <summary>Distribution function of the Wigner surmise, 1 − exp(−πs²/4).</summary>
    /// <param name="s">Spacing s. Range: finite.</param>
    public static double WignerCdf(double s)
    {
        Guard.Finite(s);
        return s <= 0 ? 0 : 1 - Math.Exp(-Math.PI * s * s / 4);
    }

    /// <summary>The Poisson spacing density e^(−s).</summary>
    /// <param name="s">Spacing s. Range: finite; 0 for s &lt; 0.</param>
    public static double PoissonDensity(double s)
    {
        Guard.Finite(s);
        return s < 0 ? 0 : Math.Exp(-s);
    }

    /// <summary>Distribution function of the Poisson law, 1 − e^(−s).</summary>
    /// <param name="s">Spacing s. Range: finite.</param>
    public static double PoissonCdf(double s)
    {
        Guard.Finite(s);
        return s <= 0 ? 0 : 1 - Math.Exp(-s);
    }
}
