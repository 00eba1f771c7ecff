using MathNet.Numerics.LinearAlgebra;

namespace ResearchKit.Numerics;

/// <summary>Eigenvalues (ascending) and, column by column, the matching orthonormal eigenvectors.</summary>
/// <param name="Values">Eigenvalues in ascending order.</param>
/// <param name="Vectors">Eigenvectors as columns, in the order of <paramref name="Values"/>.</param>
public sealed record SymmetricEigenResult(double[] Values, Matrix<double> Vectors);

/// <summary>
/// The dense linear-algebra kernels the library rests on. MathNet matrices are the currency; the work is done
/// by the active backend (see <see cref="Backend"/>): the system's BLAS/LAPACK when one is found (OpenBLAS,
/// Accelerate, MKL), MathNet's managed code otherwise.
/// </summary>
/// <remarks>
/// The environment variable <c>RESEARCHKIT_LINALG</c> chooses the backend: <c>managed</c> forces MathNet's managed
/// code, <c>native</c> requires the native one (every call throws if none was found), unset or <c>auto</c> takes the
/// native backend when available. <see cref="Use"/> overrides it for a scope (tests, benchmarks, comparisons).
/// Results are deterministic for a given backend and thread count; the two backends agree to rounding
/// (about 1e-12 relative on well-conditioned problems), not bit for bit.
/// </remarks>
public static class Linalg
{
    /// <summary>The environment variable that selects the backend: <c>managed</c>, <c>native</c> or <c>auto</c>.</summary>
    public const string EnvironmentVariable = "RESEARCHKIT_LINALG";

    private static readonly Lazy<NativeLoad> Native = new(() =>
    {
        var lapack = NativeLapack.TryLoad(out string reason);
        return new NativeLoad(lapack is null ? null : new NativeKernels(lapack), reason);
    });

    private static readonly Lazy<Selection> Default = new(() => Select(Environment.GetEnvironmentVariable(EnvironmentVariable)));

    private static readonly AsyncLocal<ILinalgKernels?> Override = new();

    /// <summary>
    /// One line naming the kind of backend in use, for notebook preambles, e.g.
    /// "native (OpenBLAS 0.3.21 (libopenblas.so.0); LAPACK from the same library)" or "managed (MathNet.Numerics 5.0.0.0)":
    /// no CPU core, build configuration or thread count, so that a re-run on another machine of the same kind prints the
    /// same line. The machine's detail is <see cref="BackendDetail"/>.
    /// </summary>
    public static string Backend
    {
        get
        {
            if (Override.Value is { } scoped)
                return scoped.Description;
            var selection = Default.Value;
            return selection.Kernels is null ? "unavailable: " + selection.Note : selection.Kernels.Description + selection.Note;
        }
    }

    /// <summary>
    /// <see cref="Backend"/> with this machine's detail, for reports and benchmarks, e.g. "native (OpenBLAS 0.3.21
    /// NO_LAPACKE DYNAMIC_ARCH … MAX_THREADS=64, core Zen, 2 threads (libopenblas.so.0); LAPACK from the same library);
    /// huge pages: advised (probe: …)" (see <c>HugePageAdvice</c>).
    /// </summary>
    public static string BackendDetail
    {
        get
        {
            if (Override.Value is { } scoped)
                return scoped.Detail;
            var selection = Default.Value;
            if (selection.Kernels is null)
                return "unavailable: " + selection.Note;
            // The native kernels' large outputs and workspaces may be advised for huge pages (HugePageAdvice decides
            // by probing this machine): say which, with the probe's times.
            string pages = selection.Kernels.Provider == LinalgProvider.Native ? "; " + HugePageAdvice.Report : "";
            return selection.Kernels.Detail + selection.Note + pages;
        }
    }

    /// <summary>The provider that the next call will use.</summary>
    public static LinalgProvider Provider => Active.Provider;

    /// <summary>Whether a native BLAS/LAPACK was found on this machine (whatever the active provider).</summary>
    public static bool IsNativeAvailable => Native.Value.Kernels is not null;

    /// <summary>Why no native backend was found; empty when one was.</summary>
    public static string NativeUnavailableReason => Native.Value.Reason;

    /// <summary>
    /// Uses <paramref name="provider"/> for the calls made in the current asynchronous flow until the returned scope
    /// is disposed (other threads and tests are unaffected).
    /// </summary>
    /// <param name="provider">The backend to use.</param>
    /// <exception cref="InvalidOperationException">Native requested but no native BLAS/LAPACK was found.</exception>
    public static IDisposable Use(LinalgProvider provider)
    {
        ILinalgKernels kernels = provider switch
        {
            LinalgProvider.Managed => ManagedKernels.Instance,
            LinalgProvider.Native => Native.Value.Kernels
                ?? throw new InvalidOperationException("provider = Native requested but no native BLAS/LAPACK was found: " + Native.Value.Reason),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, $"provider = {provider} is out of range; allowed: Managed, Native."),
        };
        var previous = Override.Value;
        Override.Value = kernels;
        return new Scope(previous);
    }

    /// <summary>The Gram matrix XᵀX (d×d for an M×d <paramref name="x"/>), exactly symmetric (BLAS syrk).</summary>
    /// <param name="x">Data matrix X, M×d, rows = samples. Every entry finite.</param>
    /// <remarks>
    /// The finiteness of X is read off the result: (XᵀX)_jj = Σᵢ X_ij² is NaN or +∞ whenever column j holds a NaN or ±∞
    /// (every term is ≥ 0, +∞ or NaN, so nothing cancels), so a finite diagonal proves a finite X and X itself is scanned
    /// only when the diagonal is not finite (a bad entry, which throws, or a finite X whose squares overflow, which
    /// returns as before). A scan of X up front read the M×d input once more than NumPy's X.T @ X does: 63 MB, about 5 %
    /// of the call, at 10000×784.
    /// </remarks>
    public static Matrix<double> Gram(Matrix<double> x)
    {
        Guard.NotNull(x, nameof(x));
        RequireStorable(x.ColumnCount, x.ColumnCount, nameof(x), $"x has {x.ColumnCount} columns");
        var gram = Active.Gram(x);
        if (!DiagonalFinite(gram))
            RequireFinite(x);
        return gram;
    }

    /// <summary>The product A·B (BLAS gemm).</summary>
    /// <param name="a">Left factor, m×k, entries finite.</param>
    /// <param name="b">Right factor, k×n, entries finite.</param>
    /// <remarks>
    /// The finiteness of A and B is read off the product's first column and first row, when the kernels carry every
    /// non-finite entry into the product (<see cref="ILinalgKernels.ProductCarriesNonFinite"/>, probed once): a NaN
    /// or ±∞ at A_il makes every term A_il·B_lj NaN or ±∞ (∞·0 is NaN), and a sum with such a term is never finite,
    /// so row i of A·B, and with it (A·B)_i0, is not finite; likewise a bad B_lj spoils column j and (A·B)_0j. A finite
    /// first column and row therefore prove finite factors, and A and B are scanned only when they are not (a bad
    /// entry, which throws, or finite factors whose product overflows, which returns as before). Scanning both factors
    /// up front read them once more than NumPy's A @ B does: 2.1 ms of about 0.17 s at 2000×2000.
    /// </remarks>
    public static Matrix<double> Multiply(Matrix<double> a, Matrix<double> b)
    {
        Guard.NotNull(a, nameof(a));
        Guard.NotNull(b, nameof(b));
        var kernels = Active;
        if (!kernels.ProductCarriesNonFinite)
        {
            RequireFinite(a);
            RequireFinite(b);
        }
        Guard.SameLength(b.RowCount, a.ColumnCount, "b rows", "a columns");
        RequireStorable(a.RowCount, b.ColumnCount, nameof(a), $"a has {a.RowCount} rows and b {b.ColumnCount} columns");
        var product = kernels.Multiply(a, b);
        if (kernels.ProductCarriesNonFinite && !FirstColumnAndRowFinite(product))
        {
            RequireFinite(a);
            RequireFinite(b);
        }
        return product;
    }

    /// <summary>
    /// Whether <paramref name="multiply"/> carries every NaN and ±∞ of its factors into the product, as IEEE arithmetic
    /// does when every term A_il·B_lj is formed. A BLAS that skips the terms of a zero factor (as some reference
    /// implementations do, to save work) would turn NaN·0 into nothing; such kernels keep the scans of both factors.
    /// The probe multiplies factors with NaN and ±∞ facing a zero row or column at a shape that the blocked kernels
    /// of an optimised BLAS take, and at a small one, and requires each spoiled row and column to be wholly non-finite.
    /// </summary>
    internal static bool CarriesNonFinite(Func<Matrix<double>, Matrix<double>, Matrix<double>> multiply)
    {
        foreach (var (m, k, n) in new[] { (3, 4, 5), (150, 130, 140) })
        {
            var random = new Random(m * k + n);
            var a = Matrix<double>.Build.Dense(m, k, (_, _) => random.NextDouble() - 0.5);
            var b = Matrix<double>.Build.Dense(k, n, (_, _) => random.NextDouble() - 0.5);
            // A NaN and a +∞ in A facing zero rows of B; a −∞ and a NaN in B facing zero columns of A.
            (int row, int l, double v)[] inA = [(m - 1, 0, double.NaN), (m / 2, k - 1, double.PositiveInfinity)];
            (int l, int column, double v)[] inB = [(1, n - 1, double.NegativeInfinity), (2, n / 2, double.NaN)];
            foreach (var (_, l, _) in inA)
                b.ClearRow(l);
            foreach (var (l, _, _) in inB)
                a.ClearColumn(l);
            foreach (var (row, l, v) in inA)
                a[row, l] = v;
            foreach (var (l, column, v) in inB)
                b[l, column] = v;
            var c = multiply(a, b);
            if (c.RowCount != m || c.ColumnCount != n)
                return false;
            foreach (var (row, _, _) in inA)
                if (c.Row(row).Any(double.IsFinite))
                    return false;
            foreach (var (_, column, _) in inB)
                if (c.Column(column).Any(double.IsFinite))
                    return false;
        }
        return true;
    }

    private static bool FirstColumnAndRowFinite(Matrix<double> c)
    {
        int m = c.RowCount, n = c.ColumnCount;
        double[]? values = c.AsColumnMajorArray();
        double sum = 0;
        for (int i = 0; i < m; i++)
            sum += (values is null ? c[i, 0] : values[i]) * 0;
        for (int j = 0; j < n; j++)
            sum += (values is null ? c[0, j] : values[(long)j * m]) * 0;
        return double.IsFinite(sum);
    }

    /// <summary>
    /// <see cref="Multiply"/> without its finiteness scans, for the inner loops of the library's own solvers, whose
    /// operands are finite by construction (checked once, or guarded by a divergence test each step): the same kernel,
    /// so the same numbers, without reading both operands once more per call.
    /// </summary>
    internal static Matrix<double> MultiplyFinite(Matrix<double> a, Matrix<double> b)
    {
        System.Diagnostics.Debug.Assert(b.RowCount == a.ColumnCount);
        return Active.Multiply(a, b);
    }

    /// <summary>
    /// <see cref="MultiplyFinite"/> written over a dense m×n <paramref name="result"/> that the caller keeps between
    /// calls (the inner loops of the library's solvers): the same kernel and the same numbers, without a new array
    /// (and its page faults and garbage) per call. <paramref name="result"/> must not be <paramref name="a"/> or
    /// <paramref name="b"/>.
    /// </summary>
    internal static void MultiplyInto(Matrix<double> a, Matrix<double> b, Matrix<double> result)
    {
        System.Diagnostics.Debug.Assert(b.RowCount == a.ColumnCount && result.RowCount == a.RowCount && result.ColumnCount == b.ColumnCount);
        System.Diagnostics.Debug.Assert(!ReferenceEquals(result, a) && !ReferenceEquals(result, b));
        Active.MultiplyInto(a, b, result);
    }

    /// <summary>Eigenvalues of a symmetric matrix, ascending (LAPACK syevd without vectors). Only the lower triangle is read.</summary>
    /// <param name="a">Symmetric n×n matrix, entries finite.</param>
    public static double[] SymmetricEigenvalues(Matrix<double> a)
    {
        RequireSquareShape(a);
        return Active.SymmetricEigenvalues(a); // the kernel checks finiteness (the native one while copying a)
    }

    /// <summary>Eigenvalues (ascending) and eigenvectors of a symmetric matrix (LAPACK syevd). Only the lower triangle is read.</summary>
    /// <param name="a">Symmetric n×n matrix, entries finite.</param>
    /// <remarks>Each eigenvector is determined up to sign; the two backends may return opposite signs.</remarks>
    public static SymmetricEigenResult SymmetricEigen(Matrix<double> a)
    {
        RequireSquareShape(a);
        return Active.SymmetricEigen(a); // the kernel checks finiteness (the native one while copying a)
    }

    /// <summary>Solves A·X = B for symmetric positive-definite A (Cholesky, LAPACK posv). Only the lower triangle of A is read.</summary>
    /// <param name="a">Symmetric positive-definite n×n matrix.</param>
    /// <param name="b">Right-hand sides, n×k, entries finite.</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not positive definite.</exception>
    public static Matrix<double> CholeskySolve(Matrix<double> a, Matrix<double> b)
    {
        RequireSquareShape(a);
        Guard.NotNull(b, nameof(b));
        Guard.SameLength(b.RowCount, a.RowCount, "b rows", "a rows");
        return Active.CholeskySolve(a, b) ?? throw NotPositiveDefinite(a); // the kernel checks finiteness of a, then b
    }

    /// <summary>The lower Cholesky factor L with A = L·Lᵀ (LAPACK potrf). Only the lower triangle of A is read.</summary>
    /// <param name="a">Symmetric positive-definite n×n matrix.</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not positive definite.</exception>
    public static Matrix<double> Cholesky(Matrix<double> a)
    {
        RequireSquareShape(a);
        return Active.Cholesky(a) ?? throw NotPositiveDefinite(a); // the kernel checks finiteness
    }

    /// <summary>Singular values, descending (LAPACK gesdd without vectors).</summary>
    /// <param name="a">Any m×n matrix, entries finite.</param>
    public static double[] SingularValues(Matrix<double> a)
    {
        Guard.NotNull(a, nameof(a));
        return Active.SingularValues(a); // the kernel checks finiteness (the native one while copying a)
    }

    private static ILinalgKernels Active
        => Override.Value ?? Default.Value.Kernels ?? throw new InvalidOperationException("No linear-algebra backend: " + Default.Value.Note);

    /// <summary>The backend for a value of <see cref="EnvironmentVariable"/>; Kernels is null when the value cannot be honoured.</summary>
    internal static Selection Select(string? setting)
    {
        string value = (setting ?? "").Trim().ToLowerInvariant();
        var native = Native.Value;
        return value switch
        {
            "managed" => new Selection(ManagedKernels.Instance, $"; forced by {EnvironmentVariable}=managed"),
            "native" => native.Kernels is null
                ? new Selection(null, $"{EnvironmentVariable}=native but no native BLAS/LAPACK was found: {native.Reason}")
                : new Selection(native.Kernels, ""),
            "" or "auto" => native.Kernels is null
                ? new Selection(ManagedKernels.Instance, "; native unavailable: " + native.Reason)
                : new Selection(native.Kernels, ""),
            _ => new Selection(null, $"{EnvironmentVariable} = '{setting}' is not recognised; allowed: managed, native, auto."),
        };
    }

    /// <summary>
    /// Requires a finite, square, symmetric matrix: |a_ij − a_ji| ≤ 10⁻¹⁰·max |a| (rounding-level asymmetry passes).
    /// The symmetric eigensolvers read the lower triangle only (by contract), so an entry point whose input is a
    /// whole matrix (a covariance) checks it here; a non-symmetric one would silently give the spectrum of another matrix.
    /// </summary>
    internal static void RequireSymmetric(Matrix<double> a, string name)
    {
        RequireFinite(a, name);
        if (a.RowCount != a.ColumnCount)
            throw new ArgumentException($"{name} is {a.RowCount}×{a.ColumnCount}; allowed: a square matrix.", name);
        int n = a.RowCount;
        double[]? values = a.AsColumnMajorArray();
        double At(int i, int j) => values is null ? a[i, j] : values[j * n + i];
        double max = 0;
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
                max = Math.Max(max, Math.Abs(At(i, j)));
        double tolerance = 1e-10 * max;
        for (int j = 1; j < n; j++)
            for (int i = 0; i < j; i++)
            {
                double upper = At(i, j), lower = At(j, i);
                if (!(Math.Abs(upper - lower) <= tolerance))
                    throw new ArgumentException(
                        FormattableString.Invariant($"{name} is not symmetric: {name}[{i},{j}] = {upper:G6} but {name}[{j},{i}] = {lower:G6}; allowed: |{name}[i,j] − {name}[j,i]| ≤ 1e-10·max|{name}| = {tolerance:G3} (a symmetric matrix; symmetrise it as (A + Aᵀ)/2 if the asymmetry is rounding)."),
                        name);
            }
    }

    // A dense result must fit MathNet's single array (and the native kernels' int sizes): rows·columns ≤ int.MaxValue.
    private static void RequireStorable(int rows, int columns, string name, string what)
    {
        long entries = (long)rows * columns;
        if (entries > int.MaxValue)
            throw new ArgumentOutOfRangeException(name, entries,
                $"{what}: the {rows}×{columns} result has {entries} entries; allowed: rows·columns ≤ {int.MaxValue} (one .NET array).");
    }

    private static void RequireSquareShape(Matrix<double> a)
    {
        Guard.NotNull(a, nameof(a));
        if (a.RowCount != a.ColumnCount)
            throw new ArgumentException($"a is {a.RowCount}×{a.ColumnCount}; allowed: a square matrix.", nameof(a));
    }

    /// <summary>Requires a non-null matrix with every entry finite; the exception names the first bad entry.</summary>
    internal static void RequireFinite(Matrix<double> m, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(m))] string name = "")
    {
        Guard.NotNull(m, name);
        double[]? values = m.AsColumnMajorArray();
        if (values is not null ? LargeBuffers.AllFinite(values) : m.Enumerate().All(double.IsFinite))
            return;
        throw NotFinite(m, name);
    }

    /// <summary>The exception for a matrix with a non-finite entry, naming the first one (column-major order).</summary>
    internal static ArgumentException NotFinite(Matrix<double> m, string name)
    {
        var (row, column, v) = m.EnumerateIndexed().First(e => !double.IsFinite(e.Item3));
        return new ArgumentException(
            $"{name}[{row},{column}] = {v.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not finite; allowed: every entry of {name} finite.", name);
    }

    private static bool DiagonalFinite(Matrix<double> g)
    {
        int n = g.RowCount;
        double[]? values = g.AsColumnMajorArray();
        double sum = 0;
        for (int j = 0; j < n; j++)
            sum += (values is null ? g[j, j] : values[j * (n + 1)]) * 0;
        return double.IsFinite(sum);
    }

    private static ArgumentException NotPositiveDefinite(Matrix<double> a)
        => new($"a ({a.RowCount}×{a.ColumnCount}) is not positive definite; allowed: a symmetric positive-definite matrix.", nameof(a));

    /// <summary>The loaded native backend, or why there is none.</summary>
    private sealed record NativeLoad(NativeKernels? Kernels, string Reason);

    /// <summary>The backend chosen from the environment, with a note for <see cref="Backend"/>.</summary>
    internal sealed record Selection(ILinalgKernels? Kernels, string Note);

    private sealed class Scope(ILinalgKernels? previous) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (disposed)
                return;
            disposed = true;
            Override.Value = previous;
        }
    }
}
