using ResearchKit.Numerics;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.InferenceScaling;
using ResearchKit.PowerLaws;
using ResearchKit.RandomMatrices;

namespace ResearchKit.Tests.InferenceScaling;

/// <summary>
/// Calls that once returned a silently wrong result (found by a hostile review, issue 10): each now gives the right
/// number or an error naming the parameter, the value and the allowed range.
/// </summary>
public class SilentResultTests
{
    [Fact]
    public void CoverageSimulator_HugeSolveTimes_SolveNothingAtBudgetZero()
    {
        // Tiny success rates give geometric solve times near 9e18; their running sum used to wrap to negative costs,
        // which "solved" questions at a budget of 0.
        var questions = CoverageQuestions.FromSuccessProbabilities(Enumerable.Repeat(1e-18, 20).ToArray());
        foreach (var policy in new[] { CoveragePolicy.SolveToCompletion, CoveragePolicy.ResetAndDiscard(1) })
        {
            var curve = CoverageSimulator.Simulate(questions, policy, new long[] { 0, 1_000 }, replicas: 8, seed: 3);
            Assert.All(curve.MeanCoverage, c => Assert.Equal(0, c));
        }
    }

    [Fact]
    public void VarianceOptimalAllocation_ProductOverflowingInt_IsRejectedNotWrapped()
    {
        // m · minimum = 3 · 10⁹ wraps to a negative int; the guard used to pass and the shares came out negative.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            VarianceOptimalAllocation.Shares(new[] { 0.1, 0.2, 0.3 }, k: 1, budget: 100, minimumPerProblem: 1_000_000_000));
        Assert.Equal("budget", e.ParamName);
        Assert.Contains("3000000000", e.Message);
    }

    [Fact]
    public void PowerLawFit_AscendingSpectrum_IsRejected()
    {
        double[] ascending = Enumerable.Range(1, 50).Select(i => Math.Pow(i, 1.2)).ToArray();
        var e = Assert.Throws<ArgumentException>(() => PowerLawFit.FitRankOrdered(ascending, new RankWindow(2, 40)));
        Assert.Equal("descending", e.ParamName);
        Assert.Contains("not in descending order", e.Message);
    }

    [Fact]
    public void PowerLawFit_TiesInTheWindow_AreAllowed()
    {
        double[] withTie = { 5, 4, 4, 3, 2, 1.5, 1 };
        Assert.True(double.IsFinite(PowerLawFit.FitRankOrdered(withTie, new RankWindow(1, 7)).Slope));
    }

    [Fact]
    public void GaussianSampler_NonOrthogonalBasis_IsRejected()
    {
        var basis = Matrix<double>.Build.DenseIdentity(4);
        basis[0, 1] = 0.5;
        var e = Assert.Throws<ArgumentException>(() => GaussianSampler.PowerLawSpectrum(4, 1.0, basis));
        Assert.Equal("basis", e.ParamName);
        Assert.Contains("not orthogonal", e.Message);
    }

    [Fact]
    public void GaussianSampler_OrthogonalBasis_IsAccepted()
    {
        double c = Math.Cos(0.3), s = Math.Sin(0.3);
        var rotation = Matrix<double>.Build.DenseOfArray(new[,] { { c, -s }, { s, c } });
        Assert.Equal(2, GaussianSampler.PowerLawSpectrum(2, 1.0, rotation).Dimension);
    }

    [Fact]
    public void BetaBinomialFit_NoOverDispersion_ReportsDivergenceNotConvergence()
    {
        // Every problem has the same success count: the data are binomial, the likelihood's supremum lies at
        // a, b → ∞ with a/(a+b) = 0.3, and there is no finite maximum to converge to.
        var problems = Enumerable.Range(0, 40).Select(i => new ProblemOutcomes($"p{i}", 100, 30)).ToArray();
        var fit = BetaBinomialFit.Fit(problems);
        Assert.False(fit.Converged, $"a = {fit.A}, b = {fit.B}, iterations {fit.Iterations}");
        Assert.True(fit.ExitReason == FitExitReason.ParameterDiverged, $"{fit.ExitReason}: a = {fit.A}, b = {fit.B}, iterations {fit.Iterations}, ll {fit.LogLikelihood}");
        Assert.Equal(FitExitReason.ParameterDiverged, fit.ExitReason);
    }

    [Theory]
    [InlineData(1e8)]
    [InlineData(1e15)]
    [InlineData(1e20)]
    [InlineData(1e300)]
    public void BetaPassAtK_FailureAtHugeBudgets_FollowsTheTailNotRounding(double k)
    {
        // ln Γ(α + k) − ln Γ(α + β + k) lost every digit to cancellation: E[1 − pass@k] at k = 1e20 came out 0.886
        // (= Γ(α+β)/Γ(α), i.e. k⁰) instead of Γ(α+β)/Γ(α)·k^(−β) ≈ 8.9e−11.
        var failure = new FailureBetaPassAtK(1, 0.5);
        NumericAssert.Close(failure.AsymptoticExpectedFailure(k), failure.ExpectedFailure(k), 1e-7, $"failure convention, k = {k}");
        var success = new SuccessBetaPassAtK(0.5, 1);
        NumericAssert.Close(success.AsymptoticFailure(k), success.Failure(k), 1e-7, $"success convention, k = {k}");
        Assert.InRange(success.PassAtK(k), 1 - 2 * success.AsymptoticFailure(k), 1);
    }

    [Fact]
    public void BetaPassAtK_StableBranch_JoinsTheGammaDifferenceAtItsThreshold()
    {
        var model = new FailureBetaPassAtK(2.5, 0.35);
        double below = model.ExpectedFailure(9_999_999), above = model.ExpectedFailure(10_000_001);
        // Across two units of k the failure falls by the factor (k₊/k₋)^(−β) = 1 − 7e−8; the gamma-difference branch
        // below the switch carries ≈ ε·lnΓ(k) ≈ 2e−8 of rounding, the Stirling branch above it ≈ 1e−16.
        NumericAssert.Close(Math.Pow(10_000_001 / 9_999_999.0, -0.35), above / below, 1e-7, "ratio across the switch");
        NumericAssert.Close(model.AsymptoticExpectedFailure(10_000_001) * (1 - 0.35 * (2 * 2.5 + 0.35 - 1) / (2 * 10_000_001.0)), above, 1e-12, "Stirling branch against the tail expansion");
    }

    [Fact]
    public void CoverageCurve_GrowthExponentOverOneDistinctBudget_IsRejectedNotNaN()
    {
        // Two equal budgets passed the "at least two grid budgets" check; the slope was 0/0 = NaN.
        var questions = CoverageQuestions.FromSuccessProbabilities(new[] { 0.5, 0.1 });
        var curve = CoverageSimulator.Simulate(questions, CoveragePolicy.SolveToCompletion, new long[] { 10, 10 }, replicas: 4, seed: 1);
        var e = Assert.Throws<ArgumentException>(() => curve.GrowthExponent(5, 20));
        Assert.Equal("toBudget", e.ParamName);
        Assert.Contains("1 distinct", e.Message);
        Assert.Contains("allowed: at least two distinct", e.Message);
    }
}
