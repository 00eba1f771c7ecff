using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// Closed-form coverage@cost predictions from a failure curve F(k) = 1 − pass@k (F(0) = 1): the finite-dataset
/// Reset-and-Discard frontier (Eq. 17), the mean completion time under reset interval τ (Thm 4.1), the predicted
/// savings of ReD over solve-to-completion, and the renewal-theory coverage of solve-to-completion.
/// </summary>
/// <remarks>
/// <para>
/// Meir, Keidar, Levi, Reuveni, Hirshberg, arXiv 2601.21522. The paper's body could not be read here; the
/// statements follow the project spec and are derived in notebook 07, where each is checked against
/// <see cref="CoverageSimulator"/>:
/// </para>
/// <list type="bullet">
/// <item>ReD with τ = 1 after n rounds has spent ⟨t(n)⟩ = N Σ_{j&lt;n} F(j) attempts on average and solved
/// N(1 − F(n)) = N·pass@n questions on average, so coverage@cost(⟨t(n)⟩) ≈ N·pass@n (Eq. 17).</item>
/// <item>Resetting every τ attempts to a fresh question, the mean attempts to the first solution are
/// E[T_τ] = Σ_{j&lt;τ} F(j) / (1 − F(τ)); since pass@(j+1) − pass@j = E[p(1−p)^j] ≤ E[p]·F(j) for any
/// distribution of p, E[T_τ] ≥ E[T_1] = 1/pass@1: τ = 1 minimises it (Thm 4.1).</item>
/// <item>Solve-to-completion spends on average m·E[T], E[T] = Σ_{k≥0} F(k), to solve m questions.</item>
/// <item>With an unbounded pool and F(k) ≈ A k^(−β), 0 &lt; β &lt; 1, renewal theory gives the sublinear coverage
/// m(C) ≈ C^β / (A Γ(1−β) Γ(1+β)).</item>
/// </list>
/// <para>Used by notebook 07.</para>
/// </remarks>
public static class CoverageTheory
{
    /// <summary>The finite-dataset ReD (τ = 1) frontier: expected cost and expected coverage after each round (Eq. 17).</summary>
    /// <param name="failureCurve">F(k) for k = 0 … K, with F(0) = 1. Range: non-increasing values in [0, 1]; K ≥ 1.</param>
    /// <param name="questionCount">N. Range: N ≥ 1.</param>
    /// <exception cref="ArgumentException">A malformed failure curve or N &lt; 1.</exception>
    public static CoverageFrontier ResetAndDiscardFrontier(IReadOnlyList<double> failureCurve, int questionCount)
    {
        ValidateFailureCurve(failureCurve);
        Guard.Positive(questionCount);
        int rounds = failureCurve.Count - 1;
        var cost = new double[rounds + 1];
        var coverage = new double[rounds + 1];
        double running = 0;
        for (int n = 1; n <= rounds; n++)
        {
            running += failureCurve[n - 1];
            cost[n] = questionCount * running;
            coverage[n] = questionCount * (1 - failureCurve[n]);
        }
        return new CoverageFrontier(questionCount, Enumerable.Range(0, rounds + 1).ToArray(), cost, coverage);
    }

    /// <summary>E[T_τ], the mean attempts until the first solution when each question gets τ attempts before a reset to a fresh question.</summary>
    /// <param name="failureCurve">F(k) for k = 0 … K. Range: as in <see cref="ResetAndDiscardFrontier"/>.</param>
    /// <param name="resetInterval">τ. Range: 1 ≤ τ ≤ K.</param>
    /// <returns>Σ_{j&lt;τ} F(j) / (1 − F(τ)); +∞ when F(τ) = 1.</returns>
    /// <exception cref="ArgumentException">A malformed failure curve or τ outside 1 … K.</exception>
    public static double MeanCompletionTime(IReadOnlyList<double> failureCurve, int resetInterval)
    {
        ValidateFailureCurve(failureCurve);
        Guard.InRange(resetInterval, 1, failureCurve.Count - 1);
        double sum = 0;
        for (int j = 0; j < resetInterval; j++)
            sum += failureCurve[j];
        double success = 1 - failureCurve[resetInterval];
        return success > 0 ? sum / success : double.PositiveInfinity;
    }

    /// <summary>E[T] = Σ_{k≥0} F(k), the mean attempts solve-to-completion spends per question.</summary>
    /// <param name="failureCurve">F(k) for k = 0 … K. Range: as in <see cref="ResetAndDiscardFrontier"/>.</param>
    /// <returns>The sum; +∞ when F(K) &gt; 0 (some question is not solved within the curve, so the mean is not finite or not known).</returns>
    public static double MeanSolveTime(IReadOnlyList<double> failureCurve)
    {
        ValidateFailureCurve(failureCurve);
        if (failureCurve[^1] > 0)
            return double.PositiveInfinity;
        return failureCurve.Sum();
    }

    /// <summary>
    /// The attempts each policy needs, on average, to solve a fraction c of the N questions, predicted from F(k):
    /// solve-to-completion N·c·E[T]; ReD (τ = 1) the frontier cost at N(1 − F(n)) = N·c, interpolated linearly in n.
    /// </summary>
    /// <param name="failureCurve">F(k) for k = 0 … K. Range: as in <see cref="ResetAndDiscardFrontier"/>.</param>
    /// <param name="questionCount">N. Range: N ≥ 1.</param>
    /// <param name="coverageFractions">c values. Range: each 0 &lt; c ≤ 1 − F(K); at least one.</param>
    /// <exception cref="ArgumentException">A malformed curve, or a c the curve does not reach.</exception>
    public static CoverageSavings PredictSavings(IReadOnlyList<double> failureCurve, int questionCount, IReadOnlyList<double> coverageFractions)
    {
        ValidateFailureCurve(failureCurve);
        Guard.Positive(questionCount);
        Guard.NotEmpty(coverageFractions);
        var frontier = ResetAndDiscardFrontier(failureCurve, questionCount);
        double meanSolve = MeanSolveTime(failureCurve);
        int count = coverageFractions.Count;
        var stc = new double[count];
        var red = new double[count];
        double maxCoverage = 1 - failureCurve[^1];
        for (int i = 0; i < count; i++)
        {
            double c = coverageFractions[i];
            if (!(c > 0 && c <= maxCoverage))
                throw new ArgumentOutOfRangeException(nameof(coverageFractions), c,
                    $"coverageFractions[{i}] = {c} is out of range; allowed: 0 < c ≤ 1 − F(K) = {maxCoverage}.");
            stc[i] = questionCount * c * meanSolve;
            red[i] = frontier.CostAtCoverage(c * questionCount);
        }
        return new CoverageSavings(questionCount, coverageFractions.ToArray(), stc, red);
    }

    /// <summary>
    /// The renewal function m(C) of solve-to-completion over an unbounded pool of questions drawn from the population:
    /// the expected number solved within C attempts, for C = 0 … <paramref name="maxBudget"/> (cost O(C²)).
    /// </summary>
    /// <param name="failureCurve">F(k) for k = 0 … K with K ≥ maxBudget. Range: as in <see cref="ResetAndDiscardFrontier"/>.</param>
    /// <param name="maxBudget">The largest C. Range: 1 ≤ C ≤ min(K, 200 000).</param>
    /// <exception cref="ArgumentException">A malformed curve or a budget beyond it.</exception>
    public static double[] SolveToCompletionRenewal(IReadOnlyList<double> failureCurve, int maxBudget)
    {
        ValidateFailureCurve(failureCurve);
        Guard.InRange(maxBudget, 1, Math.Min(failureCurve.Count - 1, 200_000));
        // u(t): probability that some question is solved exactly at attempt t; u(t) = Σ_k f(k) u(t−k), u(0) = 1.
        var f = new double[maxBudget + 1];
        for (int k = 1; k <= maxBudget; k++)
            f[k] = failureCurve[k - 1] - failureCurve[k];
        var u = new double[maxBudget + 1];
        u[0] = 1;
        var m = new double[maxBudget + 1];
        for (int t = 1; t <= maxBudget; t++)
        {
            double s = 0;
            for (int k = 1; k <= t; k++)
                s += f[k] * u[t - k];
            u[t] = s;
            m[t] = m[t - 1] + s;
        }
        return m;
    }

    /// <summary>
    /// The asymptotic coverage of solve-to-completion over an unbounded pool when F(k) ≈ A k^(−β):
    /// m(C) ≈ C^β / (A Γ(1−β) Γ(1+β)) (sublinear in C).
    /// </summary>
    /// <param name="amplitude">A. Range: A &gt; 0.</param>
    /// <param name="exponent">β. Range: 0 &lt; β &lt; 1.</param>
    /// <param name="budget">C. Range: C &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public static double SolveToCompletionPowerLaw(double amplitude, double exponent, double budget)
    {
        Guard.Positive(amplitude);
        Guard.InOpenRange(exponent, 0, 1);
        Guard.Positive(budget);
        double gammas = MathNet.Numerics.SpecialFunctions.Gamma(1 - exponent) * MathNet.Numerics.SpecialFunctions.Gamma(1 + exponent);
        return Math.Pow(budget, exponent) / (amplitude * gammas);
    }

    /// <summary>
    /// Infers the tail exponent β of 1 − pass@n ∝ n^(−β) from a ReD trace: the least-squares slope of ln U(n)
    /// against ln n over rounds <paramref name="firstRound"/> … <paramref name="lastRound"/>, with a bootstrap over
    /// questions for its standard error.
    /// </summary>
    /// <param name="trace">A ReD τ = 1 trace.</param>
    /// <param name="firstRound">First round of the window. Range: ≥ 1.</param>
    /// <param name="lastRound">Last round of the window. Range: firstRound &lt; lastRound ≤ rounds traced.</param>
    /// <param name="bootstrapSamples">Bootstrap resamples. Range: ≥ 2.</param>
    /// <param name="seed">Seed of the bootstrap.</param>
    /// <exception cref="ArgumentException">A bad window, or U(n) = 0 inside it (no logarithm).</exception>
    public static TailExponentEstimate InferExponent(ResetAndDiscardTrace trace, int firstRound, int lastRound, int bootstrapSamples, int seed)
    {
        Guard.NotNull(trace);
        Guard.Positive(firstRound);
        Guard.InRange(lastRound, firstRound + 1, trace.Rounds.Length);
        Guard.AtLeast(bootstrapSamples, 2);
        var rounds = Enumerable.Range(firstRound, lastRound - firstRound + 1).ToArray();
        double estimate = SlopeFromSolveTimes(trace.SolveTimes, rounds)
            ?? throw new ArgumentException($"U(n) reaches 0 inside rounds {firstRound}…{lastRound}; allowed: a window where some question is unsolved.", nameof(lastRound));

        var random = new Random(SeedSequence.Derive(seed, 0xb007));
        int n = trace.SolveTimes.Length;
        var resample = new long[n];
        double s = 0, s2 = 0;
        int used = 0;
        for (int b = 0; b < bootstrapSamples; b++)
        {
            for (int i = 0; i < n; i++)
                resample[i] = trace.SolveTimes[random.Next(n)];
            if (SlopeFromSolveTimes(resample, rounds) is double slope)
            {
                s += slope; s2 += slope * slope; used++;
            }
        }
        double se = used > 1 ? Math.Sqrt(Math.Max(0, (s2 - s * s / used) / (used - 1))) : double.NaN;
        long cost = trace.Cost[lastRound - 1];
        return new TailExponentEstimate(estimate, se, firstRound, lastRound, cost);
    }

    /// <summary>The log–log slope −d ln F / d ln k of a failure curve over k = first … last (least squares), for comparison with <see cref="InferExponent"/>.</summary>
    /// <param name="failureCurve">F(k) for k = 0 … K. Range: as in <see cref="ResetAndDiscardFrontier"/>.</param>
    /// <param name="first">First k. Range: ≥ 1.</param>
    /// <param name="last">Last k. Range: first &lt; last ≤ K; F(last) &gt; 0.</param>
    /// <exception cref="ArgumentException">A malformed curve or window.</exception>
    public static double LocalExponent(IReadOnlyList<double> failureCurve, int first, int last)
    {
        ValidateFailureCurve(failureCurve);
        Guard.Positive(first);
        Guard.InRange(last, first + 1, failureCurve.Count - 1);
        if (!(failureCurve[last] > 0))
            throw new ArgumentException($"F({last}) = 0; allowed: a window where F(k) > 0.", nameof(last));
        var x = new double[last - first + 1];
        var y = new double[x.Length];
        for (int k = first; k <= last; k++)
        {
            x[k - first] = Math.Log(k);
            y[k - first] = Math.Log(failureCurve[k]);
        }
        return -Slope(x, y);
    }

    private static double? SlopeFromSolveTimes(long[] solveTimes, int[] rounds)
    {
        var sorted = (long[])solveTimes.Clone();
        Array.Sort(sorted);
        var x = new double[rounds.Length];
        var y = new double[rounds.Length];
        for (int i = 0; i < rounds.Length; i++)
        {
            // U(n) = #{T_i > n}: the count above the upper bound of n in the sorted times.
            int lo = 0, hi = sorted.Length;
            while (lo < hi) { int mid = (lo + hi) >>> 1; if (sorted[mid] <= rounds[i]) lo = mid + 1; else hi = mid; }
            int unsolved = sorted.Length - lo;
            if (unsolved == 0) return null;
            x[i] = Math.Log(rounds[i]);
            y[i] = Math.Log(unsolved);
        }
        return -Slope(x, y);
    }

    private static double Slope(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    private static void ValidateFailureCurve(IReadOnlyList<double>? failureCurve)
    {
        Guard.AllFinite(failureCurve);
        if (failureCurve!.Count < 2)
            throw new ArgumentException($"failureCurve has {failureCurve.Count} element(s); allowed: F(0) … F(K) with K ≥ 1.", nameof(failureCurve));
        for (int k = 0; k < failureCurve.Count; k++)
        {
            double v = failureCurve[k];
            if (!(v >= 0 && v <= 1))
                throw new ArgumentOutOfRangeException(nameof(failureCurve), v, $"failureCurve[{k}] = {v} is out of range; allowed: 0 ≤ F(k) ≤ 1.");
            if (k > 0 && v > failureCurve[k - 1] + 1e-12)
                throw new ArgumentException($"failureCurve[{k}] = {v} exceeds failureCurve[{k - 1}] = {failureCurve[k - 1]}; allowed: F non-increasing.", nameof(failureCurve));
        }
        if (Math.Abs(failureCurve[0] - 1) > 1e-12)
            throw new ArgumentException($"failureCurve[0] = {failureCurve[0]}; allowed: F(0) = 1.", nameof(failureCurve));
    }
}
