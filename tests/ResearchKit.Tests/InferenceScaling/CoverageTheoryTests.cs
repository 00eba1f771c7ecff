using FsCheck.Xunit;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

public class CoverageTheoryTests
{
    private static double[] Geometric(double p, int maxK) => Enumerable.Range(0, maxK + 1).Select(k => Math.Pow(1 - p, k)).ToArray();

    [Fact]
    public void ResetAndDiscardFrontier_EqualProbabilities_IsTheGeometricClosedForm()
    {
        const double p = 0.2;
        var frontier = CoverageTheory.ResetAndDiscardFrontier(Geometric(p, 30), 50);
        for (int n = 1; n <= 30; n++)
        {
            // ⟨t(n)⟩ = N Σ_{j<n} (1−p)^j = N (1 − (1−p)^n)/p; coverage N(1 − (1−p)^n): so coverage = p·⟨t(n)⟩.
            NumericAssert.Close(50 * (1 - Math.Pow(1 - p, n)) / p, frontier.ExpectedCost[n], 1e-12, $"cost n = {n}");
            NumericAssert.Close(p * frontier.ExpectedCost[n], frontier.ExpectedCoverage[n], 1e-12, $"coverage n = {n}");
        }
        NumericAssert.Close(frontier.ExpectedCoverage[3], frontier.CoverageAtCost(frontier.ExpectedCost[3]), 1e-12);
        NumericAssert.Close(frontier.ExpectedCost[4], frontier.CostAtCoverage(frontier.ExpectedCoverage[4]), 1e-12);
        Assert.Equal(double.PositiveInfinity, frontier.CostAtCoverage(51));
    }

    [Fact]
    public void ResetAndDiscardFrontier_MatchesSimulationAtRoundCosts()
    {
        // Eq. 17 on a heterogeneous population: the simulated ReD coverage at ⟨t(n)⟩ is within 2 % of N·pass@n.
        var random = new Random(3);
        double[] p = Enumerable.Range(0, 400).Select(_ => Beta.Sample(random, 0.4, 4.0)).ToArray();
        var q = CoverageQuestions.FromSuccessProbabilities(p);
        var frontier = CoverageTheory.ResetAndDiscardFrontier(q.FailureCurve(200), p.Length);
        int[] rounds = [1, 5, 20, 80, 200];
        long[] budgets = rounds.Select(n => (long)Math.Round(frontier.ExpectedCost[n])).ToArray();
        var sim = CoverageSimulator.Simulate(q, CoveragePolicy.ResetAndDiscard(1), budgets, 200, 8);
        for (int i = 0; i < rounds.Length; i++)
            NumericAssert.Close(frontier.ExpectedCoverage[rounds[i]], sim.MeanCoverage[i], 0.02, $"round {rounds[i]}");
    }

    [Fact]
    public void MeanCompletionTime_EqualProbabilities_IsOneOverPForEveryTau()
    {
        double[] f = Geometric(0.05, 100);
        foreach (int tau in new[] { 1, 2, 10, 100 })
            NumericAssert.Close(20.0, CoverageTheory.MeanCompletionTime(f, tau), 1e-12, $"τ = {tau}");
    }

    [Fact]
    public void MeanCompletionTime_TwoPointMixture_MatchesHandComputation()
    {
        // p ∈ {0.5, 0.01} with equal weight: F(j) = (0.5^j + 0.99^j)/2.
        // τ = 1: 1/pass@1 = 1/0.255 = 3.92157; τ = 2: (1 + 0.745)/(1 − (0.25 + 0.9801)/2) = 1.745/0.38495 = 4.53305.
        double[] f = Enumerable.Range(0, 5).Select(j => 0.5 * (Math.Pow(0.5, j) + Math.Pow(0.99, j))).ToArray();
        NumericAssert.Close(3.92157, CoverageTheory.MeanCompletionTime(f, 1), 1e-5);
        NumericAssert.Close(4.53305, CoverageTheory.MeanCompletionTime(f, 2), 1e-5);
    }

    [Property(MaxTest = 200)]
    public bool MeanCompletionTime_AnyMixture_TauOneIsMinimal(int[] rawProbabilities, byte tauRaw)
    {
        // Thm 4.1: E[T_τ] ≥ E[T_1] for every distribution of success probabilities.
        double[] p = (rawProbabilities.Length == 0 ? [1] : rawProbabilities).Take(20).Select(r => 1e-3 + ((uint)r % 999) / 1000.0).ToArray();
        var f = CoverageQuestions.FromSuccessProbabilities(p).FailureCurve(64);
        int tau = 1 + tauRaw % 64;
        return CoverageTheory.MeanCompletionTime(f, tau) >= CoverageTheory.MeanCompletionTime(f, 1) * (1 - 1e-12);
    }

    [Fact]
    public void SolveToCompletionRenewal_Geometric_IsLinearWithSlopeP()
    {
        double[] m = CoverageTheory.SolveToCompletionRenewal(Geometric(0.3, 500), 500);
        foreach (int c in new[] { 1, 7, 100, 500 })
            NumericAssert.Close(0.3 * c, m[c], 1e-10, $"m({c})");
    }

    [Fact]
    public void SolveToCompletionRenewal_PowerLawTail_ApproachesTheSublinearAsymptote()
    {
        // F(k) = (1 + k)^(−1/2): A = 1, β = 1/2, so m(C) → C^(1/2)/(Γ(1/2)Γ(3/2)) = 2√C/π.
        const int maxC = 20000;
        double[] f = Enumerable.Range(0, maxC + 1).Select(k => 1 / Math.Sqrt(1.0 + k)).ToArray();
        double[] m = CoverageTheory.SolveToCompletionRenewal(f, maxC);
        double ratioSmall = m[200] / CoverageTheory.SolveToCompletionPowerLaw(1, 0.5, 200);
        double ratioLarge = m[maxC] / CoverageTheory.SolveToCompletionPowerLaw(1, 0.5, maxC);
        NumericAssert.Close(2 * Math.Sqrt(maxC) / Math.PI, CoverageTheory.SolveToCompletionPowerLaw(1, 0.5, maxC), 1e-12);
        Assert.True(Math.Abs(ratioLarge - 1) < Math.Abs(ratioSmall - 1), $"ratio at 200 {ratioSmall}, at {maxC} {ratioLarge}");
        NumericAssert.Close(1.0, ratioLarge, 0.05, "m(C) / asymptote at C = 20000");
    }

    [Fact]
    public void PredictSavings_Geometric_GivesRatioCOverCoverageFraction()
    {
        // All p equal: E[T] = 1/p, STC cost N c/p; ReD frontier cost at coverage Nc is also N c/p (coverage = p·cost).
        // p = 1/2 and K = 1100, so that F(K) = 2^−1100 underflows to 0 and E[T] = 2 is known from the curve.
        var s = CoverageTheory.PredictSavings(Geometric(0.5, 1100), 20, [0.25, 0.5]);
        Assert.Equal(double.PositiveInfinity, CoverageTheory.MeanSolveTime([1.0, 0.5]));
        NumericAssert.Close(10, s.SolveToCompletionCost[0], 1e-12);
        NumericAssert.Close(20, s.SolveToCompletionCost[1], 1e-12);
        NumericAssert.Close(10, s.ResetAndDiscardCost[0], 1e-12);
        NumericAssert.Close(1, s.Ratio[1], 1e-3);
    }

    [Fact]
    public void InferExponent_BetaPopulation_RecoversTheTailExponent()
    {
        // Success p ~ Beta(a, b): 1 − pass@n = B(a, b + n)/B(a, b) ~ n^(−a); here a = 0.5.
        var random = new Random(21);
        double[] p = Enumerable.Range(0, 20000).Select(_ => Beta.Sample(random, 0.5, 2.0)).ToArray();
        var q = CoverageQuestions.FromSuccessProbabilities(p);
        var trace = CoverageSimulator.TraceRounds(q, 2000, 4);
        var estimate = CoverageTheory.InferExponent(trace, 50, 2000, 100, 5);
        double[] exact = Enumerable.Range(0, 2001).Select(n => Math.Exp(SpecialFunctions.BetaLn(0.5, 2.0 + n) - SpecialFunctions.BetaLn(0.5, 2.0))).ToArray();
        double local = CoverageTheory.LocalExponent(exact, 50, 2000);
        NumericAssert.CloseAbs(local, estimate.Exponent, 4 * estimate.StandardError, "ReD estimate vs exact local slope");
        NumericAssert.CloseAbs(0.5, local, 0.03, "exact local slope vs a");
        Assert.True(estimate.StandardError > 0 && estimate.StandardError < 0.02);
        Assert.True(estimate.Cost < 2000L * 20000, "ReD spends less than N·n_max attempts");
    }

    [Fact]
    public void Theory_BadInputs_Throw()
    {
        Assert.Throws<ArgumentException>(() => CoverageTheory.ResetAndDiscardFrontier([1.0], 3));
        Assert.Throws<ArgumentException>(() => CoverageTheory.ResetAndDiscardFrontier([0.9, 0.5], 3));
        Assert.Throws<ArgumentException>(() => CoverageTheory.ResetAndDiscardFrontier([1.0, 0.5, 0.7], 3));
        Assert.Contains("failureCurve[1]", Assert.Throws<ArgumentOutOfRangeException>(() => CoverageTheory.ResetAndDiscardFrontier([1.0, 1.5], 3)).Message);
        Assert.Throws<ArgumentException>(() => CoverageTheory.ResetAndDiscardFrontier([1.0, double.NaN], 3));
        Assert.Equal("questionCount", Assert.Throws<ArgumentOutOfRangeException>(() => CoverageTheory.ResetAndDiscardFrontier([1.0, 0.5], 0)).ParamName);
        Assert.Equal("resetInterval", Assert.Throws<ArgumentOutOfRangeException>(() => CoverageTheory.MeanCompletionTime([1.0, 0.5], 2)).ParamName);
        Assert.Equal("maxBudget", Assert.Throws<ArgumentOutOfRangeException>(() => CoverageTheory.SolveToCompletionRenewal([1.0, 0.5], 2)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => CoverageTheory.SolveToCompletionPowerLaw(1, 1.0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoverageTheory.SolveToCompletionPowerLaw(0, 0.5, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoverageTheory.SolveToCompletionPowerLaw(1, 0.5, double.NaN));
        Assert.Contains("coverageFractions[0]", Assert.Throws<ArgumentOutOfRangeException>(() => CoverageTheory.PredictSavings([1.0, 0.5, 0.2], 5, [0.9])).Message);
        Assert.Throws<ArgumentException>(() => CoverageTheory.PredictSavings([1.0, 0.5], 5, []));
        Assert.Throws<ArgumentException>(() => CoverageTheory.LocalExponent([1.0, 0.5, 0.0], 1, 2));
        Assert.Equal("last", Assert.Throws<ArgumentOutOfRangeException>(() => CoverageTheory.LocalExponent([1.0, 0.5, 0.2], 1, 1)).ParamName);
        var trace = CoverageSimulator.TraceRounds(CoverageQuestions.FromSuccessProbabilities([1.0, 1.0]), 5, 1);
        Assert.Throws<ArgumentException>(() => CoverageTheory.InferExponent(trace, 1, 5, 10, 1)); // U(n) = 0: no logarithm
        Assert.Throws<ArgumentNullException>(() => CoverageTheory.InferExponent(null!, 1, 5, 10, 1));
        Assert.Equal("bootstrapSamples", Assert.Throws<ArgumentOutOfRangeException>(() => CoverageTheory.InferExponent(trace, 1, 5, 1, 1)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => CoverageTheory.ResetAndDiscardFrontier([1.0, 0.5], 2).CostAtCoverage(-1));
    }
}
