using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
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

    // 0 until probed, then 1 (the BLAS's dgemm carries NaN and ±∞ into the product) or 2 (it does not). Probed on first
    // use, once; two threads racing both probe and store the same answer.
    private int _carriesNonFinite;

    public bool ProductCarriesNonFinite
    {
        get
        {
            if (_carriesNonFinite == 0)
                _carriesNonFinite = Linalg.CarriesNonFinite(Multiply) ? 1 : 2;
            return _carriesNonFinite == 1;
        }
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

    public void MultiplyInto(Matrix<double> a, Matrix<double> b, Matrix<double> result)
    {
        // The same dgemm call as Multiply (β = 0: the old contents of the result are never read), into a kept array.
        int m = a.RowCount, k = a.ColumnCount, n = b.ColumnCount;
        double[] sa = ReadOnlyStorage(a), sb = ReadOnlyStorage(b);
        double[] c = result.AsColumnMajorArray() ?? throw new ArgumentException("result must be a dense matrix.", nameof(result));
        HugePageAdvice.AdviseInput(c); // the caller's kept result, written on every call
        byte no = (byte)'N';
        double one = 1, zero = 0;
        fixed (double* pa = sa, pb = sb, pc = c)
            lapack.Dgemm(&no, &no, &m, &n, &k, &one, pa, &m, pb, &k, &zero, pc, &m, 1, 1);
    }

    public double[] SymmetricEigenvalues(Matrix<double> a)
    {
        // The input copy is scratch here (dsyevd overwrites it and only the eigenvalues are returned): a kept buffer,
        // as NumPy's malloc'd copy is the memory its previous call freed.
        int n = a.RowCount;
        double[] copy = LargeBuffers.RentScratch(n * n);
        try
        {
            CopyFinite(a, copy, "a");
            return Syevd(copy, n, vectors: false);
        }
        finally
        {
            LargeBuffers.ReturnScratch(copy);
        }
    }

    public SymmetricEigenResult SymmetricEigen(Matrix<double> a)
    {
        // The copy becomes the eigenvectors (dsyevd writes them over it): a fresh array, returned without another copy,
        // from the pinned-object heap (LargeBuffers.UninitializedPinned says why).
        int n = a.RowCount;
        double[] work = LargeBuffers.UninitializedPinned(n * n);
        CopyFinite(a, work, "a");
        double[] values = Syevd(work, n, vectors: true);
        return new SymmetricEigenResult(values, Matrix<double>.Build.Dense(n, n, work));
    }

    public Matrix<double>? CholeskySolve(Matrix<double> a, Matrix<double> b)
    {
        int n = a.RowCount, nrhs = b.ColumnCount, info;
        double[] sa = LargeBuffers.RentScratch(n * n);
        try
        {
            CopyFinite(a, sa, "a");
            double[] sb = Uninitialized(n * nrhs); // becomes the solution
            CopyFinite(b, sb, "b");
            byte uplo = (byte)'L';
            fixed (double* pa = sa, pb = sb)
                lapack.Dposv(&uplo, &n, &nrhs, pa, &n, pb, &n, &info, 1);
            if (info > 0)
                return null;
            Check(info, "dposv");
            return Matrix<double>.Build.Dense(n, nrhs, sb);
        }
        finally
        {
            LargeBuffers.ReturnScratch(sa);
        }
    }

    public Matrix<double>? Cholesky(Matrix<double> a)
    {
        int n = a.RowCount, info;
        double[] s = Uninitialized(n * n); // becomes the factor
        CopyFinite(a, s, "a");
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
        double[] s = LargeBuffers.RentScratch(m * n); // dgesdd destroys its input; only the values are returned
        double[]? work = null;
        try
        {
            CopyFinite(a, s, "a");
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
                work = LargeBuffers.RentScratch(lwork);
                fixed (double* pw = work)
                    lapack.Dgesdd(&jobz, &m, &n, pa, &m, pv, &dummy, &one, &dummy, &one, pw, &lwork, pi, &info, 1);
            }
            if (info > 0)
                throw new InvalidOperationException($"dgesdd did not converge (info = {info}).");
            Check(info, "dgesdd");
            return values;
        }
        finally
        {
            LargeBuffers.ReturnScratch(s);
            if (work is not null)
                LargeBuffers.ReturnScratch(work);
        }
    }

    /// <summary>dsyevd (divide and conquer, as NumPy's eigh/eigvalsh): eigenvalues ascending, vectors into <paramref name="a"/>.</summary>
    /// <remarks>
    /// The workspace (1 + 6n + 2n² doubles with vectors, 2n + 1 without) is scratch: a kept buffer
    /// (<see cref="LargeBuffers.RentScratch"/>) rather than fresh memory that faults page by page on every call.
    /// </remarks>
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
            var work = LargeBuffers.RentScratch(lwork);
            try
            {
                var iwork = GC.AllocateUninitializedArray<int>(Math.Max(1, liwork));
                fixed (double* pwork = work)
                fixed (int* piwork = iwork)
                    lapack.Dsyevd(&jobz, &uplo, &n, pa, &n, pw, pwork, &lwork, piwork, &liwork, &info, 1, 1);
            }
            finally
            {
                LargeBuffers.ReturnScratch(work);
            }
        }
        if (info > 0)
            throw new InvalidOperationException($"dsyevd did not converge (info = {info}).");
        Check(info, "dsyevd");
        return w;
    }

    /// <summary>
    /// Copies <paramref name="m"/>'s entries into <paramref name="destination"/>, checking them on the way (one pass
    /// instead of a scan and a copy); throws <see cref="Linalg"/>'s exception for a non-finite entry. The caller's
    /// array gets huge pages from its second use, as an input read in place does (<see cref="HugePageAdvice.AdviseInput"/>):
    /// in an alternating A/B on 2026-12-04 (as set, <c>ratios --bare</c>, four rounds each side over two runs) our
    /// eigvals 784 over the bare dsyevd went from 1.03–1.12 to 0.99–1.08, eigen 784 from 1.01–1.08 to 1.00–1.04,
    /// eigvals and eigen 2000 from 1.03–1.07 to 1.01–1.02 (README, Benchmarks).
    /// </summary>
    private static void CopyFinite(Matrix<double> m, double[] destination, string name)
    {
        if (m.AsColumnMajorArray() is { } source)
            HugePageAdvice.AdviseInput(source);
        if (!LargeBuffers.CopyColumnMajorFinite(m, destination))
            throw Linalg.NotFinite(m, name);
    }

    /// <summary>Output and workspace arrays that LAPACK overwrites entirely: not zeroed, huge pages where they pay (<see cref="LargeBuffers"/>).</summary>
    private static double[] Uninitialized(int length) => LargeBuffers.Uninitialized(length);

    /// <summary>
    /// The column-major entries without copying when the matrix is dense (the array is only read); a large caller's
    /// array gets huge pages from its second use (<see cref="HugePageAdvice.AdviseInput"/>).
    /// </summary>
    private static double[] ReadOnlyStorage(Matrix<double> m)
    {
        if (m.AsColumnMajorArray() is { } data)
        {
            HugePageAdvice.AdviseInput(data);
            return data;
        }
        return m.ToColumnMajorArray();
    }

    private static void Check(int info, string routine)
    {
        // A negative info means an argument we built was wrong: a bug here, not bad user input.
        if (info < 0)
            throw new InvalidOperationException($"{routine} rejected argument {-info} (internal error).");
    }

    /// <summary>
    /// Mirrors the lower triangle of the column-major n×n <paramref name="c"/> into the upper (c[j,i] = c[i,j], i &gt; j),
    /// an exact copy of every entry. With AVX, strips of 8 source columns are read 4 rows at a time, transposed in
    /// registers (4×4 blocks) and written as whole 64-byte pieces of 4 destination columns, so that at most 8 columns are
    /// walked across at once; a strided walk over 64 columns, as before, thrashes the cache when the column stride is a
    /// multiple of 4 KiB (n = 3072: 200 ms for a copy that takes 25 ms this way; n = 2000: 3.7 ms → 1.5 ms).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void CopyLowerToUpper(double[] c, int n)
    {
        if ((long)n * n > c.Length)
            throw new ArgumentException($"c has {c.Length} entries; allowed: at least n² = {(long)n * n}.", nameof(c));
        fixed (double* p = c)
        {
            int j0 = 0;
            if (Avx.IsSupported)
            {
                for (; j0 + 8 <= n; j0 += 8)
                {
                    // The 8×8 block on the diagonal, entry by entry.
                    for (int j = j0; j < j0 + 8; j++)
                        for (int i = j + 1; i < j0 + 8; i++)
                            p[j + (long)i * n] = p[i + (long)j * n];
                    int rows = j0 + 8;
                    for (; rows + 4 <= n; rows += 4)
                    {
                        for (int h = 0; h < 8; h += 4)
                        {
                            // Columns j0+h … j0+h+3 at rows rows … rows+3, transposed into columns rows … rows+3.
                            double* s = p + (long)(j0 + h) * n + rows;
                            var r0 = Avx.LoadVector256(s);
                            var r1 = Avx.LoadVector256(s + n);
                            var r2 = Avx.LoadVector256(s + 2L * n);
                            var r3 = Avx.LoadVector256(s + 3L * n);
                            var u0 = Avx.UnpackLow(r0, r1);
                            var u1 = Avx.UnpackHigh(r0, r1);
                            var u2 = Avx.UnpackLow(r2, r3);
                            var u3 = Avx.UnpackHigh(r2, r3);
                            double* d = p + (long)rows * n + j0 + h;
                            Avx.Store(d, Avx.Permute2x128(u0, u2, 0x20));
                            Avx.Store(d + n, Avx.Permute2x128(u1, u3, 0x20));
                            Avx.Store(d + 2L * n, Avx.Permute2x128(u0, u2, 0x31));
                            Avx.Store(d + 3L * n, Avx.Permute2x128(u1, u3, 0x31));
                        }
                    }
                    for (; rows < n; rows++)
                        for (int j = j0; j < j0 + 8; j++)
                            p[j + (long)rows * n] = p[rows + (long)j * n];
                }
            }
            else
            {
                // Without AVX: tiles of 64, each destination column written contiguously.
                const int tile = 64;
                for (int ib = 0; ib < n; ib += tile)
                    for (int jb = 0; jb <= ib; jb += tile)
                    {
                        int iEnd = Math.Min(ib + tile, n), jEnd = Math.Min(jb + tile, n);
                        for (int i = ib; i < iEnd; i++)
                        {
                            double* column = p + (long)i * n;
                            for (int j = jb, je = Math.Min(jEnd, i); j < je; j++)
                                column[j] = p[i + (long)j * n];
                        }
                    }
                return;
            }
            // The last n mod 8 columns (AVX path).
            for (int j = j0; j < n; j++)
                for (int i = j + 1; i < n; i++)
                    p[j + (long)i * n] = p[i + (long)j * n];
        }
    }
}
