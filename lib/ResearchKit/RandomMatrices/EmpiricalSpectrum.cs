using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// The eigenvalues of an empirical feature–feature covariance Σ_M = XᵀX/M (X centred, optionally standardised),
/// in descending order: <c>Eigenvalues[0]</c> = λ₁ is the largest, so index i−1 holds rank i.
/// </summary>
/// <param name="Eigenvalues">λ₁ ≥ λ₂ ≥ … ≥ λ_d. Tiny negative round-off values are kept as computed.</param>
/// <param name="SampleCount">M, the number of samples (rows) behind Σ_M.</param>
/// <param name="Scaling">How the features were normalised.</param>
/// <param name="ConstantFeatureCount">Features with zero sample variance (only counted under
/// <see cref="FeatureScaling.Standardise"/>; they give exact zero eigenvalues).</param>
/// <remarks>Levi &amp; Oz (arXiv 2306.14975 v3), Sec. 2, the Gram matrix Σ_M. Used by notebook 01.</remarks>
public sealed record EmpiricalSpectrum(double[] Eigenvalues, int SampleCount, FeatureScaling Scaling, int ConstantFeatureCount)
{
    /// <summary>d, the number of features.</summary>
    public int Dimension => Eigenvalues.Length;

    /// <summary>The eigenvalues above <paramref name="relativeFloor"/>·λ₁, descending: the numerically non-zero
    /// part of the spectrum (for M &lt; d only M−1 eigenvalues of a centred Σ_M are non-zero).</summary>
    /// <param name="relativeFloor">Cut-off relative to the largest eigenvalue. Range: 0 ≤ floor &lt; 1.</param>
    public double[] NonZero(double relativeFloor = 1e-10)
    {
        Guard.InRange(relativeFloor, 0, 1 - 1e-16);
        if (Eigenvalues is null || Eigenvalues.Length == 0)
            throw new InvalidOperationException("Eigenvalues is empty; allowed: at least one eigenvalue (λ₁ sets the floor).");
        double cut = relativeFloor * Eigenvalues[0];
        return Eigenvalues.Where(v => v > cut).ToArray();
    }

    /// <summary>The spectrum of a symmetric covariance matrix, through <see cref="Linalg.SymmetricEigenvalues"/>.</summary>
    /// <param name="covariance">A symmetric d×d matrix.</param>
    /// <param name="sampleCount">M behind it. Range: M ≥ 1.</param>
    /// <param name="scaling">How the features were normalised.</param>
    /// <param name="constantFeatureCount">Zero-variance features. Range: ≥ 0.</param>
    public static EmpiricalSpectrum FromCovariance(Matrix<double> covariance, int sampleCount, FeatureScaling scaling, int constantFeatureCount = 0)
    {
        Guard.NotNull(covariance);
        Linalg.RequireSymmetric(covariance, nameof(covariance));
        Guard.Positive(sampleCount);
        Guard.AtLeast(constantFeatureCount, 0);
        double[] ascending = Linalg.SymmetricEigenvalues(covariance);
        Array.Reverse(ascending);
        return new EmpiricalSpectrum(ascending, sampleCount, scaling, constantFeatureCount);
    }

    /// <summary>The spectrum of Σ_M for a data matrix <paramref name="data"/> (M rows = samples, d columns = features).</summary>
    /// <param name="data">X, M×d. Range: M ≥ 2, d ≥ 1, finite entries.</param>
    /// <param name="scaling">Centre only, or centre and standardise (the paper's choice).</param>
    public static EmpiricalSpectrum FromData(Matrix<double> data, FeatureScaling scaling)
    {
        Guard.NotNull(data);
        var blocks = BlockedCovariance.FromRows(data, 1);
        return blocks.Spectrum(scaling);
    }
}
