using System.Runtime.ExceptionServices;

namespace ResearchKit.Numerics;

/// <summary>
/// Runs independent Monte-Carlo trials (seeds, repetitions, points of a parameter grid) on all cores. Each trial gets
/// its own generator, derived from the master seed and the trial's index alone, so the results are the same — bit for
/// bit — whatever the number of threads and whatever order the trials happen to run in.
/// </summary>
/// <remarks>
/// Seed derivation: the trial's seed is output number index + 1 of a SplitMix64 stream started at the master seed
/// (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014), folded to the 32 bits that
/// <see cref="Random(int)"/> takes. Neighbouring indices thus give unrelated seeds, unlike seed + index.
/// </remarks>
public static class Sweep
{
    /// <summary>Runs <paramref name="trial"/> for indices 0 … trials − 1 in parallel; results in index order.</summary>
    /// <typeparam name="TResult">What one trial returns.</typeparam>
    /// <param name="trials">Number of trials. Range: ≥ 1.</param>
    /// <param name="seed">Master seed; trial i draws from <c>new Random(DeriveSeed(seed, i))</c>.</param>
    /// <param name="trial">One trial: (index, its own generator) → result. Must not share mutable state with other trials.</param>
    /// <param name="maxDegreeOfParallelism">Most threads to use. Range: ≥ 1; null = all cores.</param>
    public static TResult[] Run<TResult>(int trials, int seed, Func<int, Random, TResult> trial, int? maxDegreeOfParallelism = null)
    {
        Guard.Positive(trials);
        Guard.NotNull(trial);
        int threads = maxDegreeOfParallelism ?? Environment.ProcessorCount;
        Guard.Positive(threads, nameof(maxDegreeOfParallelism));
        var results = new TResult[trials];
        InParallel(trials, threads, i => results[i] = trial(i, new Random(DeriveSeed(seed, i))));
        return results;
    }

    /// <summary>Runs <paramref name="trial"/> once per element of <paramref name="inputs"/> (a parameter grid) in parallel.</summary>
    /// <typeparam name="TInput">A grid point.</typeparam>
    /// <typeparam name="TResult">What one trial returns.</typeparam>
    /// <param name="inputs">The grid points; trial i gets inputs[i] and the generator of index i.</param>
    /// <param name="seed">Master seed.</param>
    /// <param name="trial">One trial: (grid point, its own generator) → result.</param>
    /// <param name="maxDegreeOfParallelism">Most threads to use. Range: ≥ 1; null = all cores.</param>
    public static TResult[] Run<TInput, TResult>(IReadOnlyList<TInput> inputs, int seed, Func<TInput, Random, TResult> trial, int? maxDegreeOfParallelism = null)
    {
        Guard.NotEmpty(inputs);
        Guard.NotNull(trial);
        return Run(inputs.Count, seed, (i, random) => trial(inputs[i], random), maxDegreeOfParallelism);
    }

    /// <summary>
    /// Maps <paramref name="task"/> over <paramref name="inputs"/> in parallel, results in input order, for independent
    /// tasks that carry their own randomness (each input names its own seed, or the task is deterministic). Every task
    /// does the same arithmetic whatever thread runs it, so the results are bit-identical to a serial loop.
    /// </summary>
    /// <typeparam name="TInput">One task's input (a grid point, with its seed when it draws).</typeparam>
    /// <typeparam name="TResult">What one task returns.</typeparam>
    /// <param name="inputs">The tasks' inputs. Non-empty.</param>
    /// <param name="task">One task: input → result. Must not share mutable state with other tasks.</param>
    /// <param name="maxDegreeOfParallelism">Most threads to use. Range: ≥ 1; null = all cores.</param>
    /// <remarks>Use <see cref="Run{TInput, TResult}"/> when the tasks should get derived generators instead.</remarks>
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> task, int? maxDegreeOfParallelism = null)
    {
        Guard.NotEmpty(inputs);
        Guard.NotNull(task);
        int threads = maxDegreeOfParallelism ?? Environment.ProcessorCount;
        Guard.Positive(threads, nameof(maxDegreeOfParallelism));
        var results = new TResult[inputs.Count];
        InParallel(inputs.Count, threads, i => results[i] = task(inputs[i]));
        return results;
    }

    private static readonly object MathNetGate = new();
    private static int mathNetHolds, mathNetSaved;

    // Runs body(0 … count − 1) on up to `threads` threads, one index at a time (tasks of unequal cost share the cores
    // evenly). While the tasks run on several threads, MathNet's own loops (its managed provider splits solves and
    // products over the cores) run on one thread: the cores are already busy with the tasks, and its thread hand-offs
    // inside thousands of small solves cost more than the solves. Only speed changes: MathNet splits a loop over
    // independent output entries, so its numbers do not depend on its thread count.
    private static void InParallel(int count, int threads, Action<int> body)
    {
        bool parallel = threads > 1 && count > 1;
        if (parallel) HoldMathNetSerial();
        try
        {
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, count, 1), new ParallelOptions { MaxDegreeOfParallelism = threads },
                range => { for (int i = range.Item1; i < range.Item2; i++) body(i); });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        finally
        {
            if (parallel) ReleaseMathNetSerial();
        }
    }

    private static void HoldMathNetSerial()
    {
        lock (MathNetGate)
        {
            if (mathNetHolds++ == 0)
            {
                mathNetSaved = MathNet.Numerics.Control.MaxDegreeOfParallelism;
                MathNet.Numerics.Control.MaxDegreeOfParallelism = 1;
            }
        }
    }

    private static void ReleaseMathNetSerial()
    {
        lock (MathNetGate)
        {
            if (--mathNetHolds == 0)
                MathNet.Numerics.Control.MaxDegreeOfParallelism = mathNetSaved;
        }
    }

    /// <summary>The seed of trial <paramref name="index"/> under master seed <paramref name="seed"/> (SplitMix64).</summary>
    /// <param name="seed">Master seed.</param>
    /// <param name="index">Trial index. Range: ≥ 0.</param>
    public static int DeriveSeed(int seed, int index)
    {
        Guard.AtLeast(index, 0);
        ulong z = unchecked((ulong)seed + (ulong)(index + 1L) * 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return unchecked((int)(z ^ (z >> 32)));
    }
}
