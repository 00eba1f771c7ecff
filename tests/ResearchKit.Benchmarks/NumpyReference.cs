using System.Diagnostics;
using System.Globalization;

namespace ResearchKit.Benchmarks;

/// <summary>
/// Times the NumPy equivalent of a kernel in a python3 child process that stays alive for the whole run, so that
/// our calls and NumPy's can alternate one by one (the machine is shared: alternating exposes both to the same
/// load). NumPy is an outside reference for the benchmark only, never a dependency of the library. Same sizes, input
/// distribution and memory layout as ours (the Gram input column-major, so both sides make the same dsyrk call); each
/// `setup` includes one warm-up call.
/// </summary>
public sealed class NumpyReference : IDisposable
{
    private static readonly string Script = $$"""
import sys, time, resource
import numpy as np
a = np.ones((64, 64)); a @ a; np.linalg.eigvalsh(a)
libs = sorted({l.split()[-1] for l in open('/proc/self/maps') if ('blas' in l or 'lapack' in l) and '/' in l})
core = ''
for lib in libs:
    if 'openblas' in lib:
        try:
            import ctypes
            name = ctypes.CDLL(lib).openblas_get_corename; name.restype = ctypes.c_char_p
            core = ', OpenBLAS core ' + name().decode()
        except Exception:
            pass
        break
print('NumPy ' + np.__version__ + ' via ' + (', '.join(libs) if libs else 'its bundled BLAS') + core, flush=True)
f = None
SETTLE_WINDOW, SETTLE_IDLE, SETTLE_CAP = {{Settling.WindowText}}, {{Settling.IdleText}}, {{Settling.CapText}}
for line in sys.stdin:
    cmd = line.split()
    if not cmd or cmd[0] == 'quit':
        break
    if cmd[0] == 'setup':
        kernel, dims = cmd[1], [int(s) for s in cmd[2].split('x')]
        f = None
        rng = np.random.default_rng(1)
        uniform = lambda r, c: rng.random((r, c)) * 2 - 1
        if kernel == 'gram':
            # Column-major X, as MathNet stores ours: NumPy then dispatches X.T @ X to the same dsyrk call as ours
            # (uplo L, trans T on the M×d matrix). A C-ordered X makes NumPy call dsyrk's other kernel (trans N on the
            # d×M view), a different OpenBLAS code path: 6 % faster at 4000×2000 on Haswell, 9 % slower at 10000×784
            # on Cooperlake (CPU time, one thread, 2026-12-02), which is OpenBLAS's difference, not our overhead.
            x = np.asfortranarray(uniform(dims[0], dims[1])); f = lambda: x.T @ x
        elif kernel in ('eigvals', 'eigen'):
            s = uniform(dims[0], dims[0]); s = (s + s.T) / 2
            f = (lambda: np.linalg.eigvalsh(s)) if kernel == 'eigvals' else (lambda: np.linalg.eigh(s))   # both syevd
        elif kernel == 'gemm':
            p = uniform(dims[0], dims[0]); q = uniform(dims[0], dims[0]); f = lambda: p @ q
        else:
            print('error unknown kernel ' + kernel, flush=True); continue
        f()
        print('ok', flush=True)
    elif cmd[0] == 'hugepages':
        # NumPy advises huge pages (madvise MADV_HUGEPAGE) on arrays of 4 MiB or more by default; ours are on ordinary
        # pages. 'hugepages off' turns the advice off for the arrays set up after it, so both sides run on the same pages.
        try:
            from numpy.core.multiarray import _set_madvise_hugepage
            _set_madvise_hugepage(cmd[1] == 'on')
            print('ok', flush=True)
        except Exception as e:
            print('error ' + repr(e), flush=True)
    elif cmd[0] == 'clear':
        f = x = s = p = q = None
        print('ok', flush=True)
    elif cmd[0] in ('time', 'cputime'):
        # One call timed by the wall clock or the process's CPU time, and the minor page faults it took (getrusage).
        # With 'settle', the reply waits (untimed) until this process is idle: OpenBLAS's worker threads spin after a
        # call before they sleep, and the next call, ours, must not share the cores with them.
        clock = time.perf_counter if cmd[0] == 'time' else time.process_time
        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        t = clock(); f(); t = clock() - t
        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults
        waited = 0.0
        if len(cmd) > 1 and cmd[1] == 'settle':
            w0 = time.perf_counter()
            while time.perf_counter() - w0 < SETTLE_CAP:
                c0, s0 = time.process_time(), time.perf_counter()
                time.sleep(SETTLE_WINDOW)
                if time.process_time() - c0 < SETTLE_IDLE * (time.perf_counter() - s0):
                    break
            waited = time.perf_counter() - w0
        print(repr(t) + ' ' + str(faults) + ' ' + repr(waited), flush=True)
""";

    private readonly Process process;

    private NumpyReference(Process process, string description)
    {
        this.process = process;
        Description = description;
    }

    public string Description { get; }

    /// <summary>Starts the first of $RESEARCHKIT_PYTHON, python3, /usr/bin/python3 that imports NumPy; null (and why) if none.</summary>
    public static NumpyReference? Start(out string reason)
    {
        var p = PythonReference.Start(Script, "NumPy ", "numpy", out string description);
        reason = p is null ? description : "";
        return p is null ? null : new NumpyReference(p, description);
    }

    /// <summary>Builds NumPy's input for <paramref name="kernel"/> at <paramref name="size"/> and makes one warm-up call.</summary>
    public void Setup(string kernel, string size)
    {
        string reply = Ask($"setup {kernel} {size}");
        if (reply != "ok")
            throw new InvalidOperationException($"NumPy setup of {kernel} {size} failed: {reply}");
    }

    /// <summary>Turns NumPy's huge-page advice for large arrays on (its default) or off, for the inputs set up after it.</summary>
    public void SetHugePages(bool on)
    {
        string reply = Ask("hugepages " + (on ? "on" : "off"));
        if (reply != "ok")
            throw new InvalidOperationException($"NumPy could not set its huge-page advice: {reply}");
    }

    /// <summary>Frees NumPy's inputs (before the memory-hungry managed runs).</summary>
    public void Clear() => Ask("clear");

    /// <summary>
    /// One NumPy call of the kernel last set up: its seconds (wall-clock, or the process's CPU time, user + system), the
    /// minor page faults the process took during it (getrusage), and, with <paramref name="settle"/>, the seconds NumPy's
    /// process then took to fall idle (<see cref="Settling"/>; untimed, before the reply), else 0.
    /// </summary>
    public (double Seconds, long MinorFaults, double SettleSeconds) TimeOnce(bool cpu = false, bool settle = false)
    {
        string[] reply = Ask((cpu ? "cputime" : "time") + (settle ? " settle" : "")).Split(' ');
        return (double.Parse(reply[0], CultureInfo.InvariantCulture), long.Parse(reply[1], CultureInfo.InvariantCulture),
            double.Parse(reply[2], CultureInfo.InvariantCulture));
    }

    private string Ask(string command)
    {
        process.StandardInput.WriteLine(command);
        process.StandardInput.Flush();
        return process.StandardOutput.ReadLine()?.Trim() ?? throw new InvalidOperationException($"python exited during '{command}'");
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.WriteLine("quit");
                process.StandardInput.Flush();
                if (!process.WaitForExit(5000))
                    process.Kill();
            }
        }
        finally
        {
            process.Dispose();
        }
    }
}
