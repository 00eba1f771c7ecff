using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// One model's per-problem outcomes scored two ways: a continuous metric, the mean over problems of the share of
/// correct attempts (mean c/n, with its standard error over problems), and a thresholded one, the share of problems
/// whose c/n reaches a threshold τ. Same outputs, two metrics — the contrast Schaeffer, Miranda and Koyejo draw.
/// </summary>
/// <param name="Problems">P, the number of problems.</param>
/// <param name="SamplesPerProblem">The smallest n over the problems (all equal in the published data).</param>
/// <param name="MeanAccuracy">(1/P)·Σ c_i/n_i: continuous, resolution 1/(P·n) when every n is equal.</param>
/// <param name="MeanAccuracyStandardError">Sample standard deviation of c_i/n_i over problems, divided by √P (0 when P = 1).</param>
/// <param name="Threshold">τ.</param>
/// <param name="ThresholdedShare">(1/P)·#{i : c_i ≥ τ·n_i}: discontinuous in each c_i, resolution 1/P.</param>
/// <remarks>
/// The two-metric contrast of arXiv 2304.15004 (Sec. 3, Fig. 3) applied, as a proxy, to repeated-sampling data
/// (Brown et al., arXiv 2407.21787, via <see cref="Data.MonkeysPassAtK"/>). Notebook 12.
/// </remarks>
public sealed record BenchmarkScores(int Problems, int SamplesPerProblem, double MeanAccuracy, double MeanAccuracyStandardError,
    double Threshold, double ThresholdedShare)
{
    /// <summary>Scores <paramref name="problems"/> with both metrics.</summary>
    /// <param name="problems">The per-problem (n, c). Range: at least one; each n ≥ 1, 0 ≤ c ≤ n.</param>
    /// <param name="threshold">τ, the share of correct attempts that counts a problem as solved. Range: 0 &lt; τ ≤ 1.</param>
    /// <exception cref="ArgumentException">No problems, inconsistent counts (the message names the problem), or τ outside (0, 1].</exception>
    public static BenchmarkScores Compute(IReadOnlyList<ProblemOutcomes> problems, double threshold)
    {
        Guard.NotEmpty(problems);
        if (!(threshold > 0 && threshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"threshold = {threshold} is out of range; allowed: 0 < threshold ≤ 1.");
        var shares = new double[problems.Count];
        int solved = 0, minSamples = int.MaxValue;
        for (int i = 0; i < shares.Length; i++)
        {
            PassAtK.ValidateProblem(problems[i]);
            shares[i] = (double)problems[i].Successes / problems[i].Samples;
            // Compare counts, c ≥ τ·n, forgiving the rounding of τ·n (10⁻⁹ of a count), so that 3 of 10 reaches τ = 0.3.
            if (problems[i].Successes + 1e-9 >= threshold * problems[i].Samples) solved++;
            minSamples = Math.Min(minSamples, problems[i].Samples);
        }
        double mean = shares.Average();
        double se = shares.Length > 1 ? Math.Sqrt(shares.Sum(s => (s - mean) * (s - mean)) / (shares.Length - 1) / shares.Length) : 0;
        return new BenchmarkScores(shares.Length, minSamples, mean, se, threshold, (double)solved / shares.Length);
    }
}

/// <summary>
/// How many samples per problem a measurement rests on: re-scoring the same outputs from k of the n recorded attempts
/// per problem (drawn without replacement), and the exact probability that such a measurement reads 0.
/// </summary>
/// <remarks>
/// The resolution argument of arXiv 2304.15004 (Sec. 2 factor (2), Sec. 3 "Emergent abilities disappear with better
/// statistics", App. A.1: resolution 1/(test-set size)). Notebook 12.
/// </remarks>
public static class MetricResolution
{
    /// <summary>
    /// The outcomes one would have recorded with only k attempts per problem: for each problem, the number correct among
    /// k of its n attempts drawn without replacement, c′ ~ Hypergeometric(n, c, k).
    /// </summary>
    /// <param name="problems">The full per-problem (n, c). Range: at least one; each n ≥ k, 0 ≤ c ≤ n.</param>
    /// <param name="samplesPerProblem">k. Range: 1 ≤ k ≤ every n.</param>
    /// <param name="random">The generator (the caller's seed): same seed, same draw.</param>
    /// <returns>(k, c′) per problem, in order, with the same labels.</returns>
    /// <exception cref="ArgumentException">No problems, inconsistent counts, or k outside 1..n for some problem.</exception>
    public static ProblemOutcomes[] Subsample(IReadOnlyList<ProblemOutcomes> problems, int samplesPerProblem, Random random)
    {
        Guard.NotEmpty(problems);
        ArgumentNullException.ThrowIfNull(random);
        Guard.Positive(samplesPerProblem);
        var result = new ProblemOutcomes[problems.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var p = problems[i];
            PassAtK.ValidateProblem(p, samplesPerProblem);
            int c = samplesPerProblem == p.Samples ? p.Successes
                : MathNet.Numerics.Distributions.Hypergeometric.Sample(random, p.Samples, p.Successes, samplesPerProblem);
            result[i] = new ProblemOutcomes(p.ProblemId, samplesPerProblem, c);
        }
        return result;
    }

    /// <summary>
    /// The probability that a measurement from k attempts per problem (drawn without replacement) sees no correct
    /// attempt at all, so that every metric reads 0: Π_i C(n_i − c_i, k)/C(n_i, k) = Π_i (1 − pass@k_i).
    /// </summary>
    /// <param name="problems">The full per-problem (n, c). Range: at least one; each n ≥ k, 0 ≤ c ≤ n.</param>
    /// <param name="samplesPerProblem">k. Range: 1 ≤ k ≤ every n.</param>
    /// <exception cref="ArgumentException">No problems, inconsistent counts, or k outside 1..n for some problem.</exception>
    public static double ZeroReadingProbability(IReadOnlyList<ProblemOutcomes> problems, int samplesPerProblem)
    {
        Guard.NotEmpty(problems);
        Guard.Positive(samplesPerProblem);
        double logProbability = 0;
        foreach (var p in problems)
        {
            PassAtK.ValidateProblem(p, samplesPerProblem);
            logProbability += Math.Log(PassAtK.EstimateFailure(p.Samples, p.Successes, samplesPerProblem));
        }
        return Math.Exp(logProbability);
    }
}
