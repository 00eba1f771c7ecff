namespace ResearchKit.Numerics;

/// <summary>Which implementation <see cref="Linalg"/> hands its work to.</summary>
public enum LinalgProvider
{
    /// <summary>MathNet.Numerics' managed (pure .NET) code: always available, slow on large matrices.</summary>
    Managed,

    /// <summary>The system's BLAS/LAPACK (OpenBLAS on Linux, Accelerate on macOS, OpenBLAS or MKL on Windows).</summary>
    Native,
}
