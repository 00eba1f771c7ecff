using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class MarginLossTests
{
    public static TheoryData<MarginLoss> Losses => new()
    {
        MarginLoss.Logistic, MarginLoss.Exponential, MarginLoss.LabelSmoothing(0.1), MarginLoss.SquaredLogitPenalty(0.05),
    };

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
