using System.Numerics;
using System.Runtime.CompilerServices;

namespace ResearchKit.Numerics;

/// <summary>
/// Output and workspace arrays for the native kernels: not zeroed (LAPACK overwrites them), and no
/// <c>madvise(MADV_HUGEPAGE)</c>. NumPy's allocator advises huge pages on buffers of 4 MiB or more, and this class did
/// the same until 2026-12-02; measured then on this project's machine (a Firecracker VM, transparent huge pages
/// "madvise", defrag "madvise"), by process CPU time on one BLAS thread, the first touch of a fresh 32 MB result
/// (a 2000×2000 dgemm) cost 17 ms as 7 813 ordinary page faults (sys 18 ms) and 94 ms with the advice (659 faults,
/// sys 80 ms: each 2 MiB page is memory the host has to back there and then), against a 300 ms dgemm. NumPy pays that
/// cost rarely: below glibc's mmap threshold (up to 32 MiB) a freed block stays in malloc's heap and the next result
/// of that size reuses it without a fault. The GC hands out fresh pages for about half of the large allocations in a
/// loop (the rest reuse memory a collection freed), so the advice made the common case five times dearer; without it
/// a fresh page costs what it costs everywhere.
/// </summary>
internal static class LargeBuffers
{
    /// <summary>
    /// An array whose entries the caller overwrites entirely before reading (LAPACK outputs and workspaces): not zeroed.
    /// </summary>
    internal static double[] Uninitialized(int length) => GC.AllocateUninitializedArray<double>(length);

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

}

/// <summary>
/// Keeps a few large scratch arrays (LAPACK workspaces, input copies that LAPACK destroys) for the next call, so that a
/// repeated call works in memory that is mapped already instead of faulting fresh pages in. This is what NumPy gets from
/// glibc: a block it frees below malloc's mmap threshold (dynamic, at most 32 MiB on 64-bit Linux) stays in malloc's
/// heap, and the next call of the same size is handed the same memory; above it every call maps fresh pages.
/// </summary>
/// <remarks>
/// Not <see cref="System.Buffers.ArrayPool{T}.Shared"/>: it rounds every request up to a power of two (a 9.8 MB
/// workspace for n = 784 would keep 16 MB) and keeps arrays per core. Arrays of fewer than
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
