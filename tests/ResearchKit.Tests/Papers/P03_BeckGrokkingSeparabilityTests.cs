using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.Papers;

/// <summary>Paper-level numbers of Beck, Levi &amp; Bar-Sinai, arXiv 2410.04489 (notebook 03).</summary>
public class P03_BeckGrokkingSeparabilityTests
{
    [Fact]
    public void CriticalPoint_WendelIsOneHalfAtLambdaOneHalf_PaperSizeN4000()
        => NumericAssert.Close(0.5, Separability.WendelProbability(4000, 2000), 1e-11);

    [Theory]
    // Eq. 11 / Table 1 at σ = 1: S_∞ = log(1 − 2λ)/(2(λ − 1)); values from Python math.log (log 0.2/−1.2, log 0.5/−1.5).
    [InlineData(0.4, 1.3411982603617503)]
    [InlineData(0.25, 0.46209812037329684)]
    public void TwoPointModel_LimitingWeight_TableOne(double lambda, double expected)
    {
        var m = new TwoPointModel(lambda);
        NumericAssert.Close(expected, m.LimitingWeight, 1e-9);
        NumericAssert.Close(expected, m.Integrate(1000).FinalWeight, 1e-6);
    }

    [Fact]
    public void GrokkingTimeLaw_Eq41_SlopeOneOverRootTwo()
    {
        // Fig. 9: √log(t*_gen/t*_tr) linear in log(1 − 2λ) with slope −1/√2 (σ large, λ → ½⁻).
        double[] lambdas = { 0.49, 0.495, 0.499 };
        var x = lambdas.Select(l => Math.Log(1 - 2 * l)).ToArray();
        var y = lambdas.Select(l =>
        {
            var tr = new TwoPointModel(l, 30).Integrate(1e4, stopAfterGeneralization: true);
            return Math.Sqrt(tr.GeneralizationLogTime - tr.TrainLogTime);
        }).ToArray();
        double slope = MathNet.Numerics.Fit.Line(x, y).Item2;
        NumericAssert.Close(-1 / Math.Sqrt(2), slope, 0.05);
    }

    [Fact]
    public void SeparableTrainingSet_LimitingAccuracyFormula_TwoPointModel()
    {
        var m = new TwoPointModel(0.75, 1);
        NumericAssert.Close(0.5 * (1 + MathNet.Numerics.SpecialFunctions.Erf(1 / (0.5 * Math.Sqrt(2)))), m.LimitingAccuracy, 1e-14);
        NumericAssert.CloseAbs(m.LimitingAccuracy, m.Integrate(1e6).TestAccuracy[^1], 0.01);
    }
}
