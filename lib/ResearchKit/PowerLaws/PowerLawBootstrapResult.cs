namespace ResearchKit.PowerLaws;

/// <summary>A power-law fit with a bootstrap uncertainty of its slope.</summary>
/// <param name="Fit">The fit to the spectrum of all samples.</param>
/// <param name="ReplicateSlopes">The slope s fitted to each bootstrap replicate's spectrum, on the same window.</param>
/// <remarks>Built by <see cref="PowerLawFit.Bootstrap"/>. Used by notebook 01.</remarks>
public sealed record PowerLawBootstrapResult(PowerLawFitResult Fit, double[] ReplicateSlopes)
{
    /// <summary>The bootstrap standard deviation of s (equal to that of α = s − 1).</summary>
    public double SlopeStandardError
    {
        get
        {
            double mean = ReplicateSlopes.Average();
            return Math.Sqrt(ReplicateSlopes.Sum(v => (v - mean) * (v - mean)) / (ReplicateSlopes.Length - 1));
        }
    }

    /// <summary>α = s − 1 of the full fit.</summary>
    public double Alpha => Fit.Alpha;
}
