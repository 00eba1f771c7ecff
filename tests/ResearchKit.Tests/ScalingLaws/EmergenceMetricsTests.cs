using ResearchKit.ScalingLaws;

namespace ResearchKit.Tests.ScalingLaws;

public class PerTokenLossLawTests
{
    [Theory]
    [InlineData(2e9, -0.5)]
    [InlineData(1e6, -0.076)]
    [InlineData(3.0, -2.0)]
    public void CrossEntropy_AtScaleIsOneAndFallsByTenToAlphaPerDecade(double c, double alpha)
    {
        var law = new PerTokenLossLaw(c, alpha);
        NumericAssert.Close(1.0, law.CrossEntropy(c), 1e-14);
        NumericAssert.Close(Math.Pow(10, alpha), law.CrossEntropy(10 * c), 1e-13);
        NumericAssert.Close(Math.Exp(-law.CrossEntropy(3.7 * c)), law.TokenProbability(3.7 * c), 1e-14);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(1.0)]
    [InlineData(2.4)]
    [InlineData(40.0)]
    public void ParametersAtCrossEntropy_InvertsCrossEntropy(double loss)
    {
        var law = new PerTokenLossLaw(2e9, -0.5);
        NumericAssert.Close(loss, law.CrossEntropy(law.ParametersAtCrossEntropy(loss)), 1e-12);
    }

    [Fact]
    public void Fit_ExactPowerLaw_RecoversScaleAndExponent()
    {
        var truth = new PerTokenLossLaw(2e9, -0.5);
        double[] n = [3.5e8, 1.3e9, 6.7e9, 1.75e11];
        var fit = PerTokenLossLaw.Fit(n, n.Select(truth.CrossEntropy).ToArray());
        NumericAssert.Close(-0.5, fit.Law.Exponent, 1e-12);
        NumericAssert.Close(2e9, fit.Law.Scale, 1e-10);
        Assert.True(fit.MaxAbsResidualDecades < 1e-12);
    }

    [Fact]
    public void Fit_PerturbedPoints_ReportsTheirResiduals()
    {
        double[] n = [1e8, 1e9, 1e10, 1e11];
        double[] loss = [10.0, 3.0, 1.0, 0.3];   // not an exact power law: the residuals must say so
        var fit = PerTokenLossLaw.Fit(n, loss);
        Assert.True(fit.MaxAbsResidualDecades > 0.01);
        Assert.True(fit.Law.Exponent < 0 && fit.RSquared < 1);
    }

    [Theory]
    [InlineData(0.0, -0.5)]
    [InlineData(-1.0, -0.5)]
    [InlineData(double.NaN, -0.5)]
    [InlineData(double.PositiveInfinity, -0.5)]
    [InlineData(1e9, 0.0)]
    [InlineData(1e9, 0.3)]
    [InlineData(1e9, double.NaN)]
    [InlineData(1e9, double.NegativeInfinity)]
    public void Constructor_BadArgument_Throws(double c, double alpha)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new PerTokenLossLaw(c, alpha));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void CrossEntropy_BadParameters_ThrowsNamingIt(double n)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PerTokenLossLaw(2e9, -0.5).CrossEntropy(n));
        Assert.Equal("parameters", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerTokenLossLaw(2e9, -0.5).ParametersAtCrossEntropy(n));
    }

    [Fact]
    public void Fit_BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => PerTokenLossLaw.Fit([1e9, 1e10], [1.0, 0.3]));                  // too few
        Assert.Throws<ArgumentException>(() => PerTokenLossLaw.Fit([1e9, 1e10, 1e11], [1.0, 0.3]));            // lengths
        Assert.Throws<ArgumentOutOfRangeException>(() => PerTokenLossLaw.Fit([1e9, 0, 1e11], [1.0, 0.3, 0.1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PerTokenLossLaw.Fit([1e9, 1e10, 1e11], [1.0, double.NaN, 0.1]));
        Assert.Throws<ArgumentException>(() => PerTokenLossLaw.Fit([1e9, 1e10, 1e11], [0.1, 0.3, 1.0]));       // rising loss
        Assert.Throws<ArgumentException>(() => PerTokenLossLaw.Fit([1e9, 1e9, 1e9], [1.0, 0.3, 0.1]));         // equal N
    }
}

public class AccuracyTransitionTests
{
    [Fact]
    public void WidthTimesExponent_IsTheKnownConstant()
        // log10(ln 10 / ln(10/9)) = log10(2.302585093 / 0.105360516) = log10(21.85434) = 1.339538
        => NumericAssert.Close(1.339538, AccuracyTransition.WidthTimesExponent, 1e-6);

    [Theory]
    [InlineData(-0.5, 1)]
    [InlineData(-0.5, 5)]
    [InlineData(-0.2, 3)]
    [InlineData(-1.3, 40)]
    public void Transition_AccuracyAtItsPoints_IsTenFiftyNinetyPercent(double alpha, int length)
    {
        var law = new PerTokenLossLaw(2e9, alpha);
        var t = law.Transition(length);
        NumericAssert.Close(0.1, SequenceMetrics.ExactMatch(law.TokenProbability(t.Lower), length), 1e-10);
        NumericAssert.Close(0.5, SequenceMetrics.ExactMatch(law.TokenProbability(t.Midpoint), length), 1e-10);
        NumericAssert.Close(0.9, SequenceMetrics.ExactMatch(law.TokenProbability(t.Upper), length), 1e-10);
        NumericAssert.Close(1.339538 / Math.Abs(alpha), t.WidthDecades, 1e-6);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(100)]
    public void Midpoint_MovesByLogLengthOverAlphaDecades_WidthUnchanged(int length)
    {
        var law = new PerTokenLossLaw(1e9, -0.4);
        var one = law.Transition(1);
        var many = law.Transition(length);
        NumericAssert.Close(Math.Log10(length) / 0.4, Math.Log10(many.Midpoint) - Math.Log10(one.Midpoint), 1e-10);
        NumericAssert.Close(one.WidthDecades, many.WidthDecades, 1e-10);
        // N½ = c (ln 2 / L)^{1/α}
        NumericAssert.Close(1e9 * Math.Pow(Math.Log(2) / length, 1 / -0.4), many.Midpoint, 1e-10);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(-3, 0.5)]
    [InlineData(5, 0.0)]
    [InlineData(5, 1.0)]
    [InlineData(5, double.NaN)]
    [InlineData(5, 1.5)]
    public void ParametersAtAccuracy_BadArgument_Throws(int length, double accuracy)
        => Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyTransition.ParametersAtAccuracy(new PerTokenLossLaw(1e9, -0.5), length, accuracy));

    [Fact]
    public void Of_NullLaw_Throws() => Assert.Throws<ArgumentNullException>(() => AccuracyTransition.Of(null!, 3));
}

public class SequenceMetricsTests
{
    [Theory]
    [InlineData(0.9, 5)]
    [InlineData(0.09, 1)]
    [InlineData(0.5, 20)]
    public void ExactMatchAndEditDistance_AreTheirFormulas(double p, int length)
    {
        NumericAssert.Close(Math.Pow(p, length), SequenceMetrics.ExactMatch(p, length), 1e-14);
        NumericAssert.Close(length * (1 - p), SequenceMetrics.TokenEditDistance(p, length), 1e-14);
        NumericAssert.Close((1 - p) * (1 - p), SequenceMetrics.BrierScore(p), 1e-14);
    }

    [Theory]
    [InlineData(0.09, 2, MultipleChoiceFloor.Zero, 0.0)]
    [InlineData(0.09, 2, MultipleChoiceFloor.Chance, 0.5)]
    [InlineData(0.5, 2, MultipleChoiceFloor.Zero, 0.0)]      // a tie is not a win
    [InlineData(0.58, 2, MultipleChoiceFloor.Zero, 1.0)]
    [InlineData(0.58, 2, MultipleChoiceFloor.Chance, 1.0)]
    [InlineData(0.26, 4, MultipleChoiceFloor.Zero, 1.0)]     // 0.26 > 0.74/3
    [InlineData(0.25, 4, MultipleChoiceFloor.Chance, 0.25)]
    [InlineData(1.0, 3, MultipleChoiceFloor.Zero, 1.0)]
    public void MultipleChoiceGrade_IsAStepAtOneOverK(double p, int choices, MultipleChoiceFloor floor, double expected)
        => Assert.Equal(expected, SequenceMetrics.MultipleChoiceGrade(p, choices, floor));

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Metrics_BadProbability_Throw(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SequenceMetrics.ExactMatch(p, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => SequenceMetrics.TokenEditDistance(p, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => SequenceMetrics.MultipleChoiceGrade(p, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => SequenceMetrics.BrierScore(p));
    }

    [Fact]
    public void Metrics_BadLengthChoicesOrFloor_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SequenceMetrics.ExactMatch(0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SequenceMetrics.TokenEditDistance(0.5, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SequenceMetrics.MultipleChoiceGrade(0.5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SequenceMetrics.MultipleChoiceGrade(0.5, 2, (MultipleChoiceFloor)7));
    }
}

public class EmergenceScoreTests
{
    [Fact]
    public void Compute_HandWorkedSeries()
    {
        // y = 1, 2, 4, 8: range 7, squared steps 1, 4, 16, median 4 ⇒ 7 / 2.
        NumericAssert.Close(3.5, EmergenceScore.Compute([1, 2, 3, 4], [1, 2, 4, 8]), 1e-14);
        // falling: argmax before argmin ⇒ negative
        NumericAssert.Close(-3.5, EmergenceScore.Compute([1, 2, 3, 4], [8, 4, 2, 1]), 1e-14);
        // even number of squared steps: 1, 1, 4, 9 ⇒ median 2.5; range 1 + 1 + 2 + 3 = 7
        NumericAssert.Close(7 / Math.Sqrt(2.5), EmergenceScore.Compute([1, 2, 3, 4, 5], [0, 1, 2, 4, 7]), 1e-14);
    }

    [Fact]
    public void Compute_SortsByScaleAndIsAffineInvariant()
    {
        double[] x = [6.7e9, 3.5e8, 1.75e11, 1.3e9];
        double[] y = [0.065, 6e-6, 0.59, 0.002];
        double score = EmergenceScore.Compute(x, y);
        double sorted = EmergenceScore.Compute([3.5e8, 1.3e9, 6.7e9, 1.75e11], [6e-6, 0.002, 0.065, 0.59]);
        Assert.Equal(sorted, score);
        NumericAssert.Close(score, EmergenceScore.Compute(x, y.Select(v => 3 * v - 5).ToArray()), 1e-12);
    }

    [Fact]
    public void Compute_StepAndConstant()
    {
        Assert.Equal(double.PositiveInfinity, EmergenceScore.Compute([1, 2, 3, 4], [0.5, 0.5, 1, 1]));
        Assert.Equal(double.NegativeInfinity, EmergenceScore.Compute([1, 2, 3, 4], [1, 1, 0, 0]));
        Assert.Equal(0.0, EmergenceScore.Compute([1, 2, 3], [0.2, 0.2, 0.2]));
    }

    [Fact]
    public void Compute_BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => EmergenceScore.Compute([1.0], [1.0]));
        Assert.Throws<ArgumentException>(() => EmergenceScore.Compute([1, 2, 3], [1, 2]));
        Assert.Throws<ArgumentException>(() => EmergenceScore.Compute([1, 2, 2], [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => EmergenceScore.Compute([1, double.NaN, 3], [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => EmergenceScore.Compute([1, 2, 3], [1, double.PositiveInfinity, 3]));
        Assert.Throws<ArgumentNullException>(() => EmergenceScore.Compute(null!, [1.0, 2.0]));
    }
}
