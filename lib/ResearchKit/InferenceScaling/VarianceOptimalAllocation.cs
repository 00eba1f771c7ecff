using MathNet.Numerics;
using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// Theorem 1 of Kazdan, Schaeffer et al.: how to split a budget of B attempts over m problems so that the plug-in
/// estimate of benchmark pass@k, (1/m) Σᵢ [1 − (1 − ĉᵢ/bᵢ)ᵏ], has the smallest variance. To first order (delta
/// method) Var ≈ (1/m²) Σᵢ k² pᵢ (1 − pᵢ)^(2k−1) / bᵢ, minimised under Σ bᵢ = B by
/// bᵢ* ∝ √(pᵢ (1 − pᵢ)^(2k−1)). The allocation needs the true pᵢ — it is an oracle that motivates dynamic
/// sampling, not a procedure — and this type also gives the exact variance of the plug-in estimate for any
/// allocation, so the first-order argument can be checked.
/// </summary>
/// <remarks>
/// Kazdan, Schaeffer et al., arXiv 2510.05197, Sec. 4.2, Theorem 1 (proof in App. D). For k = 1 the rule is
/// Neyman's allocation bᵢ ∝ √(pᵢ(1 − pᵢ)). Used by notebook 09.
/// </remarks>
public static class VarianceOptimalAllocation
{
    /// <summary>
    /// The Theorem 1 weights √(pᵢ (1 − pᵢ)^(2k−1)) turned into integer attempts that sum to the budget: every problem
    /// gets at least <paramref name="minimumPerProblem"/>, the rest is split in proportion to the weights by largest
    /// remainders. When every weight is 0 (all pᵢ ∈ {0, 1}) the rest is split evenly.
    /// </summary>
    /// <param name="successProbabilities">pᵢ, one per problem. Range: at least one; each 0 ≤ pᵢ ≤ 1.</param>
    /// <param name="k">k, the pass@k being estimated. Range: k ≥ 1.</param>
    /// <param name="budget">B, total attempts. Range: B ≥ m · minimumPerProblem.</param>
    /// <param name="minimumPerProblem">Attempts every problem gets regardless of its weight (the plug-in estimate needs bᵢ ≥ 1). Range: ≥ 1.</param>
    public static int[] Shares(IReadOnlyList<double> successProbabilities, int k, int budget, int minimumPerProblem = 1)
    {
        ValidateProbabilities(successProbabilities);
        Guard.Positive(k);
        Guard.Positive(minimumPerProblem);
        int m = successProbabilities.Count;
        long floor = (long)m * minimumPerProblem; // long: m · minimum can exceed int.MaxValue, and wrap to a negative guard
        if (budget < floor)
            throw new ArgumentOutOfRangeException(nameof(budget), budget,
                $"budget = {budget} is below m · minimumPerProblem = {m} · {minimumPerProblem} = {floor}; allowed: budget ≥ {floor}.");
        double[] weights = successProbabilities.Select(p => Weight(p, k)).ToArray();
        double total = weights.Sum();
        if (total == 0)
            weights = Enumerable.Repeat(1.0, m).ToArray();
        total = weights.Sum();
        int rest = budget - m * minimumPerProblem;
        var shares = new int[m];
        var remainders = new double[m];
        int given = 0;
        for (int i = 0; i < m; i++)
        {
            double exact = rest * weights[i] / total;
            shares[i] = minimumPerProblem + (int)Math.Floor(exact);
            remainders[i] = exact - Math.Floor(exact);
            given += (int)Math.Floor(exact);
        }
        // Largest remainders first; ties by index, so the result is deterministic.
        foreach (int i in Enumerable.Range(0, m).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(rest - given))
            shares[i]++;
        return shares;
    }

    /// <summary>Exact variance of the plug-in estimate 1 − (1 − X/b)ᵏ of one problem's pass@k, X ~ Binomial(b, p).</summary>
    /// <param name="p">p, the problem's single-attempt success probability. Range: 0 ≤ p ≤ 1.</param>
    /// <param name="attempts">b, the attempts spent on it. Range: 1 ≤ b ≤ Array.MaxLength − 1 (the binomial pmf is one array).</param>
    /// <param name="k">k. Range: k ≥ 1.</param>
    public static double PlugInVariance(double p, int attempts, int k)
    {
        Guard.InRange(p, 0, 1);
        Guard.InRange(attempts, 1, Array.MaxLength - 1); // attempts + 1 wrapped at int.MaxValue (a bare OverflowException)
        Guard.Positive(k);
        if (p == 0 || p == 1)
            return 0;
        // Two passes (mean, then squared deviations) avoid the cancellation of E[f²] − E[f]² when the variance is small.
        var pmf = new double[attempts + 1];
        var failure = new double[attempts + 1];
        double mean = 0;
        for (int x = 0; x <= attempts; x++)
        {
            double logPmf = SpecialFunctions.BinomialLn(attempts, x) + x * Math.Log(p) + (attempts - x) * double.LogP1(-p);
            pmf[x] = logPmf < -745 ? 0 : Math.Exp(logPmf); // below the smallest double: contributes nothing
            failure[x] = Math.Pow(1 - (double)x / attempts, k);
            mean += pmf[x] * failure[x];
        }
        double variance = 0;
        for (int x = 0; x <= attempts; x++)
            variance += pmf[x] * (failure[x] - mean) * (failure[x] - mean);
        return variance;
    }

    /// <summary>Exact variance of the benchmark plug-in estimate (1/m) Σᵢ [1 − (1 − Xᵢ/bᵢ)ᵏ] (problems independent).</summary>
    /// <param name="successProbabilities">pᵢ. Range: at least one; each 0 ≤ pᵢ ≤ 1.</param>
    /// <param name="attempts">bᵢ, same length. Range: each ≥ 1.</param>
    /// <param name="k">k. Range: k ≥ 1.</param>
    public static double BenchmarkPlugInVariance(IReadOnlyList<double> successProbabilities, IReadOnlyList<int> attempts, int k)
    {
        ValidateProbabilities(successProbabilities);
        Guard.NotNull(attempts);
        Guard.SameLength(attempts.Count, successProbabilities.Count, nameof(attempts), nameof(successProbabilities));
        int m = successProbabilities.Count;
        double sum = 0;
        for (int i = 0; i < m; i++)
            sum += PlugInVariance(successProbabilities[i], attempts[i], k);
        return sum / ((double)m * m);
    }

    /// <summary>The first-order (delta-method) variance (1/m²) Σᵢ k² pᵢ (1 − pᵢ)^(2k−1) / bᵢ that Theorem 1 minimises.</summary>
    /// <param name="successProbabilities">pᵢ. Range: at least one; each 0 ≤ pᵢ ≤ 1.</param>
    /// <param name="attempts">bᵢ, same length. Range: each ≥ 1.</param>
    /// <param name="k">k. Range: k ≥ 1.</param>
    public static double BenchmarkDeltaMethodVariance(IReadOnlyList<double> successProbabilities, IReadOnlyList<int> attempts, int k)
    {
        ValidateProbabilities(successProbabilities);
        Guard.NotNull(attempts);
        Guard.SameLength(attempts.Count, successProbabilities.Count, nameof(attempts), nameof(successProbabilities));
        Guard.Positive(k);
        int m = successProbabilities.Count;
        double sum = 0;
        for (int i = 0; i < m; i++)
        {
            Guard.Positive(attempts[i], $"attempts[{i}]");
            double w = Weight(successProbabilities[i], k);
            sum += (double)k * k * w * w / attempts[i];
        }
        return sum / ((double)m * m);
    }

    private static double Weight(double p, int k) => p <= 0 || p >= 1 ? 0 : Math.Sqrt(p * Math.Exp((2.0 * k - 1) * double.LogP1(-p)));

    private static void ValidateProbabilities(IReadOnlyList<double> successProbabilities)
    {
        Guard.NotEmpty(successProbabilities);
        for (int i = 0; i < successProbabilities.Count; i++)
            Guard.InRange(successProbabilities[i], 0, 1, $"successProbabilities[{i}]");
    }
}
