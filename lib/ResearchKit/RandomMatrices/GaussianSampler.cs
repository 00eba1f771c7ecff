using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// Zero-mean Gaussian data x ~ N(0, Σ) in d dimensions, drawn as x = A z with z ~ N(0, I) and A Aᵀ = Σ. Holds the
/// population spectrum of Σ so that sample spectra can be compared with it.
/// </summary>
/// <remarks>
/// The three data classes of Levi &amp; Oz (arXiv 2306.14975 v3, Sec. 2): UGD (<see cref="Uncorrelated"/>), CGD with a
/// power-law Toeplitz covariance (<see cref="Toeplitz"/>), and the PSD-by-construction alternative with a
/// prescribed spectrum λ_i ∝ i^(−1−α) (<see cref="PowerLawSpectrum"/>). Used by notebook 01.
/// </remarks>
public sealed class GaussianSampler
{
    // Either a diagonal scale (A = diag(_scale)) or a dense factor A; the diagonal case costs O(d) per sample.
    private readonly double[]? _scale;
    private readonly Matrix<double>? _factor;

    private GaussianSampler(int dimension, double[] populationSpectrum, double[]? scale, Matrix<double>? factor, string description)
    {
        Dimension = dimension;
        PopulationSpectrum = populationSpectrum;
        _scale = scale;
        _factor = factor;
        Description = description;
    }

    /// <summary>d, the number of features.</summary>
    public int Dimension { get; }

    /// <summary>The eigenvalues of the population covariance Σ, descending.</summary>
    public IReadOnlyList<double> PopulationSpectrum { get; }

    /// <summary>A short label for legends, e.g. "CGD α=1".</summary>
    public string Description { get; }

    /// <summary>UGD: Σ = I (uncorrelated Gaussian data).</summary>
    /// <param name="dimension">d. Range: d ≥ 1.</param>
    public static GaussianSampler Uncorrelated(int dimension)
    {
        Guard.Positive(dimension);
        return new GaussianSampler(dimension, Enumerable.Repeat(1.0, dimension).ToArray(),
            Enumerable.Repeat(1.0, dimension).ToArray(), null, "UGD");
    }

    /// <summary>CGD with a prescribed power-law spectrum λ_i = i^(−1−α), i = 1…d, in a basis <paramref name="basis"/>.</summary>
    /// <param name="dimension">d. Range: d ≥ 1.</param>
    /// <param name="alpha">α, the bulk exponent in λ_i ∝ i^(−1−α). Range: α &gt; −1 (finite).</param>
    /// <param name="basis">An orthogonal d×d matrix O with Σ = O diag(λ) Oᵀ, e.g. <see cref="RandomOrthogonal"/>;
    /// null for the eigenbasis itself. The basis does not change the law of the sample spectrum (the Wishart law is
    /// invariant under rotations), only the cost: a dense basis costs O(d²) per sample instead of O(d).</param>
    public static GaussianSampler PowerLawSpectrum(int dimension, double alpha, Matrix<double>? basis = null)
    {
        Guard.Positive(dimension);
        Guard.InOpenRange(alpha, -1, double.PositiveInfinity);
        var lambda = new double[dimension];
        for (int i = 0; i < dimension; i++) lambda[i] = Math.Pow(i + 1, -1 - alpha);
        string label = FormattableString.Invariant($"CGD spectrum α={alpha:0.###}");
        var sqrt = lambda.Select(Math.Sqrt).ToArray();
        if (basis is null)
            return new GaussianSampler(dimension, lambda, sqrt, null, label);
        if (basis.RowCount != dimension || basis.ColumnCount != dimension)
            throw new ArgumentException($"basis is {basis.RowCount}×{basis.ColumnCount}; allowed: {dimension}×{dimension}.", nameof(basis));
        // Σ = U Λ Uᵀ has the prescribed spectrum only when U is orthogonal; a non-orthogonal basis silently gives another one.
        double offOrthogonal = (basis.TransposeThisAndMultiply(basis) - Matrix<double>.Build.DenseIdentity(dimension)).InfinityNorm();
        if (!(offOrthogonal <= 1e-8 * dimension))
            throw new ArgumentException(
                $"basis is not orthogonal: max row sum of |UᵀU − I| = {offOrthogonal:G3}; allowed: ≤ {1e-8 * dimension:G3} (columns orthonormal, e.g. the Q of a QR decomposition).",
                nameof(basis));
        var factor = basis * Matrix<double>.Build.DiagonalOfDiagonalArray(sqrt);
        return new GaussianSampler(dimension, lambda, null, factor, label);
    }

    /// <summary>CGD with the power-law Toeplitz covariance Σ_ij = (1 + |i−j|)^(−a) of <see cref="PowerLawToeplitz"/>.</summary>
    /// <param name="dimension">d. Range: d ≥ 1.</param>
    /// <param name="correlationExponent">a, the decay of correlations with distance. Range: a &gt; 0.</param>
    public static GaussianSampler Toeplitz(int dimension, double correlationExponent)
    {
        var toeplitz = PowerLawToeplitz.Build(dimension, correlationExponent);
        var eigen = Linalg.SymmetricEigen(toeplitz);
        if (!(eigen.Values[0] >= 0))
            throw new InvalidOperationException($"The Toeplitz covariance has min eigenvalue {eigen.Values[0]:G4} < 0; it is not a covariance.");
        // A = V diag(√λ) rather than a Cholesky factor: it also works when Σ is only semi-definite.
        var sqrt = eigen.Values.Select(v => Math.Sqrt(Math.Max(v, 0))).ToArray();
        var factor = eigen.Vectors * Matrix<double>.Build.DiagonalOfDiagonalArray(sqrt);
        var spectrum = Enumerable.Reverse(eigen.Values).ToArray();
        return new GaussianSampler(dimension, spectrum, null, factor,
            FormattableString.Invariant($"CGD Toeplitz a={correlationExponent:0.###}"));
    }

    /// <summary>A Haar-random d×d orthogonal matrix (QR of a Gaussian matrix with the signs of R's diagonal fixed).</summary>
    /// <param name="dimension">d. Range: d ≥ 1.</param>
    /// <param name="random">Source of randomness.</param>
    public static Matrix<double> RandomOrthogonal(int dimension, Random random)
    {
        Guard.Positive(dimension);
        Guard.NotNull(random);
        var g = Matrix<double>.Build.Dense(dimension, dimension, (_, _) => Normal.Sample(random, 0, 1));
        var qr = g.QR();
        var q = qr.Q;
        for (int j = 0; j < dimension; j++)
            if (qr.R[j, j] < 0)
                q.SetColumn(j, q.Column(j).Negate());
        return q;
    }

    /// <summary>Draws <paramref name="count"/> samples as the rows of a count×d matrix.</summary>
    /// <param name="count">Number of samples. Range: ≥ 1.</param>
    /// <param name="random">Source of randomness.</param>
    public Matrix<double> Sample(int count, Random random)
    {
        Guard.Positive(count);
        Guard.NotNull(random);
        long entries = (long)count * Dimension;
        if (entries > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"count = {count} samples of dimension d = {Dimension} make {entries} entries; allowed: count·d ≤ {int.MaxValue} (one .NET array; sample in blocks).");
        var z = Matrix<double>.Build.Dense(count, Dimension);
        var column = new double[count];
        for (int j = 0; j < Dimension; j++)
        {
            Normal.Samples(random, column, 0, 1);
            z.SetColumn(j, column);
        }
        if (_scale is not null)
        {
            for (int j = 0; j < Dimension; j++)
                z.SetColumn(j, z.Column(j) * _scale[j]);
            return z;
        }
        // Rows are samples: X = Z Aᵀ.
        return Linalg.Multiply(z, _factor!.Transpose());
    }

    /// <inheritdoc />
    public override string ToString() => $"{Description} (d = {Dimension})";
}
