using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.Benchmarks;

/// <summary>
/// `ratios`: times each kernel with our native backend, our managed backend and NumPy in one invocation (medians of
/// several calls after one warm-up), and prints `ratio &lt;kernel&gt; &lt;size&gt; vs numpy: &lt;x.xx&gt;` (ours ÷ NumPy).
/// Kernel by kernel, ours and NumPy's timings are taken back to back, so a change in the machine's load hits both.
/// </summary>
public static class RatioCommand
{
    private sealed record Case(string Kernel, string Size, bool Smallest);

    private static readonly Case[] Cases =
    [
        new("gram", "10000x784", true), new("gram", "4000x2000", false), new("gram", "20000x3072", false),
        new("eigvals", "784", true), new("eigvals", "2000", false), new("eigvals", "3072", false),
        new("eigen", "784", true), new("eigen", "2000", false), new("eigen", "3072", false),
        new("gemm", "2000x2000", true),
    ];

    private const string Usage = """
usage: ratios [--rounds K] [--reps N] [--managed none|smallest|all] [--kernels gram,eigvals,eigen,gemm,ridge-equivalent] [--no-sweep]
  --rounds K     run the whole interleaved linear-algebra comparison K times (default 1); `ratio` lines then give the
                 median over rounds of each round's ratio of medians, and `spread` lines its min–max over the rounds
                 and whether it is above 1.0 in every round
  --reps N       timed calls per kernel and size after one warm-up (3N for kernels under 0.5 s), median (default 5)
  --managed      which sizes the managed backend is timed at (default smallest: managed takes minutes at the large
                 sizes); managed: median of min(N, 3) calls, no warm-up
  --kernels      run only these kernels
  --sizes        run only these sizes (e.g. 784,2000x2000)
  --no-sweep     skip the Sweep speed-up measurement
  --chinchilla N timed Chinchilla grid fits against SciPy's L-BFGS-B (default 1; 0 skips; each SciPy run takes about a minute)
  --only-chinchilla  run only the Chinchilla fit comparison
  --clock        wall | cpu (default wall): cpu times each call by its process's CPU time (user + system, page
                 faults included) on both sides, which a loaded machine disturbs far less than the wall clock; meant with
                 OPENBLAS_NUM_THREADS=1 in the environment (both sides inherit it), since OpenBLAS's waiting threads spin
  --numpy-hugepages default|off  NumPy advises huge pages on its arrays of 4 MiB or more (default); off turns
                 that advice off in NumPy. Ours advises its native outputs and workspaces of 4 MiB or more when a probe
                 finds it cheaper on this machine (the backend line says what was decided and why);
                 RESEARCHKIT_HUGE_PAGES=on|off in the environment overrides the probe, so with off on both both sides
                 run on ordinary pages
  --warm-up-mb M  warm-up on both sides before the timed calls, until our calls of the kernel and size have
                 allocated M MB (default 512; at most --warm-up-max calls, default 64; at least one call). The .NET GC
                 serves the first few hundred MB of large arrays after a collection from fresh pages (one page fault per
                 4 KiB, 10–35 µs each on a PVM guest) and reuses freed memory after that; glibc serves NumPy's second call
                 from the memory its first call freed. So `ratio` lines compare both sides at their steady state, and
                 `early` lines give the ratio over the warm-up calls after the first (fresh pages on our side), which
                 is what the first calls of a notebook see. A kernel whose call allocates less than the large-object
                 threshold (85 000 bytes; e.g. eigvals on the scratch pool) has no such phase and gets the single
                 warm-up call only. 0 restores the old single warm-up call (no early lines)
  --environment  as-set | unset | both (default both): the linear-algebra ratios with OPENBLAS_CORETYPE and
                 OPENBLAS_L2_SIZE as this process has them, in a child process with both unset (OpenBLAS then detects
                 the core itself; both sides print the core they use), or both, one after the other
  --settle on|off  after each call of the comparison, the side that made it waits, untimed, until its process is
                 idle before the other side's call (default on): OpenBLAS's worker threads spin for about 0.1 s after a
                 call before they sleep, and with two cores each call would otherwise share one with the other
                 process's spinning thread. The waits are printed (median and max a round, ours and NumPy's); off
                 alternates the calls back to back, as before 2026-12-03
  --bare         also time the bare BLAS/LAPACK routine (dsyrk, dsyevd, dgemm) called straight from the bench on
                 the arrays our call reads, into kept outputs and workspaces on huge pages, between our call and NumPy's;
                 prints `ours over bare` (what Linalg adds to the routine) and `bare ... vs numpy` (what is left between
                 the same routine on both sides) per kernel and size. Linux with libopenblas.so.0 only
  --isolate      run each kernel and size in a fresh process (ours, and the NumPy process it starts), one after the
                 other, so that what the earlier kernels left in either heap does not decide a ratio; prints the
                 isolated ratio lines together at the end (in both environments with --environment both)
""";

    public static int Run(string[] args)
    {
        int reps = 5;
        int rounds = 1;
        string managed = "smallest";
        HashSet<string>? kernels = null, sizes = null;
        bool sweep = true;
        int chinchilla = 1;
        bool onlyChinchilla = false;
        string environment = "both";
        bool cpuClock = false;
        bool numpyHugePages = true;
        int warmUpMb = 512, warmUpMax = 64;
        bool isolate = false;
        bool settle = true;
        bool withBare = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rounds" when i + 1 < args.Length && int.TryParse(args[i + 1], out rounds) && rounds >= 1: i++; break;
                case "--reps" when i + 1 < args.Length && int.TryParse(args[i + 1], out reps) && reps >= 1: i++; break;
                case "--managed" when i + 1 < args.Length && args[i + 1] is "none" or "smallest" or "all": managed = args[++i]; break;
                case "--kernels" when i + 1 < args.Length: kernels = args[++i].Split(',').ToHashSet(); break;
                case "--sizes" when i + 1 < args.Length: sizes = args[++i].Split(',').ToHashSet(); break;
                case "--no-sweep": sweep = false; break;
                case "--chinchilla" when i + 1 < args.Length && int.TryParse(args[i + 1], out chinchilla) && chinchilla >= 0: i++; break;
                case "--only-chinchilla": onlyChinchilla = true; break;
                case "--clock" when i + 1 < args.Length && args[i + 1] is "wall" or "cpu": cpuClock = args[++i] == "cpu"; break;
                case "--numpy-hugepages" when i + 1 < args.Length && args[i + 1] is "default" or "off": numpyHugePages = args[++i] == "default"; break;
                case "--warm-up-mb" when i + 1 < args.Length && int.TryParse(args[i + 1], out warmUpMb) && warmUpMb >= 0: i++; break;
                case "--warm-up-max" when i + 1 < args.Length && int.TryParse(args[i + 1], out warmUpMax) && warmUpMax >= 1: i++; break;
                case "--environment" when i + 1 < args.Length && args[i + 1] is "as-set" or "unset" or "both": environment = args[++i]; break;
                case "--isolate": isolate = true; break;
                case "--settle" when i + 1 < args.Length && args[i + 1] is "on" or "off": settle = args[++i] == "on"; break;
                case "--bare": withBare = true; break;
                default: Console.Error.WriteLine($"unknown or incomplete option '{args[i]}'\n{Usage}"); return 2;
            }
        }

        Console.WriteLine($"load average at start: {LoadAverage()}; {Environment.ProcessorCount} cores");
        if (onlyChinchilla)
        {
            ChinchillaFitBenchmark.Run(Math.Max(1, chinchilla));
            Console.WriteLine($"load average at end: {LoadAverage()}");
            return 0;
        }
        bool tuned = TunedVariables.Any(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v)));
        if (isolate)
            return RunIsolated(args, environment, tuned, kernels, sizes);
        if (environment == "unset" && tuned)
            return RunChild(args, unset: true, [], out _, out _);
        string? coreType = Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE");
        Console.WriteLine("OPENBLAS_CORETYPE: " + (string.IsNullOrEmpty(coreType) ? "(unset: OpenBLAS detects the core)" : coreType));
        Console.WriteLine($"default backend: {Linalg.BackendDetail}");
        bool native = Linalg.IsNativeAvailable;
        if (native)
        {
            using (Linalg.Use(LinalgProvider.Native))
                Console.WriteLine($"native backend: {Linalg.BackendDetail}");
        }
        else
        {
            Console.WriteLine($"native backend: unavailable ({Linalg.NativeUnavailableReason}); no native ratios");
        }
        using var numpy = NumpyReference.Start(out string numpyMissing);
        Console.WriteLine(numpy is null ? $"NumPy: {numpyMissing}; no ratios printed" : $"reference: {numpy.Description}");
        if (numpy is not null && !numpyHugePages)
            numpy.SetHugePages(false);
        if (numpy is not null)
            Console.WriteLine("NumPy's huge-page advice on arrays of 4 MiB or more: " + (numpyHugePages ? "on (NumPy's default)" : "off") + "; ours: see the backend line's 'huge pages'");
        if (cpuClock)
            Console.WriteLine("clock: process CPU time (user + system) on both sides; OPENBLAS_NUM_THREADS=" + (Environment.GetEnvironmentVariable("OPENBLAS_NUM_THREADS") ?? "(unset)"));
        Console.WriteLine($"repetitions: {reps} per kernel and size (3× for sub-second kernels; median after one warm-up), ours and NumPy's alternating call by call{(settle ? ", each side idle before the other's call (--settle)" : ", back to back (--settle off)")}; {rounds} round(s); managed at {managed} sizes (first round)");
        string bareMissing = "";
        if (withBare && !(native && BareCalls.Available(out bareMissing)))
        {
            Console.WriteLine("bare calls: " + (native ? bareMissing : "no native backend") + "; no bare column");
            withBare = false;
        }
        if (withBare)
            Console.WriteLine("bare: the BLAS/LAPACK routine alone, called from the bench on the arrays our call reads, into kept outputs and workspaces on huge pages (no copy, check, allocation, query or mirror timed), between our call and NumPy's");
        Console.WriteLine("columns: median seconds per call; minor page faults per call (getrusage, whole process) ours and NumPy's; MB our call allocated on the managed heap; " +
            "gen2: the GC's generation-2 collections that started in our timed calls / in the whole timed phase (ours, bare and NumPy's calls and the waits) / timed calls; pause ms: median GC pause in our call");
        // The latency mode is what the runtime decided (Batch: no background collections), whatever set it.
        Console.WriteLine($"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, latency mode {System.Runtime.GCSettings.LatencyMode}" +
            $" (DOTNET_gcConcurrent={Environment.GetEnvironmentVariable("DOTNET_gcConcurrent") ?? "unset"})");
        Console.WriteLine();

        var ratioLines = new List<string>();
        var managedLines = new List<string>();
        var spreadLines = new List<string>();
        var selected = SelectCases(kernels, sizes);
        // ratios[case] holds one ratio of medians per round; the rounds run the whole interleaved comparison again, so
        // their spread is the run-to-run spread of the ratio on this machine at this load.
        var ratios = selected.ToDictionary(c => c, _ => new List<double>());
        var earlyRatios = selected.ToDictionary(c => c, _ => new List<double>());
        // With --bare, one ratio a round of our call over the bare routine and of the bare routine over NumPy's call.
        var oursOverBare = selected.ToDictionary(c => c, _ => new List<double>());
        var bareOverNumpy = selected.ToDictionary(c => c, _ => new List<double>());
        // The waits of --settle in this round, ours and NumPy's, for the round's summary line.
        var settledOurs = new List<double>();
        var settledNumpy = new List<double>();
        void SettleOurs()
        {
            if (settle && OperatingSystem.IsLinux())
                settledOurs.Add(Settling.Wait(ProcessCpuSeconds));
        }
        void SettleNumpy(double waited)
        {
            if (settle)
                settledNumpy.Add(waited);
        }
        for (int round = 1; round <= rounds; round++)
        {
            settledOurs.Clear();
            settledNumpy.Clear();
            if (rounds > 1)
                Console.WriteLine($"round {round} of {rounds} (load average {LoadAverage()})");
            Console.WriteLine($"{"kernel",-8} {"size",-11} {"native s",10} {"managed s",10} {"numpy s",10} {"faults ours",12} {"numpy",7} {"MB alloc",9}{(withBare ? $" {"bare s",9}" : "")} {"gen2",10} {"pause ms",8}");
            foreach (var c in selected)
            {
                Measured? ours = null, reference = null, early = null, earlyReference = null, bareMedian = null;
                int earlyCalls = 0, gen2Stage = 0, timedCalls = 0;
                {
                    (Func<object> Call, Action Reset)? bare = null;
                    var call = native ? Prepare(c, LinalgProvider.Native, true, withBare, out bare) : null;
                    var bareTimes = new List<Measured>();
                    numpy?.Setup(c.Kernel, c.Size);
                    var oursTimes = new List<Measured>();
                    var numpyTimes = new List<Measured>();
                    // Warm-up, interleaved like the timed calls: until our calls have allocated warmUpMb MB (the GC's
                    // fresh-page phase, see --warm-up-mb), NumPy called as often. The calls after the first are the
                    // `early` measurement.
                    var first = call is not null ? TimeOnce(call, cpuClock) : default;
                    if (call is not null)
                        SettleOurs();
                    if (numpy is not null)
                        SettleNumpy(numpy.TimeOnce(cpuClock, settle).SettleSeconds);
                    long warmUpBytes = (long)warmUpMb << 20, allocated = first.AllocatedBytes;
                    var earlyOurs = new List<Measured>();
                    var earlyNumpy = new List<Measured>();
                    // A call that allocates no large array (below the GC's large-object threshold, e.g. eigvals on
                    // the scratch pool) has no fresh-page phase to wait out: no warm-up beyond the first call.
                    bool allocatesLarge = first.AllocatedBytes >= LargeObjectThreshold;
                    while (call is not null && warmUpMb > 0 && allocatesLarge && allocated < warmUpBytes && earlyOurs.Count + 1 < warmUpMax)
                    {
                        var m = TimeOnce(call, cpuClock);
                        SettleOurs();
                        earlyOurs.Add(m);
                        allocated += Math.Max(0, m.AllocatedBytes);
                        if (numpy is not null)
                        {
                            var (seconds, faults, waited) = numpy.TimeOnce(cpuClock, settle);
                            SettleNumpy(waited);
                            earlyNumpy.Add(new Measured(seconds, faults, -1));
                        }
                    }
                    if (earlyOurs.Count > 0)
                    {
                        early = Measured.Median(earlyOurs);
                        earlyCalls = earlyOurs.Count;
                        earlyReference = earlyNumpy.Count > 0 ? Measured.Median(earlyNumpy) : null;
                    }
                    // Sub-second kernels are the noisiest on a shared machine and cheap to repeat: three times the calls.
                    int calls = call is not null && first.Seconds < 0.5 ? 3 * reps : reps;
                    int gen2Before = GC.CollectionCount(2);
                    for (int i = 0; i < calls; i++)
                    {
                        if (call is not null)
                        {
                            oursTimes.Add(TimeOnce(call, cpuClock));
                            SettleOurs();
                        }
                        if (bare is { } b)
                        {
                            bareTimes.Add(TimeOnce(b.Call, cpuClock));
                            b.Reset();
                            SettleOurs();
                        }
                        if (numpy is not null)
                        {
                            var (seconds, faults, waited) = numpy.TimeOnce(cpuClock, settle);
                            SettleNumpy(waited);
                            numpyTimes.Add(new Measured(seconds, faults, -1));
                        }
                    }
                    gen2Stage = GC.CollectionCount(2) - gen2Before;
                    timedCalls = calls;
                    ours = oursTimes.Count > 0 ? Measured.Median(oursTimes) : null;
                    bareMedian = bareTimes.Count > 0 ? Measured.Median(bareTimes) : null;
                    reference = numpyTimes.Count > 0 ? Measured.Median(numpyTimes) : null;
                }
                numpy?.Clear();
                GC.Collect();
                bool timeManaged = round == 1 && (managed == "all" || (managed == "smallest" && c.Smallest));
                double? slow = null;
                if (timeManaged)
                {
                    // The managed path is 15–50× slower: fewer repetitions keep it to seconds (median of up to 3).
                    var call = Prepare(c, LinalgProvider.Managed, warmUp: false); // seconds per call: JIT time is noise
                    slow = Median(Enumerable.Range(0, Math.Min(reps, 3)).Select(_ => TimeOnce(call).Seconds).ToList());
                }
                GC.Collect();
                Console.WriteLine($"{c.Kernel,-8} {c.Size,-11} {Fmt(ours?.Seconds),10} {Fmt(slow),10} {Fmt(reference?.Seconds),10} " +
                    $"{FmtCount(ours?.MinorFaults),12} {FmtCount(reference?.MinorFaults),7} {FmtMegabytes(ours?.AllocatedBytes),9}{(withBare ? $" {Fmt(bareMedian?.Seconds),9}" : "")}" +
                    (ours is { } g ? $" {$"{g.Gen2}/{gen2Stage}/{timedCalls}",10} {g.PauseMs.ToString("F1", CultureInfo.InvariantCulture),8}" : ""));
                if (bareMedian is { } bm)
                {
                    if (ours is { } ob)
                        oursOverBare[c].Add(ob.Seconds / bm.Seconds);
                    if (reference is { } rb)
                        bareOverNumpy[c].Add(bm.Seconds / rb.Seconds);
                }
                if (early is { } e)
                    Console.WriteLine($"{"  early",-8} {$"{earlyCalls} calls",-11} {Fmt(e.Seconds),10} {"",10} {Fmt(earlyReference?.Seconds),10} " +
                        $"{FmtCount(e.MinorFaults),12} {FmtCount(earlyReference?.MinorFaults),7} {FmtMegabytes(e.AllocatedBytes),9}");
                if (early is { } eo && earlyReference is { } er)
                    earlyRatios[c].Add(eo.Seconds / er.Seconds);
                if (reference is { } r)
                {
                    if (ours is { } o)
                        ratios[c].Add(o.Seconds / r.Seconds);
                    if (slow is { } m)
                        managedLines.Add(FormattableString.Invariant($"managed {c.Kernel} {c.Size} vs numpy: {m / r.Seconds:F2}"));
                }
            }
            if (settledOurs.Count > 0 || settledNumpy.Count > 0)
                Console.WriteLine(FormattableString.Invariant(
                    $"settle: waits until idle after each call, median / max ms: ours {SettleSummary(settledOurs)}, NumPy's {SettleSummary(settledNumpy)}"));
            Console.WriteLine();
        }
        foreach (var c in selected.Where(c => ratios[c].Count > 0))
        {
            var rs = ratios[c];
            ratioLines.Add(FormattableString.Invariant($"ratio {c.Kernel} {c.Size} vs numpy: {Median(rs):F2}"));
            if (rounds > 1)
                spreadLines.Add(FormattableString.Invariant(
                    $"spread {c.Kernel} {c.Size} over {rs.Count} rounds: {Median(rs):F2} [{rs.Min():F2}–{rs.Max():F2}] ({string.Join(' ', rs.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}){SpreadVerdict(rs)}"));
        }
        var earlyLines = selected.Where(c => earlyRatios[c].Count > 0)
            .Select(c => FormattableString.Invariant($"early {c.Kernel} {c.Size} vs numpy: {Median(earlyRatios[c]):F2}")).ToList();
        // Each round's ratio of medians, then the median over rounds, as for the ratio lines; min–max with several rounds.
        string Summary(List<double> rs) => FormattableString.Invariant($"{Median(rs):F2}") + (rs.Count > 1 ? FormattableString.Invariant($" [{rs.Min():F2}–{rs.Max():F2}]") : "");
        var bareLines = selected.Where(c => oursOverBare[c].Count > 0)
            .Select(c => $"ours over bare {c.Kernel} {c.Size} vs bare: {Summary(oursOverBare[c])}")
            .Concat(selected.Where(c => bareOverNumpy[c].Count > 0)
                .Select(c => $"bare {c.Kernel} {c.Size} vs numpy: {Summary(bareOverNumpy[c])}"))
            .ToList();
        if (kernels is null || kernels.Contains("ridge-equivalent"))
        {
            if (RidgeEquivalentBench.Run(reps) is { } line)
                ratioLines.Add(line);
            Console.WriteLine();
        }
        foreach (string line in ratioLines.Concat(managedLines))
            Console.WriteLine(line);
        if (earlyLines.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"early calls (the warm-up's calls after the first; fresh pages on our side), median over rounds of each round's ratio of medians:");
            foreach (string line in earlyLines)
                Console.WriteLine(line);
        }
        if (bareLines.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("bare calls (--bare): our call over the bare routine (what Linalg adds), and the bare routine over NumPy's call (what is left between the same routine on both sides); median [min–max] over rounds:");
            foreach (string line in bareLines)
                Console.WriteLine(line);
        }
        if (spreadLines.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"ratio per round: median [min–max] over {rounds} rounds, each round's ratio of medians:");
            foreach (string line in spreadLines)
                Console.WriteLine(line);
        }

        if (environment == "both" && tuned)
        {
            // OpenBLAS reads the variables once, when it is loaded: the unset run needs a process of its own, and NumPy,
            // started by that process, inherits the same environment.
            Console.WriteLine();
            Console.WriteLine("=== the same ratios with " + string.Join(" and ", TunedVariables) + " unset (child process) ===");
            int code = RunChild(args, unset: true, [], out var unsetLines, out var unsetSpreads);
            if (code != 0)
                Console.WriteLine($"the unset run exited with {code}");
            Console.WriteLine();
            Console.WriteLine("ratios, environment as set | unset:");
            foreach (string line in ratioLines.Concat(earlyLines).Concat(bareLines))
            {
                string key = line[..line.LastIndexOf(':')];
                string? other = unsetLines.FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
                Console.WriteLine($"{line} | {(other is null ? "-" : other[(other.LastIndexOf(':') + 1)..].Trim())}");
            }
            if (spreadLines.Count > 0)
            {
                Console.WriteLine();
                Console.WriteLine($"spread over {rounds} rounds, environment as set | unset:");
                foreach (string line in spreadLines)
                {
                    string key = line[..line.IndexOf(':')];
                    string? other = unsetSpreads.FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
                    Console.WriteLine($"{line} | {(other is null ? "-" : other[(other.IndexOf(':') + 1)..].Trim())}");
                }
            }
        }

        if (sweep)
        {
            Console.WriteLine();
            MeasureSweep(reps);
        }
        if (chinchilla > 0)
        {
            Console.WriteLine();
            ChinchillaFitBenchmark.Run(chinchilla);
        }
        Console.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    /// <summary>The .NET GC's large-object threshold in bytes: arrays at least this big go to the large-object heap.</summary>
    private const long LargeObjectThreshold = 85_000;

    /// <summary>Builds the seeded input and returns one call of the kernel on <paramref name="provider"/>, after a warm-up call.</summary>
    private static Func<object> Prepare(Case c, LinalgProvider provider, bool warmUp = true) => Prepare(c, provider, warmUp, false, out _);

    /// <summary>
    /// As <see cref="Prepare(Case, LinalgProvider, bool)"/>, and with <paramref name="withBare"/> also the bare BLAS or
    /// LAPACK call on the same input arrays (<see cref="BareCalls"/>), warmed up once.
    /// </summary>
    private static Func<object> Prepare(Case c, LinalgProvider provider, bool warmUp, bool withBare, out (Func<object> Call, Action Reset)? bare)
    {
        var (rows, columns) = BenchmarkData.ParseSize(c.Size);
        Func<object> kernel;
        Matrix<double> input;
        Matrix<double>? second = null;
        switch (c.Kernel)
        {
            case "gram":
                var x = BenchmarkData.Rectangular(rows, columns, seed: 1);
                kernel = () => Linalg.Gram(x);
                input = x;
                break;
            case "eigvals":
                var s = BenchmarkData.Symmetric(rows, seed: 2);
                kernel = () => Linalg.SymmetricEigenvalues(s);
                input = s;
                break;
            case "eigen":
                var e = BenchmarkData.Symmetric(rows, seed: 2);
                kernel = () => Linalg.SymmetricEigen(e);
                input = e;
                break;
            case "gemm":
                var a = BenchmarkData.Rectangular(rows, columns, seed: 3);
                var b = BenchmarkData.Rectangular(columns, columns, seed: 4);
                kernel = () => Linalg.Multiply(a, b);
                (input, second) = (a, b);
                break;
            default:
                throw new InvalidOperationException(c.Kernel);
        }
        object Call()
        {
            using var scope = Linalg.Use(provider);
            return kernel();
        }
        if (warmUp)
            Call();
        bare = null;
        if (withBare)
        {
            var made = BareCalls.Prepare(c.Kernel, input, second);
            made.Call();
            made.Reset();
            bare = made;
        }
        return Call;
    }

    private static string SettleSummary(List<double> waits) => waits.Count == 0
        ? "-"
        : FormattableString.Invariant($"{1e3 * Median(waits):F0} / {1e3 * waits.Max():F0} ({waits.Count} calls)");

    /// <summary>
    /// One call's seconds, the process's minor page faults during it, the bytes this thread allocated in it, the
    /// generation-2 collections that started in it and the GC pause time in it.
    /// </summary>
    private readonly record struct Measured(double Seconds, long MinorFaults, long AllocatedBytes, int Gen2 = 0, double PauseMs = 0)
    {
        /// <summary>The median of each field on its own (they need not come from one call); the collections summed.</summary>
        public static Measured Median(IReadOnlyList<Measured> all) => new(
            RatioCommand.Median(all.Select(m => m.Seconds).ToList()),
            (long)RatioCommand.Median(all.Select(m => (double)m.MinorFaults).ToList()),
            (long)RatioCommand.Median(all.Select(m => (double)m.AllocatedBytes).ToList()),
            all.Sum(m => m.Gen2),
            RatioCommand.Median(all.Select(m => m.PauseMs).ToList()));
    }

    private static Measured TimeOnce(Func<object> call, bool cpu = false)
    {
        long faults = MinorFaults(), bytes = GC.GetAllocatedBytesForCurrentThread();
        int gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        double seconds;
        if (cpu)
        {
            double before = ProcessCpuSeconds();
            GC.KeepAlive(call());
            seconds = ProcessCpuSeconds() - before;
        }
        else
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(call());
            seconds = watch.Elapsed.TotalSeconds;
        }
        return new Measured(seconds, MinorFaults() - faults, GC.GetAllocatedBytesForCurrentThread() - bytes,
            GC.CollectionCount(2) - gen2, (GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
    }

    /// <summary>The process's minor page faults so far (getrusage RUSAGE_SELF, every thread); 0 off Linux.</summary>
    private static long MinorFaults()
    {
        if (!OperatingSystem.IsLinux())
            return 0;
        return GetRUsage(0, out var usage) == 0 ? usage.MinorFaults : 0;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxResident, SharedText, UnsharedData, UnsharedStack;
        public long MinorFaults, MajorFaults, Swaps, BlockInputs, BlockOutputs, MessagesSent, MessagesReceived, Signals;
        public long VoluntarySwitches, InvoluntarySwitches;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRUsage(int who, out RUsage usage);

    /// <summary>
    /// The process's CPU time in seconds from clock_gettime(CLOCK_PROCESS_CPUTIME_ID), nanosecond resolution, the clock
    /// of Python's time.process_time (Process.TotalProcessorTime reads /proc in 10 ms ticks).
    /// </summary>
    private static double ProcessCpuSeconds()
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("--clock cpu needs Linux (clock_gettime)");
        const int ClockProcessCpuTime = 2;
        if (ClockGetTime(ClockProcessCpuTime, out var t) != 0)
            throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
        return t.Seconds + 1e-9 * t.Nanoseconds;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static void MeasureSweep(int reps)
    {
        SweepWorkload.Run(2);
        double[] one = new double[reps], two = new double[reps];
        double[]? first = null;
        bool identical = true;
        // Alternate 1 and 2 threads so that a change in load affects both alike.
        for (int i = 0; i < reps; i++)
        {
            var watch = Stopwatch.StartNew();
            var r1 = SweepWorkload.Run(1);
            one[i] = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var r2 = SweepWorkload.Run(2);
            two[i] = watch.Elapsed.TotalSeconds;
            first ??= r1;
            identical &= r1.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(r2.Select(BitConverter.DoubleToInt64Bits))
                && r1.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(first.Select(BitConverter.DoubleToInt64Bits));
        }
        double t1 = Median(one), t2 = Median(two);
        Console.WriteLine(FormattableString.Invariant(
            $"sweep {SweepWorkload.Trials} trials x {SweepWorkload.DrawsPerTrial} draws: 1 thread {t1:F3} s, 2 threads {t2:F3} s"));
        Console.WriteLine(FormattableString.Invariant($"speedup sweep 2 threads vs 1: {t1 / t2:F2} (results bit-identical: {(identical ? "yes" : "NO")})"));
    }

    private static readonly string[] TunedVariables = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"];

    /// <summary>The benchmark cases whose kernel and size were asked for (all of them when a list is null).</summary>
    private static Case[] SelectCases(HashSet<string>? kernels, HashSet<string>? sizes) =>
        Cases.Where(c => (kernels is null || kernels.Contains(c.Kernel)) && (sizes is null || sizes.Contains(c.Size))).ToArray();

    /// <summary>
    /// <c>--isolate</c>: one child process per kernel and size (each starts its own NumPy process), in each requested
    /// environment, then their ratio lines side by side.
    /// </summary>
    private static int RunIsolated(string[] args, string environment, bool tuned, HashSet<string>? kernels, HashSet<string>? sizes)
    {
        var selected = SelectCases(kernels, sizes);
        var passed = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "--kernels" or "--sizes" && i + 1 < args.Length) { i++; continue; }
            if (args[i] == "--isolate") continue;
            passed.Add(args[i]);
        }
        var environments = environment switch { "both" when tuned => new[] { false, true }, "unset" when tuned => [true], _ => [false] };
        var lines = new Dictionary<bool, List<string>> { [false] = [], [true] = [] };
        foreach (bool unset in environments)
            foreach (var c in selected)
            {
                Console.WriteLine($"=== isolated: {c.Kernel} {c.Size}, environment {(unset ? "unset" : "as set")} (child process) ===");
                int code = RunChild(passed.ToArray(), unset, ["--kernels", c.Kernel, "--sizes", c.Size], out var ratioLines, out var spreadLines);
                if (code != 0)
                    Console.WriteLine($"the isolated run of {c.Kernel} {c.Size} exited with {code}");
                lines[unset].AddRange(ratioLines.Concat(spreadLines));
            }
        Console.WriteLine();
        Console.WriteLine("isolated ratios (each kernel and size in fresh processes), environment " + (environments.Length == 2 ? "as set | unset:" : environments[0] ? "unset:" : "as set:"));
        foreach (string line in lines[environments[0]])
        {
            if (environments.Length == 1)
            {
                Console.WriteLine(line);
                continue;
            }
            string key = line.StartsWith("spread ", StringComparison.Ordinal) ? line[..line.IndexOf(':')] : line[..line.LastIndexOf(':')];
            string? other = lines[true].FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            string otherValue = other is null ? "-" : other[(key.Length + 1)..].Trim();
            Console.WriteLine($"{line} | {otherValue}");
        }
        Console.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    /// <summary>
    /// Runs the ratios in a child process (this command with <paramref name="args"/> and <paramref name="extra"/>, no
    /// sweep, no Chinchilla fit, environment as the child has it), with <see cref="TunedVariables"/> removed when
    /// <paramref name="unset"/>; echoes its output indented and collects its ratio, early and spread lines.
    /// </summary>
    private static int RunChild(string[] args, bool unset, string[] extra, out List<string> ratioLines, out List<string> spreadLines)
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            start.ArgumentList.Add(typeof(RatioCommand).Assembly.Location);
        start.ArgumentList.Add("ratios");
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "--environment" or "--chinchilla" && i + 1 < args.Length) { i++; continue; }
            if (args[i] is "--no-sweep" or "--only-chinchilla") continue;
            start.ArgumentList.Add(args[i]);
        }
        foreach (string e in extra.Concat(["--environment", "as-set", "--no-sweep", "--chinchilla", "0"]))
            start.ArgumentList.Add(e);
        if (unset)
            foreach (string v in TunedVariables)
                start.Environment.Remove(v);
        ratioLines = [];
        spreadLines = [];
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
        while (child.StandardOutput.ReadLine() is { } line)
        {
            Console.WriteLine("  " + line);
            if ((line.StartsWith("ratio ", StringComparison.Ordinal) || line.StartsWith("early ", StringComparison.Ordinal)
                 || line.StartsWith("ours over bare ", StringComparison.Ordinal) || line.StartsWith("bare ", StringComparison.Ordinal)) && line.Contains(" vs ", StringComparison.Ordinal))
                ratioLines.Add(line);
            else if (line.StartsWith("spread ", StringComparison.Ordinal))
                spreadLines.Add(line);
        }
        child.WaitForExit();
        return child.ExitCode;
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    private static string Fmt(double? seconds) => seconds is { } s ? s.ToString("F3", CultureInfo.InvariantCulture) : "-";

    private static string FmtCount(long? count) => count is { } c and >= 0 ? c.ToString(CultureInfo.InvariantCulture) : "-";

    private static string FmtMegabytes(long? bytes) => bytes is { } b and >= 0 ? (b / 1e6).ToString("F1", CultureInfo.InvariantCulture) : "-";

    /// <summary>Whether the ratio is above or below 1.0 in every round (beyond the spread), or the rounds straddle it.</summary>
    private static string SpreadVerdict(IReadOnlyList<double> ratios) =>
        ratios.Min() > 1.0 ? "; above 1.0 in every round"
        : ratios.Max() <= 1.0 ? "; at or below 1.0 in every round"
        : "; the rounds straddle 1.0";

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
