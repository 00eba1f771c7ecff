using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// The unbiased pass@k estimator of Chen et al. (2021): for a problem with n attempts of which c are correct,
/// pass@k = 1 − C(n−c, k)/C(n, k), the probability that a random size-k subset of the n attempts holds at least one
/// correct attempt. Its expectation over the binomial draw of c equals 1 − (1 − p)^k exactly, for every k ≤ n.
/// </summary>
/// <remarks>
/// <para>
/// The binomial ratio is computed as the product Π_{i=0}^{k−1} (1 − c/(n−i)) summed in logarithms with
/// <c>log1p</c>, which keeps full relative precision for n = 10⁴ and every k ≤ n (a ratio of log-gamma values
/// loses about five digits there to cancellation). <see cref="EstimateFailure"/> returns the ratio itself, so that
/// 1 − pass@k keeps its relative precision when pass@k is close to 1 (needed for power-law tail fits).
/// </para>
/// <para>
/// Sources: M. Chen et al., "Evaluating Large Language Models Trained on Code", arXiv 2107.03374, Eq. (1);
/// Brown et al., arXiv 2407.21787. Used by notebooks 06 (Levi 2024), 07 (Meir 2026), 08 (Levi 2026) and
/// 09 (Kazdan 2025).
/// </para>
/// </remarks>
public static class PassAtK
{
    /// <summary>The unbiased estimate of pass@k for one problem.</summary>
    /// <param name="samples">n, the number of attempts. Range: n ≥ 1.</param>
    /// <param name="successes">c, the number of correct attempts. Range: 0 ≤ c ≤ n.</param>
    /// <param name="k">k, the attempt budget. Range: 1 ≤ k ≤ n.</param>
    /// <returns>pass@k ∈ [0, 1]: exactly 0 when c = 0 and exactly 1 when n − c &lt; k.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public static double Estimate(int samples, int successes, int k)
    {
        Validate(samples, successes, k, problemId: null);
        return -BetaFunctions.ExpMinusOne(LogFailure(samples, successes, k));
    }

    /// <summary>The unbiased estimate of 1 − pass@k = C(n−c, k)/C(n, k) for one problem, without cancellation.</summary>
    /// <param name="samples">n, the number of attempts. Range: n ≥ 1.</param>
    /// <param name="successes">c, the number of correct attempts. Range: 0 ≤ c ≤ n.</param>
    /// <param name="k">k, the attempt budget. Range: 1 ≤ k ≤ n.</param>
    /// <returns>1 − pass@k ∈ [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public static double EstimateFailure(int samples, int successes, int k)
    {
        Validate(samples, successes, k, problemId: null);
        return Math.Exp(LogFailure(samples, successes, k));
    }

    /// <summary>pass@k of one problem at several budgets, in one pass over the product (cost O(max k)).</summary>
    /// <param name="samples">n, the number of attempts. Range: n ≥ 1.</param>
    /// <param name="successes">c, the number of correct attempts. Range: 0 ≤ c ≤ n.</param>
    /// <param name="ks">The budgets, in any order. Range: each 1 ≤ k ≤ n; at least one.</param>
    /// <returns>pass@k for each entry of <paramref name="ks"/>, in the same order.</returns>
    /// <exception cref="ArgumentException">Empty <paramref name="ks"/> or an argument outside its range.</exception>
    public static double[] EstimateCurve(int samples, int successes, IReadOnlyList<int> ks)
    {
        double[] logFailure = LogFailureCurve(new ProblemOutcomes("", samples, successes), ks, named: false);
        for (int j = 0; j < logFailure.Length; j++)
            logFailure[j] = -BetaFunctions.ExpMinusOne(logFailure[j]);
        return logFailure;
    }

    /// <summary>1 − pass@k of one problem at several budgets (cost O(max k)).</summary>
    /// <param name="samples">n, the number of attempts. Range: n ≥ 1.</param>
    /// <param name="successes">c, the number of correct attempts. Range: 0 ≤ c ≤ n.</param>
    /// <param name="ks">The budgets, in any order. Range: each 1 ≤ k ≤ n; at least one.</param>
    /// <returns>1 − pass@k for each entry of <paramref name="ks"/>, in the same order.</returns>
    /// <exception cref="ArgumentException">Empty <paramref name="ks"/> or an argument outside its range.</exception>
    public static double[] EstimateFailureCurve(int samples, int successes, IReadOnlyList<int> ks)
    {
        double[] logFailure = LogFailureCurve(new ProblemOutcomes("", samples, successes), ks, named: false);
        for (int j = 0; j < logFailure.Length; j++)
            logFailure[j] = Math.Exp(logFailure[j]);
        return logFailure;
    }

    /// <summary>The benchmark-level pass@k: the per-problem unbiased estimates averaged over problems.</summary>
    /// <param name="problems">The problems' (n, c). Range: at least one; each 0 ≤ c ≤ n, n ≥ 1.</param>
    /// <param name="k">k, the attempt budget. Range: 1 ≤ k ≤ n of every problem.</param>
    /// <returns>The mean of pass@k over problems, in [0, 1].</returns>
    /// <exception cref="ArgumentException">Empty input, or a problem whose counts are inconsistent with k (the message names it).</exception>
    public static double Mean(IReadOnlyList<ProblemOutcomes> problems, int k)
        => MeanCurve(problems, new[] { k })[0];

    /// <summary>The benchmark-level pass@k at several budgets.</summary>
    /// <param name="problems">The problems' (n, c). Range: at least one; each 0 ≤ c ≤ n, n ≥ 1.</param>
    /// <param name="ks">The budgets, in any order. Range: each 1 ≤ k ≤ n of every problem; at least one.</param>
    /// <returns>The mean over problems of pass@k for each entry of <paramref name="ks"/>.</returns>
    /// <exception cref="ArgumentException">Empty input, or a problem whose counts are inconsistent with k (the message names it).</exception>
    public static double[] MeanCurve(IReadOnlyList<ProblemOutcomes> problems, IReadOnlyList<int> ks)
    {
        Guard.NotEmpty(problems);
        Guard.NotEmpty(ks);
        var sum = new double[ks.Count];
        for (int i = 0; i < problems.Count; i++)
        {
            double[] logFailure = LogFailureCurve(problems[i], ks, named: true, index: i);
            for (int j = 0; j < logFailure.Length; j++)
                sum[j] -= BetaFunctions.ExpMinusOne(logFailure[j]);
        }
        for (int j = 0; j < sum.Length; j++)
            sum[j] /= problems.Count;
        return sum;
    }

    /// <summary>The benchmark-level 1 − pass@k at several budgets (mean of the per-problem C(n−c, k)/C(n, k)).</summary>
    /// <param name="problems">The problems' (n, c). Range: at least one; each 0 ≤ c ≤ n, n ≥ 1.</param>
    /// <param name="ks">The budgets, in any order. Range: each 1 ≤ k ≤ n of every problem; at least one.</param>
    /// <returns>The mean over problems of 1 − pass@k for each entry of <paramref name="ks"/>.</returns>
    /// <exception cref="ArgumentException">Empty input, or a problem whose counts are inconsistent with k (the message names it).</exception>
    public static double[] MeanFailureCurve(IReadOnlyList<ProblemOutcomes> problems, IReadOnlyList<int> ks)
    {
        Guard.NotEmpty(problems);
        Guard.NotEmpty(ks);
        var sum = new double[ks.Count];
        for (int i = 0; i < problems.Count; i++)
        {
            double[] logFailure = LogFailureCurve(problems[i], ks, named: true, index: i);
            for (int j = 0; j < logFailure.Length; j++)
                sum[j] += Math.Exp(logFailure[j]);
        }
        for (int j = 0; j < sum.Length; j++)
            sum[j] /= problems.Count;
        return sum;
    }

    /// <summary>
    /// Checks one problem's counts against a budget and throws an exception that names the problem.
    /// Exposed so that fitters and simulators validate counts with the same messages.
    /// </summary>
    /// <param name="problem">The counts to check.</param>
    /// <param name="maxK">The largest budget that will be evaluated, or 0 for none. Range: 0 ≤ maxK ≤ n.</param>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, c &lt; 0, c &gt; n, or maxK outside 1..n.</exception>
    public static void ValidateProblem(ProblemOutcomes problem, int maxK = 0)
    {
        Validate(problem.Samples, problem.Successes, maxK == 0 ? 1 : maxK, Describe(problem, null), checkK: maxK != 0);
    }

    private static double[] LogFailureCurve(ProblemOutcomes problem, IReadOnlyList<int> ks, bool named, int index = -1)
    {
        Guard.NotEmpty(ks);
        string? who = named ? Describe(problem, index) : null;
        int maxK = 0;
        for (int j = 0; j < ks.Count; j++)
        {
            Validate(problem.Samples, problem.Successes, ks[j], who, kName: $"ks[{j}]");
            maxK = Math.Max(maxK, ks[j]);
        }

        // Accumulate ln Π (1 − c/(n−i)) once up to max k and read off ln(1 − pass@k) at each requested budget.
        int[] order = Enumerable.Range(0, ks.Count).OrderBy(j => ks[j]).ToArray();
        var result = new double[ks.Count];
        int n = problem.Samples, c = problem.Successes;
        double logRatio = 0;
        int done = 0;
        foreach (int j in order)
        {
            int k = ks[j];
            if (c == 0) { result[j] = 0; continue; }
            if (n - c < k) { result[j] = double.NegativeInfinity; continue; }
            for (int i = done; i < k; i++)
                logRatio += Math.Log(1 - (double)c / (n - i));
            done = Math.Max(done, k);
            result[j] = logRatio;
        }
        return result;
    }

    // ln[C(n−c, k)/C(n, k)] = Σ_{i<k} ln(1 − c/(n−i)); −∞ when n − c < k.
    private static double LogFailure(int n, int c, int k)
    {
        if (c == 0)
            return 0;
        if (n - c < k)
            return double.NegativeInfinity;
        double sum = 0;
        for (int i = 0; i < k; i++)
            sum += Math.Log(1 - (double)c / (n - i));
        return sum;
    }

    private static string Describe(ProblemOutcomes problem, int? index)
    {
        string label = string.IsNullOrEmpty(problem.ProblemId) ? "" : $" '{problem.ProblemId}'";
        return index is int i ? $"problems[{i}]{label}" : $"problem{label}";
    }

    private static void Validate(int samples, int successes, int k, string? problemId, bool checkK = true, string kName = "k")
    {
        string prefix = problemId is null ? "" : $"{problemId}: ";
        if (samples < 1)
            throw new ArgumentOutOfRangeException(nameof(samples), samples,
                $"{prefix}samples n = {samples} is out of range; allowed: n ≥ 1.");
        if (successes < 0)
            throw new ArgumentOutOfRangeException(nameof(successes), successes,
                $"{prefix}successes c = {successes} is negative; allowed: 0 ≤ c ≤ n = {samples}.");
        if (successes > samples)
            throw new ArgumentOutOfRangeException(nameof(successes), successes,
                $"{prefix}successes c = {successes} exceeds samples n = {samples}; allowed: 0 ≤ c ≤ n.");
        if (checkK && (k < 1 || k > samples))
            throw new ArgumentOutOfRangeException(kName, k,
                $"{prefix}{kName} = {k} is out of range; allowed: 1 ≤ k ≤ n = {samples}.");
    }
}
