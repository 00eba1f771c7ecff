using ResearchKit.Numerics;

namespace ResearchKit.PowerLaws;

/// <summary>A power-law fit with a bootstrap uncertainty of its slope.</summary>
/// <param name="Fit">The fit to the spectrum of all samples.</param>
/// <param name="ReplicateSlopes">The slope s fitted to each bootstrap replicate's spectrum, on the same window.</param>
/// <remarks>Built by <see cref="PowerLawFit.Bootstrap(IReadOnlyList{double}, RankWindow, Func{Random, IReadOnlyList{double}}, int, int, Nullable{int})"/>. Used by notebook 01.</remarks>
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

    /// <summary>
    /// The bootstrap standard deviation of s_other − s, for two results whose replicates are paired (the same
    /// resamples fitted on two windows, from
    /// <see cref="PowerLawFit.Bootstrap(IReadOnlyList{double}, IReadOnlyList{RankWindow}, Func{Random, IReadOnlyList{double}}, int, int, Nullable{int})"/>).
    /// </summary>
    /// <param name="other">The paired result. Range: the same number of replicates.</param>
    public double SlopeDifferenceStandardError(PowerLawBootstrapResult other)
    {
        Guard.NotNull(other);
        Guard.SameLength(other.ReplicateSlopes.Length, ReplicateSlopes.Length, nameof(other), "this result's replicates");
        var diff = ReplicateSlopes.Zip(other.ReplicateSlopes, (a, b) => b - a).ToArray();
        double mean = diff.Average();
        return Math.Sqrt(diff.Sum(v => (v - mean) * (v - mean)) / (diff.Length - 1));
    }

    /// <summary>α = s − 1 of the full fit.</summary>
    public double Alpha => Fit.Alpha;
}
