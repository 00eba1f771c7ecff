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

    [Theory]
    [InlineData(0.3, 1, 0.95)]
    [InlineData(0.45, 5, 0.95)]
    [InlineData(0.49, 30, 0.9)]
    public void Integrate_TestAccuracyCrossing_BracketedByTheRecordedAccuracy(double lambda, double sigma, double level)
    {
        var m = new TwoPointModel(lambda, sigma);
        var full = m.Integrate(1e4, testAccuracyLevel: level);
        int k = Array.FindIndex(full.TestAccuracy, a => a >= level);
        Assert.True(k > 0, "the level is reached within the run");
        Assert.InRange(full.TestAccuracyLogTime, full.LogTime[k - 1], full.LogTime[k]);
        Assert.InRange(full.TestAccuracyTau, full.ConformalTime[k - 1], full.ConformalTime[k]);
        Assert.Equal(level, full.TestAccuracyLevel);
        // stopping at the crossing gives the same crossing and the same path up to it
        var stopped = m.Integrate(1e4, testAccuracyLevel: level, stopAfterTestAccuracy: true);
        Assert.Equal(full.TestAccuracyLogTime, stopped.TestAccuracyLogTime);
        Assert.True(stopped.LogTime.Length <= full.LogTime.Length);
        for (int i = 0; i < stopped.LogTime.Length - 1; i++) Assert.Equal(full.Bias[i], stopped.Bias[i]);
        // with both stops the run lasts until both times are found, and neither moves
        var both = m.Integrate(1e4, stopAfterGeneralization: true, testAccuracyLevel: level, stopAfterTestAccuracy: true);
        Assert.Equal(full.TestAccuracyLogTime, both.TestAccuracyLogTime);
        Assert.Equal(full.GeneralizationLogTime, both.GeneralizationLogTime);
    }

    [Fact]
    public void Integrate_LargeSigma_AccuracyTimeFollowsTheSettledWeight()
    {
        // Once σS has settled at σS_∞, e^(−b) = 1 + L̃(S_∞)t and the accuracy Φ(−b/(σ|S_∞|)) reaches 0.95 at
        // log t ≈ z₀.₉₅·σ|S_∞| − log L̃(S_∞), z₀.₉₅ = 1.6449 (up to the short transient).
        var m = new TwoPointModel(0.499, 100);
        var tr = m.Integrate(1e4, testAccuracyLevel: 0.95, stopAfterTestAccuracy: true);
        double predicted = 1.6448536269514722 * m.NoiseScale * Math.Abs(m.LimitingWeight) - Math.Log(m.BiasFreeLoss(m.LimitingWeight));
        NumericAssert.Close(predicted, tr.TestAccuracyLogTime, 0.03);
    }

    [Theory]
    [InlineData(0.3, 1, 0.7, -0.4)]
    [InlineData(0.52, 5, 2.5, -3)]
    public void LogLosses_MatchTheirDefinitions(double lambda, double sigma, double s, double b)
    {
        var m = new TwoPointModel(lambda, sigma);
        NumericAssert.Close(Math.Log(0.5 * (Math.Exp(s * m.FirstPoint + b) + Math.Exp(s * m.SecondPoint + b))), m.LogTrainLoss(s, b), 1e-13);
        NumericAssert.Close(b + 0.5 * sigma * sigma * s * s, m.LogTestLoss(s, b), 1e-15);
    }

    [Fact]
    public void LogTrainLoss_WhereTheExponentialOverflows_StaysFinite()
    {
        var m = new TwoPointModel(0.3, 1);
        // S x₁ = 1000: e^1000 overflows, its logarithm does not; the second point adds log ½(1 + e^(−1000·1.4)) ≈ −log 2.
        NumericAssert.Close(1000 - Math.Log(2) - 5, m.LogTrainLoss(-1000, -5), 1e-14);
        // the integrated trajectory's recorded test log-loss is the same quantity
        var tr = m.Integrate(50);
        NumericAssert.Close(m.LogTestLoss(tr.FinalWeight, tr.FinalBias), tr.TestLogLoss[^1], 1e-12);
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
        Assert.ThrowsAny<ArgumentException>(() => new TwoPointModel(0.3).Integrate(10, testAccuracyLevel: 0.5));
        Assert.ThrowsAny<ArgumentException>(() => new TwoPointModel(0.3).Integrate(10, testAccuracyLevel: 1));
        Assert.ThrowsAny<ArgumentException>(() => new TwoPointModel(0.3).BiasFreeLoss(double.NaN));
        Assert.ThrowsAny<ArgumentException>(() => new TwoPointModel(0.3).LogTrainLoss(double.NaN, 0));
        Assert.ThrowsAny<ArgumentException>(() => new TwoPointModel(0.3).LogTrainLoss(0, double.PositiveInfinity));
        Assert.ThrowsAny<ArgumentException>(() => new TwoPointModel(0.3).LogTestLoss(double.NaN, 0));
        Assert.ThrowsAny<ArgumentException>(() => new TwoPointModel(0.3).LogTestLoss(0, double.NegativeInfinity));
    }
}
