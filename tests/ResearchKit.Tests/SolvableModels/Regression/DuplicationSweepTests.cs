using MathNet.Numerics.LinearAlgebra;
using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class DuplicationSweepTests
{
    [Theory]
    [InlineData(6, 80, 5, 3)]
    [InlineData(10, 40, 2, 25)]
    [InlineData(8, 0, 12, 4)]
    public void RisksFromGram_EqualTheRowBasedClosedForms(int m, int n, int d, int r)
    {
        var model = DuplicatedRowRegression.Sample(m, n, d, r, new Random(m * 31 + r));
        var rng = new Random(m * 31 + r);
        var u = Matrix<double>.Build.Dense(n, m, (_, _) => MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1));
        var dup = Matrix<double>.Build.Dense(d, m, (_, _) => MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1));
        var same = new DuplicatedRowRegression(u, dup, r);
        var risks = DuplicatedRowRegression.RisksFromGram(u.TransposeThisAndMultiply(u), dup.TransposeThisAndMultiply(dup), n + r * d, r);
        NumericAssert.Close(same.ExpectedTestRisk() - 1, risks.ExcessTest, 1e-9 * (1 + risks.ExcessTest));
        NumericAssert.Close(same.ExpectedTrainRisk(), risks.Train, 1e-9);
        Assert.Equal(model.TrainingRows, n + r * d);
    }

    [Theory]
    [InlineData(5, 12)]
    [InlineData(5, 3)]
    public void GaussianGram_HasTheWishartMean(int m, int rows)
    {
        // E[XᵀX] = rows·I: average the diagonal and one off-diagonal entry over 4000 draws, within 4 standard errors.
        var rng = new Random(11);
        int draws = 4000;
        var diag = new double[draws];
        var off = new double[draws];
        for (int t = 0; t < draws; t++)
        {
            var g = DuplicationSweep.GaussianGram(rows, m, rng);
            diag[t] = g[m - 1, m - 1];
            off[t] = g[0, m - 1];
        }
        AssertMean(rows, diag);
        AssertMean(0, off);
        // The last diagonal entry of a Bartlett draw has variance 2·rows (a χ²(rows) in distribution).
        double mean = diag.Average();
        double variance = diag.Sum(x => (x - mean) * (x - mean)) / (draws - 1);
        Assert.InRange(variance, 2 * rows * 0.85, 2 * rows * 1.15);
    }

    [Fact]
    public void NoDuplicates_GiveTheCleanInverseWishartRisk()
    {
        // r = 1 is T unique rows: the mean excess over designs is m/(T − m − 1).
        var result = DuplicationSweep.Run(8, 60, 0.1, new[] { 1 }, 3000, 5);
        var p = result.Points[0];
        Assert.InRange(result.CleanExcessTestRisk, p.ExcessTestRisk - 4 * p.ExcessTestRiskError, p.ExcessTestRisk + 4 * p.ExcessTestRiskError);
        NumericAssert.Close(8.0 / 51.0, result.CleanExcessTestRisk, 1e-15);
        Assert.InRange(p.SampleEfficiency, 0.95, 1.05);
    }

    [Fact]
    public void ClosedForms_MatchMonteCarloLeastSquares()
    {
        var mc = DuplicationSweep.Simulate(8, 160, 0.1, 4, 40, 200, 3);
        Assert.InRange(mc.TestDifference, -4 * mc.TestDifferenceError, 4 * mc.TestDifferenceError);
        Assert.InRange(mc.TrainDifference, -4 * mc.TrainDifferenceError, 4 * mc.TrainDifferenceError);
        Assert.True(mc.TestDifferenceError > 0);
    }

    [Fact]
    public void Run_IsIndependentOfTheThreadCountAndReproducible()
    {
        var a = DuplicationSweep.Run(6, 120, 0.1, new[] { 1, 3, 6 }, 8, 42);
        var b = DuplicationSweep.Run(6, 120, 0.1, new[] { 1, 3, 6 }, 8, 42);
        Assert.Equal(a.Points.Select(p => p.ExcessTestRisk), b.Points.Select(p => p.ExcessTestRisk));
    }

    [Fact]
    public void Split_FillsTheBudgetExactly()
    {
        Assert.Equal((432, 2), DuplicationSweep.Split(480, 0.1, 24));
        Assert.Equal((432, 48), DuplicationSweep.Split(480, 0.1, 1));
        NumericAssert.Close(10.0 + 1 + 10.0 / 0.5, DuplicationSweep.CleanRowsForExcess(10, 0.5), 1e-12);
        Assert.Equal(new[] { 1, 2, 3, 4, 6, 8, 12, 16, 24, 48 }, DuplicationSweep.ExactRepeatCounts(480, 0.1));
        foreach (int r in DuplicationSweep.ExactRepeatCounts(960, 0.1))
        {
            var (n, d) = DuplicationSweep.Split(960, 0.1, r);
            Assert.Equal(96, r * d);
            Assert.Equal(960, n + r * d);
        }
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DuplicationSweep.Split(480, 0.1, 49));     // d = 1 needs r ≤ 48
        Assert.Throws<ArgumentOutOfRangeException>(() => DuplicationSweep.Split(480, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => DuplicationSweep.Split(480, 1.5, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => DuplicationSweep.Split(480, double.NaN, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => DuplicationSweep.CleanExcessTestRisk(10, 11));
        Assert.Throws<ArgumentOutOfRangeException>(() => DuplicationSweep.CleanRowsForExcess(10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DuplicationSweep.Run(8, 60, 0.1, new[] { 1 }, 1, 5));
        Assert.Throws<ArgumentException>(() => DuplicationSweep.Run(8, 60, 0.1, Array.Empty<int>(), 4, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DuplicationSweep.Run(30, 40, 0.5, new[] { 20 }, 4, 5));   // n + d = 21 < m
        Assert.Throws<ArgumentOutOfRangeException>(() => DuplicationSweep.GaussianGram(-1, 3, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DuplicationSweep.ExactRepeatCounts(485, 0.1));           // 48.5 rows
        Assert.Throws<ArgumentOutOfRangeException>(() => DuplicationSweep.ExactRepeatCounts(5, 0.1));
        Assert.Throws<ArgumentException>(() => DuplicatedRowRegression.RisksFromGram(Matrix<double>.Build.Dense(3, 3), Matrix<double>.Build.Dense(3, 3), 10, 2));
        Assert.Throws<ArgumentException>(() => DuplicatedRowRegression.RisksFromGram(Matrix<double>.Build.DenseIdentity(3), Matrix<double>.Build.Dense(2, 2), 10, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => DuplicatedRowRegression.RisksFromGram(Matrix<double>.Build.DenseIdentity(3), Matrix<double>.Build.Dense(3, 3), 10, 0));
    }

    private static void AssertMean(double expected, double[] v)
    {
        double mean = v.Average();
        double se = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1) / v.Length);
        Assert.InRange(expected, mean - 4 * se, mean + 4 * se);
    }
}
