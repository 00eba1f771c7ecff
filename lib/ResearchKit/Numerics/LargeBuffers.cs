using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ResearchKit.Numerics;

/// <summary>
/// Output and workspace arrays for the native kernels: not zeroed (LAPACK overwrites them), and, where
/// <see cref="HugePageAdvice"/> finds that it pays on this machine, advised for transparent huge pages when they are
/// 4 MiB or more, as NumPy's allocator advises its own buffers.
/// </summary>
internal static class LargeBuffers
{
    /// <summary>
    /// An array whose entries the caller overwrites entirely before reading (LAPACK outputs and workspaces): not zeroed.
    /// </summary>
    internal static double[] Uninitialized(int length)
    {
        var a = GC.AllocateUninitializedArray<double>(length);
        if ((long)length * sizeof(double) >= HugePageAdvice.ThresholdBytes)
            HugePageAdvice.Advise(a);
        return a;
    }

    /// <summary>
    /// <see cref="Uninitialized"/> on the pinned-object heap: for the eigenvector results of <c>SymmetricEigen</c>.
    /// </summary>
    /// <remarks>
    /// On the large-object heap, a fresh 784×784 eigenvector result took 183–184 page faults a call in the bench's
    /// order (eigenvalue kernels first), and our call came out at 1.16 and 1.16 of the bare dsyevd on kept memory in
    /// two runs; on the pinned-object heap it took none and came out at 1.01 and 1.01 (<c>ratios --environment as-set
    /// --kernels eigvals,eigen --bare --rounds 2</c>, 2026-12-04 13:09–13:37 UTC, the two builds alternating; against
    /// NumPy 1.13, 1.12 → 0.97, 0.97). At 2000 and 3072 it went from 1.00–1.03 to 1.02–1.04 (153 faults a call at 2000
    /// instead of 0), far below NumPy there either way (0.67–0.80); README, Benchmarks. The other fresh results stay on the large-object heap: there an A/B of
    /// 2026-12-03 found our Gram calls themselves slower with their results on the pinned-object heap
    /// (0.085–0.090 s against 0.077–0.078 s at 10000×784, no faults on either). The array is collected like any other;
    /// pinned only means the GC never moves it, which arrays this large it does not do anyway.
    /// </remarks>
    internal static double[] UninitializedPinned(int length)
    {
        var a = GC.AllocateUninitializedArray<double>(length, pinned: true);
        if ((long)length * sizeof(double) >= HugePageAdvice.ThresholdBytes)
            HugePageAdvice.Advise(a);
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

/// <summary>
/// Whether the large arrays of <see cref="LargeBuffers"/> get <c>madvise(MADV_HUGEPAGE)</c>, decided once a process by
/// measuring both ways on this machine. The advice changes how memory is mapped, never what it holds: results are the
/// same bit for bit either way; only the cost of the first write to fresh memory differs, and it differs by machine.
/// </summary>
/// <remarks>
/// Measured with a fresh anonymous mapping, first touch of every 4 KiB page, transparent huge pages "madvise":
/// <list type="bullet">
/// <item>on a Firecracker VM (2026-12-02, one BLAS thread, CPU time), a 32 MB result cost 17 ms in 4 KiB pages and
/// 94 ms advised: each 2 MiB page is memory the host backs there and then;</item>
/// <item>on a PVM guest (AMD EPYC, 2026-12-03, wall time, NumPy's Python over mmap), 32 MB cost 85–87 ms in 4 KiB pages
/// (8 192 faults, about 10.5 µs each: every page-table update goes through the hypervisor) and 1.6–2.0 ms advised
/// (16 faults) once the host had backed the memory, 40 ms the first time; 75 MB cost 199–219 ms against 12 ms.</item>
/// </list>
/// So neither choice is right everywhere. The probe (<see cref="Decide"/>) times the first touch of 4 MiB in 4 KiB pages
/// and of 4 MiB advised, twice each in fresh mappings, and advises only if the advised touch is clearly cheaper
/// (best of two under <see cref="AdviseIfBelow"/> of the plain one's best). It costs a few milliseconds, once, when the
/// first array of 4 MiB or more is made. The environment variable <c>RESEARCHKIT_HUGE_PAGES</c> = <c>auto</c> (the
/// default), <c>on</c> or <c>off</c> overrides it. Only whole 2 MiB pages inside an array are advised, so the GC's own
/// memory around it is left alone.
/// </remarks>
internal static unsafe class HugePageAdvice
{
    /// <summary>NumPy's threshold for the advice: 4 MiB.</summary>
    internal const long ThresholdBytes = 4L << 20;

    /// <summary>The environment variable that overrides the probe: auto, on or off.</summary>
    internal const string EnvironmentVariable = "RESEARCHKIT_HUGE_PAGES";

    /// <summary>The advised touch must cost less than this fraction of the plain one for the advice to be used.</summary>
    internal const double AdviseIfBelow = 0.8;

    private const long HugePage = 2L << 20;
    private const long SmallPage = 4096;
    private const long ProbeBytes = 4L << 20;
    private const int MadviseHugePage = 14; // MADV_HUGEPAGE, <asm-generic/mman-common.h>
    private const int MadviseCollapse = 25; // MADV_COLLAPSE (Linux 6.1), same header
    private const int ProtRead = 1, ProtWrite = 2, MapPrivate = 2, MapAnonymous = 0x20;

    private static readonly Lazy<(bool Advise, string Report)> Decision = new(Decide);

    /// <summary>Number of arrays advised so far in this process (tests read it).</summary>
    internal static long AdvisedCount;

    /// <summary>How many leading partial 2 MiB pages were collapsed into huge pages (tests, diagnostics).</summary>
    internal static long CollapsedCount;

    /// <summary>Whether large arrays are advised in this process.</summary>
    internal static bool Enabled => Decision.Value.Advise;

    /// <summary>One line saying what was decided and why, with the probe's times, for <see cref="Linalg.BackendDetail"/>.</summary>
    internal static string Report => Decision.Value.Report;

    /// <summary>
    /// Advises the whole 2 MiB pages inside <paramref name="a"/> when <see cref="Enabled"/>, and collapses the partial
    /// 2 MiB page that holds its start into a huge page (<c>MADV_COLLAPSE</c>, Linux 6.1 and later; best effort).
    /// </summary>
    /// <remarks>
    /// The GC writes an array's header before the advice can be given, so the 2 MiB page around the array's start
    /// already has one 4 KiB page mapped and the kernel fills the rest 4 KiB at a time: 511 faults of 10–35 µs on a
    /// PVM guest, measured with <c>perf record -d -e minor-faults</c> on Gram 20000×3072 (2026-12-03: 547 faults a
    /// call, 511 of them in that one page, one in each of the other 35). Collapsing it costs one huge page and keeps
    /// its contents (the header and whatever of the GC's lies before the array), as khugepaged does in the background.
    /// <para>
    /// The partial 2 MiB page at the array's end is left alone because no advice can make it a huge page: the GC
    /// commits its reserved address space only up to the array's last 4 KiB page, so the rest of that 2 MiB range is
    /// still reserved (<c>PROT_NONE</c>), a separate mapping, and the kernel puts a huge page only where one mapping
    /// covers the whole aligned 2 MiB (seen in <c>/proc/self/maps</c>, 2026-12-03). That tail costs one 4 KiB fault
    /// per page the array covers in it: for 784×784 results, packed six to a 32 MiB large-object region, 177, 354,
    /// 18, 195, 371 and 36 faults for the six arrays (<c>perf record -d -e minor-faults</c>, the early calls of
    /// Gram 10000×784), the 150–200 a fresh result still takes on average. The next array's head collapse then
    /// turns the page into a huge one.
    /// </para>
    /// </remarks>
    internal static void Advise(double[] a)
    {
        if (!Decision.Value.Advise)
            return;
        fixed (double* p = a)
        {
            var (start, end) = WholeHugePages(p, a.Length);
            if (end > start && madvise(start, (nuint)(end - start), MadviseHugePage) == 0)
                Interlocked.Increment(ref AdvisedCount);
            // The 2 MiB page that holds the array's start, when that start is not on a boundary (start is the next one).
            nint head = (nint)p & ~(nint)(HugePage - 1);
            if (head != (nint)p && start <= (nint)(p + a.Length)
                && madvise(head, (nuint)HugePage, MadviseHugePage) == 0 && madvise(head, (nuint)HugePage, MadviseCollapse) == 0)
                Interlocked.Increment(ref CollapsedCount);
        }
    }

    /// <summary>How many inputs were collapsed into huge pages on their second use (tests, diagnostics).</summary>
    internal static long InputCollapsedCount;

    /// <summary>The uses so far of each large input array read in place (weakly held: an array's entry dies with it).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<double[], InputUses> Inputs = new();

    private sealed class InputUses
    {
        public int Count;
    }

    /// <summary>
    /// For an array of 4 MiB or more that a native call reads (or writes) in place, or that the library copies (the
    /// eigen, Cholesky and SVD kernels), but did not allocate, such as the caller's matrix in <c>Gram</c> or
    /// <c>Multiply</c>: on its first use the whole 2 MiB pages inside it are advised (free; later touches and
    /// khugepaged may then use huge pages), on its second use they are collapsed into huge pages (<c>MADV_COLLAPSE</c>,
    /// best effort, contents kept), once per array.
    /// </summary>
    /// <remarks>
    /// NumPy puts every array of 4 MiB or more on huge pages when it allocates it; a MathNet matrix lies on 4 KiB pages.
    /// On the Firecracker guest of 2026-12-03 (Linux 6.18, free-page reporting to the host) that difference, not our
    /// call, was what kept Gram and gemm above NumPy: the same dsyrk on a kept 10000×784 input took 155 ms a call back
    /// to back and 211 ms after 300 ms idle between calls on 4 KiB pages, 152 and 163 ms on huge pages (one thread,
    /// thread CPU time); with the bench's inputs collapsed as they were made (an experiment in the bench), Gram
    /// 10000×784 came out at 0.98 against NumPy instead of 1.60, 4000×2000 0.97 (1.14), gemm 1.00 (1.20). The
    /// collapse copies the pages: 0.4 ms per 2 MiB page on memory the guest had used before, 5 ms on memory it had
    /// not (measured the same day), against well under 0.1 ms for the whole array once it is collapsed. Waiting for
    /// the second use keeps that cost off arrays used once. README's *Huge pages for the caller's inputs* has the
    /// comparison after the change.
    /// </remarks>
    internal static void AdviseInput(double[] a)
    {
        if ((long)a.Length * sizeof(double) < ThresholdBytes || !Decision.Value.Advise)
            return;
        var uses = Inputs.GetValue(a, static _ => new InputUses());
        if (Volatile.Read(ref uses.Count) >= 2)
            return;
        int use = Interlocked.Increment(ref uses.Count);
        if (use > 2)
            return;
        fixed (double* p = a)
        {
            var (start, end) = WholeHugePages(p, a.Length);
            if (end <= start)
                return;
            if (use == 1)
                _ = madvise(start, (nuint)(end - start), MadviseHugePage); // best effort: a refusal leaves 4 KiB pages
            else if (madvise(start, (nuint)(end - start), MadviseCollapse) == 0)
                Interlocked.Increment(ref InputCollapsedCount);
        }
    }

    /// <summary>The whole 2 MiB pages inside <paramref name="length"/> doubles from <paramref name="p"/>: [start, end), empty when end ≤ start.</summary>
    private static (nint Start, nint End) WholeHugePages(double* p, int length) =>
        (((nint)p + (nint)(HugePage - 1)) & ~(nint)(HugePage - 1), (nint)(p + length) & ~(nint)(HugePage - 1));

    /// <summary>Parses the override; null means auto. Throws for any other value, naming the variable and the allowed values.</summary>
    internal static bool? ParseOverride(string? value)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "auto": return null;
            case "on": return true;
            case "off": return false;
            default:
                throw new InvalidOperationException(
                    $"{EnvironmentVariable} = '{value}' is not a valid setting; allowed: auto, on, off (or unset, which is auto).");
        }
    }

    private static (bool, string) Decide()
    {
        bool? forced = ParseOverride(Environment.GetEnvironmentVariable(EnvironmentVariable));
        if (!OperatingSystem.IsLinux())
            return (false, "huge pages: not advised (not Linux)");
        string mode = ReadThpMode();
        if (mode == "never")
            return (false, "huge pages: not advised (transparent huge pages 'never')");
        if (forced is { } f)
            return (f, $"huge pages: {(f ? "advised" : "not advised")} ({EnvironmentVariable}={(f ? "on" : "off")}; THP '{mode}')");
        try
        {
            double plain = double.PositiveInfinity, advised = double.PositiveInfinity;
            for (int round = 0; round < 2; round++)
            {
                plain = Math.Min(plain, TouchFresh(advise: false));
                advised = Math.Min(advised, TouchFresh(advise: true));
            }
            bool use = advised < AdviseIfBelow * plain;
            string times = string.Create(CultureInfo.InvariantCulture,
                $"first touch of 4 MiB: {plain * 1e3:F2} ms in 4 KiB pages, {advised * 1e3:F2} ms advised");
            return (use, $"huge pages: {(use ? "advised" : "not advised")} (probe: {times}; THP '{mode}')");
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
        {
            return (false, "huge pages: not advised (probe failed: " + e.Message + ")");
        }
    }

    /// <summary>Seconds to write one byte in every 4 KiB page of a fresh <see cref="ProbeBytes"/> mapping.</summary>
    private static double TouchFresh(bool advise)
    {
        nuint length = (nuint)(ProbeBytes + HugePage);
        nint map = mmap(0, length, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (map == -1)
            throw new InvalidOperationException("mmap of the probe's " + length + " bytes failed");
        try
        {
            nint start = (map + (nint)(HugePage - 1)) & ~(nint)(HugePage - 1);
            if (advise && madvise(start, (nuint)ProbeBytes, MadviseHugePage) != 0)
                throw new InvalidOperationException("madvise(MADV_HUGEPAGE) refused");
            byte* p = (byte*)start;
            long t0 = Stopwatch.GetTimestamp();
            for (long offset = 0; offset < ProbeBytes; offset += SmallPage)
                p[offset] = 1;
            return Stopwatch.GetElapsedTime(t0).TotalSeconds;
        }
        finally
        {
            // A failed unmap leaks the probe's 6 MiB of address space, nothing more: not worth failing a kernel for.
            _ = munmap(map, length);
        }
    }

    private static string ReadThpMode()
    {
        try
        {
            string text = File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled");
            int open = text.IndexOf('['), close = text.IndexOf(']');
            return open >= 0 && close > open ? text[(open + 1)..close] : "unknown";
        }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int madvise(nint address, nuint length, int advice);

    [DllImport("libc", EntryPoint = "mmap")]
    private static extern nint mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

    [DllImport("libc", EntryPoint = "munmap")]
    private static extern int munmap(nint address, nuint length);
}
