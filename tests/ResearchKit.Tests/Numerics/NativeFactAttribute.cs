using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

/// <summary>
/// Decides whether tests of the native backend run. Off CI, a machine without BLAS/LAPACK skips them (with the reason);
/// on CI (CI=true, where .ci/run installs OpenBLAS and LAPACKE) they always run, so a missing library fails them.
/// </summary>
internal static class NativeRequirement
{
    internal static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    internal static string? SkipReason => Linalg.IsNativeAvailable || OnCi
        ? null
        : "no native BLAS/LAPACK on this machine (" + Linalg.NativeUnavailableReason + "); install libopenblas0-pthread";

    /// <summary>Managed always; Native when it is available or when on CI (where its absence must fail).</summary>
    internal static TheoryData<LinalgProvider> Providers()
    {
        var data = new TheoryData<LinalgProvider> { LinalgProvider.Managed };
        if (SkipReason is null)
            data.Add(LinalgProvider.Native);
        return data;
    }
}

/// <summary>A fact about the native backend: skipped off CI when no BLAS/LAPACK is installed, never skipped on CI.</summary>
public sealed class NativeFactAttribute : FactAttribute
{
    public NativeFactAttribute()
    {
        if (NativeRequirement.SkipReason is { } reason)
            Skip = reason;
    }
}

/// <summary>A theory about the native backend: skipped off CI when no BLAS/LAPACK is installed, never skipped on CI.</summary>
public sealed class NativeTheoryAttribute : TheoryAttribute
{
    public NativeTheoryAttribute()
    {
        if (NativeRequirement.SkipReason is { } reason)
            Skip = reason;
    }
}
