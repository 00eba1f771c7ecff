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

    [Fact]
    public void Uninitialized_AdvisesHugePagesOnlyAtNumPysThreshold()
    {
        // The advice is asked for 4 MiB and more, as NumPy does; where the system has transparent huge pages
        // ("always" or "madvise") the call succeeds and is counted, elsewhere nothing is counted and nothing fails.
        long before = Interlocked.Read(ref LargeBuffers.AdviceCount);
        var small = LargeBuffers.Uninitialized((int)(LargeBuffers.HugePageThresholdBytes / sizeof(double)) - 1);
        Assert.Equal(before, Interlocked.Read(ref LargeBuffers.AdviceCount));
        var large = LargeBuffers.Uninitialized((int)(2 * LargeBuffers.HugePageThresholdBytes / sizeof(double)));
        Assert.Equal(2 * LargeBuffers.HugePageThresholdBytes / sizeof(double), large.LongLength);
        Assert.NotNull(small);
        if (TransparentHugePagesAvailable())
            Assert.True(Interlocked.Read(ref LargeBuffers.AdviceCount) > before);
    }

    private static bool TransparentHugePagesAvailable()
    {
        const string path = "/sys/kernel/mm/transparent_hugepage/enabled";
        return OperatingSystem.IsLinux() && File.Exists(path) && !File.ReadAllText(path).Contains("[never]");
    }
}
