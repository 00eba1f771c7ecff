using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class LogitRegularizationTests
{
    [Theory]
    [InlineData(100, 100, 1.0)]
    [InlineData(100, 101, 0.0)]
    [InlineData(100, 60, 1.0)]
    public void GeneralizationProbability_Regularised_StepAtInterpolationThreshold(int n, int d, double expected)
        => Assert.Equal(expected, LogitRegularization.GeneralizationProbability(n, d, true));

    [Fact]
    public void GeneralizationProbability_Unregularised_IsOneHalfAtLambdaOneHalf()
        // noise dimension d − 1 = N/2 → 1 − P_sep = ½
        => NumericAssert.Close(0.5, LogitRegularization.GeneralizationProbability(400, 201, false), 1e-12);

    [Fact]
    public void GeneralizationProbability_LargeN_CriticalPointsAreHalfAndOne()
    {
        int n = 4000;
        Assert.True(LogitRegularization.GeneralizationProbability(n, (int)(0.45 * n), false) > 0.99);
        Assert.True(LogitRegularization.GeneralizationProbability(n, (int)(0.55 * n), false) < 0.01);
        Assert.Equal(1.0, LogitRegularization.GeneralizationProbability(n, (int)(0.95 * n), true));
        Assert.Equal(0.0, LogitRegularization.GeneralizationProbability(n, (int)(1.05 * n), true));
        Assert.Equal(0.5, LogitRegularization.CriticalLambda(false));
        Assert.Equal(1.0, LogitRegularization.CriticalLambda(true));
    }

    [Fact]
    public void GeneralizationProbability_BadInput_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => LogitRegularization.GeneralizationProbability(0, 5, true));
        Assert.ThrowsAny<ArgumentException>(() => LogitRegularization.GeneralizationProbability(5, 1, false));
    }
}
