using ResearchKit.Data;
using ResearchKit.InferenceScaling;
using ResearchKit.Tests.Data;

namespace ResearchKit.Tests.Papers;

/// <summary>Kazdan, Schaeffer et al., "Efficient Prediction of Pass@k Scaling", arXiv 2510.05197 — checked on the real data (notebook 09).</summary>
public class P09_KazdanPassAtKPredictionTests
{
    private static readonly MonkeysPassAtK Data = MonkeysPassAtK.Load(SharedData.File("large-language-monkeys-passk", MonkeysPassAtK.FileName));

    [Theory]
    [InlineData("Pythia 2.8B", "MATH")]
    [InlineData("Pythia 12B", "MATH")]
    [InlineData("Llama 3 70B Instruct", "CodeContests")]
    public void SmallBudget_BetaBinomialBeatsRegression_AndDiscretizedBetaIsLow(string model, string benchmark)
    {
        var problems = Data.Problems(model, benchmark);
        var study = ForecastStudy.Run(problems, 100 * problems.Count, [10000], replicates: 6, seed: 9);
        double Mae(ForecastMethod m) => study.MeanAbsoluteError(m, 0, 200, 1).Estimate;
        Assert.True(Mae(ForecastMethod.BetaBinomialUniform) < Mae(ForecastMethod.LogLogRegression));
        Assert.True(Mae(ForecastMethod.BetaBinomialDynamic) < Mae(ForecastMethod.LogLogRegression));
        Assert.True(study.MeanSignedError(ForecastMethod.DiscretizedBetaUniform, 0, 200, 1).Estimate < 0);
    }

    [Fact]
    public void SmallBudget_RegressionExtrapolationExceedsOne_ForPythia()
    {
        var problems = Data.Problems("Pythia 1B", "MATH");
        var study = ForecastStudy.Run(problems, 100 * problems.Count, [10000], replicates: 4, seed: 10);
        Assert.Equal(4, study.RegressionAboveOne[0]);
    }

    [Fact]
    public void FullData_BetaBinomialExponent_MatchesTailOfMeasuredPassAtK()
    {
        // The fitted â is the power-law exponent of 1 − pass@k; on all 10 000 attempts the model reproduces pass@10⁴.
        var problems = Data.Problems("Pythia 6.9B", "MATH");
        var fit = BetaBinomialFit.Fit(problems).ToSuccessBeta();
        NumericAssert.CloseAbs(PassAtK.Mean(problems, 10000), fit.PassAtK(10000), 0.03, "pass@10⁴");
    }
}
