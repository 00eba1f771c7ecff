using FsCheck.Xunit;
using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

public class CoverageSimulatorTests
{
    // With every p_i = p each attempt succeeds independently with probability p whatever the policy, so the number
    // solved within C attempts is min(N, Binomial(C, p)) in distribution for solve-to-completion and for ReD alike.
    private static double ExpectedMinBinomial(int questions, long budget, double p)
    {
        double mean = 0, pmf = Math.Pow(1 - p, budget);
        for (long s = 0; s <= budget; s++)
        {
            mean += pmf * Math.Min(s, questions);
            pmf = pmf * (budget - s) / (s + 1) * p / (1 - p);
        }
        return mean;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Simulate_EqualProbabilities_MatchesMinBinomialForEveryPolicy(int policyIndex)
    {
        var policy = new[] { CoveragePolicy.SolveToCompletion, CoveragePolicy.ResetAndDiscard(1), CoveragePolicy.ResetAndDiscard(4) }[Math.Min(policyIndex, 2)];
        const int n = 12;
        const double p = 0.1;
        var questions = CoverageQuestions.FromSuccessProbabilities(Enumerable.Repeat(p, n).ToArray());
        long[] budgets = [10, 40, 100, 200];
        var curve = CoverageSimulator.Simulate(questions, policy, budgets, replicas: 20000, seed: 11 + policyIndex);
        for (int b = 0; b < budgets.Length; b++)
        {
            double expected = ExpectedMinBinomial(n, budgets[b], p);
            // 4 standard errors: a false alarm has probability ≈ 6e-5 per point.
            NumericAssert.CloseAbs(expected, curve.MeanCoverage[b], 4 * curve.StandardError[b] + 1e-9, $"{policy} at C = {budgets[b]}");
        }
    }

    [Fact]
    public void Simulate_SameSeed_GivesIdenticalResultsAndDifferentSeedDiffers()
    {
        var questions = CoverageQuestions.FromSuccessProbabilities([0.5, 0.05, 0.01, 0.001, 0.2]);
        long[] budgets = [1, 10, 100, 1000];
        var a = CoverageSimulator.Simulate(questions, CoveragePolicy.ResetAndDiscard(1), budgets, 64, 5);
        var b = CoverageSimulator.Simulate(questions, CoveragePolicy.ResetAndDiscard(1), budgets, 64, 5);
        var c = CoverageSimulator.Simulate(questions, CoveragePolicy.ResetAndDiscard(1), budgets, 64, 6);
        Assert.Equal(a.MeanCoverage, b.MeanCoverage);
        Assert.Equal(a.MeanCostToSolve, b.MeanCostToSolve);
        Assert.NotEqual(a.MeanCoverage, c.MeanCoverage);
    }

    [Fact]
    public void Simulate_SolveToCompletionWithAnUnsolvableQuestion_SomeReplicasNeverFinish()
    {
        var questions = CoverageQuestions.FromSuccessProbabilities([0.5, 0.0, 0.5]);
        var stc = CoverageSimulator.Simulate(questions, CoveragePolicy.SolveToCompletion, [1_000_000], 400, 3);
        var red = CoverageSimulator.Simulate(questions, CoveragePolicy.ResetAndDiscard(1), [1_000_000], 400, 3);
        // STC stops for good at the unsolvable question: it solves 2 only when that question comes last (prob 1/3).
        Assert.InRange(stc.ReachedFraction[1], 0.25, 0.42);
        Assert.Equal(double.PositiveInfinity, stc.MeanCostToSolve[1]);
        Assert.Equal(1.0, red.ReachedFraction[1]);
        Assert.Equal(0.0, red.ReachedFraction[2]);
        NumericAssert.Close(2.0, red.MeanCoverage[0], 1e-12);
    }

    [Fact]
    public void Simulate_RecordedOutcomesWithAllCorrect_SolvesEachQuestionAtFirstAttempt()
    {
        var questions = CoverageQuestions.FromRecordedOutcomes([new ProblemOutcomes("a", 5, 5), new ProblemOutcomes("b", 7, 7)]);
        var curve = CoverageSimulator.Simulate(questions, CoveragePolicy.ResetAndDiscard(3), [0, 1, 2], 8, 1);
        Assert.Equal(new[] { 0.0, 1.0, 2.0 }, curve.MeanCoverage);
    }

    [Fact]
    public void Simulate_RecordedOutcomes_MeanCostToSolveAllEqualsSumOfHypergeometricMeans()
    {
        // The first success among c marked positions of n has mean (n + 1)/(c + 1); STC solves all after Σ T_i.
        ProblemOutcomes[] problems = [new("a", 100, 1), new("b", 100, 9), new("c", 50, 40)];
        double expected = problems.Sum(q => (q.Samples + 1.0) / (q.Successes + 1.0));
        var questions = CoverageQuestions.FromRecordedOutcomes(problems);
        var curve = CoverageSimulator.Simulate(questions, CoveragePolicy.SolveToCompletion, [1000], 40000, 9);
        // Var(T) is (100² − 1)/12 ≈ 833 for c = 1 and below 100 for the others: total < 1000, so the standard error
        // over 40 000 replicas is below √(1000/40000) ≈ 0.16 (an off-by-one in T would shift the mean by 3).
        NumericAssert.CloseAbs(expected, curve.MeanCostToSolve[2], 4 * 0.16);
        // Its reported standard error: √((833.25 + ≈ 90 + ≈ 0.3)/40000) ≈ 0.152.
        Assert.InRange(curve.CostToSolveStandardError[2], 0.13, 0.17);
        Assert.True(double.IsNaN(CoverageSimulator.Simulate(CoverageQuestions.FromSuccessProbabilities([0.0]), CoveragePolicy.SolveToCompletion, [5], 2, 1).CostToSolveStandardError[0]));
    }

    [Property(MaxTest = 60)]
    public bool Simulate_AnyQuestionsAndPolicy_CoverageIsNonDecreasingInBudget(int[] rawProbabilities, byte tauRaw, int seed)
    {
        double[] p = (rawProbabilities.Length == 0 ? [7] : rawProbabilities).Take(15).Select(r => ((uint)r % 1001) / 1000.0).ToArray();
        int tau = tauRaw % 5;
        var policy = tau == 0 ? CoveragePolicy.SolveToCompletion : CoveragePolicy.ResetAndDiscard(tau);
        long[] budgets = [0, 1, 2, 3, 5, 8, 13, 21, 50, 100, 300, 1000];
        var curve = CoverageSimulator.Simulate(CoverageQuestions.FromSuccessProbabilities(p), policy, budgets, 8, seed);
        for (int b = 1; b < budgets.Length; b++)
        {
            if (curve.MeanCoverage[b] < curve.MeanCoverage[b - 1]) return false;
        }
        return curve.MeanCoverage[0] == 0 && curve.MeanCoverage[^1] <= p.Length;
    }

    [Property(MaxTest = 40)]
    public bool Simulate_AnyQuestions_ResetAndDiscardTauOneCoversAtLeastSolveToCompletionOnAverage(int[] rawProbabilities, int seed)
    {
        // Not a pathwise law: a statement about expectations, checked with many replicas and a 4-SE allowance.
        double[] p = (rawProbabilities.Length == 0 ? [3] : rawProbabilities).Take(10).Select(r => ((uint)r % 1001) / 1000.0).ToArray();
        long[] budgets = [1, 4, 16, 64, 256];
        var q = CoverageQuestions.FromSuccessProbabilities(p);
        var red = CoverageSimulator.Simulate(q, CoveragePolicy.ResetAndDiscard(1), budgets, 2000, seed);
        var stc = CoverageSimulator.Simulate(q, CoveragePolicy.SolveToCompletion, budgets, 2000, seed + 1);
        for (int b = 0; b < budgets.Length; b++)
        {
            double allowance = 4 * Math.Sqrt(red.StandardError[b] * red.StandardError[b] + stc.StandardError[b] * stc.StandardError[b]);
            if (red.MeanCoverage[b] + allowance + 1e-12 < stc.MeanCoverage[b]) return false;
        }
        return true;
    }

    [Fact]
    public void TraceRounds_UnsolvedCountsAreNonIncreasingAndCostIsConsistent()
    {
        var q = CoverageQuestions.FromSuccessProbabilities([0.9, 0.3, 0.01, 0.0]);
        var trace = CoverageSimulator.TraceRounds(q, 50, 4);
        Assert.Equal(4, trace.QuestionCount);
        for (int r = 1; r < trace.Rounds.Length; r++)
        {
            Assert.True(trace.Unsolved[r] <= trace.Unsolved[r - 1]);
            // Each round costs one attempt per question still unsolved at its start.
            Assert.Equal(trace.Unsolved[r - 1], trace.Cost[r] - trace.Cost[r - 1]);
        }
        Assert.True(trace.Unsolved[^1] >= 1); // the p = 0 question is never solved
        Assert.Equal(4, trace.Cost[0]);
    }

    [Fact]
    public void Simulate_BadInputs_ThrowNamingTheParameter()
    {
        var q = CoverageQuestions.FromSuccessProbabilities([0.5]);
        Assert.Throws<ArgumentNullException>(() => CoverageSimulator.Simulate(null!, CoveragePolicy.SolveToCompletion, [1], 2, 0));
        Assert.Throws<ArgumentNullException>(() => CoverageSimulator.Simulate(q, null!, [1], 2, 0));
        Assert.Contains("budgets", Assert.Throws<ArgumentException>(() => CoverageSimulator.Simulate(q, CoveragePolicy.SolveToCompletion, [], 2, 0)).Message);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => CoverageSimulator.Simulate(q, CoveragePolicy.SolveToCompletion, [5, -1], 2, 0));
        Assert.Contains("budgets[1] = -1", negative.Message);
        Assert.Equal("replicas", Assert.Throws<ArgumentOutOfRangeException>(() => CoverageSimulator.Simulate(q, CoveragePolicy.SolveToCompletion, [1], 1, 0)).ParamName);
        Assert.Equal("rounds", Assert.Throws<ArgumentOutOfRangeException>(() => CoverageSimulator.TraceRounds(q, 0, 0)).ParamName);
        Assert.Throws<ArgumentNullException>(() => CoverageSimulator.TraceRounds(null!, 3, 0));
    }

    [Fact]
    public void GrowthExponent_EqualProbabilitiesFarFromSaturation_IsOne()
    {
        // Coverage = E[min(N, Bin(C, p))] ≈ C·p while C·p ≪ N: linear growth.
        var q = CoverageQuestions.FromSuccessProbabilities(Enumerable.Repeat(0.01, 2000).ToArray());
        var curve = CoverageSimulator.Simulate(q, CoveragePolicy.SolveToCompletion, [1000, 3000, 10000, 30000], 200, 2);
        NumericAssert.CloseAbs(1.0, curve.GrowthExponent(1000, 30000), 0.02);
        Assert.Throws<ArgumentOutOfRangeException>(() => curve.GrowthExponent(10, 5));
        Assert.Throws<ArgumentException>(() => curve.GrowthExponent(1000, 2000));
    }
}
