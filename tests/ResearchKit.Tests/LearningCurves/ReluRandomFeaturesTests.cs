using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.LearningCurves;

namespace ResearchKit.Tests.LearningCurves;

public class ReluRandomFeaturesTests
{
    private static Matrix<double> Data(int rows, int cols, int seed)
    {
        var r = new Random(seed);
        return Matrix<double>.Build.Dense(rows, cols, (i, j) => Normal.Sample(r, 0, 1) + 0.3 * j / cols);
    }

    private static double[] Labels(Matrix<double> x) => Enumerable.Range(0, x.RowCount).Select(i => x[i, 0] + x[i, 1] > 0.3 ? 1.0 : -1.0).ToArray();

    [Fact]
    public void Kernel_IsTheLimitOfManyReluFeatures()
    {
        var x = Data(5, 8, 1);
        double v = 2.0 / 8;
        var k = ReluRandomFeatures.Kernel(x, v);
        int n = 40000;
        var r = new Random(2);
        var f = Matrix<double>.Build.Dense(8, n, (_, _) => Normal.Sample(r, 0, Math.Sqrt(v)));
        var phi = (x * f).Map(t => Math.Max(t, 0));
        var mc = phi * phi.Transpose() / n;
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 5; j++)
                Assert.InRange(mc[i, j] - k[i, j], -0.03 * k[i, i], 0.03 * k[i, i]); // ≈ 6 standard errors at N = 40000
        NumericAssert.Close(v * x.Row(0).DotProduct(x.Row(0)) / 2, k[0, 0], 1e-12); // θ = 0: v|x|²/2
    }

    [Fact]
    public void Spectrum_KeepsTraceAndTargetPower()
    {
        var x = Data(60, 6, 3);
        var y = Labels(x);
        double v = 2.0 / 6;
        var sp = ReluRandomFeatures.Spectrum(x, y, v);
        var k = ReluRandomFeatures.Kernel(x, v);
        NumericAssert.Close(k.Trace() / 60, sp.Task.Eigenvalues.Sum(), 1e-8);
        NumericAssert.Close(y.Sum(t => t * t) / 60, sp.Task.TargetVariance + sp.DroppedTargetPower, 1e-9);
        Assert.Equal(60, sp.SampleCount);
        for (int i = 1; i < sp.Task.Modes; i++) Assert.True(sp.Task.Eigenvalues[i] <= sp.Task.Eigenvalues[i - 1]);
    }

    [Theory]
    [InlineData(20, 50)]  // P ≤ N: the dual solve
    [InlineData(50, 12)]  // P > N: the primal solve
    public void Simulate_MatchesADirectRidgeSolveOfTheSameFeatures(int p, int n)
    {
        int d = 7;
        var x = Data(p, d, 4);
        var xt = Data(30, d, 5);
        var y = Labels(x);
        var yt = Labels(xt);
        double v = 2.0 / d, ridge = 0.05;
        var result = ReluRandomFeatures.Simulate(x, y, xt, yt, n, 2, new[] { ridge, 1.0 }, v, new Random(9));
        // Rebuild both members from the same stream and solve (ΦᵀΦ + PλI)a = Φᵀy directly.
        var r = new Random(9);
        var data = new double[d * n];
        var mean = Vector<double>.Build.Dense(30);
        var yv = Vector<double>.Build.DenseOfArray(y);
        for (int m = 0; m < 2; m++)
        {
            Normal.Samples(r, data, 0, Math.Sqrt(v));
            var f = Matrix<double>.Build.Dense(d, n, (double[])data.Clone());
            var phi = (x * f).Map(t => Math.Max(t, 0) / Math.Sqrt(n));
            var phiT = (xt * f).Map(t => Math.Max(t, 0) / Math.Sqrt(n));
            var a = (phi.TransposeThisAndMultiply(phi) + Matrix<double>.Build.DenseIdentity(n) * (p * ridge)).Solve(phi.TransposeThisAndMultiply(yv));
            var pred = phiT * a;
            mean += pred;
            var ens = mean / (m + 1);
            double err = Enumerable.Range(0, 30).Average(i => (ens[i] - yt[i]) * (ens[i] - yt[i]));
            NumericAssert.Close(err, result.TestErrors[m][0], 1e-8);
        }
        Assert.NotEqual(result.TestErrors[1][0], result.TestErrors[1][1]);
    }

    [Fact]
    public void Simulate_SameSeedSameNumbers()
    {
        var x = Data(15, 5, 6);
        var xt = Data(10, 5, 7);
        var a = ReluRandomFeatures.Simulate(x, Labels(x), xt, Labels(xt), 8, 3, new[] { 0.1 }, 0.4, new Random(11));
        var b = ReluRandomFeatures.Simulate(x, Labels(x), xt, Labels(xt), 8, 3, new[] { 0.1 }, 0.4, new Random(11));
        var c = ReluRandomFeatures.Simulate(x, Labels(x), xt, Labels(xt), 8, 3, new[] { 0.1 }, 0.4, new Random(12));
        Assert.Equal(a.TestErrors[2][0], b.TestErrors[2][0]);
        Assert.NotEqual(a.TestErrors[2][0], c.TestErrors[2][0]);
    }

    [Fact]
    public void BadInput_IsRejectedWithTheParameterName()
    {
        var x = Data(10, 4, 8);
        var y = Labels(x);
        var ridges = new[] { 0.1 };
        var r = new Random(1);
        Assert.Contains("featureVariance", Assert.ThrowsAny<ArgumentException>(() => ReluRandomFeatures.Kernel(x, 0)).Message);
        Assert.Contains("featureVariance", Assert.ThrowsAny<ArgumentException>(() => ReluRandomFeatures.Kernel(x, double.PositiveInfinity)).Message);
        Assert.Contains("labels", Assert.ThrowsAny<ArgumentException>(() => ReluRandomFeatures.Spectrum(x, y.Take(9).ToArray(), 1)).Message);
        Assert.Contains("relativeCutoff", Assert.ThrowsAny<ArgumentException>(() => ReluRandomFeatures.Spectrum(x, y, 1, 1.5)).Message);
        var nanY = (double[])y.Clone();
        nanY[0] = double.NaN;
        Assert.Contains("trainLabels", Assert.ThrowsAny<ArgumentException>(() => ReluRandomFeatures.Simulate(x, nanY, x, y, 4, 1, ridges, 1, r)).Message);
        Assert.Contains("features", Assert.ThrowsAny<ArgumentException>(() => ReluRandomFeatures.Simulate(x, y, x, y, 0, 1, ridges, 1, r)).Message);
        Assert.Contains("members", Assert.ThrowsAny<ArgumentException>(() => ReluRandomFeatures.Simulate(x, y, x, y, 4, 0, ridges, 1, r)).Message);
        Assert.Contains("ridges", Assert.ThrowsAny<ArgumentException>(() => ReluRandomFeatures.Simulate(x, y, x, y, 4, 1, new[] { -0.1 }, 1, r)).Message);
        Assert.Contains("ridges", Assert.ThrowsAny<ArgumentException>(() => ReluRandomFeatures.Simulate(x, y, x, y, 4, 1, Array.Empty<double>(), 1, r)).Message);
        Assert.Contains("testInputs", Assert.ThrowsAny<ArgumentException>(() => ReluRandomFeatures.Simulate(x, y, Data(10, 3, 1), y, 4, 1, ridges, 1, r)).Message);
    }
}
