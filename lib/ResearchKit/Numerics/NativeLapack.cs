using System.Runtime.InteropServices;

namespace ResearchKit.Numerics;

/// <summary>
/// The native BLAS/LAPACK routines the library calls, resolved at run time from whatever the system has
/// (OpenBLAS, reference BLAS/LAPACK, Accelerate, MKL). Everything is looked up through the Fortran symbols
/// (<c>dsyevd_</c>, …) because every LAPACK distribution exports them, whereas LAPACKE and CBLAS are optional
/// (Debian's libopenblas0-pthread exports CBLAS but no LAPACKE; Accelerate has no LAPACKE at all).
/// Loading never throws: when a routine is missing, <see cref="TryLoad(out string)"/> returns null and says why.
/// </summary>
internal sealed unsafe class NativeLapack
{
    // Fortran calling convention (gfortran, LP64): every argument by reference, then one hidden length per
    // CHARACTER argument. Passing those lengths matters: gfortran ≥ 8 may read them (see the R/LAPACK
    // tail-call problems of 2019), and callers that omit them get undefined behaviour.
    internal readonly delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, double*, int*, double*, int*, double*, double*, int*, nuint, nuint, void> Dgemm;
    internal readonly delegate* unmanaged<byte*, byte*, int*, int*, double*, double*, int*, double*, double*, int*, nuint, nuint, void> Dsyrk;
    internal readonly delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nuint, nuint, void> Dsyevd;
    internal readonly delegate* unmanaged<byte*, int*, int*, double*, int*, double*, int*, int*, nuint, void> Dposv;
    internal readonly delegate* unmanaged<byte*, int*, double*, int*, int*, nuint, void> Dpotrf;
    internal readonly delegate* unmanaged<byte*, int*, int*, double*, int*, double*, double*, int*, double*, int*, double*, int*, int*, int*, nuint, void> Dgesdd;

    private NativeLapack(SymbolTable s, (string Kind, string Detail) description)
    {
        Dgemm = (delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, double*, int*, double*, int*, double*, double*, int*, nuint, nuint, void>)s.Get("dgemm");
        Dsyrk = (delegate* unmanaged<byte*, byte*, int*, int*, double*, double*, int*, double*, double*, int*, nuint, nuint, void>)s.Get("dsyrk");
        Dsyevd = (delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nuint, nuint, void>)s.Get("dsyevd");
        Dposv = (delegate* unmanaged<byte*, int*, int*, double*, int*, double*, int*, int*, nuint, void>)s.Get("dposv");
        Dpotrf = (delegate* unmanaged<byte*, int*, double*, int*, int*, nuint, void>)s.Get("dpotrf");
        Dgesdd = (delegate* unmanaged<byte*, int*, int*, double*, int*, double*, double*, int*, double*, int*, double*, int*, int*, int*, nuint, void>)s.Get("dgesdd");
        (Description, Detail) = description;
    }

    /// <summary>
    /// One line naming the backend kind, the same on every machine with the same library: library and version, where
    /// LAPACK came from — not the CPU core, the build configuration or the thread count (notebook preambles print it, so
    /// a re-run elsewhere gives the same file).
    /// </summary>
    internal string Description { get; }

    /// <summary>One line with this machine's detail: library, configuration, core type and threads, where LAPACK came from.</summary>
    internal string Detail { get; }

    internal static readonly string[] BlasRoutines = ["dgemm", "dsyrk"];
    internal static readonly string[] LapackRoutines = ["dsyevd", "dposv", "dpotrf", "dgesdd"];

    /// <summary>Libraries tried in order; the first that exports a routine supplies it.</summary>
    internal static IReadOnlyList<string> ProbeList()
    {
        if (OperatingSystem.IsMacOS())
            return ["/System/Library/Frameworks/Accelerate.framework/Accelerate", "libopenblas.dylib", "liblapack.dylib", "libblas.dylib"];
        if (OperatingSystem.IsWindows())
            return ["openblas.dll", "libopenblas.dll", "mkl_rt.dll", "mkl_rt.2.dll", "liblapack.dll", "libblas.dll"];
        // OpenBLAS first: it carries optimised BLAS and LAPACK in one library. The generic names come last, so that a
        // system with only the reference implementations still gets native code, and the description says which.
        return [
            "libopenblas.so.0", "libopenblasp-r0.so", "libopenblaso.so.0", "libopenblas.so",
            "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
            "/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0",
            "libflexiblas.so.3", "libmkl_rt.so.2", "libmkl_rt.so",
            "libblas.so.3", "libcblas.so.3", "liblapack.so.3", "liblapacke.so.3", "libblas.so", "liblapack.so",
        ];
    }

    /// <summary>
    /// Loads the routines, or returns null with <paramref name="reason"/> saying what was missing. Never throws.
    /// </summary>
    internal static NativeLapack? TryLoad(out string reason) => TryLoad(ProbeList(), out reason);

    /// <summary>As <see cref="TryLoad(out string)"/> with an explicit probe list (tests use one that cannot succeed).</summary>
    internal static NativeLapack? TryLoad(IReadOnlyList<string> probeList, out string reason)
    {
        try
        {
            var loaded = new List<(string Name, IntPtr Handle)>();
            foreach (string name in probeList)
            {
                if (NativeLibrary.TryLoad(name, typeof(NativeLapack).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.System32, out IntPtr h)
                    || NativeLibrary.TryLoad(name, out h))
                    loaded.Add((name, h));
            }
            if (loaded.Count == 0)
            {
                reason = "no BLAS/LAPACK library found (tried " + string.Join(", ", probeList) + ")";
                return null;
            }
            var table = new SymbolTable(loaded);
            var missing = BlasRoutines.Concat(LapackRoutines).Where(r => !table.Has(r)).ToArray();
            if (missing.Length > 0)
            {
                reason = "loaded " + string.Join(", ", loaded.Select(l => l.Name)) + " but no library exports " + string.Join(", ", missing);
                return null;
            }
            reason = "";
            return new NativeLapack(table, Describe(table));
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException or InvalidOperationException)
        {
            reason = "loading failed: " + e.Message;
            return null;
        }
    }

    private static (string Kind, string Detail) Describe(SymbolTable table)
    {
        string blasFrom = table.Source("dgemm");
        string lapackFrom = table.Source("dsyevd");
        string blas, kind;
        if (table.TryGetAny("openblas_get_config", out IntPtr config))
        {
            var getConfig = (delegate* unmanaged<byte*>)config;
            blas = (Marshal.PtrToStringAnsi((IntPtr)getConfig()) ?? "OpenBLAS").Trim();
            // "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH … Haswell MAX_THREADS=64": the name and version are the kind; the
            // rest names this build and (with DYNAMIC_ARCH) this machine's core.
            kind = string.Join(' ', blas.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2)) + " (" + blasFrom + ")";
            if (table.TryGetAny("openblas_get_corename", out IntPtr core))
                blas += ", core " + Marshal.PtrToStringAnsi((IntPtr)((delegate* unmanaged<byte*>)core)());
            if (table.TryGetAny("openblas_get_num_threads", out IntPtr threads))
                blas += ", " + ((delegate* unmanaged<int>)threads)() + " threads";
            string? coreType = Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE");
            if (!string.IsNullOrEmpty(coreType))
                blas += ", OPENBLAS_CORETYPE=" + coreType;
            blas += " (" + blasFrom + ")";
        }
        else
        {
            blas = kind = "BLAS from " + blasFrom;
        }
        string lapack = lapackFrom == blasFrom ? "LAPACK from the same library" : "LAPACK from " + lapackFrom;
        return ($"native ({kind}; {lapack})", $"native ({blas}; {lapack})");
    }

    /// <summary>Resolves a routine across the loaded libraries, trying the Fortran spellings in turn.</summary>
    private sealed class SymbolTable(List<(string Name, IntPtr Handle)> libraries)
    {
        private readonly Dictionary<string, (string Library, IntPtr Address)> cache = new();

        internal bool Has(string routine) => Resolve(routine) is not null;

        internal IntPtr Get(string routine) => Resolve(routine)?.Address
            ?? throw new InvalidOperationException($"native routine {routine} not found");

        internal string Source(string routine) => Resolve(routine)?.Library ?? "?";

        internal bool TryGetAny(string symbol, out IntPtr address)
        {
            foreach (var (_, handle) in libraries)
                if (NativeLibrary.TryGetExport(handle, symbol, out address))
                    return true;
            address = IntPtr.Zero;
            return false;
        }

        private (string Library, IntPtr Address)? Resolve(string routine)
        {
            if (cache.TryGetValue(routine, out var hit))
                return hit;
            // gfortran/OpenBLAS/Accelerate: dsyevd_; MKL and some Windows builds also: dsyevd, DSYEVD.
            string[] spellings = [routine + "_", routine, routine.ToUpperInvariant()];
            foreach (var (name, handle) in libraries)
                foreach (string s in spellings)
                    if (NativeLibrary.TryGetExport(handle, s, out IntPtr address))
                    {
                        cache[routine] = (name, address);
                        return cache[routine];
                    }
            return null;
        }
    }
}
