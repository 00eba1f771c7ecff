using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

public class LargeBuffersTests
{
    [Fact]
    public void ColumnMajorCopy_IsACopyWithTheSameEntries()
    {
        var m = Matrix<double>.Build.Dense(3, 2, (i, j) => 10 * i + j);
        double[] copy = LargeBuffers.ColumnMajorCopy(m);
        Assert.Equal(m.ToColumnMajorArray(), copy);
        copy[0] = -1;
        Assert.Equal(0, m[0, 0]); // the matrix is not aliased
    }

    [Fact]
    public void ColumnMajorCopy_OfANonDenseMatrix_StillCopiesItsEntries()
    {
        var m = Matrix<double>.Build.Diagonal(3, 3, 2.0);
        Assert.Equal(m.ToColumnMajorArray(), LargeBuffers.ColumnMajorCopy(m));
    }

    // ---- copy with the finiteness check, and the scan alone ----------------------------------------------------------

    [Fact]
    public void CopyAndCheckFinite_EveryLengthAndPosition_CopiesExactlyAndFindsTheBadEntry()
    {
        // Lengths around the vector width and the two-vector unrolling, bad entries at every position (loop and tail).
        var random = new Random(7);
        foreach (int length in new[] { 0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 100 })
        {
            var source = Enumerable.Range(0, length).Select(_ => (2 * random.NextDouble() - 1) * 1e300).ToArray();
            var destination = new double[length];
            Assert.True(LargeBuffers.CopyAndCheckFinite(source, destination));
            Assert.Equal(source, destination);
            Assert.True(LargeBuffers.AllFinite(source));
            foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
                for (int at = 0; at < length; at++)
                {
                    var withBad = (double[])source.Clone();
                    withBad[at] = bad;
                    Array.Fill(destination, 0.5);
                    Assert.False(LargeBuffers.CopyAndCheckFinite(withBad, destination), $"length {length}, {bad} at {at}");
                    Assert.Equal(withBad, destination); // still a whole copy
                    Assert.False(LargeBuffers.AllFinite(withBad), $"length {length}, {bad} at {at}");
                }
        }
    }

    [Fact]
    public void CopyAndCheckFinite_LengthsDiffer_ThrowsNamingDestination()
    {
        var e = Assert.Throws<ArgumentException>(() => LargeBuffers.CopyAndCheckFinite(new double[4], new double[3]));
        Assert.Equal("destination", e.ParamName);
    }

    [Fact]
    public void CopyColumnMajorFinite_DenseAndDiagonal_CopiesIntoALargerBuffer()
    {
        var dense = Matrix<double>.Build.Dense(3, 2, (i, j) => 10 * i + j);
        var buffer = Enumerable.Repeat(-7.0, 9).ToArray();
        Assert.True(LargeBuffers.CopyColumnMajorFinite(dense, buffer));
        Assert.Equal(dense.ToColumnMajorArray(), buffer[..6]);
        Assert.Equal(-7.0, buffer[6]); // nothing beyond rows·columns is touched
        var diagonal = Matrix<double>.Build.Diagonal(2, 2, double.NaN);
        Assert.False(LargeBuffers.CopyColumnMajorFinite(diagonal, buffer));
    }

    // ---- scratch pool -------------------------------------------------------------------------------------------

    private static int Entries(long bytes) => (int)(bytes / sizeof(double));

    [Fact]
    public void ScratchPool_ReturnedArray_IsRentedAgainForAnyRequestItHolds()
    {
        var pool = new ScratchPool(2, 1L << 20);
        var first = pool.Rent(Entries(ScratchPool.MinimumBytes) + 10);
        pool.Return(first);
        Assert.Same(first, pool.Rent(first.Length));   // same size
        pool.Return(first);
        Assert.Same(first, pool.Rent(Entries(ScratchPool.MinimumBytes))); // smaller
        pool.Return(first);
        var larger = pool.Rent(first.Length + 1);       // does not fit: a fresh one
        Assert.NotSame(first, larger);
        Assert.True(larger.Length >= first.Length + 1);
    }

    [Fact]
    public void ScratchPool_TwoRentsAtOnce_GetDistinctArrays()
    {
        var pool = new ScratchPool(2, 1L << 20);
        int n = Entries(ScratchPool.MinimumBytes);
        var a = pool.Rent(n);
        var b = pool.Rent(n);
        pool.Return(a);
        pool.Return(b);
        Assert.Equal(2, pool.KeptCount);
        var c = pool.Rent(n);
        var d = pool.Rent(n);
        Assert.NotSame(c, d);
        Assert.Equal(0, pool.KeptCount);
    }

    [Fact]
    public void ScratchPool_KeepsOnlyTheSizesBetweenTheLimits()
    {
        var pool = new ScratchPool(2, 1L << 20);
        pool.Return(new double[Entries(ScratchPool.MinimumBytes) - 1]); // small-object heap: not kept
        pool.Return(new double[Entries(1L << 20) + 1]);                // above the retain limit: not kept
        Assert.Equal(0, pool.KeptCount);
        pool.Return(new double[Entries(1L << 20)]);
        Assert.Equal(1, pool.KeptCount);
    }

    [Fact]
    public void ScratchPool_Full_KeepsTheLargerArrays()
    {
        var pool = new ScratchPool(1, 1L << 20);
        int n = Entries(ScratchPool.MinimumBytes);
        var small = new double[n];
        var large = new double[2 * n];
        pool.Return(small);
        pool.Return(large); // replaces the smaller one
        Assert.Same(large, pool.Rent(n));
        pool.Return(large);
        pool.Return(small); // smaller than what is kept: dropped
        Assert.Same(large, pool.Rent(n));
        Assert.Equal(0, pool.KeptCount);
    }

    [Fact]
    public void ScratchPool_ConcurrentRentAndReturn_NeverHandsOneArrayToTwoHolders()
    {
        var pool = new ScratchPool(2, 1L << 20);
        int n = Entries(ScratchPool.MinimumBytes);
        var holders = new System.Collections.Concurrent.ConcurrentDictionary<double[], int>(ReferenceEqualityComparer.Instance);
        int clashes = 0;
        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            var a = pool.Rent(n);
            if (!holders.TryAdd(a, 0))
                Interlocked.Increment(ref clashes);
            Thread.SpinWait(50);
            holders.TryRemove(a, out int _);
            pool.Return(a);
        });
        Assert.Equal(0, clashes);
    }

    [Fact]
    public void ScratchPool_BadArguments_ThrowNamingThem()
    {
        Assert.Equal("slots", Assert.Throws<ArgumentOutOfRangeException>(() => new ScratchPool(0, 1)).ParamName);
        Assert.Equal("retainLimitBytes", Assert.Throws<ArgumentOutOfRangeException>(() => new ScratchPool(1, -1)).ParamName);
        var pool = new ScratchPool(1, 1);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(-1)).ParamName);
        Assert.Equal("array", Assert.Throws<ArgumentNullException>(() => pool.Return(null!)).ParamName);
    }

    // ---- huge-page advice --------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("auto", null)]
    [InlineData(" Auto ", null)]
    [InlineData("on", true)]
    [InlineData("ON", true)]
    [InlineData("off", false)]
    public void HugePageOverride_KnownValues_Parse(string? value, bool? expected)
    {
        Assert.Equal(expected, HugePageAdvice.ParseOverride(value));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("always")]
    public void HugePageOverride_OtherValues_ThrowNamingTheVariableTheValueAndTheChoices(string value)
    {
        var e = Assert.Throws<InvalidOperationException>(() => HugePageAdvice.ParseOverride(value));
        Assert.Contains(HugePageAdvice.EnvironmentVariable, e.Message);
        Assert.Contains("'" + value + "'", e.Message);
        Assert.Contains("auto, on, off", e.Message);
    }

    [Fact]
    public void HugePageAdvice_LargeArraysAreAdvisedExactlyWhenTheDecisionSaysSo_SmallOnesNever()
    {
        // The decision is this machine's (probe or RESEARCHKIT_HUGE_PAGES); either way the report names it, and
        // the arrays follow it: a 12 MiB array holds at least four whole 2 MiB pages, a 1 MiB one is below the threshold.
        string report = HugePageAdvice.Report;
        Assert.StartsWith(HugePageAdvice.Enabled ? "huge pages: advised (" : "huge pages: not advised (", report);
        long before = Interlocked.Read(ref HugePageAdvice.AdvisedCount);
        var small = LargeBuffers.Uninitialized(1 << 17);
        long afterSmall = Interlocked.Read(ref HugePageAdvice.AdvisedCount);
        var large = LargeBuffers.Uninitialized(12 << 17);
        long afterLarge = Interlocked.Read(ref HugePageAdvice.AdvisedCount);
        Assert.Equal(1 << 17, small.Length);
        Assert.Equal(12 << 17, large.Length);
        // Other tests run in parallel and may advise arrays of their own: only "at least one more" can be asserted
        // when enabled, and "none at all" when not.
        if (HugePageAdvice.Enabled)
            Assert.True(afterLarge > afterSmall, $"advised count {afterSmall} -> {afterLarge} after a 12 MiB array");
        else
            Assert.Equal(before, afterLarge);
    }

    [Fact]
    public void HugePageAdvice_CollapsingTheFirstPartialPage_KeepsEveryEntryOfTheArrayAndOfItsNeighbours()
    {
        // The advice collapses the 2 MiB page that holds an array's start, which also holds memory of the GC's that
        // is already written (the array's header, possibly other objects). Advising arrays that are full of data
        // again, the first of them unaligned by construction of the GC's layout or not, must change no entry of
        // theirs nor of a small array allocated just before them.
        var neighbour = new double[4096];
        for (int i = 0; i < neighbour.Length; i++)
            neighbour[i] = i * 0.5 - 7;
        var arrays = new double[3][];
        for (int k = 0; k < arrays.Length; k++)
        {
            arrays[k] = LargeBuffers.Uninitialized((6 << 17) + 1000 * k);
            for (int i = 0; i < arrays[k].Length; i++)
                arrays[k][i] = Math.Sin(i + 100.0 * k);
        }
        long collapsedBefore = Interlocked.Read(ref HugePageAdvice.CollapsedCount);
        foreach (var a in arrays)
            HugePageAdvice.Advise(a);
        long collapsedAfter = Interlocked.Read(ref HugePageAdvice.CollapsedCount);
        for (int k = 0; k < arrays.Length; k++)
            for (int i = 0; i < arrays[k].Length; i++)
                Assert.Equal(Math.Sin(i + 100.0 * k), arrays[k][i]);
        for (int i = 0; i < neighbour.Length; i++)
            Assert.Equal(i * 0.5 - 7, neighbour[i]);
        if (!HugePageAdvice.Enabled)
            Assert.Equal(collapsedBefore, collapsedAfter);
    }

    [Fact]
    public void HugePageAdvice_AnInputUsedTwice_IsCollapsedIntoHugePages_WithEveryEntryKept()
    {
        // A caller's array of 12 MiB full of data: the first use only advises it, the second collapses its whole
        // 2 MiB pages (when this machine's decision is to advise), the third changes nothing. No entry may change.
        // On the pinned-object heap, where no other array of the library's is advised: after the first use, the
        // array's whole 2 MiB pages are then a mapping of their own (an advised neighbour on the large-object heap
        // can merge with it into one mapping, whose huge pages smaps cannot split between the two arrays).
        var a = GC.AllocateUninitializedArray<double>(12 << 17, pinned: true);
        OnSmallPagesOfItsOwn(a);
        for (int i = 0; i < a.Length; i++)
            a[i] = Math.Cos(0.001 * i) - i;
        nint first, afterFirst, afterSecond;
        long hugeAfterFirst, hugeAfterSecond;
        first = AddressOf(a);
        HugePageAdvice.AdviseInput(a);
        afterFirst = AddressOf(a);
        hugeAfterFirst = HugeKilobytesOfWholePagesIn(first, a.Length);
        HugePageAdvice.AdviseInput(a);
        HugePageAdvice.AdviseInput(a);
        afterSecond = AddressOf(a);
        hugeAfterSecond = HugeKilobytesOfWholePagesIn(first, a.Length);
        Assert.Equal(first, afterFirst); // pinned: the readings are of this array
        Assert.Equal(first, afterSecond);
        for (int i = 0; i < a.Length; i++)
            Assert.Equal(Math.Cos(0.001 * i) - i, a[i]);
        if (!OperatingSystem.IsLinux())
            return;
        if (HugePageAdvice.Enabled && Environment.OSVersion.Version >= new Version(6, 1))
            Assert.True(hugeAfterSecond >= 2048 && hugeAfterSecond > hugeAfterFirst,
                $"huge pages in the array after its first use {hugeAfterFirst} kB, after its second {hugeAfterSecond} kB");
        else if (!HugePageAdvice.Enabled)
            Assert.Equal(hugeAfterFirst, hugeAfterSecond);
    }

    [Fact]
    public void HugePageAdvice_TheSourceOfTheEigenKernelsCopy_IsCollapsedOnItsSecondUse_WithResultsAndEntriesKept()
    {
        // The eigenvalue kernels copy the caller's matrix (LAPACK overwrites its input); the copy's source gets the
        // same advice as an input read in place. A symmetric 1024×1024 matrix (8 MiB) on the pinned-object heap, so
        // that the smaps readings are of this array: after two calls its whole 2 MiB pages are huge pages (when this
        // machine's decision is to advise, on Linux 6.1 or later), and neither the entries nor the eigenvalues change.
        const int n = 1024;
        var data = GC.AllocateUninitializedArray<double>(n * n, pinned: true);
        OnSmallPagesOfItsOwn(data);
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
                data[i + n * j] = Math.Cos(0.37 * (i + j)) / (1 + Math.Abs(i - j)) + (i == j ? 3 : 0);
        var a = Matrix<double>.Build.Dense(n, n, data); // the array is the matrix's storage
        double[] expected = (double[])data.Clone();
        nint address = AddressOf(data);
        double[] first = Linalg.SymmetricEigenvalues(a);
        long hugeAfterFirst = HugeKilobytesOfWholePagesIn(address, data.Length);
        double[] second = Linalg.SymmetricEigenvalues(a);
        long hugeAfterSecond = HugeKilobytesOfWholePagesIn(address, data.Length);
        Assert.Equal(address, AddressOf(data));
        Assert.Equal(expected, data);
        Assert.Equal(first, second);
        if (!OperatingSystem.IsLinux() || Linalg.Provider != LinalgProvider.Native)
            return;
        if (HugePageAdvice.Enabled && Environment.OSVersion.Version >= new Version(6, 1))
            Assert.True(hugeAfterSecond >= 2048 && hugeAfterSecond > hugeAfterFirst,
                $"huge pages in the matrix's storage after the first call {hugeAfterFirst} kB, after the second {hugeAfterSecond} kB");
        else if (!HugePageAdvice.Enabled)
            Assert.Equal(hugeAfterFirst, hugeAfterSecond);
    }

    /// <summary>
    /// Before an smaps test fills its array: the array's whole 2 MiB pages marked <c>MADV_NOHUGEPAGE</c> and dropped
    /// (<c>MADV_DONTNEED</c>: they read as zeros and fault back in as 4 KiB pages when written). The pinned-object heap
    /// also holds advised arrays of the library's (eigenvector results), so without this the test's array can land in
    /// memory an earlier array left on huge pages (seen once in six runs: 6144 kB huge after the first use), and its
    /// pages can share a mapping with an advised neighbour; with its own flags the range is a mapping of its own until
    /// the advice under test changes them. Only the array's own whole pages are touched.
    /// </summary>
    private static void OnSmallPagesOfItsOwn(double[] a)
    {
        if (!OperatingSystem.IsLinux())
            return;
        const long huge = 2L << 20;
        long address = AddressOf(a); // a is on the pinned-object heap: the address stays
        long start = (address + huge - 1) & ~(huge - 1), end = (address + 8L * a.Length) & ~(huge - 1);
        if (end <= start)
            return;
        Assert.Equal(0, madvise((nint)start, (nuint)(end - start), 15)); // MADV_NOHUGEPAGE
        Assert.Equal(0, madvise((nint)start, (nuint)(end - start), 4)); // MADV_DONTNEED
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int madvise(nint address, nuint length, int advice);

    private static nint AddressOf(double[] a)
    {
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(a, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            return handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>AnonHugePages (kB) summed over the /proc/self/smaps mappings that overlap the array's whole 2 MiB pages.</summary>
    private static long HugeKilobytesOfWholePagesIn(nint address, int length)
    {
        const long huge = 2L << 20;
        long start = ((long)address + huge - 1) & ~(huge - 1), end = ((long)address + 8L * length) & ~(huge - 1);
        long total = 0;
        bool inside = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            int dash = line.IndexOf('-');
            int space = line.IndexOf(' ');
            if (dash > 0 && space > dash && long.TryParse(line.AsSpan(0, dash), System.Globalization.NumberStyles.HexNumber, null, out long lo)
                && long.TryParse(line.AsSpan(dash + 1, space - dash - 1), System.Globalization.NumberStyles.HexNumber, null, out long hi))
                inside = lo < end && hi > start; // overlaps the array's whole pages
            else if (inside && line.StartsWith("AnonHugePages:", StringComparison.Ordinal))
                total += long.Parse(line.AsSpan(14).Trim().ToString().Split(' ')[0]);
        }
        return total;
    }

    [Fact]
    public void HugePageAdvice_BackendDetail_SaysWhatWasDecidedForTheNativeBackendOnly()
    {
        if (Linalg.Provider == LinalgProvider.Native)
            Assert.EndsWith("; " + HugePageAdvice.Report, Linalg.BackendDetail);
        else
            Assert.DoesNotContain("huge pages", Linalg.BackendDetail);
    }
}
