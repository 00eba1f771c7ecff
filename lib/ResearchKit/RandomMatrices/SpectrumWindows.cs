using ResearchKit.Numerics;
using ResearchKit.PowerLaws;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// The two rank windows notebook 01 analyses a spectrum of d eigenvalues on: the <b>global</b> (power-law) window
/// [10, ⌊d/4⌋] — after the O(10) large outliers, the upper quarter of the spectrum — and the <b>local</b> (RMT)
/// window [⌊d/4⌋, ⌊3d/4⌋] — the middle half, away from the outliers and from the small-eigenvalue edge.
/// </summary>
/// <param name="Global">Ranks for the power-law fit.</param>
/// <param name="Local">Ranks for unfolding, spacings, r̃ and the form factor.</param>
/// <remarks>Levi &amp; Oz (arXiv 2306.14975 v3, Sec. 3) fit "the bulk" and study local statistics of "the bulk" without
/// stating windows; these are our choices, fixed before looking at the claims. Used by notebook 01.</remarks>
public sealed record SpectrumWindows(RankWindow Global, RankWindow Local)
{
    /// <summary>The standard windows for d eigenvalues.</summary>
    /// <param name="dimension">d. Range: d ≥ 60 (so that the global window holds at least 5 ranks).</param>
    public static SpectrumWindows Standard(int dimension)
    {
        Guard.AtLeast(dimension, 60);
        return new SpectrumWindows(new RankWindow(10, dimension / 4), new RankWindow(dimension / 4, 3 * dimension / 4));
    }
}
