using System.Diagnostics;

namespace ResearchKit.Benchmarks;

/// <summary>
/// Starts the outside reference of a ratio line: a long-lived python3 child running a script that prints a banner line
/// (e.g. "NumPy 1.24.2 …") and then answers one command per line. Python is an outside reference only, never a
/// dependency of the product.
/// </summary>
internal static class PythonReference
{
    /// <summary>
    /// Starts the first of $RESEARCHKIT_PYTHON, <paramref name="preferred"/> (python3 or /usr/bin/python3, in that order
    /// by default) whose first output line starts with <paramref name="bannerPrefix"/>; null when none does.
    /// </summary>
    /// <param name="script">The python program, passed with -c.</param>
    /// <param name="bannerPrefix">What the script's first line starts with when its imports worked ("NumPy ", "SciPy ").</param>
    /// <param name="module">The module named in the reason when no interpreter has it (numpy, scipy).</param>
    /// <param name="description">The banner and the interpreter on success, else why no interpreter was usable.</param>
    /// <param name="preferred">Interpreters to try after $RESEARCHKIT_PYTHON.</param>
    public static Process? Start(string script, string bannerPrefix, string module, out string description, params string[] preferred)
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("RESEARCHKIT_PYTHON") }
            .Concat(preferred.Length > 0 ? preferred : new[] { "python3", "/usr/bin/python3" });
        var tried = new List<string>();
        foreach (string candidate in candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().Cast<string>())
        {
            Process? p = null;
            try
            {
                var info = new ProcessStartInfo(candidate)
                {
                    RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                };
                info.ArgumentList.Add("-c");
                info.ArgumentList.Add(script);
                p = Process.Start(info)!;
                _ = p.StandardError.ReadToEndAsync(); // drained so the child never blocks on a full pipe
                string? banner = p.StandardOutput.ReadLine();
                if (banner is not null && banner.StartsWith(bannerPrefix, StringComparison.Ordinal))
                {
                    description = banner + $" ({candidate})";
                    return p;
                }
                tried.Add(candidate + ": no " + module);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                tried.Add(candidate + ": not found");
            }
            if (p is not null)
            {
                if (!p.HasExited)
                    p.Kill();
                p.Dispose();
            }
        }
        description = $"no python3 with {module} (" + string.Join("; ", tried) + $"; Debian: apt-get install python3-{module})";
        return null;
    }
}
