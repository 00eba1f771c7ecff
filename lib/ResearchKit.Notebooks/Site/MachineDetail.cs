using System.Runtime.InteropServices;

namespace ResearchKit.Notebooks.Site;

/// <summary>
/// The machine detail that the notebooks' preamble lines leave out (so that a re-run elsewhere gives the same file):
/// operating system, CPU model, logical processors, .NET runtime, and the OpenBLAS build, core and threads when the
/// native library is there. The site footer shows it for the machine that exported the site (which, after
/// <c>run</c>, is the one that ran the notebooks).
/// </summary>
public static class MachineDetail
{
    private static readonly Lazy<string> Description = new(Describe);

    /// <summary>One line, e.g. "Linux x64, Intel(R) Xeon(R) …, 2 logical processors, .NET 10.0.1; OpenBLAS 0.3.21 … core Haswell, 2 threads".</summary>
    public static string Current => Description.Value;

    private static string Describe()
    {
        var parts = new List<string> { $"{OperatingSystemName()} {RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}" };
        if (CpuModel() is { } cpu)
            parts.Add(cpu);
        parts.Add($"{Environment.ProcessorCount} logical processors");
        parts.Add(RuntimeInformation.FrameworkDescription);
        string line = string.Join(", ", parts);
        return OpenBlas() is { } blas ? line + "; " + blas : line;
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "Linux" : OperatingSystem.IsMacOS() ? "macOS" : OperatingSystem.IsWindows() ? "Windows" : RuntimeInformation.OSDescription;

    private static string? CpuModel()
    {
        try
        {
            if (!OperatingSystem.IsLinux() || !File.Exists("/proc/cpuinfo"))
                return null;
            string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2) is [_, var model] ? model.Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>OpenBLAS's configuration, core and threads, if the library loads; null otherwise.</summary>
    private static unsafe string? OpenBlas()
    {
        foreach (string name in new[] { "libopenblas.so.0", "libopenblas.so", "libopenblas.dylib", "libopenblas.dll", "openblas.dll" })
        {
            if (!NativeLibrary.TryLoad(name, out IntPtr handle))
                continue;
            if (!NativeLibrary.TryGetExport(handle, "openblas_get_config", out IntPtr config))
                return null;
            string text = (Marshal.PtrToStringAnsi((IntPtr)((delegate* unmanaged<byte*>)config)()) ?? "OpenBLAS").Trim();
            if (NativeLibrary.TryGetExport(handle, "openblas_get_corename", out IntPtr core))
                text += ", core " + Marshal.PtrToStringAnsi((IntPtr)((delegate* unmanaged<byte*>)core)());
            if (NativeLibrary.TryGetExport(handle, "openblas_get_num_threads", out IntPtr threads))
                text += ", " + ((delegate* unmanaged<int>)threads)() + " threads";
            return text + " (" + name + ")";
        }
        return null;
    }
}
