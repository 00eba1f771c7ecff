using System.Runtime.InteropServices;

namespace ResearchKit.Numerics;

/// <summary>
/// Output and workspace arrays for the native kernels. A fresh array of tens of megabytes is new memory to the
/// operating system: the first write to each 4 KiB page is a page fault, and for a 2000 × 2000 product (32 MB,
/// 7 800 pages) those faults cost about a tenth of the dgemm itself. NumPy's allocator asks Linux for transparent huge
/// pages on every buffer of 4 MiB or more (<c>madvise(MADV_HUGEPAGE)</c>, NumPy ≥ 1.16), so the same product faults
/// sixteen times; this does the same. The advice changes only how the memory is mapped, never its contents, and is
/// skipped silently where the system does not support it (other systems, transparent huge pages "never").
/// </summary>
internal static unsafe class LargeBuffers
{
    /// <summary>NumPy's threshold for the huge-page advice: 4 MiB.</summary>
    internal const long HugePageThresholdBytes = 4L << 20;

    private const int MadviseHugePage = 14; // MADV_HUGEPAGE in <asm-generic/mman-common.h>
    private const long PageSize = 4096;

    private static bool madviseAvailable = OperatingSystem.IsLinux();

    /// <summary>Number of successful advice calls (tests read it; 0 where the system has no transparent huge pages).</summary>
    internal static long AdviceCount;

    /// <summary>
    /// An array whose entries the caller overwrites entirely before reading (LAPACK outputs and workspaces): not
    /// zeroed, and advised for huge pages when it is large.
    /// </summary>
    internal static double[] Uninitialized(int length)
    {
        var a = GC.AllocateUninitializedArray<double>(length);
        if ((long)length * sizeof(double) >= HugePageThresholdBytes)
            AdviseHugePages(a);
        return a;
    }

    /// <summary>A copy of the matrix's column-major entries, in a buffer from <see cref="Uninitialized"/>.</summary>
    internal static double[] ColumnMajorCopy(MathNet.Numerics.LinearAlgebra.Matrix<double> m)
    {
        int length = checked(m.RowCount * m.ColumnCount);
        if (m.AsColumnMajorArray() is { } storage && storage.Length == length)
        {
            var copy = Uninitialized(length);
            storage.AsSpan().CopyTo(copy);
            return copy;
        }
        return m.ToColumnMajorArray();
    }

    private static void AdviseHugePages(double[] a)
    {
        if (!madviseAvailable)
            return;
        // The advice covers whole pages inside the array only: the GC's own bytes around it are left alone.
        fixed (double* p = a)
        {
            nint start = ((nint)p + (nint)(PageSize - 1)) & ~(nint)(PageSize - 1);
            nint end = (nint)(p + a.Length) & ~(nint)(PageSize - 1);
            if (end <= start)
                return;
            try
            {
                if (madvise(start, (nuint)(end - start), MadviseHugePage) == 0)
                    Interlocked.Increment(ref AdviceCount);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                madviseAvailable = false;
            }
        }
    }

    [DllImport("libc", EntryPoint = "madvise", SetLastError = false)]
    private static extern int madvise(nint address, nuint length, int advice);
}
