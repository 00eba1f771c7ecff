using MathNet.Numerics.LinearAlgebra;
using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class DuplicatedRowRegressionTests
{
    [Theory]
    [InlineData(8, 100, 10, 4)]
    [InlineData(24, 432, 2, 24)]
    [InlineData(5, 0, 20, 3)]
    public void ClosedForms_MatchMonteCarloWithinThreeStandardErrors(int m, int n, int d, int r)
    {
        var model = DuplicatedRowRegression.Sample(m, n, d, r, new Random(m + n));
        var (test, testSe, train, trainSe) = model.Simulate(4000, new Random(7));
        Assert.InRange(model.ExpectedTestRisk(), test - 3 * testSe, test + 3 * testSe);
        Assert.InRange(model.ExpectedTrainRisk(), train - 3 * trainSe, train + 3 * trainSe);
    }

    [Fact]
    public void NoDuplicates_ReducesToTheClassicalOlsRisks()
    {
        // r = 1: E[test] = 1 + tr((XᵀX)⁻¹) and E[train] = (n − m)/n.
        var model = DuplicatedRowRegression.Sample(10, 200, 0, 1, new Random(3));
        NumericAssert.Close(190.0 / 200.0, model.ExpectedTrainRisk(), 1e-12);
        Assert.True(model.ExpectedTestRisk() > 1);
    }

    [Fact]
    public void Repeats_RaiseTheTestRisk()
    {
        var rng = new Random(5);
        var u = Matrix<double>.Build.Dense(200, 10, (_, _) => MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1));
        var dup = Matrix<double>.Build.Dense(5, 10, (_, _) => MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1));
        Assert.True(new DuplicatedRowRegression(u, dup, 20).ExpectedTestRisk() > new DuplicatedRowRegression(u, dup, 1).ExpectedTestRisk());
    }

    [Fact]
    public void BadInput_Throws()
    {
        var u = Matrix<double>.Build.Dense(3, 5);
        Assert.Throws<ArgumentException>(() => new DuplicatedRowRegression(u, Matrix<double>.Build.Dense(1, 5), 1));     // 4 rows < 5 columns
        Assert.Throws<ArgumentException>(() => new DuplicatedRowRegression(Matrix<double>.Build.Dense(10, 5), Matrix<double>.Build.Dense(1, 4), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DuplicatedRowRegression(Matrix<double>.Build.Dense(10, 5), Matrix<double>.Build.Dense(1, 5), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DuplicatedRowRegression(Matrix<double>.Build.Dense(10, 5), Matrix<double>.Build.Dense(1, 5), 2, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DuplicatedRowRegression.Sample(0, 10, 1, 2, new Random(1)));
    }
}
