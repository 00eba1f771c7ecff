namespace ResearchKit.RandomMatrices;

/// <summary>The diagnostics of one data class at one sample size M, averaged over realisations.</summary>
/// <param name="SampleCount">M.</param>
/// <param name="Alpha">Mean α̂ over realisations (global window).</param>
/// <param name="AlphaSpread">Standard deviation of α̂ over realisations (0 for one realisation).</param>
/// <param name="MeanRatio">⟨r̃⟩ pooled over realisations (local window).</param>
/// <param name="MeanRatioStandardError">Standard error of the pooled ⟨r̃⟩.</param>
/// <param name="NormalisedEntropy">Mean S/ln d over realisations.</param>
/// <param name="Realisations">The per-realisation diagnostics (the first is used for plots).</param>
/// <remarks>Built by <see cref="SampleSizeStudy"/>. Used by notebook 01.</remarks>
public sealed record SampleSizePoint(int SampleCount, double Alpha, double AlphaSpread, double MeanRatio,
    double MeanRatioStandardError, double NormalisedEntropy, IReadOnlyList<SpectrumDiagnostics> Realisations);
