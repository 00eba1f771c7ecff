using System.Diagnostics;
using System.Globalization;
using ResearchKit.Data;
using ResearchKit.ScalingLaws;

namespace ResearchKit.Benchmarks;

/// <summary>
/// `ratio chinchilla-fit`: our grid fit of the Chinchilla law (summed Huber on ln L, δ = 10⁻³, Besiroglu et al.'s 4500
/// starts, 240 runs) against SciPy's L-BFGS-B on the same objective with the same analytic gradient, grid and data, in
/// the same invocation, alternating run by run. SciPy is an outside reference only (Debian python3-scipy).
/// </summary>
public static class ChinchillaFitBenchmark
{
    // The SciPy side: same file, same 5 rows dropped (highest losses), same grid order, scipy.optimize.minimize(L-BFGS-B, jac=True) with its defaults,
    // as Besiroglu et al. ran it. Prints seconds and the best objective.
    private const string Script = """
import csv, sys, time
import numpy as np
from scipy.optimize import minimize
rows = list(csv.DictReader(open(sys.argv[1])))
N = np.array([float(r['Model Size']) for r in rows]); C = np.array([float(r['Training FLOP']) for r in rows]); L = np.array([float(r['loss']) for r in rows])
D = C / (6 * N)
keep = np.sort(np.argsort(-L, kind='stable')[5:])
lnN, lnD, lnL = np.log(N[keep]), np.log(D[keep]), np.log(L[keep])
delta = 1e-3
def f(t):
    a, b, e, al, be = t
    t1 = a - al * lnN; t2 = b - be * lnD
    m = np.maximum(np.maximum(t1, t2), e)
    x1 = np.exp(t1 - m); x2 = np.exp(t2 - m); x3 = np.exp(e - m); tot = x1 + x2 + x3
    r = m + np.log(tot) - lnL
    ab = np.abs(r); inside = ab <= delta
    val = np.where(inside, 0.5 * r * r, delta * (ab - 0.5 * delta)).sum()
    s = np.where(inside, r, delta * np.sign(r)) / tot
    return val, np.array([(s * x1).sum(), (s * x2).sum(), (s * x3).sum(), -(s * x1 * lnN).sum(), -(s * x2 * lnD).sum()])
grid = [(a, b, e, al, be) for a in np.arange(0, 30, 5) for b in np.arange(0, 30, 5) for e in np.arange(-1, 1.5, 0.5)
        for al in np.arange(0, 2.5, 0.5) for be in np.arange(0, 2.5, 0.5)]
for line in sys.stdin:
    if line.strip() != 'run':
        break
    t0 = time.perf_counter(); best = None
    for x0 in grid:
        res = minimize(f, np.array(x0, dtype=float), jac=True, method='L-BFGS-B')
        if np.isfinite(res.fun) and (best is None or res.fun < best.fun):
            best = res
    print(repr(time.perf_counter() - t0), repr(best.fun), ' '.join(repr(v) for v in best.x), len(grid), flush=True)
""";

    public static void Run(int reps)
    {
        var runs = ChinchillaEpochRuns.LoadDefault(allowDownload: false);
        var data = runs.Selection().Observations;
        var grid = StartGrid.Besiroglu();
        Process? python = StartPython(runs.SourcePath, out string why);
        Console.WriteLine(python is null ? $"chinchilla-fit: no SciPy reference ({why}); no ratio" : "chinchilla-fit: SciPy L-BFGS-B reference (/usr/bin/python3)");
        var ours = new List<double>();
        var ours1 = new List<double>();
        var theirs = new List<double>();
        ChinchillaFitResult? fit = null;
        ChinchillaFit.Fit(data, StartGrid.Single(ChinchillaLaw.HoffmannTex.LogParameters)); // JIT warm-up
        for (int i = 0; i < reps; i++)
        {
            var w = Stopwatch.StartNew();
            fit = ChinchillaFit.Fit(data, grid);
            ours.Add(w.Elapsed.TotalSeconds);
            w.Restart();
            ChinchillaFit.Fit(data, grid, new ChinchillaFitOptions(MaxDegreeOfParallelism: 1));
            ours1.Add(w.Elapsed.TotalSeconds);
            if (python is not null)
            {
                python.StandardInput.WriteLine("run");
                python.StandardInput.Flush();
                string? reply = python.StandardOutput.ReadLine();
                if (reply is null)
                {
                    Console.WriteLine("chinchilla-fit: python exited");
                    python = null;
                    continue;
                }
                var parts = reply.Split(' ');
                theirs.Add(double.Parse(parts[0], CultureInfo.InvariantCulture));
                Console.WriteLine(FormattableString.Invariant(
                    $"chinchilla-fit run {i + 1}: ours {ours[^1]:F2} s ({Environment.ProcessorCount} threads), {ours1[^1]:F2} s (1 thread); SciPy {theirs[^1]:F2} s; best objective ours {fit.Objective:G10}, SciPy {double.Parse(parts[1], CultureInfo.InvariantCulture):G10}"));
            }
        }
        Console.WriteLine($"chinchilla-fit: ours {fit!.Law} ({fit.ConvergedStarts}/{fit.Starts} starts converged)");
        if (python is not null)
        {
            python.StandardInput.WriteLine("quit");
            python.WaitForExit(5000);
            python.Dispose();
        }
        if (theirs.Count > 0)
        {
            Console.WriteLine(FormattableString.Invariant($"ratio chinchilla-fit 240x4500 vs scipy: {Median(ours) / Median(theirs):F2}"));
            Console.WriteLine(FormattableString.Invariant($"ratio chinchilla-fit 240x4500 1-thread vs scipy: {Median(ours1) / Median(theirs):F2}"));
        }
    }

    private static Process? StartPython(string csv, out string why)
    {
        foreach (string candidate in new[] { Environment.GetEnvironmentVariable("RESEARCHKIT_PYTHON"), "/usr/bin/python3", "python3" }.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().Cast<string>())
        {
            try
            {
                var info = new ProcessStartInfo(candidate) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                info.ArgumentList.Add("-c");
                info.ArgumentList.Add("import scipy.optimize, numpy; print('ok', flush=True)");
                using (var probe = Process.Start(info)!)
                {
                    string? line = probe.StandardOutput.ReadLine();
                    probe.WaitForExit();
                    if (line != "ok")
                        continue;
                }
                var run = new ProcessStartInfo(candidate) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                run.ArgumentList.Add("-c");
                run.ArgumentList.Add(Script);
                run.ArgumentList.Add(csv);
                var p = Process.Start(run)!;
                _ = p.StandardError.ReadToEndAsync();
                why = "";
                return p;
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }
        why = "no python3 with numpy and scipy (Debian: apt-get install python3-numpy python3-scipy)";
        return null;
    }

    private static double Median(List<double> v)
    {
        var s = v.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }
}
