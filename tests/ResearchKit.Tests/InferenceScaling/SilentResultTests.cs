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
}
