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

    [Theory]
    [InlineData(6, 40, 5, 3)]
    [InlineData(4, 0, 12, 2)]
    public void Simulate_EqualsLeastSquaresOnTheStackedRows(int m, int n, int d, int r)
    {
        // Reference: the explicit T × m design with every copy written out, the same noise draws (unique rows first, then
        // one shared value per duplicated row), least squares by MathNet's QR; Simulate solves the normal equations instead.
        var gauss = new MathNet.Numerics.Distributions.Normal(0, 1, new Random(m + n + d));
        var u = Matrix<double>.Build.Random(n, m, gauss);
        var dup = Matrix<double>.Build.Random(d, m, gauss);
        var model = new DuplicatedRowRegression(u, dup, r, 0.5);
        int rows = n + r * d, draws = 5;
        var x = Matrix<double>.Build.Dense(rows, m);
        if (n > 0) x.SetSubMatrix(0, 0, u);
        for (int j = 0; j < d; j++) for (int c = 0; c < r; c++) x.SetRow(n + j * r + c, dup.Row(j));
        var qr = x.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var random = new Random(9);
        var test = new double[draws]; var train = new double[draws];
        for (int t = 0; t < draws; t++)
        {
            var z = Vector<double>.Build.Dense(rows);
            for (int i = 0; i < n; i++) z[i] = Math.Sqrt(0.5) * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
            for (int j = 0; j < d; j++) { double v = Math.Sqrt(0.5) * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1); for (int c = 0; c < r; c++) z[n + j * r + c] = v; }
            var err = qr.Solve(z);
            test[t] = err.DotProduct(err) + 0.5;
            var res = z - x * err;
            train[t] = res.DotProduct(res) / rows;
        }
        var (testMean, _, trainMean, _) = model.Simulate(draws, new Random(9));
        NumericAssert.Close(test.Average(), testMean, 1e-11);
        NumericAssert.Close(train.Average(), trainMean, 1e-11);
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
