using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// The spectral (Shannon) entropy S = −Σ_i p_i ln p_i of the normalised eigenvalue distribution p_i = λ_i / Σ_j λ_j.
/// S = ln d for a flat spectrum (UGD at M → ∞) and smaller the more the spectrum is dominated by a few directions.
/// </summary>
/// <remarks>Levi &amp; Oz (arXiv 2306.14975 v3, Sec. 4, the entropy of the spectrum as a function of M). Used by
/// notebook 01.</remarks>
public static class SpectralEntropy
{
    /// <summary>S in nats.</summary>
    /// <param name="eigenvalues">λ_i of a covariance. Range: non-empty, finite, λ_i ≥ −10⁻⁹·max λ; values ≤ 0 (zero
    /// eigenvalues and their round-off) contribute 0 ln 0 = 0.</param>
    public static double Compute(IReadOnlyList<double> eigenvalues)
    {
        Guard.AllFinite(eigenvalues);
        double max = eigenvalues.Max();
        if (!(max > 0))
            throw new ArgumentException($"max(eigenvalues) = {max:G4}; allowed: at least one positive eigenvalue.", nameof(eigenvalues));
        double sum = 0;
        for (int i = 0; i < eigenvalues.Count; i++)
        {
            if (eigenvalues[i] < -1e-9 * max)
                throw new ArgumentOutOfRangeException(nameof(eigenvalues), eigenvalues[i],
                    $"eigenvalues[{i}] = {eigenvalues[i]:G6}; allowed: ≥ −1e−9·max = {-1e-9 * max:G3} (a covariance is PSD).");
            if (eigenvalues[i] > 0) sum += eigenvalues[i];
        }
        // Positive eigenvalues near double.MaxValue can sum to ∞ (then every p = λ/∞ = 0 and 0·ln 0 = NaN): divide by
        // the largest first. Only then, so that a finite sum keeps its exact arithmetic.
        double scale = 1;
        if (!double.IsFinite(sum))
        {
            scale = max;
            sum = 0;
            foreach (double v in eigenvalues)
                if (v > 0) sum += v / scale;
        }
        double s = 0;
        foreach (double v in eigenvalues)
        {
            if (v <= 0) continue;
            double p = v / scale / sum;
            s -= p * Math.Log(p);
        }
        return s;
    }

    /// <summary>S / ln d, in [0, 1] (d = number of eigenvalues passed).</summary>
    /// <param name="eigenvalues">As for <see cref="Compute"/>, at least 2 values.</param>
    public static double Normalised(IReadOnlyList<double> eigenvalues)
    {
        Guard.NotEmpty(eigenvalues);
        if (eigenvalues.Count < 2)
            throw new ArgumentException("eigenvalues has 1 value; allowed: at least 2 for a normalised entropy.", nameof(eigenvalues));
        return Compute(eigenvalues) / Math.Log(eigenvalues.Count);
    }
}
