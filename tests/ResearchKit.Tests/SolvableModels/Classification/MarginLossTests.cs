using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class MarginLossTests
{
    public static TheoryData<MarginLoss> Losses => new()
    {
        MarginLoss.Logistic, MarginLoss.Exponential, MarginLoss.LabelSmoothing(0.1), MarginLoss.SquaredLogitPenalty(0.05),
        MarginLoss.QuadraticLogitRegularization(0.2), MarginLoss.QuadraticLogitRegularization(0.001),
    };

    [Theory]
    [MemberData(nameof(Losses))]
    public void SecondDerivative_MatchesCentralDifference(MarginLoss loss)
    {
        foreach (double m in new[] { -30.0, -2, -0.3, 0, 0.7, 3, 25 })
        {
            double h = 1e-5;
            double fd = (loss.Derivative(m + h) - loss.Derivative(m - h)) / (2 * h);
            NumericAssert.CloseAbs(fd, loss.SecondDerivative(m), 1e-6 * Math.Max(1, Math.Abs(fd)), $"{loss.Name} at {m}");
            Assert.True(loss.SecondDerivative(m) >= 0);
        }
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.2)]
    [InlineData(0.9)]
    public void QuadraticLogitRegularization_Target_SolvesTheStationarityCondition(double alpha)
    {
        var l = MarginLoss.QuadraticLogitRegularization(alpha);
        double z = l.Target;
        // (1 − α) σ(−z*) = 2α z*, and z* is the global minimum of the convex loss.
        NumericAssert.CloseAbs((1 - alpha) / (1 + Math.Exp(z)), 2 * alpha * z, 1e-12);
        Assert.True(l.Value(z) < l.Value(z + 0.01) && l.Value(z) < l.Value(z - 0.01));
        NumericAssert.Close((1 - alpha) * Math.Log(2), l.Value(0), 1e-14);
    }

    [Fact]
    public void QuadraticLogitRegularization_TargetFallsAsAlphaGrows()
    {
        double[] a = { 0.001, 0.01, 0.1, 0.5, 0.9 };
        var t = a.Select(x => MarginLoss.QuadraticLogitRegularization(x).Target).ToArray();
        for (int i = 1; i < t.Length; i++) Assert.True(t[i] < t[i - 1], $"z*({a[i]}) = {t[i]} vs z*({a[i - 1]}) = {t[i - 1]}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void QuadraticLogitRegularization_BadAlpha_Throws(double a) =>
        Assert.ThrowsAny<ArgumentException>(() => MarginLoss.QuadraticLogitRegularization(a));

    [Theory]
    [MemberData(nameof(Losses))]
    public void Derivative_MatchesCentralDifference(MarginLoss loss)
    {
        foreach (double m in new[] { -30.0, -2, -0.3, 0, 0.7, 3, 25 })
        {
            double h = 1e-5;
            double fd = (loss.Value(m + h) - loss.Value(m - h)) / (2 * h);
            NumericAssert.CloseAbs(fd, loss.Derivative(m), 1e-6 * Math.Max(1, Math.Abs(fd)), $"{loss.Name} at {m}");
        }
    }

    [Fact]
    public void LabelSmoothing_Target_IsLogOfTwoOverAlphaMinusOne_AndStationary()
    {
        var ls = MarginLoss.LabelSmoothing(0.2);
        NumericAssert.Close(Math.Log(9), ls.Target, 1e-14);
        NumericAssert.CloseAbs(0, ls.Derivative(ls.Target), 1e-14);
    }

    [Fact]
    public void SquaredLogitPenalty_Target_IsStationary()
    {
        var l = MarginLoss.SquaredLogitPenalty(0.05);
        NumericAssert.CloseAbs(0, l.Derivative(l.Target), 1e-12);
        Assert.InRange(l.Target, 0.1, 20);
    }

    [Fact]
    public void UnregularisedLosses_HaveInfiniteTarget()
    {
        Assert.Equal(double.PositiveInfinity, MarginLoss.Logistic.Target);
        Assert.Equal(double.PositiveInfinity, MarginLoss.Exponential.Target);
        NumericAssert.Close(Math.Log(2), MarginLoss.Logistic.Value(0), 1e-15);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void LabelSmoothing_BadAlpha_Throws(double a) => Assert.ThrowsAny<ArgumentException>(() => MarginLoss.LabelSmoothing(a));

    [Theory]
    [InlineData(0)]
    [InlineData(double.PositiveInfinity)]
    public void SquaredLogitPenalty_BadStrength_Throws(double b) => Assert.ThrowsAny<ArgumentException>(() => MarginLoss.SquaredLogitPenalty(b));
}
