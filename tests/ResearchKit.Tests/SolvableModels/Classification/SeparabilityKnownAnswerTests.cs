using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

/// <summary>
/// Known answers of the separability and two-point models of notebook 03 (Beck, Levi &amp; Bar-Sinai, arXiv
/// 2410.04489). The paper's own claims are notebook 03's claims table, checked through its expected verdicts
/// (notebooks/verdicts); the tests here pin properties and known answers of the library's models, not the paper's
/// numbers.
/// </summary>
public class SeparabilityKnownAnswerTests
{
    [Fact]
    public void WendelProbability_IsOneHalfAtLambdaOneHalf_N4000()
        => NumericAssert.Close(0.5, Separability.WendelProbability(4000, 2000), 1e-11);

    [Theory]
    // Eq. 11 / Table 1 at σ = 1: S_∞ = log(1 − 2λ)/(2(λ − 1)); values from Python math.log (log 0.2/−1.2, log 0.5/−1.5).
    [InlineData(0.4, 1.3411982603617503)]
    [InlineData(0.25, 0.46209812037329684)]
    public void TwoPointModel_IntegratedWeight_ReachesTheClosedFormLimit(double lambda, double expected)
    {
        var m = new TwoPointModel(lambda);
        NumericAssert.Close(expected, m.LimitingWeight, 1e-9);
        NumericAssert.Close(expected, m.Integrate(1000).FinalWeight, 1e-6);
    }

    [Fact]
    public void TwoPointModel_IntegratedAccuracy_ReachesTheClosedFormLimit()
    {
        var m = new TwoPointModel(0.75, 1);
        NumericAssert.Close(0.5 * (1 + MathNet.Numerics.SpecialFunctions.Erf(1 / (0.5 * Math.Sqrt(2)))), m.LimitingAccuracy, 1e-14);
        NumericAssert.CloseAbs(m.LimitingAccuracy, m.Integrate(1e6).TestAccuracy[^1], 0.01);
    }
}
