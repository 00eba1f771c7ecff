using ResearchKit.Data;
using ResearchKit.InferenceScaling;
using ResearchKit.Tests.Data;

namespace ResearchKit.Tests.Papers;

/// <summary>Meir, Keidar, Levi, Reuveni, Hirshberg, arXiv 2601.21522 (ReD), on the Large Language Monkeys data (notebook 07).</summary>
public class P07_MeirResetAndDiscardTests
{
    private static readonly MonkeysPassAtK Monkeys = MonkeysPassAtK.Load(SharedData.File("large-language-monkeys-passk", MonkeysPassAtK.FileName));

    private static CoverageQuestions Solvable(string model, string bench)
        => CoverageQuestions.FromRecordedOutcomes(Monkeys.Problems(model, bench).Where(p => p.Successes > 0).ToArray());

    [Fact]
    public void ResetAndDiscard_Pythia12B_CoversAtLeastAsMuchAsSolveToCompletionAtEveryBudget()
    {
        var q = Solvable("Pythia 12B", "MATH");
        long[] budgets = Enumerable.Range(0, 25).Select(i => (long)Math.Round(Math.Pow(1e6, i / 24.0))).Distinct().ToArray();
        var red = CoverageSimulator.Simulate(q, CoveragePolicy.ResetAndDiscard(1), budgets, 100, 1);
        var stc = CoverageSimulator.Simulate(q, CoveragePolicy.SolveToCompletion, budgets, 100, 2);
        for (int b = 0; b < budgets.Length; b++)
        {
            double se = Math.Sqrt(red.StandardError[b] * red.StandardError[b] + stc.StandardError[b] * stc.StandardError[b]);
            Assert.True(red.MeanCoverage[b] + 3 * se + 1e-12 >= stc.MeanCoverage[b], $"C = {budgets[b]}: ReD {red.MeanCoverage[b]} < STC {stc.MeanCoverage[b]}");
        }
        // At C = 10 N ReD has solved several times more questions (notebook 07: gain ≈ 5).
        int at = Array.FindIndex(budgets, c => c >= 10L * q.Count);
        Assert.True(red.MeanCoverage[at] > 3 * stc.MeanCoverage[at]);
    }

    [Fact]
    public void MeanCompletionTime_AllTwelveModels_IsMinimalAtTauOne()
    {
        foreach (string bench in Monkeys.Benchmarks)
        {
            foreach (string model in Monkeys.Models(bench))
            {
                double[] f = CoverageQuestions.FromRecordedOutcomes(Monkeys.Problems(model, bench)).FailureCurve(200);
                double t1 = CoverageTheory.MeanCompletionTime(f, 1);
                for (int tau = 2; tau <= 200; tau++)
                    Assert.True(CoverageTheory.MeanCompletionTime(f, tau) >= t1, $"{model} / {bench}: τ = {tau}");
            }
        }
    }

    [Fact]
    public void FiniteDatasetPrediction_Pythia1B_MatchesSimulationAtRoundCosts()
    {
        var q = Solvable("Pythia 1B", "MATH");
        var frontier = CoverageTheory.ResetAndDiscardFrontier(q.FailureCurve(10000), q.Count);
        int[] rounds = [10, 100, 1000];
        var sim = CoverageSimulator.Simulate(q, CoveragePolicy.ResetAndDiscard(1), rounds.Select(n => (long)Math.Round(frontier.ExpectedCost[n])).ToArray(), 200, 3);
        for (int i = 0; i < rounds.Length; i++)
            NumericAssert.CloseAbs(frontier.ExpectedCoverage[rounds[i]], sim.MeanCoverage[i], 0.02 * q.Count + 3 * sim.StandardError[i], $"round {rounds[i]}");
    }

    [Fact]
    public void PredictedSavings_Pythia12B_AreLargeAtHalfCoverage()
    {
        // Notebook 07: predicted N·c·E[T] = 41 769 vs ReD frontier 5 494 attempts at c = 1/2 (saving factor ≈ 7.6).
        var q = Solvable("Pythia 12B", "MATH");
        var s = CoverageTheory.PredictSavings(q.FailureCurve(10000), q.Count, [0.5]);
        NumericAssert.Close(41769, s.SolveToCompletionCost[0], 1e-3);
        NumericAssert.Close(5494, s.ResetAndDiscardCost[0], 1e-3);
        Assert.InRange(s.Ratio[0], 7, 8.2);
    }

    [Fact]
    public void InferExponent_Pythia12B_AgreesWithTheFullPassAtKCurve()
    {
        var all = CoverageQuestions.FromRecordedOutcomes(Monkeys.Problems("Pythia 12B", "MATH"));
        var trace = CoverageSimulator.TraceRounds(all, 300, 4);
        var fit = CoverageTheory.InferExponent(trace, 10, 300, 200, 5);
        double full = CoverageTheory.LocalExponent(all.FailureCurve(300), 10, 300);
        NumericAssert.CloseAbs(full, fit.Exponent, 3 * fit.StandardError, "β from ReD vs all 10 000 samples");
        Assert.True(fit.Cost < 0.05 * 10000 * all.Count, "ReD used under 5 % of the samples behind the full curve");
    }
}
