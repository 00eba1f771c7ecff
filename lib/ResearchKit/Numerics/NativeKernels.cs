using MathNet.Numerics.LinearAlgebra;

namespace ResearchKit.Numerics;

/// <summary>
/// The kernels on the system's BLAS/LAPACK. MathNet's dense matrices store their entries column-major, exactly
/// the layout Fortran LAPACK expects, so inputs are passed without conversion and outputs are wrapped without copying.
/// </summary>
internal sealed unsafe class NativeKernels(NativeLapack lapack) : ILinalgKernels
{
    public LinalgProvider Provider => LinalgProvider.Native;

    public string Description => lapack.Description;

    public string Detail => lapack.Detail;

    public Matrix<double> Gram(Matrix<double> x)
    {
        int m = x.RowCount, d = x.ColumnCount;
        double[] xs = ReadOnlyStorage(x);
        var c = Uninitialized(checked(d * d));
        byte uplo = (byte)'L', trans = (byte)'T';
        double one = 1, zero = 0;
        fixed (double* px = xs, pc = c)
            lapack.Dsyrk(&uplo, &trans, &d, &m, &one, px, &m, &zero, pc, &d, 1, 1);
        CopyLowerToUpper(c, d);
        return Matrix<double>.Build.Dense(d, d, c);
    }

    public Matrix<double> Multiply(Matrix<double> a, Matrix<double> b)
    {
        int m = a.RowCount, k = a.ColumnCount, n = b.ColumnCount;
        double[] sa = ReadOnlyStorage(a), sb = ReadOnlyStorage(b);
        var c = Uninitialized(checked(m * n));
        byte no = (byte)'N';
        double one = 1, zero = 0;
        fixed (double* pa = sa, pb = sb, pc = c)
            lapack.Dgemm(&no, &no, &m, &n, &k, &one, pa, &m, pb, &k, &zero, pc, &m, 1, 1);
        return Matrix<double>.Build.Dense(m, n, c);
    }

    public double[] SymmetricEigenvalues(Matrix<double> a)
    {
        double[] work = LargeBuffers.ColumnMajorCopy(a);
        return Syevd(work, a.RowCount, vectors: false);
    }

    public SymmetricEigenResult SymmetricEigen(Matrix<double> a)
    {
        int n = a.RowCount;
        double[] work = LargeBuffers.ColumnMajorCopy(a);
        double[] values = Syevd(work, n, vectors: true);
        return new SymmetricEigenResult(values, Matrix<double>.Build.Dense(n, n, work));
    }

    public Matrix<double>? CholeskySolve(Matrix<double> a, Matrix<double> b)
    {
        int n = a.RowCount, nrhs = b.ColumnCount, info;
        double[] sa = LargeBuffers.ColumnMajorCopy(a), sb = LargeBuffers.ColumnMajorCopy(b);
        byte uplo = (byte)'L';
        fixed (double* pa = sa, pb = sb)
            lapack.Dposv(&uplo, &n, &nrhs, pa, &n, pb, &n, &info, 1);
        if (info > 0)
            return null;
        Check(info, "dposv");
        return Matrix<double>.Build.Dense(n, nrhs, sb);
    }

    public Matrix<double>? Cholesky(Matrix<double> a)
    {
        int n = a.RowCount, info;
        double[] s = LargeBuffers.ColumnMajorCopy(a);
        byte uplo = (byte)'L';
        fixed (double* p = s)
            lapack.Dpotrf(&uplo, &n, p, &n, &info, 1);
        if (info > 0)
            return null;
        Check(info, "dpotrf");
        // dpotrf leaves the strict upper triangle as it found it.
        for (int j = 1; j < n; j++)
            Array.Clear(s, j * n, j);
        return Matrix<double>.Build.Dense(n, n, s);
    }

    public double[] SingularValues(Matrix<double> a)
    {
        int m = a.RowCount, n = a.ColumnCount, one = 1, info, lwork = -1;
        double[] s = LargeBuffers.ColumnMajorCopy(a);
        var values = new double[Math.Min(m, n)];
        var iwork = new int[8 * Math.Min(m, n)];
        byte jobz = (byte)'N';
        double query, dummy = 0;
        fixed (double* pa = s, pv = values)
        fixed (int* pi = iwork)
        {
            lapack.Dgesdd(&jobz, &m, &n, pa, &m, pv, &dummy, &one, &dummy, &one, &query, &lwork, pi, &info, 1);
            Check(info, "dgesdd (workspace query)");
            lwork = checked((int)query);
            var work = Uninitialized(lwork);
            fixed (double* pw = work)
                lapack.Dgesdd(&jobz, &m, &n, pa, &m, pv, &dummy, &one, &dummy, &one, pw, &lwork, pi, &info, 1);
        }
        if (info > 0)
            throw new InvalidOperationException($"dgesdd did not converge (info = {info}).");
        Check(info, "dgesdd");
        return values;
    }

    /// <summary>dsyevd (divide and conquer, as NumPy's eigh/eigvalsh): eigenvalues ascending, vectors into <paramref name="a"/>.</summary>
    private double[] Syevd(double[] a, int n, bool vectors)
    {
        var w = new double[n];
        byte jobz = vectors ? (byte)'V' : (byte)'N', uplo = (byte)'L';
        int lwork = -1, liwork = -1, iquery, info;
        double query;
        fixed (double* pa = a, pw = w)
        {
            lapack.Dsyevd(&jobz, &uplo, &n, pa, &n, pw, &query, &lwork, &iquery, &liwork, &info, 1, 1);
            Check(info, "dsyevd (workspace query)");
            lwork = checked((int)query);
            liwork = iquery;
            var work = Uninitialized(lwork);
            var iwork = GC.AllocateUninitializedArray<int>(Math.Max(1, liwork));
            fixed (double* pwork = work)
            fixed (int* piwork = iwork)
                lapack.Dsyevd(&jobz, &uplo, &n, pa, &n, pw, pwork, &lwork, piwork, &liwork, &info, 1, 1);
        }
        if (info > 0)
            throw new InvalidOperationException($"dsyevd did not converge (info = {info}).");
        Check(info, "dsyevd");
        return w;
    }

    /// <summary>Output and workspace arrays that LAPACK overwrites entirely: not zeroed, huge pages when large (<see cref="LargeBuffers"/>).</summary>
    private static double[] Uninitialized(int length) => LargeBuffers.Uninitialized(length);

    /// <summary>The column-major entries without copying when the matrix is dense (the array is only read).</summary>
    private static double[] ReadOnlyStorage(Matrix<double> m) => m.AsColumnMajorArray() ?? m.ToColumnMajorArray();

    private static void Check(int info, string routine)
    {
        // A negative info means an argument we built was wrong: a bug here, not bad user input.
        if (info < 0)
            throw new InvalidOperationException($"{routine} rejected argument {-info} (internal error).");
    }

    /// <summary>Mirrors the lower triangle into the upper, in tiles so both sides stay in cache.</summary>
    private static void CopyLowerToUpper(double[] c, int n)
    {
        const int tile = 64;
        for (int jb = 0; jb < n; jb += tile)
            for (int ib = jb; ib < n; ib += tile)
            {
                int jEnd = Math.Min(jb + tile, n), iEnd = Math.Min(ib + tile, n);
                for (int j = jb; j < jEnd; j++)
                    for (int i = Math.Max(ib, j + 1); i < iEnd; i++)
                        c[j + (long)i * n] = c[i + (long)j * n];
            }
    }
}
