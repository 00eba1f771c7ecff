using System.Diagnostics;
using System.Globalization;
using ResearchKit.LearningCurves;

namespace ResearchKit.Benchmarks;

/// <summary>
/// `ratio ridge-equivalent …`: the renormalised ridge κ of a 2000-mode power-law spectrum (λ_k = k^(−2)) over a
/// 100-point grid in P (logspace 1 … 10⁴, λ = 10⁻⁴), ours (<see cref="RenormalizedRidge.Solve"/>) against SciPy's
/// brentq on κ(1 − Df₁(κ)/P) − λ in the bracket [λ, λ + Σλ_k/P] with rtol 1e-14 (our precision), in a python3 child
/// that stays alive, calls alternating. SciPy is an outside reference only.
/// </summary>
public static class RidgeEquivalentBench
{
    private const int Modes = 2000;
    private const int GridPoints = 100;
    private const double Ridge = 1e-4;

    private const string Script = """
import sys, time
import numpy as np
from scipy.optimize import brentq
eta = np.arange(1, 2001, dtype=float) ** -2.0
ps = np.logspace(0, 4, 100)
lam = 1e-4
tr = eta.sum()
def solve():
    return [brentq(lambda k: k * (1 - np.sum(eta / (eta + k)) / p) - lam, lam, lam + tr / p, xtol=1e-300, rtol=1e-14, maxiter=500) for p in ps]
solve()
import scipy
print('SciPy ' + scipy.__version__ + ' brentq, NumPy ' + np.__version__, flush=True)
for line in sys.stdin:
    cmd = line.strip()
    if cmd == 'time':
        t = time.perf_counter(); solve(); print(repr(time.perf_counter() - t), flush=True)
    elif cmd == 'values':
        print(' '.join(repr(v) for v in solve()), flush=True)
    else:
        break
""";

    /// <summary>Runs the comparison; returns the ratio line, or null (and prints why) without SciPy.</summary>
    public static string? Run(int reps)
    {
        var eta = Enumerable.Range(1, Modes).Select(k => Math.Pow(k, -2.0)).ToArray();
        var ps = Enumerable.Range(0, GridPoints).Select(i => Math.Pow(10, 4.0 * i / (GridPoints - 1))).ToArray();
        double[] Ours() => ps.Select(p => RenormalizedRidge.Solve(eta, p, Ridge)).ToArray();
        Ours();

        using var python = Start(out string description);
        if (python is null)
        {
            Console.WriteLine($"ridge-equivalent: {description}; no ratio printed");
            return null;
        }
        Console.WriteLine($"ridge-equivalent reference: {description}");
        string Ask(string command)
        {
            python.StandardInput.WriteLine(command);
            python.StandardInput.Flush();
            return python.StandardOutput.ReadLine()?.Trim() ?? throw new InvalidOperationException("python exited");
        }
        var theirs = Ask("values").Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var ours = Ours();
        double maxRel = ours.Zip(theirs, (a, b) => Math.Abs(a - b) / b).Max();
        var oursTimes = new List<double>();
        var theirTimes = new List<double>();
        for (int i = 0; i < 3 * reps; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(Ours());
            oursTimes.Add(watch.Elapsed.TotalSeconds);
            theirTimes.Add(double.Parse(Ask("time"), CultureInfo.InvariantCulture));
        }
        python.StandardInput.WriteLine("quit");
        python.StandardInput.Flush();
        python.WaitForExit(5000);
        double o = Median(oursTimes), t = Median(theirTimes);
        Console.WriteLine(FormattableString.Invariant(
            $"ridge-equivalent {Modes} modes x {GridPoints} P: ours {o * 1e3:F2} ms, scipy brentq {t * 1e3:F2} ms (median of {oursTimes.Count}); max |Δκ|/κ = {maxRel:G2}"));
        return FormattableString.Invariant($"ratio ridge-equivalent {Modes}x{GridPoints} vs scipy: {o / t:F2}");
    }

    private static Process? Start(out string description) =>
        PythonReference.Start(Script, "SciPy ", "scipy", out description, "/usr/bin/python3", "python3");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
