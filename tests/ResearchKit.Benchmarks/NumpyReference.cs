using System.Diagnostics;
using System.Globalization;

namespace ResearchKit.Benchmarks;

/// <summary>
/// Times the NumPy equivalent of one kernel in a python3 child process (NumPy is an outside reference for the
/// benchmark only, never a dependency of the library). The Python side mirrors <see cref="RatioCommand"/>: same
/// sizes, same input distribution, one warm-up call, then the median of the repetitions.
/// </summary>
public sealed class NumpyReference
{
    private const string Script = """
import sys, time, statistics
import numpy as np
kernel, size, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
dims = [int(s) for s in size.split('x')]
rng = np.random.default_rng(1)
def uniform(r, c): return rng.random((r, c)) * 2 - 1
if kernel == 'gram':
    x = uniform(dims[0], dims[1]); f = lambda: x.T @ x          # NumPy dispatches X.T @ X to syrk
elif kernel in ('eigvals', 'eigen'):
    a = uniform(dims[0], dims[0]); a = (a + a.T) / 2
    f = (lambda: np.linalg.eigvalsh(a)) if kernel == 'eigvals' else (lambda: np.linalg.eigh(a))   # both syevd
elif kernel == 'gemm':
    a = uniform(dims[0], dims[0]); b = uniform(dims[0], dims[0]); f = lambda: a @ b
else:
    sys.exit('unknown kernel ' + kernel)
f()
times = []
for _ in range(reps):
    t = time.perf_counter(); f(); times.append(time.perf_counter() - t)
print(repr(statistics.median(times)))
""";

    private const string InfoScript = """
import numpy as np
a = np.ones((64, 64)); a @ a; np.linalg.eigvalsh(a)
libs = sorted({l.split()[-1] for l in open('/proc/self/maps') if ('blas' in l or 'lapack' in l) and '/' in l})
print('NumPy ' + np.__version__ + ' via ' + (', '.join(libs) if libs else 'its bundled BLAS'))
""";

    private readonly string python;

    private NumpyReference(string python, string description)
    {
        this.python = python;
        Description = description;
    }

    public string Description { get; }

    /// <summary>The first of $RESEARCHKIT_PYTHON, python3, /usr/bin/python3 that imports NumPy; null (and why) if none.</summary>
    public static NumpyReference? Find(out string reason)
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("RESEARCHKIT_PYTHON"), "python3", "/usr/bin/python3" };
        var tried = new List<string>();
        foreach (string? candidate in candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct())
        {
            tried.Add(candidate!);
            var (ok, output) = RunPython(candidate!, ["-c", InfoScript]);
            if (ok)
            {
                reason = "";
                return new NumpyReference(candidate!, output.Trim() + $" ({candidate})");
            }
        }
        reason = "no python3 with numpy found (tried " + string.Join(", ", tried) + "; Debian: apt-get install python3-numpy)";
        return null;
    }

    /// <summary>Median seconds of <paramref name="reps"/> NumPy calls of <paramref name="kernel"/> at <paramref name="size"/>.</summary>
    public double MedianSeconds(string kernel, string size, int reps)
    {
        var (ok, output) = RunPython(python, ["-c", Script, kernel, size, reps.ToString(CultureInfo.InvariantCulture)]);
        if (!ok)
            throw new InvalidOperationException($"NumPy timing of {kernel} {size} failed: {output}");
        return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    private static (bool Ok, string Output) RunPython(string exe, string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in args)
                info.ArgumentList.Add(a);
            using var p = Process.Start(info)!;
            var stderr = p.StandardError.ReadToEndAsync();
            string stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? (true, stdout) : (false, stderr.Result.Trim());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, e.Message);
        }
    }
}
