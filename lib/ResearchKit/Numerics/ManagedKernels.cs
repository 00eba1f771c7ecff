using MathNet.Numerics.LinearAlgebra;

namespace ResearchKit.Numerics;

/// <summary>The fallback: MathNet.Numerics' managed provider, available everywhere.</summary>
internal sealed class ManagedKernels : ILinalgKernels
{
    internal static readonly ManagedKernels Instance = new();

    public LinalgProvider Provider => LinalgProvider.Managed;

    public string Description => "managed (MathNet.Numerics " + typeof(Matrix<double>).Assembly.GetName().Version + ")";

    public string Detail => Description + ", " + Environment.ProcessorCount + " logical processors";

    public Matrix<double> Gram(Matrix<double> x)
    {
        var g = x.TransposeThisAndMultiply(x);
        // The managed product computes the two triangles separately; make them agree bit for bit.
        int n = g.RowCount;
        for (int j = 0; j < n; j++)
            for (int i = j + 1; i < n; i++)
                g[j, i] = g[i, j];
        return g;
    }

    // The managed fallback keeps Multiply's scans of both factors: it is the reference the native results are compared
    // with, and whether its blocked loops form every term is MathNet's to change.
    public bool ProductCarriesNonFinite => false;

    public Matrix<double> Multiply(Matrix<double> a, Matrix<double> b) => a * b;

    // MathNet's a * b is a.Multiply(b), which allocates the result and then runs this same product into it.
    public void MultiplyInto(Matrix<double> a, Matrix<double> b, Matrix<double> result) => a.Multiply(b, result);

    public double[] SymmetricEigenvalues(Matrix<double> a) => SymmetricEigen(a).Values; // SymmetricEigen checks a

    public SymmetricEigenResult SymmetricEigen(Matrix<double> a)
    {
        Linalg.RequireFinite(a, "a");
        var evd = FromLowerTriangle(a).Evd(Symmetricity.Symmetric);
        double[] values = evd.EigenValues.Select(c => c.Real).ToArray();
        int n = values.Length;
        // MathNet returns them ascending today, but does not promise it: sort explicitly.
        var order = Enumerable.Range(0, n).OrderBy(i => values[i]).ToArray();
        var vectors = Matrix<double>.Build.Dense(n, n, (r, c) => evd.EigenVectors[r, order[c]]);
        return new SymmetricEigenResult(order.Select(i => values[i]).ToArray(), vectors);
    }

    public Matrix<double>? CholeskySolve(Matrix<double> a, Matrix<double> b)
    {
        Linalg.RequireFinite(a, "a");
        Linalg.RequireFinite(b, "b");
        return TryFactor(a)?.Solve(b);
    }

    public Matrix<double>? Cholesky(Matrix<double> a)
    {
        Linalg.RequireFinite(a, "a");
        return TryFactor(a)?.Factor;
    }

    public double[] SingularValues(Matrix<double> a)
    {
        Linalg.RequireFinite(a, "a");
        return a.Svd(computeVectors: false).S.ToArray();
    }

    private static MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double>? TryFactor(Matrix<double> a)
    {
        try
        {
            return FromLowerTriangle(a).Cholesky();
        }
        catch (ArgumentException)
        {
            // MathNet signals "not positive definite" this way; the facade turns it into a message naming the argument.
            return null;
        }
    }

    /// <summary>The symmetric matrix whose lower triangle is that of <paramref name="a"/> (LAPACK's uplo = 'L' contract).</summary>
    private static Matrix<double> FromLowerTriangle(Matrix<double> a)
    {
        int n = a.RowCount;
        var s = a.Clone();
        for (int j = 0; j < n; j++)
            for (int i = j + 1; i < n; i++)
                s[j, i] = s[i, j];
        return s;
    }
}
