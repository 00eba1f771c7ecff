using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>The Kolmogorov–Smirnov distance between a sample and a distribution function.</summary>
/// <remarks>Used by notebook 01 to compare spectra with Marchenko–Pastur and spacings with the Wigner surmise and
/// Poisson.</remarks>
public static class KolmogorovSmirnov
{
    /// <summary>D = sup_x |F_n(x) − F(x)| for the empirical distribution F_n of <paramref name="sample"/>.</summary>
    /// <param name="sample">The values (any order). Range: non-empty, finite.</param>
    /// <param name="cdf">The reference distribution function F. Range: values in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">F returns a value outside [0, 1] (or NaN) at a sample value.</exception>
    public static double Distance(IReadOnlyList<double> sample, Func<double, double> cdf)
    {
        Guard.AllFinite(sample);
        Guard.NotNull(cdf);
        var sorted = sample.OrderBy(v => v).ToArray();
        int n = sorted.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double f = cdf(sorted[i]);
            if (!(f >= 0 && f <= 1))
                throw new ArgumentOutOfRangeException(nameof(cdf), f,
                    FormattableString.Invariant($"cdf({sorted[i]:G6}) = {f:G6} is not a probability; allowed: 0 ≤ cdf(x) ≤ 1 for every x."));
            d = Math.Max(d, Math.Max(Math.Abs((i + 1.0) / n - f), Math.Abs(f - (double)i / n)));
        }
        return d;
    }
}
