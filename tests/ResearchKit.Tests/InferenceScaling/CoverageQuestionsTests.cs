using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

public class CoverageQuestionsTests
{
    [Fact]
    public void FailureCurve_Probabilities_IsMeanOfGeometricSurvival()
    {
        var q = CoverageQuestions.FromSuccessProbabilities([0.5, 0.1, 0.0, 1.0]);
        double[] f = q.FailureCurve(3);
        Assert.Equal(1.0, f[0]);
        for (int k = 1; k <= 3; k++)
            NumericAssert.Close((Math.Pow(0.5, k) + Math.Pow(0.9, k) + 1 + 0) / 4, f[k], 1e-14, $"F({k})");
    }

    [Fact]
    public void FailureCurve_Recorded_MatchesUnbiasedPassAtKAndStopsAtTheRecordLength()
    {
        ProblemOutcomes[] problems = [new("a", 10, 3), new("b", 10, 0), new("c", 4, 1)];
        var q = CoverageQuestions.FromRecordedOutcomes(problems);
        double[] f = q.FailureCurve(12);
        for (int k = 1; k <= 4; k++)
            NumericAssert.Close(PassAtK.MeanFailureCurve(problems, [k])[0], f[k], 1e-12, $"F({k})");
        // Beyond k = n − c + 1 a problem with c > 0 is certainly solved; c = 0 stays unsolved: F → 1/3.
        NumericAssert.Close(1.0 / 3, f[12], 1e-15);
    }

    [Fact]
    public void SampleSolveTime_Recorded_HasTheHypergeometricFirstSuccessLaw()
    {
        // n = 6, c = 2: P(T = 1) = 2/6, P(T = 2) = (4/6)(2/5), P(T = 3) = (4/6)(3/5)(2/4); both sampling branches.
        foreach (int c in new[] { 2, 40 })
        {
            int n = c == 2 ? 6 : 60;
            var q = CoverageQuestions.FromRecordedOutcomes([new ProblemOutcomes("x", n, c)]);
            var random = new Random(12);
            const int draws = 200000;
            var counts = new int[n + 2];
            for (int i = 0; i < draws; i++)
                counts[q.SampleSolveTime(0, random)]++;
            double survival = 1;
            for (int k = 1; k <= 3; k++)
            {
                double pk = survival * c / (n - k + 1);
                survival *= 1 - (double)c / (n - k + 1);
                NumericAssert.CloseAbs(pk, counts[k] / (double)draws, 4 * Math.Sqrt(pk * (1 - pk) / draws) + 1e-12, $"c = {c}, P(T = {k})");
            }
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void FromSuccessProbabilities_OutOfRange_ThrowsNamingTheIndex(double bad)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CoverageQuestions.FromSuccessProbabilities([0.2, bad]));
        Assert.Contains("successProbabilities[1]", ex.Message);
    }

    [Fact]
    public void Factories_EmptyOrInconsistentInput_Throw()
    {
        Assert.Throws<ArgumentException>(() => CoverageQuestions.FromSuccessProbabilities([]));
        Assert.Throws<ArgumentNullException>(() => CoverageQuestions.FromSuccessProbabilities(null!));
        Assert.Throws<ArgumentException>(() => CoverageQuestions.FromRecordedOutcomes([]));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CoverageQuestions.FromRecordedOutcomes([new ProblemOutcomes("MATH/7", 10, 11)]));
        Assert.Contains("MATH/7", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => CoverageQuestions.FromRecordedOutcomes([new ProblemOutcomes("q", 10, -1)]));
        Assert.Equal("maxAttempts", Assert.Throws<ArgumentOutOfRangeException>(() => CoverageQuestions.FromSuccessProbabilities([0.5]).FailureCurve(0)).ParamName);
    }

    [Fact]
    public void Policy_Names_AndBadInterval()
    {
        Assert.True(CoveragePolicy.SolveToCompletion.NeverResets);
        Assert.Equal("ReD τ = 3", CoveragePolicy.ResetAndDiscard(3).Name);
        Assert.Equal("resetInterval", Assert.Throws<ArgumentOutOfRangeException>(() => CoveragePolicy.ResetAndDiscard(0)).ParamName);
    }
}
