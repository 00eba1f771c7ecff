using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// Monte-Carlo coverage@cost for solve-to-completion and Reset-and-Discard with any reset interval τ over a finite
/// set of questions. Each replica draws every question's solve time T_i once and a random question order; the
/// policy then fixes, without further randomness, the attempt count at which each question is solved.
/// </summary>
/// <remarks>
/// <para>
/// Under ReD with interval τ the questions are visited in round-robin order; a question solved on its r-th visit
/// (r = ⌈T_i/τ⌉) is solved after Σ_j min(T_j, (r−1)τ) attempts of the earlier rounds, plus the round-r attempts of
/// the unsolved questions ahead of it, plus its own T_i − (r−1)τ. Solve-to-completion adds the T_i in order and
/// stops at the first unsolvable question.
/// </para>
/// <para>
/// Replicas run in parallel, each with its own generator seeded from (<c>seed</c>, replica index), so the result
/// does not depend on the number of threads. Meir et al., arXiv 2601.21522. Used by notebook 07.
/// </para>
/// </remarks>
public static class CoverageSimulator
{
    /// <summary>Simulates coverage@cost of one policy.</summary>
    /// <param name="questions">The N questions.</param>
    /// <param name="policy">Solve-to-completion or ReD with interval τ.</param>
    /// <param name="budgets">C, total-attempt budgets. Range: each C ≥ 0; at least one (sorted on output).</param>
    /// <param name="replicas">Independent replicas to average. Range: ≥ 2.</param>
    /// <param name="seed">Seed of all randomness.</param>
    /// <returns>The mean coverage at each budget, its standard error, and the mean cost to solve m questions.</returns>
    /// <exception cref="ArgumentException">Null inputs, empty or negative budgets, or fewer than 2 replicas.</exception>
    public static CoverageCurve Simulate(CoverageQuestions questions, CoveragePolicy policy, IReadOnlyList<long> budgets, int replicas, int seed)
    {
        Guard.NotNull(questions);
        Guard.NotNull(policy);
        Guard.NotEmpty(budgets);
        Guard.AtLeast(replicas, 2);
        for (int b = 0; b < budgets.Count; b++)
        {
            if (budgets[b] < 0)
                throw new ArgumentOutOfRangeException(nameof(budgets), budgets[b], $"budgets[{b}] = {budgets[b]} is negative; allowed: C ≥ 0.");
        }
        long[] grid = budgets.OrderBy(b => b).ToArray();
        int n = questions.Count;

        var coverage = new double[replicas][];
        var solveCosts = new long[replicas][];
        Parallel.For(0, replicas, r =>
        {
            var random = new Random(SeedSequence.Derive(seed, r, 0x7ed));
            long[] events = SolveCosts(questions, policy, random);
            solveCosts[r] = events;
            var row = new double[grid.Length];
            for (int b = 0; b < grid.Length; b++)
                row[b] = CountAtMost(events, grid[b]);
            coverage[r] = row;
        });

        var mean = new double[grid.Length];
        var se = new double[grid.Length];
        for (int b = 0; b < grid.Length; b++)
        {
            double s = 0, s2 = 0;
            for (int r = 0; r < replicas; r++) { s += coverage[r][b]; s2 += coverage[r][b] * coverage[r][b]; }
            double m = s / replicas;
            mean[b] = m;
            se[b] = Math.Sqrt(Math.Max(0, (s2 - replicas * m * m) / (replicas - 1)) / replicas);
        }

        var costToSolve = new double[n];
        var costError = new double[n];
        var reached = new double[n];
        for (int m = 0; m < n; m++)
        {
            double s = 0, s2 = 0;
            int hits = 0;
            for (int r = 0; r < replicas; r++)
            {
                if (m < solveCosts[r].Length) { double c = solveCosts[r][m]; s += c; s2 += c * c; hits++; }
            }
            reached[m] = (double)hits / replicas;
            bool all = hits == replicas;
            double meanCost = s / replicas;
            costToSolve[m] = all ? meanCost : double.PositiveInfinity;
            costError[m] = all ? Math.Sqrt(Math.Max(0, (s2 - replicas * meanCost * meanCost) / (replicas - 1)) / replicas) : double.NaN;
        }
        return new CoverageCurve(policy, n, replicas, grid, mean, se, costToSolve, costError, reached);
    }

    /// <summary>
    /// One replica of ReD with τ = 1 observed round by round: U(n), the number of questions still unsolved after
    /// every question has had n attempts, and the attempts spent so far, for n = 1 … <paramref name="rounds"/>.
    /// The trace measures 1 − pass@n directly (E[U(n)] = N·(1 − pass@n)), which is how ReD infers the exponent.
    /// </summary>
    /// <param name="questions">The N questions.</param>
    /// <param name="rounds">The number of rounds to observe. Range: ≥ 1.</param>
    /// <param name="seed">Seed of all randomness.</param>
    /// <exception cref="ArgumentException">Null questions or <paramref name="rounds"/> &lt; 1.</exception>
    public static ResetAndDiscardTrace TraceRounds(CoverageQuestions questions, int rounds, int seed)
    {
        Guard.NotNull(questions);
        Guard.Positive(rounds);
        var random = new Random(SeedSequence.Derive(seed, 0x7ace));
        int n = questions.Count;
        var times = new long[n];
        for (int i = 0; i < n; i++)
            times[i] = questions.SampleSolveTime(i, random);
        Array.Sort(times);

        var capped = times.Select(t => t > rounds ? (long)rounds + 1 : t).ToArray();
        var unsolved = new int[rounds];
        var cost = new long[rounds];
        int solvedSoFar = 0;
        long solvedCost = 0;
        for (int round = 1; round <= rounds; round++)
        {
            while (solvedSoFar < n && times[solvedSoFar] <= round)
                solvedCost += times[solvedSoFar++];
            unsolved[round - 1] = n - solvedSoFar;
            cost[round - 1] = solvedCost + (long)(n - solvedSoFar) * round;
        }
        return new ResetAndDiscardTrace(n, Enumerable.Range(1, rounds).ToArray(), unsolved, cost, capped);
    }

    /// <summary>The ascending attempt counts at which questions are solved in one replica (length = number solved).</summary>
    internal static long[] SolveCosts(CoverageQuestions questions, CoveragePolicy policy, Random random)
    {
        int n = questions.Count;
        var times = new long[n];
        for (int i = 0; i < n; i++)
            times[i] = questions.SampleSolveTime(i, random);
        // A uniformly random visiting order (Fisher–Yates).
        for (int i = n - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (times[i], times[j]) = (times[j], times[i]);
        }
        return policy.NeverResets ? SolveToCompletionCosts(times) : ResetAndDiscardCosts(times, policy.ResetInterval);
    }

    /// <summary>
    /// a + b for non-negative costs, saturating at <see cref="CoverageQuestions.Never"/> (long.MaxValue): a sum of
    /// attempt counts that overflows is a cost no budget reaches, not a negative one that every budget covers.
    /// </summary>
    private static long SaturatingAdd(long a, long b) => a > CoverageQuestions.Never - b ? CoverageQuestions.Never : a + b;

    private static long[] SolveToCompletionCosts(long[] times)
    {
        var events = new List<long>(times.Length);
        long total = 0;
        foreach (long t in times)
        {
            if (t == CoverageQuestions.Never) break;
            total = SaturatingAdd(total, t);
            if (total == CoverageQuestions.Never) break; // a cost beyond any long budget: never reached
            events.Add(total);
        }
        return events.ToArray();
    }

    private static long[] ResetAndDiscardCosts(long[] times, int resetInterval)
    {
        int n = times.Length;
        long tau = resetInterval;
        var events = new List<long>(n);
        for (int i = 0; i < n; i++)
        {
            long t = times[i];
            if (t == CoverageQuestions.Never) continue;
            long previous = (t - 1) / tau * tau; // (r − 1)τ: the attempts question i had before its last visit
            long cost = t - previous;
            for (int j = 0; j < n; j++)
            {
                long tj = times[j];
                cost = SaturatingAdd(cost, Math.Min(tj, previous));
                if (j < i && tj > previous)
                    cost = SaturatingAdd(cost, Math.Min(tj - previous, tau));
            }
            if (cost != CoverageQuestions.Never)
                events.Add(cost);
        }
        events.Sort();
        return events.ToArray();
    }

    private static int CountAtMost(long[] sortedEvents, long budget)
    {
        int lo = 0, hi = sortedEvents.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sortedEvents[mid] <= budget) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
