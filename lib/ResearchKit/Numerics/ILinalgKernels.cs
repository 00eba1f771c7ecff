using MathNet.Numerics.LinearAlgebra;

namespace ResearchKit.Numerics;

/// <summary>
/// One implementation of the dense kernels behind <see cref="Linalg"/>. Inputs arrive with their shapes validated.
/// The kernels that copy their input (the eigen, Cholesky and singular-value kernels) check its finiteness themselves,
/// with <see cref="Linalg.RequireFinite"/>'s exception (the native ones while copying, in one pass);
/// <see cref="Linalg.Gram"/> checks X through the result's diagonal, and <see cref="Linalg.Multiply"/> checks A and B
/// through the product's first column and row when <see cref="ProductCarriesNonFinite"/> (and by scanning them
/// before the call otherwise). Implementations never modify their inputs.
/// </summary>
internal interface ILinalgKernels
{
    /// <summary>Which implementation this is.</summary>
    LinalgProvider Provider { get; }

    /// <summary>One line for preambles: the kind of backend, without machine detail.</summary>
    string Description { get; }

    /// <summary>One line with this machine's detail (CPU core, threads) for reports and the site footer.</summary>
    string Detail { get; }

    /// <summary>XᵀX, exactly symmetric.</summary>
    Matrix<double> Gram(Matrix<double> x);

    /// <summary>
    /// Whether <see cref="Multiply"/> carries every NaN and ±∞ of its factors into the product (probed once by
    /// <see cref="Linalg.CarriesNonFinite"/>), so that <see cref="Linalg.Multiply"/> may read the factors' finiteness
    /// off the product instead of scanning them.
    /// </summary>
    bool ProductCarriesNonFinite { get; }

    /// <summary>A·B.</summary>
    Matrix<double> Multiply(Matrix<double> a, Matrix<double> b);

    /// <summary>A·B written over the dense <paramref name="result"/> (m×n), the same numbers as <see cref="Multiply"/>.</summary>
    void MultiplyInto(Matrix<double> a, Matrix<double> b, Matrix<double> result);

    /// <summary>Eigenvalues ascending; only the lower triangle is read.</summary>
    double[] SymmetricEigenvalues(Matrix<double> a);

    /// <summary>Eigenvalues ascending with eigenvectors as columns; only the lower triangle is read.</summary>
    SymmetricEigenResult SymmetricEigen(Matrix<double> a);

    /// <summary>Solves A·X = B; returns null when A is not positive definite. Only the lower triangle is read.</summary>
    Matrix<double>? CholeskySolve(Matrix<double> a, Matrix<double> b);

    /// <summary>Lower factor L of A = L·Lᵀ; null when A is not positive definite. Only the lower triangle is read.</summary>
    Matrix<double>? Cholesky(Matrix<double> a);

    /// <summary>Singular values, descending.</summary>
    double[] SingularValues(Matrix<double> a);
}
