using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

public class ForecastStudyResultTests
{
    private static ForecastStudyResult Study() => new(
        [100], [0.5], 1000,
        new Dictionary<ForecastMethod, double[][]>
        {
            [ForecastMethod.BetaBinomialDynamic] = [[0.5], [0.6], [0.4]],
            [ForecastMethod.LogLogRegression] = [[0.7], [0.9], [0.5]],
        },
        new Dictionary<ForecastMethod, int> { [ForecastMethod.BetaBinomialDynamic] = 0, [ForecastMethod.LogLogRegression] = 0 },
        [0]);

    [Fact]
    public void ErrorDifference_HandComputedSquaredAndAbsolute()
    {
        // squared errors: dynamic 0, 0.01, 0.01; regression 0.04, 0.16, 0 → differences −0.04, −0.15, 0.01.
        var (mean, se) = Study().ErrorDifference(ForecastMethod.BetaBinomialDynamic, ForecastMethod.LogLogRegression, 0);
        NumericAssert.Close(-0.06, mean, 1e-12);
        double sd = Math.Sqrt((0.02 * 0.02 + 0.09 * 0.09 + 0.07 * 0.07) / 2);
        NumericAssert.Close(sd / Math.Sqrt(3), se, 1e-12);
        var (meanAbs, _) = Study().ErrorDifference(ForecastMethod.BetaBinomialDynamic, ForecastMethod.LogLogRegression, 0, absolute: true);
        NumericAssert.Close((-0.2 - 0.3 + 0.1) / 3, meanAbs, 1e-12);
    }

    [Fact]
    public void ErrorDifference_MethodNotRunOrBadIndex_Throws()
    {
        Assert.Throws<ArgumentException>(() => Study().ErrorDifference(ForecastMethod.DiscretizedBetaUniform, ForecastMethod.LogLogRegression, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Study().ErrorDifference(ForecastMethod.BetaBinomialDynamic, ForecastMethod.LogLogRegression, 1));
    }
}
