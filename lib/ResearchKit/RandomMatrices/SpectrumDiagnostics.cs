using ResearchKit.Numerics;
using ResearchKit.PowerLaws;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// The global and local diagnostics of one spectrum: the power-law fit on the global window, and on the local window
/// the unfolded levels, normalised spacings, ⟨r̃⟩ with its standard error, plus the spectral entropy of the whole
/// spectrum.
/// </summary>
/// <param name="Spectrum">The spectrum analysed.</param>
/// <param name="Windows">The windows used.</param>
/// <param name="Fit">Power-law fit λ_i ∝ i^(−1−α) on the global window.</param>
/// <param name="Unfolded">The local window's levels, unfolded (polynomial of degree 7 in log λ, made monotone by
/// dropping edge levels where it turns over: <see cref="SpectrumUnfolding"/>).</param>
/// <param name="Spacings">The unfolded nearest-neighbour spacings, normalised to mean 1.</param>
/// <param name="MeanRatio">⟨r̃⟩ on the local window.</param>
/// <param name="MeanRatioStandardError">sd(r̃)/√n on the local window (neighbouring ratios are weakly correlated,
/// so this is indicative).</param>
/// <param name="NormalisedEntropy">S/ln d of the whole spectrum (<see cref="SpectralEntropy"/>).</param>
/// <remarks>Levi &amp; Oz (arXiv 2306.14975 v3, Secs. 3–4). Used by notebook 01.</remarks>
public sealed record SpectrumDiagnostics(
    EmpiricalSpectrum Spectrum,
    SpectrumWindows Windows,
    PowerLawFitResult Fit,
    UnfoldedSpectrum Unfolded,
    double[] Spacings,
    double MeanRatio,
    double MeanRatioStandardError,
    double NormalisedEntropy)
{
    /// <summary>The unfolding degree used by <see cref="Analyse(IReadOnlyList{double}, SpectrumWindows, int)"/>.</summary>
    public const int DefaultUnfoldingDegree = 7;

    /// <summary>Analyses a descending spectrum on the given windows.</summary>
    /// <param name="descending">λ₁ ≥ λ₂ ≥ …, positive on both windows.</param>
    /// <param name="windows">Global and local windows.</param>
    /// <param name="unfoldingDegree">Polynomial degree for unfolding. Range: 1…15.</param>
    public static SpectrumDiagnostics Analyse(IReadOnlyList<double> descending, SpectrumWindows windows, int unfoldingDegree = DefaultUnfoldingDegree)
    {
        Guard.NotNull(descending);
        Guard.NotNull(windows);
        // A bare spectrum (e.g. the integrable control) has no sample count; 1 marks "not from data".
        return Analyse(new EmpiricalSpectrum(descending.ToArray(), 1, FeatureScaling.Centre, 0), windows, unfoldingDegree);
    }

    /// <summary>Analyses an empirical spectrum on the given windows.</summary>
    /// <param name="spectrum">The spectrum; positive on both windows.</param>
    /// <param name="windows">Global and local windows. Range: both within the d ranks of the spectrum, the local
    /// window on positive eigenvalues (for centred data with M ≤ d only the first M − 1 are).</param>
    /// <param name="unfoldingDegree">Polynomial degree for unfolding. Range: 1…15.</param>
    public static SpectrumDiagnostics Analyse(EmpiricalSpectrum spectrum, SpectrumWindows windows, int unfoldingDegree = DefaultUnfoldingDegree)
    {
        Guard.NotNull(spectrum);
        Guard.NotNull(windows);
        Guard.NotNull(spectrum.Eigenvalues, nameof(spectrum));
        int d = spectrum.Eigenvalues.Length;
        foreach (var (name, window) in new[] { ("global", windows.Global), ("local", windows.Local) })
            if (window.LastRank > d)
                throw new ArgumentOutOfRangeException(nameof(windows), window.LastRank,
                    $"the {name} window {window} ends at rank {window.LastRank}; allowed: last rank ≤ d = {d}, the spectrum's length.");
        // Centred data with M ≤ d have d − M + 1 zero eigenvalues, computed as round-off of either sign: a local
        // window on them is rejected with the floor of EmpiricalSpectrum.NonZero (10⁻¹⁰ λ₁).
        double lowest = spectrum.Eigenvalues[windows.Local.LastRank - 1];
        if (!(lowest > 1e-10 * spectrum.Eigenvalues[0]))
            throw new ArgumentOutOfRangeException(nameof(windows), windows.Local.LastRank,
                $"the local window {windows.Local} reaches λ_{windows.Local.LastRank} = {lowest:G4}; allowed: a local window on positive eigenvalues (> 1e-10 λ₁) " +
                $"(sample count M = {spectrum.SampleCount}; centred data with M ≤ d have only M − 1 non-zero eigenvalues).");
        var fit = PowerLawFit.FitRankOrdered(spectrum.Eigenvalues, windows.Global);
        var local = windows.Local.Slice(spectrum.Eigenvalues);
        var unfolded = SpectrumUnfolding.Unfold(local, unfoldingDegree);
        var ratios = SpacingRatio.Values(local);
        double mean = ratios.Average();
        double sd = Math.Sqrt(ratios.Sum(r => (r - mean) * (r - mean)) / (ratios.Length - 1));
        return new SpectrumDiagnostics(spectrum, windows, fit, unfolded, LevelSpacing.NormalisedSpacings(unfolded),
            mean, sd / Math.Sqrt(ratios.Length), SpectralEntropy.Normalised(spectrum.Eigenvalues));
    }
}
