using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// The spectral form factor K(τ) = ⟨|Σ_n w_n e^(2πi τ e_n)|²⟩ / Σ_n w_n² of unfolded levels e_n (mean spacing 1), averaged
/// over realisations. For GOE it rises along a ramp and saturates at the plateau K = 1 at the Heisenberg time τ = 1;
/// for Poisson levels it is flat at 1.
/// </summary>
/// <remarks>
/// The window w_n = sin²(π(n + ½)/N) (Hann) tapers the spectrum's ends, whose sharp edges would otherwise add a
/// disconnected sinc² term at small τ. GOE theory: K(τ) = 2τ − τ ln(1 + 2τ) for τ ≤ 1 and 2 − τ ln((2τ + 1)/(2τ − 1))
/// for τ &gt; 1 (Mehta, <i>Random Matrices</i>, eq. (7.2.46) in the form 1 − b(τ)). Levi &amp; Oz (arXiv 2306.14975 v3,
/// Sec. 3 and the form-factor figure). Used by notebook 01.
/// </remarks>
public static class SpectralFormFactor
{
    /// <summary>K(τ) at each τ, averaged over the given unfolded spectra.</summary>
    /// <param name="unfoldedSpectra">One or more unfolded spectra (mean spacing ≈ 1), each with ≥ 2 levels.</param>
    /// <param name="taus">τ values. Range: finite, ≥ 0.</param>
    /// <param name="hannWindow">Taper the ends (true, recommended) or weight all levels equally.</param>
    public static double[] Compute(IReadOnlyList<UnfoldedSpectrum> unfoldedSpectra, IReadOnlyList<double> taus, bool hannWindow = true)
    {
        Guard.NotEmpty(unfoldedSpectra);
        Guard.AllFinite(taus);
        foreach (double t in taus) Guard.NonNegative(t, nameof(taus));
        var k = new double[taus.Count];
        foreach (var spectrum in unfoldedSpectra)
        {
            Guard.NotNull(spectrum, nameof(unfoldedSpectra));
            var e = spectrum.Levels;
            int n = e.Length;
            if (n < 2)
                throw new ArgumentException($"a spectrum has {n} levels; allowed: at least 2.", nameof(unfoldedSpectra));
            var w = new double[n];
            double norm = 0;
            for (int i = 0; i < n; i++)
            {
                w[i] = hannWindow ? Math.Pow(Math.Sin(Math.PI * (i + 0.5) / n), 2) : 1;
                norm += w[i] * w[i];
            }
            for (int j = 0; j < taus.Count; j++)
            {
                double re = 0, im = 0, omega = 2 * Math.PI * taus[j];
                for (int i = 0; i < n; i++)
                {
                    double phase = omega * e[i];
                    re += w[i] * Math.Cos(phase);
                    im += w[i] * Math.Sin(phase);
                }
                k[j] += (re * re + im * im) / norm;
            }
        }
        for (int j = 0; j < k.Length; j++) k[j] /= unfoldedSpectra.Count;
        return k;
    }

    /// <summary>The GOE form factor in the large-N limit (τ in units of the Heisenberg time).</summary>
    /// <param name="tau">τ. Range: τ ≥ 0.</param>
    public static double GoeTheory(double tau)
    {
        Guard.NonNegative(tau);
        if (tau == 0) return 0;
        return tau <= 1
            ? 2 * tau - tau * Math.Log(1 + 2 * tau)
            : 2 - tau * Math.Log((2 * tau + 1) / (2 * tau - 1));
    }

    /// <summary>The Poisson form factor, K = 1 for τ &gt; 0.</summary>
    /// <param name="tau">τ. Range: τ ≥ 0.</param>
    public static double PoissonTheory(double tau)
    {
        Guard.NonNegative(tau);
        return tau == 0 ? 0 : 1;
    }

    /// <summary>A running mean of K over 2·<paramref name="halfWidth"/> + 1 neighbouring τ points (fewer at the
    /// ends). K of one spectrum fluctuates by about 100% from τ to τ; on a log-spaced τ grid this running mean is an
    /// average over a window of constant relative width, the usual way to show the ramp of a single data set.</summary>
    /// <param name="values">K(τ_j) on a grid.</param>
    /// <param name="halfWidth">Points on each side. Range: ≥ 0.</param>
    public static double[] RunningMean(IReadOnlyList<double> values, int halfWidth)
    {
        Guard.AllFinite(values);
        Guard.AtLeast(halfWidth, 0);
        var smooth = new double[values.Count];
        for (int j = 0; j < values.Count; j++)
        {
            int lo = Math.Max(0, j - halfWidth), hi = Math.Min(values.Count - 1, j + halfWidth);
            double sum = 0;
            for (int i = lo; i <= hi; i++) sum += values[i];
            smooth[j] = sum / (hi - lo + 1);
        }
        return smooth;
    }
}
