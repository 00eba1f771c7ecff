
namespace ResearchKit.Numerics;

/// <summary>A point estimate with a percentile bootstrap interval and the bootstrap standard error.</summary>
/// <param name="Estimate">The estimate on the original data.</param>
/// <param name="Lower">The lower percentile of the replicates.</param>
/// <param name="Upper">The upper percentile of the replicates.</param>
/// <param name="StandardError">The standard deviation of the replicates.</param>
/// <param name="Replicates">The number of replicates.</param>
public sealed record BootstrapInterval(double Estimate, double Lower, double Upper, double StandardError, int Replicates)
{
    /// <summary>Builds the interval from replicate values.</summary>
    /// <param name="estimate">The estimate on the original data.</param>
    /// <param name="replicates">The replicate estimates. Range: at least two, all finite.</param>
    /// <param name="level">Coverage of the central interval. Range: 0 &lt; level &lt; 1; default 0.95.</param>
    public static BootstrapInterval FromReplicates(double estimate, IReadOnlyList<double> replicates, double level = 0.95)
    {
        Guard.AllFinite(replicates);
        Guard.AtLeast(replicates.Count, 2, "replicates.Count");
        Guard.InOpenRange(level, 0, 1);
        var sorted = replicates.OrderBy(v => v).ToArray();
        double mean = sorted.Average();
        double sd = Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Length - 1));
        return new BootstrapInterval(estimate, Quantile(sorted, (1 - level) / 2), Quantile(sorted, (1 + level) / 2), sd, sorted.Length);
    }

    /// <summary>True when <paramref name="value"/> lies within [Lower, Upper].</summary>
    /// <param name="value">The value to test.</param>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <inheritdoc />
    public override string ToString()
        => $"{Estimate:G3} [{Lower:G3}, {Upper:G3}]";

    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(position);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
    }
}
