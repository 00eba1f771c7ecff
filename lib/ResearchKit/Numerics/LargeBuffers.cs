using System.Numerics;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Copies the matrix's column-major entries into the first rows·columns entries of <paramref name="destination"/>
    /// and says whether every entry is finite: one pass over the input where a check followed by a copy would take two
    /// (the check is <see cref="CopyAndCheckFinite"/>'s).
    /// </summary>
    internal static bool CopyColumnMajorFinite(MathNet.Numerics.LinearAlgebra.Matrix<double> m, double[] destination)
    {
        int length = checked(m.RowCount * m.ColumnCount);
        double[] source = m.AsColumnMajorArray() is { } storage && storage.Length == length ? storage : m.ToColumnMajorArray();
        return CopyAndCheckFinite(source, destination.AsSpan(0, length));
    }

    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="destination"/> (same length) and returns whether every
    /// entry is finite. The test is x·0, which is 0 for finite x and NaN for NaN or ±∞, summed in two vector
    /// accumulators (one NaN anywhere makes the sum NaN): the loop runs at the speed of the copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool CopyAndCheckFinite(ReadOnlySpan<double> source, Span<double> destination)
    {
        if (destination.Length != source.Length)
            throw new ArgumentException($"destination has {destination.Length} entries; allowed: {source.Length} (the source's).", nameof(destination));
        int width = Vector<double>.Count, i = 0;
        Vector<double> a0 = Vector<double>.Zero, a1 = Vector<double>.Zero;
        for (; i <= source.Length - 2 * width; i += 2 * width)
        {
            var v0 = new Vector<double>(source.Slice(i));
            var v1 = new Vector<double>(source.Slice(i + width));
            v0.CopyTo(destination.Slice(i));
            v1.CopyTo(destination.Slice(i + width));
            a0 += v0 * Vector<double>.Zero;
            a1 += v1 * Vector<double>.Zero;
        }
        double tail = 0;
        for (; i < source.Length; i++)
        {
            destination[i] = source[i];
            tail += source[i] * 0;
        }
        return double.IsFinite(Vector.Sum(a0 + a1) + tail);
    }

    /// <summary>
    /// Whether every entry is finite, by the same x·0 test as <see cref="CopyAndCheckFinite"/> in four accumulators,
    /// so that the scan is limited by memory bandwidth rather than by the latency of one chain of additions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool AllFinite(ReadOnlySpan<double> values)
    {
        int width = Vector<double>.Count, i = 0;
        Vector<double> a0 = Vector<double>.Zero, a1 = Vector<double>.Zero, a2 = Vector<double>.Zero, a3 = Vector<double>.Zero;
        for (; i <= values.Length - 4 * width; i += 4 * width)
        {
            a0 += new Vector<double>(values.Slice(i)) * Vector<double>.Zero;
            a1 += new Vector<double>(values.Slice(i + width)) * Vector<double>.Zero;
            a2 += new Vector<double>(values.Slice(i + 2 * width)) * Vector<double>.Zero;
            a3 += new Vector<double>(values.Slice(i + 3 * width)) * Vector<double>.Zero;
        }
        double tail = 0;
        for (; i < values.Length; i++)
            tail += values[i] * 0;
        return double.IsFinite(Vector.Sum((a0 + a1) + (a2 + a3)) + tail);
    }

    // ---- scratch: workspaces and input copies that no caller ever sees ---------------------------------------------

    /// <summary>The process's scratch pool for the native kernels (<see cref="ScratchPool"/>).</summary>
    internal static readonly ScratchPool Scratch = new(ScratchPool.DefaultSlots, ScratchPool.DefaultRetainLimitBytes);

    /// <summary><see cref="ScratchPool.Rent"/> on the process's pool.</summary>
    internal static double[] RentScratch(int length) => Scratch.Rent(length);

    /// <summary><see cref="ScratchPool.Return"/> on the process's pool.</summary>
    internal static void ReturnScratch(double[] array) => Scratch.Return(array);

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

/// <summary>
/// Keeps a few large scratch arrays (LAPACK workspaces, input copies that LAPACK destroys) for the next call, so that a
/// repeated call works in memory that is mapped already instead of faulting fresh pages in. This is what NumPy gets from
/// glibc: a block it frees below malloc's mmap threshold (dynamic, at most 32 MiB on 64-bit Linux) stays in malloc's
/// heap, and the next call of the same size is handed the same memory; above it every call maps fresh pages.
/// </summary>
/// <remarks>
/// Not <see cref="System.Buffers.ArrayPool{T}.Shared"/>: it rounds every request up to a power of two (a 9.8 MB
/// workspace for n = 784 would keep 16 MB), keeps arrays per core, and does not advise huge pages. Arrays of fewer than
/// <see cref="MinimumBytes"/> come from the GC's small-object heap, whose memory is warm anyway, and are not kept.
/// </remarks>
internal sealed class ScratchPool
{
    /// <summary>Two slots: one LAPACK call needs at most an input copy and a workspace at once.</summary>
    internal const int DefaultSlots = 2;

    /// <summary>32 MiB, glibc's largest dynamic mmap threshold on 64-bit Linux (see the class remarks).</summary>
    internal const long DefaultRetainLimitBytes = 32L << 20;

    /// <summary>Below this a fresh array is a small-object allocation: not pooled.</summary>
    internal const long MinimumBytes = 64L << 10;

    private readonly double[]?[] slots;
    private readonly long retainLimitBytes;

    /// <param name="slots">How many arrays are kept at most. Range: ≥ 1.</param>
    /// <param name="retainLimitBytes">The largest array kept, in bytes; larger ones are left to the GC. Range: ≥ 0.</param>
    internal ScratchPool(int slots, long retainLimitBytes)
    {
        Guard.Positive(slots, nameof(slots));
        if (retainLimitBytes < 0)
            throw new ArgumentOutOfRangeException(nameof(retainLimitBytes), retainLimitBytes, $"retainLimitBytes = {retainLimitBytes} is out of range; allowed: ≥ 0.");
        this.slots = new double[slots][];
        this.retainLimitBytes = retainLimitBytes;
    }

    /// <summary>
    /// An array of at least <paramref name="length"/> entries, not zeroed (the caller overwrites what it reads): a kept
    /// one when one is large enough, else a fresh one from <see cref="LargeBuffers.Uninitialized"/>. Thread-safe: a kept
    /// array is handed to one caller at a time. Give it back with <see cref="Return"/> once nothing uses it any more.
    /// </summary>
    /// <param name="length">Entries needed. Range: ≥ 0.</param>
    internal double[] Rent(int length)
    {
        if (length < 0)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"length = {length} is out of range; allowed: ≥ 0.");
        if ((long)length * sizeof(double) >= MinimumBytes)
        {
            for (int i = 0; i < slots.Length; i++)
            {
                var kept = Volatile.Read(ref slots[i]);
                if (kept is not null && kept.Length >= length && Interlocked.CompareExchange(ref slots[i], null, kept) == kept)
                    return kept;
            }
        }
        return LargeBuffers.Uninitialized(length);
    }

    /// <summary>
    /// Keeps <paramref name="array"/> for a later <see cref="Rent"/> if its size is within the kept range: in an empty
    /// slot, else in place of a smaller kept array; otherwise leaves it to the GC. The caller must not use it afterwards.
    /// </summary>
    internal void Return(double[] array)
    {
        Guard.NotNull(array, nameof(array));
        long bytes = (long)array.Length * sizeof(double);
        if (bytes < MinimumBytes || bytes > retainLimitBytes)
            return;
        for (int i = 0; i < slots.Length; i++)
            if (Interlocked.CompareExchange(ref slots[i], array, null) is null)
                return;
        for (int i = 0; i < slots.Length; i++)
        {
            var kept = Volatile.Read(ref slots[i]);
            if (kept is not null && kept.Length < array.Length && Interlocked.CompareExchange(ref slots[i], array, kept) == kept)
                return;
        }
    }

    /// <summary>The arrays kept now (tests).</summary>
    internal int KeptCount
    {
        get
        {
            int count = 0;
            for (int i = 0; i < slots.Length; i++)
                if (Volatile.Read(ref slots[i]) is not null)
                    count++;
            return count;
        }
    }
}
