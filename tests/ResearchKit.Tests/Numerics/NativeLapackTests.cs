using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

public class NativeLapackTests
{
    [Fact]
    public void TryLoad_NoLibraryFound_ReturnsNullWithReason()
    {
        var lapack = NativeLapack.TryLoad(["libresearchkit-does-not-exist.so.9", "researchkit-missing.dll"], out string reason);
        Assert.Null(lapack);
        Assert.Contains("no BLAS/LAPACK library found", reason);
        Assert.Contains("libresearchkit-does-not-exist.so.9", reason);
    }

    [Fact]
    public void TryLoad_LibraryWithoutLapack_ReturnsNullNamingMissingRoutines()
    {
        // The system C library loads on every OS and exports no LAPACK routine.
        string system = OperatingSystem.IsWindows() ? "kernel32.dll" : OperatingSystem.IsMacOS() ? "/usr/lib/libSystem.B.dylib" : "libc.so.6";
        var lapack = NativeLapack.TryLoad([system], out string reason);
        Assert.Null(lapack);
        Assert.Contains(system, reason);
        Assert.Contains("dsyevd", reason);
    }

    [NativeFact]
    public void TryLoad_DefaultProbeList_FindsEveryRoutine()
    {
        var lapack = NativeLapack.TryLoad(out string reason);
        Assert.True(lapack is not null, reason);
        Assert.StartsWith("native (", lapack!.Description);
    }

    [NativeFact]
    public void Description_NamesTheKindWithoutMachineDetail_DetailHasIt()
    {
        // Issue 10 item 6: the preamble line must be the same on another machine of the same kind.
        var lapack = NativeLapack.TryLoad(out string reason);
        Assert.True(lapack is not null, reason);
        foreach (string machine in new[] { ", core ", " threads", "MAX_THREADS", "DYNAMIC_ARCH", "OPENBLAS_CORETYPE" })
            Assert.DoesNotContain(machine, lapack!.Description);
        Assert.StartsWith("native (", lapack!.Detail);
        if (lapack.Detail.Contains("OpenBLAS", StringComparison.Ordinal))
        {
            Assert.Contains(", core ", lapack.Detail);
            Assert.Matches(@"^native \(OpenBLAS \d+\.\d+\.\d+ \(", lapack.Description);
        }
    }
}
