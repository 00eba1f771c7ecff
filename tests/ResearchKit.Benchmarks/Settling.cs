using System.Diagnostics;
using System.Globalization;

namespace ResearchKit.Benchmarks;

/// <summary>
/// After each timed call of the comparison, the side that made it waits (untimed) until its process is idle before the
/// other side's call starts. OpenBLAS's worker threads do not sleep when a call returns: they spin for 2^28 TSC ticks
/// first (its THREAD_TIMEOUT, 0.10 s at 2.6 GHz; measured 2026-12-03 on this project's VM: an idle NumPy process
/// burns 0.104 s of CPU right after a 2000² product, 0.001 s with OPENBLAS_THREAD_TIMEOUT=4). With two cores and the
/// calls alternating, each side's call would otherwise share a core with the other process's spinning thread for its
/// first 0.1 s, a disturbance of about the size of the gaps the ratios are meant to show.
/// </summary>
internal static class Settling
{
    /// <summary>The process is idle when it used less than this fraction of one core over a window.</summary>
    internal const double Idle = 0.2;

    /// <summary>Length of one window, seconds.</summary>
    internal const double WindowSeconds = 0.010;

    /// <summary>At most this long is waited, seconds (a process with other busy threads never falls idle).</summary>
    internal const double CapSeconds = 2.0;

    internal static string WindowText => WindowSeconds.ToString("R", CultureInfo.InvariantCulture);
    internal static string IdleText => Idle.ToString("R", CultureInfo.InvariantCulture);
    internal static string CapText => CapSeconds.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Waits until the process's CPU time (<paramref name="processCpuSeconds"/>, every thread) grew by less than
    /// <see cref="Idle"/> of the wall time over one window, or <see cref="CapSeconds"/> passed; returns the seconds waited.
    /// </summary>
    internal static double Wait(Func<double> processCpuSeconds)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < CapSeconds)
        {
            double cpu = processCpuSeconds(), wall = watch.Elapsed.TotalSeconds;
            Thread.Sleep(TimeSpan.FromSeconds(WindowSeconds));
            if (processCpuSeconds() - cpu < Idle * (watch.Elapsed.TotalSeconds - wall))
                break;
        }
        return watch.Elapsed.TotalSeconds;
    }
}
