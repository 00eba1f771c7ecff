using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;

namespace ResearchKit.Benchmarks;

/// <summary>
/// The floor under our kernels for <c>ratios --bare</c>: the BLAS or LAPACK routine alone, called straight from here on
/// the very arrays our call reads (so on the same pages), into kept output and workspace buffers on huge pages, with no
/// copy, check, allocation, workspace query or mirror timed. Our call over the bare call is then everything
/// <c>Linalg</c> adds to the routine; the bare call over NumPy's is what is left between the same routine on both sides.
/// </summary>
internal static class BareCalls
{
    private const string Library = "libopenblas.so.0";

    /// <summary>Says whether the routines can be called here; when not, <paramref name="why"/> says why.</summary>
    internal static bool Available(out string why)
    {
        why = "";
        if (!OperatingSystem.IsLinux())
        {
            why = "bare calls are Linux-only (libopenblas.so.0, madvise)";
            return false;
        }
        if (NativeLibrary.TryLoad(Library, out _))
            return true;
        why = $"{Library} not found";
        return false;
    }

    /// <summary>
    /// The bare call for a kernel on the inputs our call reads: <paramref name="x"/> is Gram's X or gemm's A,
    /// <paramref name="y"/> gemm's B, or the symmetric matrix of the eigen kernels (x).
    /// </summary>
    internal static (Func<object> Call, Action Reset) Prepare(string kernel, Matrix<double> x, Matrix<double>? y)
    {
        double[] xs = x.AsColumnMajorArray() ?? throw new ArgumentException("x must be dense", nameof(x));
        int m = x.RowCount, k = x.ColumnCount;
        switch (kernel)
        {
            case "gram":
            {
                var c = Kept(k * k);
                return (() =>
                {
                    byte uplo = (byte)'L', trans = (byte)'T';
                    double one = 1, zero = 0;
                    int d = k, rows = m;
                    dsyrk_(ref uplo, ref trans, ref d, ref rows, ref one, xs, ref rows, ref zero, c, ref d, 1, 1);
                    return c;
                }, static () => { });
            }
            case "gemm":
            {
                double[] ys = y?.AsColumnMajorArray() ?? throw new ArgumentException("y must be dense", nameof(y));
                int n = y.ColumnCount;
                var c = Kept(m * n);
                return (() =>
                {
                    byte no = (byte)'N';
                    double one = 1, zero = 0;
                    int rows = m, inner = k, columns = n;
                    dgemm_(ref no, ref no, ref rows, ref columns, ref inner, ref one, xs, ref rows, ys, ref inner, ref zero, c, ref rows, 1, 1);
                    return c;
                }, static () => { });
            }
            case "eigvals":
            case "eigen":
            {
                // dsyevd overwrites its input: the copy it works on is refreshed by Reset, which the caller runs untimed
                // after each call.
                byte jobz = kernel == "eigen" ? (byte)'V' : (byte)'N', uplo = (byte)'L';
                int n = m, info = 0;
                var a = Kept(n * n);
                var w = new double[n];
                int lwork = -1, liwork = -1;
                var query = new double[1];
                var iquery = new int[1];
                dsyevd_(ref jobz, ref uplo, ref n, a, ref n, w, query, ref lwork, iquery, ref liwork, ref info, 1, 1);
                lwork = (int)query[0];
                liwork = Math.Max(1, iquery[0]);
                var work = Kept(lwork);
                var iwork = new int[liwork];
                Array.Copy(xs, a, xs.Length);
                return (() =>
                {
                    dsyevd_(ref jobz, ref uplo, ref n, a, ref n, w, work, ref lwork, iwork, ref liwork, ref info, 1, 1);
                    if (info != 0)
                        throw new InvalidOperationException($"bare dsyevd: info = {info}");
                    return w;
                }, () => Array.Copy(xs, a, xs.Length));
            }
            default:
                throw new InvalidOperationException(kernel);
        }
    }

    /// <summary>A kept buffer on huge pages when it spans whole 2 MiB pages (advised and collapsed, contents kept).</summary>
    private static double[] Kept(int length)
    {
        var a = GC.AllocateUninitializedArray<double>(length, pinned: true);
        a.AsSpan().Clear();
        var handle = GCHandle.Alloc(a, GCHandleType.Pinned);
        try
        {
            long start = handle.AddrOfPinnedObject(), end = start + (long)length * sizeof(double);
            const long page = 1L << 21;
            long first = (start + page - 1) & ~(page - 1), last = end & ~(page - 1);
            if (last > first)
            {
                _ = madvise((nint)first, (nuint)(last - first), 14); // MADV_HUGEPAGE
                _ = madvise((nint)first, (nuint)(last - first), 25); // MADV_COLLAPSE (kernel 6.1+; fails harmlessly before)
            }
        }
        finally
        {
            handle.Free();
        }
        return a;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int madvise(nint address, nuint length, int advice);

    [DllImport(Library)]
    private static extern void dgemm_(ref byte transA, ref byte transB, ref int m, ref int n, ref int k, ref double alpha,
        double[] a, ref int lda, double[] b, ref int ldb, ref double beta, double[] c, ref int ldc, nuint l1, nuint l2);

    [DllImport(Library)]
    private static extern void dsyrk_(ref byte uplo, ref byte trans, ref int n, ref int k, ref double alpha,
        double[] a, ref int lda, ref double beta, double[] c, ref int ldc, nuint l1, nuint l2);

    [DllImport(Library)]
    private static extern void dsyevd_(ref byte jobz, ref byte uplo, ref int n, double[] a, ref int lda, double[] w,
        double[] work, ref int lwork, int[] iwork, ref int liwork, ref int info, nuint l1, nuint l2);
}
