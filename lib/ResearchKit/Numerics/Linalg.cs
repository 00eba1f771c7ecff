using MathNet.Numerics.LinearAlgebra;

namespace ResearchKit.Numerics;

/// <summary>Eigenvalues (ascending) and, column by column, the matching orthonormal eigenvectors.</summary>
/// <param name="Values">Eigenvalues in ascending order.</param>
/// <param name="Vectors">Eigenvectors as columns, in the order of <paramref name="Values"/>.</param>
public sealed record SymmetricEigenResult(double[] Values, Matrix<double> Vectors);

/// <summary>
/// The dense linear-algebra kernels the library rests on. MathNet matrices are the currency; the work is done
/// by the active backend (see <see cref="Backend"/>).
/// </summary>
public static class Linalg
{
    /// <summary>A short description of the backend in use, for notebook preambles and the site footer.</summary>
    public static string Backend => "managed (MathNet.Numerics " + typeof(Matrix<double>).Assembly.GetName().Version + ")";

    /// <summary>The Gram matrix XᵀX (d×d for an M×d <paramref name="x"/>), exactly symmetric.</summary>
    public static Matrix<double> Gram(Matrix<double> x)
    {
        Guard.NotNull(x);
        var g = x.TransposeThisAndMultiply(x);
        Symmetrize(g);
        return g;
    }

    /// <summary>The product A·B.</summary>
    public static Matrix<double> Multiply(Matrix<double> a, Matrix<double> b)
    {
        Guard.NotNull(a);
        Guard.NotNull(b);
        Guard.SameLength(b.RowCount, a.ColumnCount, "b rows", "a columns");
        return a * b;
    }

    /// <summary>Eigenvalues of a symmetric matrix, ascending. Only the lower triangle is read.</summary>
    public static double[] SymmetricEigenvalues(Matrix<double> a) => SymmetricEigen(a).Values;

    /// <summary>Eigenvalues (ascending) and eigenvectors of a symmetric matrix.</summary>
    public static SymmetricEigenResult SymmetricEigen(Matrix<double> a)
    {
        RequireSquare(a);
        var evd = a.Evd(Symmetricity.Symmetric);
        double[] values = evd.EigenValues.Select(c => c.Real).ToArray();
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var vectors = Matrix<double>.Build.Dense(a.RowCount, a.RowCount, (r, c) => evd.EigenVectors[r, order[c]]);
        return new SymmetricEigenResult(order.Select(i => values[i]).ToArray(), vectors);
    }

    /// <summary>Solves A·X = B for symmetric positive-definite A (Cholesky).</summary>
    public static Matrix<double> CholeskySolve(Matrix<double> a, Matrix<double> b)
    {
        RequireSquare(a);
        Guard.NotNull(b);
        Guard.SameLength(b.RowCount, a.RowCount, "b rows", "a rows");
        return a.Cholesky().Solve(b);
    }

    /// <summary>The lower Cholesky factor L with A = L·Lᵀ.</summary>
    public static Matrix<double> Cholesky(Matrix<double> a)
    {
        RequireSquare(a);
        return a.Cholesky().Factor;
    }

    /// <summary>Singular values, descending.</summary>
    public static double[] SingularValues(Matrix<double> a)
    {
        Guard.NotNull(a);
        return a.Svd(computeVectors: false).S.ToArray();
    }

    private static void RequireSquare(Matrix<double> a)
    {
        Guard.NotNull(a);
        if (a.RowCount != a.ColumnCount)
            throw new ArgumentException($"a is {a.RowCount}×{a.ColumnCount}; allowed: a square matrix.", nameof(a));
    }

    private static void Symmetrize(Matrix<double> g)
    {
        int n = g.RowCount;
        for (int j = 0; j < n; j++)
            for (int i = j + 1; i < n; i++)
            {
                double v = 0.5 * (g[i, j] + g[j, i]);
                g[i, j] = v;
                g[j, i] = v;
            }
    }
}
