using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class TwoPointModelTests
{
    [Theory]
    [InlineData(0.1, 1)]
    [InlineData(0.3, 1)]
    [InlineData(0.4, 2)]
    public void Integrate_BelowHalf_WeightConvergesToClosedFormLimit(double lambda, double sigma)
    {
        var m = new TwoPointModel(lambda, sigma);
        var tr = m.Integrate(400);
        NumericAssert.Close(m.LimitingWeight, tr.FinalWeight, 1e-6);
        // b + log t → −log L̃(S_∞) (b ≈ −log t)
        NumericAssert.CloseAbs(-Math.Log(m.BiasFreeLoss(m.LimitingWeight)), tr.FinalBias + tr.FinalLogTime, 1e-3);
    }

    [Fact]
    public void LimitingWeight_PaperFormula_AtSigmaOne()
        => NumericAssert.Close(Math.Log(0.2) / (2 * (0.4 - 1)), new TwoPointModel(0.4).LimitingWeight, 1e-15);

    [Fact]
    public void Integrate_AboveHalf_LogTimeSlopesMatchMaxMargin()
    {
        var m = new TwoPointModel(0.7, 1);
        double M = m.Margin;
        NumericAssert.Close(0.4, M, 1e-14);
        var tr = m.Integrate(1e6);
        int n = tr.LogTime.Length;
        int k = Array.FindIndex(tr.LogTime, q => q > tr.FinalLogTime / 2);
        // Slopes d S / d log t and d b / d log t over the second half of the run, where ρ(t) has settled.
        double ds = (tr.Weight[n - 1] - tr.Weight[k]) / (tr.LogTime[n - 1] - tr.LogTime[k]);
        double db = (tr.Bias[n - 1] - tr.Bias[k]) / (tr.LogTime[n - 1] - tr.LogTime[k]);
        NumericAssert.Close(M / (1 + M * M), ds, 0.03);
        NumericAssert.Close(-1 / (1 + M * M), db, 0.03);
        NumericAssert.Close(m.LimitingAccuracy, tr.TestAccuracy[^1], 0.02);
    }

    [Fact]
    public void Integrate_AtHalf_WeightGrowsLikeLogLogTime()
    {
        var m = new TwoPointModel(0.5, 1);
        var tr = m.Integrate(1e5);
        // σS ≈ log(σ² log t) up to an O(1) constant: the difference must settle.
        double Diff(int i) => tr.Weight[i] - Math.Log(tr.LogTime[i]);
        int k = Array.FindIndex(tr.ConformalTime, t => t > 1e3);
        NumericAssert.CloseAbs(Diff(k), Diff(tr.Weight.Length - 1), 0.05);
        Assert.True(tr.FinalWeight > 5);
    }

    [Fact]
    public void Integrate_NearCriticalLargeSigma_GrokkingTimeFollowsHalfLogSquared()
    {
        // Eq. 41 in real time: log(t*_gen/t*_tr) ≈ ½ log²(1 − 2λ) as λ → ½⁻, σ → ∞.
        var m = new TwoPointModel(0.499, 30);
        var tr = m.Integrate(200, stopAfterGeneralization: true);
        NumericAssert.Close(m.GrokkingTimeLaw, tr.GeneralizationLogTime - tr.TrainLogTime, 0.05);
    }

    [Fact]
    public void Constructor_And_Integrate_BadInput_Throw()
    {
        Assert.ThrowsAny<ArgumentException>(() => new TwoPointModel(0));
        Assert.ThrowsAny<ArgumentException>(() => new TwoPointModel(1));
        Assert.ThrowsAny<ArgumentException>(() => new TwoPointModel(double.NaN));
        Assert.ThrowsAny<ArgumentException>(() => new TwoPointModel(0.3, 0));
        Assert.ThrowsAny<ArgumentException>(() => new TwoPointModel(0.3).Integrate(0));
        Assert.ThrowsAny<ArgumentException>(() => new TwoPointModel(0.3).Integrate(double.NaN));
        Assert.ThrowsAny<ArgumentException>(() => new TwoPointModel(0.3).BiasFreeLoss(double.NaN));
    }
}
