using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class LabelFractionModelTests
{
    [Theory]
    [InlineData(1000, 0.99, 10)]
    [InlineData(1000, 0.95, 50)]
    [InlineData(2000, 1.0, 0)]
    [InlineData(3, 0.5, 1)] // round(1.5) = 2 majority labels (away from zero)
    [InlineData(7, 0.9, 1)]
    public void MinorityCount_IsCountMinusRoundedMajority(int n, double r, int expected)
        => Assert.Equal(expected, new LabelFractionModel(2, 1, r).MinorityCount(n));

    [Theory]
    [InlineData(0.99)]
    [InlineData(0.95)]
    [InlineData(0.5)]
    public void Sample_HasExactlyTheMinorityCountOfNegativeLabels(double r)
    {
        var m = new LabelFractionModel(3, 2.0, r);
        var s = m.Sample(400, new Random(5));
        Assert.Equal(400, s.Count);
        Assert.All(s.Labels, y => Assert.True(y == 1 || y == -1));
        Assert.Equal(m.MinorityCount(400), s.Labels.Count(y => y == -1));
    }

    [Fact]
    public void Sample_SameSeed_SameDraw_AndNoiseScaleIsSigma()
    {
        var m = new LabelFractionModel(50, 2.0, 0.9);
        var a = m.Sample(400, new Random(11));
        var b = m.Sample(400, new Random(11));
        Assert.Equal(a.Labels, b.Labels);
        Assert.True(a.Points.Equals(b.Points));
        // 20 000 N(0, 4) draws: the sample variance is 4 within ~4 standard errors (s.e. = 4·√(2/20000) ≈ 0.04).
        var v = a.Points.Enumerate().Select(x => x * x).Average();
        NumericAssert.CloseAbs(4.0, v, 0.16);
        // The minority labels are spread over the sample, not a block at its start.
        Assert.Contains(-1.0, a.Labels.Skip(200));
    }

    [Fact]
    public void TestAccuracy_KnownAnswer()
    {
        // ‖w‖ = 0.5, σ = 2, b = 1: a = Φ(1) = 0.8413447460685429 (SciPy norm.cdf(1)); accuracy 0.1 + 0.8a at r = 0.9.
        var m = new LabelFractionModel(2, 2.0, 0.9);
        var w = new[] { 0.3, 0.4 };
        NumericAssert.Close(0.8413447460685429, m.MajorityRate(w, 1.0), 1e-12);
        NumericAssert.Close(0.1 + 0.8 * 0.8413447460685429, m.TestAccuracy(w, 1.0), 1e-12);
    }

    [Fact]
    public void TestLoss_Exponential_ClosedForm()
    {
        // E e^(−m) with m ~ N(±b, σ²‖w‖²): e^(∓b + σ²‖w‖²/2); here σ‖w‖ = 1, b = 1.
        var m = new LabelFractionModel(2, 2.0, 0.9);
        var w = new[] { 0.3, 0.4 };
        double expected = 0.9 * Math.Exp(-1 + 0.5) + 0.1 * Math.Exp(1 + 0.5);
        NumericAssert.Close(expected, m.TestLoss(w, 1.0, MarginLoss.Exponential), 1e-12);
    }

    [Fact]
    public void TestMetrics_AgreeWithMonteCarloOnFreshSamples()
    {
        var m = new LabelFractionModel(4, 1.5, 0.8);
        var w = new[] { 0.2, -0.1, 0.3, 0.05 };
        double b = 0.4;
        var s = m.Sample(200_000, new Random(3));
        var margins = ResearchKit.SolvableModels.LogisticDynamics.Margins(s, w, b);
        // Binomial s.e. of the accuracy at 2·10⁵ draws is ~1e-3.
        NumericAssert.CloseAbs(margins.Count(x => x > 0) / (double)margins.Length, m.TestAccuracy(w, b), 0.005);
        NumericAssert.CloseAbs(margins.Average(x => MarginLoss.Logistic.Value(x)), m.TestLoss(w, b, MarginLoss.Logistic), 0.005);
    }

    [Fact]
    public void FractionOne_MatchesConstantLabelModel()
    {
        var m = new LabelFractionModel(2, 2.0, 1.0);
        var c = new ConstantLabelModel(2, 2.0);
        var w = new[] { 0.3, 0.4 };
        NumericAssert.Close(c.TestAccuracy(w, 0.7), m.TestAccuracy(w, 0.7), 1e-15);
        NumericAssert.Close(c.TestLoss(w, 0.7, MarginLoss.Logistic), m.TestLoss(w, 0.7, MarginLoss.Logistic), 1e-15);
    }

    [Theory]
    [InlineData(0.99)]
    [InlineData(0.95)]
    public void TestAccuracy_MajorityRule_IsBayesAccuracy(double r)
    {
        var m = new LabelFractionModel(3, 1, r);
        NumericAssert.Close(r, m.TestAccuracy(new double[3], 0.1), 1e-15);
        Assert.Equal(r, m.BayesAccuracy);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelFractionModel(0, 1, 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelFractionModel(2, 0, 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelFractionModel(2, double.NaN, 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelFractionModel(2, 1, 0.4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelFractionModel(2, 1, 1.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelFractionModel(2, 1, double.NaN));
        var m = new LabelFractionModel(2, 1, 0.9);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Sample(0, new Random(1)));
        Assert.ThrowsAny<ArgumentException>(() => m.Sample(5, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.MinorityCount(0));
        Assert.ThrowsAny<ArgumentException>(() => m.TestAccuracy(new[] { 1.0 }, 0));
        Assert.ThrowsAny<ArgumentException>(() => m.TestAccuracy(new[] { 1.0, double.PositiveInfinity }, 0));
        Assert.ThrowsAny<ArgumentException>(() => m.TestAccuracy(new[] { 1.0, 0 }, double.NaN));
        Assert.ThrowsAny<ArgumentException>(() => m.TestLoss(new[] { 1.0, 0 }, 0, null!));
    }
}
