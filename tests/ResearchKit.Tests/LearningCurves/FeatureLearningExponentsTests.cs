using ResearchKit.LearningCurves;

namespace ResearchKit.Tests.LearningCurves;

public class FeatureLearningExponentsTests
{
    [Theory]
    [InlineData(0.2, 0.2 * 2 / 1.2)]
    [InlineData(0.5, 2.0 / 3)]
    [InlineData(1.0, 1.0)]
    [InlineData(1.5, 1.5)]
    public void RichTimeExponent_IsChi(double beta, double chi)
    {
        NumericAssert.Close(chi, FeatureLearningExponents.RichTimeExponent(beta), 1e-14);
        Assert.Equal(beta, FeatureLearningExponents.LazyTimeExponent(beta));
        Assert.True(FeatureLearningExponents.RichTimeExponent(beta) >= beta);
    }

    [Theory]
    [InlineData(2.0, 0.4)]
    [InlineData(1.5, 0.8)]
    [InlineData(3.0, 1.2)]
    public void ComputeOptimal_MatchesNumericalBalanceOfTheTwoTerms(double alpha, double beta)
    {
        // L(N, t) = t^(−χ) + N^(−αβ); at C = N t take the minimum over N (golden section in ln N), slope between two C.
        foreach (bool rich in new[] { false, true })
        {
            double chi = rich ? FeatureLearningExponents.RichTimeExponent(beta) : beta;
            double Best(double c)
            {
                double lo = 0, hi = Math.Log(c);
                for (int i = 0; i < 200; i++)
                {
                    double m1 = lo + (hi - lo) * 0.382, m2 = lo + (hi - lo) * 0.618;
                    if (Loss(c, m1) < Loss(c, m2)) hi = m2; else lo = m1;
                }
                return Loss(c, (lo + hi) / 2);
            }
            double Loss(double c, double lnN) => Math.Pow(c / Math.Exp(lnN), -chi) + Math.Exp(-alpha * beta * lnN);
            double slope = -(Math.Log(Best(1e40)) - Math.Log(Best(1e30))) / (Math.Log(1e40) - Math.Log(1e30));
            double formula = rich ? FeatureLearningExponents.RichComputeOptimalExponent(alpha, beta)
                                  : FeatureLearningExponents.LazyComputeOptimalExponent(alpha, beta);
            NumericAssert.Close(slope, formula, 1e-6, rich ? "rich" : "lazy");
        }
    }

    [Fact]
    public void ClosedForms_OfTheSpec()
    {
        NumericAssert.Close(2 * 0.4 / 3, FeatureLearningExponents.LazyComputeOptimalExponent(2, 0.4), 1e-14);
        NumericAssert.Close(2 * 2 * 0.4 / (2 * 1.4 + 2), FeatureLearningExponents.RichComputeOptimalExponent(2, 0.4), 1e-14);
        // Easy tasks: rich = lazy.
        Assert.Equal(FeatureLearningExponents.LazyComputeOptimalExponent(2, 1.2), FeatureLearningExponents.RichComputeOptimalExponent(2, 1.2));
        Assert.Equal(0.8, FeatureLearningExponents.WidthExponent(2, 0.4), 14);
    }

    [Theory]
    [InlineData(2.0, 0.4, TaskDifficulty.Hard)]
    [InlineData(2.0, 1.2, TaskDifficulty.Easy)]
    [InlineData(2.0, 1.5, TaskDifficulty.SuperEasy)]
    [InlineData(1.2, 1.2, TaskDifficulty.SuperEasy)]
    [InlineData(4.0, 1.0, TaskDifficulty.Easy)]
    public void Difficulty_BoundariesAtOneAndTwoMinusOneOverAlpha(double alpha, double beta, TaskDifficulty expected) =>
        Assert.Equal(expected, FeatureLearningExponents.Difficulty(alpha, beta));

    [Fact]
    public void BadInput_NamesParameterValueAndRange()
    {
        Assert.Contains("sourceBeta", Assert.Throws<ArgumentOutOfRangeException>(() => FeatureLearningExponents.RichTimeExponent(0)).Message);
        Assert.Contains("sourceBeta", Assert.Throws<ArgumentOutOfRangeException>(() => FeatureLearningExponents.LazyTimeExponent(double.NaN)).Message);
        Assert.Contains("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => FeatureLearningExponents.Difficulty(-1, 0.5)).Message);
        Assert.Contains("sourceBeta = 2", Assert.Throws<ArgumentOutOfRangeException>(() => FeatureLearningExponents.WidthExponent(2, 2)).Message);
        Assert.Contains("timeExponent", Assert.Throws<ArgumentOutOfRangeException>(() => FeatureLearningExponents.ComputeOptimalExponent(2, 0.5, double.PositiveInfinity)).Message);
    }
}
