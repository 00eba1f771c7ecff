using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// The power-law Toeplitz covariance Σ_ij = (1 + |i−j|)^(−a): unit variance, correlations decaying as a power of
/// the distance between features.
/// </summary>
/// <remarks>
/// <para>Levi &amp; Oz (arXiv 2306.14975 v3, Sec. 2) generate CGD from a Toeplitz covariance with power-law decaying
/// correlations. A power-law Toeplitz matrix need not be positive semi-definite: with c₀ = 1 and c_k = k^(−a) its
/// symbol 1 + 2Σ_k k^(−a) cos kθ is 1 − 2η(a) &lt; 0 at θ = π (η the Dirichlet eta function), so for large d it
/// has negative eigenvalues. The shifted sequence c_k = (1 + k)^(−a) is PSD <b>by construction</b>:
/// (1 + k)^(−a) = Γ(a)⁻¹ ∫₀^∞ t^(a−1) e^(−t) e^(−tk) dt is a positive mixture of the sequences ρ^k (ρ = e^(−t)),
/// and each Kac–Murdock–Szegő matrix ρ^|i−j| is a covariance (that of an AR(1) process). The tests check the
/// minimum eigenvalue as well.</para>
/// <para>For 0 &lt; a &lt; 1 the symbol diverges as |θ|^(a−1) at θ = 0, so asymptotically (d → ∞, i ≪ d) the
/// largest eigenvalues decay as i^(−(1−a)). At the sizes of notebook 01 (d of a few hundred) the ranks 10…d/4 are
/// not in that regime and show an apparent slope close to 1 (α̂ ≈ 0 for a = 0.5); the notebook measures it rather
/// than assuming it, and uses <see cref="GaussianSampler.PowerLawSpectrum"/>, which prescribes λ_i ∝ i^(−1−α),
/// for the claims about a generating α.</para>
/// </remarks>
public static class PowerLawToeplitz
{
    /// <summary>Builds the d×d matrix Σ_ij = (1 + |i−j|)^(−a).</summary>
    /// <param name="dimension">d. Range: d ≥ 1.</param>
    /// <param name="correlationExponent">a. Range: a &gt; 0.</param>
    public static Matrix<double> Build(int dimension, double correlationExponent)
    {
        Guard.Positive(dimension);
        Guard.Positive(correlationExponent);
        var c = new double[dimension];
        for (int k = 0; k < dimension; k++) c[k] = Math.Pow(1 + k, -correlationExponent);
        return Matrix<double>.Build.Dense(dimension, dimension, (i, j) => c[Math.Abs(i - j)]);
    }
}
