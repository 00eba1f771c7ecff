using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// Spends a total budget of attempts across problems, drawing each attempt from a problem's recorded outcomes
/// without replacement (an urn of n recorded attempts, c of them correct): uniform allocation, or the dynamic
/// allocation of Kazdan, Schaeffer et al. (Algorithm 1) that gives each next attempt to the problem with the fewest
/// successes so far, ties broken by the fewest attempts, then uniformly at random.
/// </summary>
/// <remarks>
/// Kazdan, Schaeffer et al., arXiv 2510.05197, Algorithm 1 (dynamic sampling). Drawing from the recorded outcomes
/// (rather than from Bernoulli(c/n)) replays the real data: a problem with c = 0 never succeeds. Used by notebook 09.
/// </remarks>
public static class BudgetAllocation
{
    /// <summary>Splits the budget evenly: ⌊B/N⌋ attempts per problem, the remainder to distinct problems chosen at random.</summary>
    /// <param name="recorded">Each problem's recorded (n, c). Range: at least one; each n ≥ 1, 0 ≤ c ≤ n.</param>
    /// <param name="budget">B, total attempts. Range: B ≥ 1.</param>
    /// <param name="random">The randomness (draws and remainder).</param>
    public static SampledCounts Uniform(IReadOnlyList<ProblemOutcomes> recorded, int budget, Random random)
    {
        Validate(recorded, budget, random);
        int problems = recorded.Count;
        var share = new int[problems];
        for (int i = 0; i < problems; i++)
            share[i] = budget / problems;
        foreach (int i in Enumerable.Range(0, problems).OrderBy(_ => random.Next()).Take(budget % problems))
            share[i]++;
        var counts = new ProblemOutcomes[problems];
        int used = 0, exhausted = 0;
        for (int i = 0; i < problems; i++)
        {
            int n = Math.Min(share[i], recorded[i].Samples);
            if (n == recorded[i].Samples && share[i] >= recorded[i].Samples)
                exhausted++;
            int c = 0, left = recorded[i].Samples, good = recorded[i].Successes;
            for (int t = 0; t < n; t++)
            {
                if (random.NextDouble() * left < good) { c++; good--; }
                left--;
            }
            counts[i] = new ProblemOutcomes(recorded[i].ProblemId, n, c);
            used += n;
        }
        return new SampledCounts(counts, used, exhausted);
    }

    /// <summary>Dynamic sampling (Algorithm 1): each attempt goes to the problem with the fewest successes, then fewest attempts, then at random.</summary>
    /// <param name="recorded">Each problem's recorded (n, c). Range: at least one; each n ≥ 1, 0 ≤ c ≤ n.</param>
    /// <param name="budget">B, total attempts. Range: B ≥ 1.</param>
    /// <param name="random">The randomness (draws and tie-breaks).</param>
    public static SampledCounts Dynamic(IReadOnlyList<ProblemOutcomes> recorded, int budget, Random random)
    {
        Validate(recorded, budget, random);
        int problems = recorded.Count;
        var attempts = new int[problems];
        var successes = new int[problems];
        var good = recorded.Select(r => r.Successes).ToArray();
        int used = 0;
        for (; used < budget; used++)
        {
            int chosen = -1, ties = 0;
            for (int i = 0; i < problems; i++)
            {
                if (attempts[i] >= recorded[i].Samples)
                    continue; // this problem's recorded outcomes are used up
                if (chosen < 0 || successes[i] < successes[chosen]
                    || (successes[i] == successes[chosen] && attempts[i] < attempts[chosen]))
                {
                    chosen = i;
                    ties = 1;
                }
                else if (successes[i] == successes[chosen] && attempts[i] == attempts[chosen])
                {
                    // Reservoir choice: each of the tied problems ends up chosen with probability 1/ties.
                    ties++;
                    if (random.Next(ties) == 0)
                        chosen = i;
                }
            }
            if (chosen < 0)
                break;
            int left = recorded[chosen].Samples - attempts[chosen];
            if (random.NextDouble() * left < good[chosen])
            {
                successes[chosen]++;
                good[chosen]--;
            }
            attempts[chosen]++;
        }
        var counts = new ProblemOutcomes[problems];
        int exhausted = 0;
        for (int i = 0; i < problems; i++)
        {
            counts[i] = new ProblemOutcomes(recorded[i].ProblemId, attempts[i], successes[i]);
            if (attempts[i] >= recorded[i].Samples)
                exhausted++;
        }
        return new SampledCounts(counts, used, exhausted);
    }

    private static void Validate(IReadOnlyList<ProblemOutcomes> recorded, int budget, Random random)
    {
        Guard.NotEmpty(recorded);
        Guard.Positive(budget);
        Guard.NotNull(random);
        for (int i = 0; i < recorded.Count; i++)
            PassAtK.ValidateProblem(recorded[i] with { ProblemId = $"recorded[{i}] {recorded[i].ProblemId}" });
    }
}
