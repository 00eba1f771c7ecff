using MathNet.Numerics.LinearAlgebra;
using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class LogitClusteringTests
{
    private static Matrix<double> AtVertices(int[] labels, int k, double alpha)
    {
        var v = SoftmaxDynamics.VertexTarget(alpha, k);
        return Matrix<double>.Build.Dense(labels.Length, k, (i, j) => j == labels[i] ? v.High : v.Low);
    }

    [Fact]
    public void WithinToBetweenSpread_HandComputedTwoClasses()
    {
        // Class 0 at (0, 0) and (2, 0), class 1 at (10, 0) and (12, 0): centres (1, 0) and (11, 0), every sample 1 from
        // its centre (rms 1), the centres 10 apart.
        var z = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0 }, { 10, 0 }, { 2, 0 }, { 12, 0 } });
        NumericAssert.Close(0.1, LogitClustering.WithinToBetweenSpread(z, new[] { 0, 1, 0, 1 }), 1e-14);
    }

    [Fact]
    public void WithinToBetweenSpread_ZeroAtTheVertices_AndScaleFree()
    {
        var labels = Enumerable.Range(0, 40).Select(i => i % 4).ToArray();
        Assert.True(LogitClustering.WithinToBetweenSpread(AtVertices(labels, 4, 0.2), labels) < 1e-14);
        var random = new Random(3);
        var z = Matrix<double>.Build.Dense(40, 4, (i, j) => (j == labels[i] ? 3 : 0) + random.NextDouble());
        double spread = LogitClustering.WithinToBetweenSpread(z, labels);
        Assert.True(spread > 0.01);
        NumericAssert.Close(spread, LogitClustering.WithinToBetweenSpread(z * 5, labels), 1e-12);
    }

    [Fact]
    public void LargestVertexError_IsTheLargestDeviationOverZHigh()
    {
        var labels = Enumerable.Range(0, 30).Select(i => i % 3).ToArray();
        var z = AtVertices(labels, 3, 0.04);
        Assert.True(LogitClustering.LargestVertexError(z, labels, 0.04) < 1e-14);
        var high = SoftmaxDynamics.VertexTarget(0.04, 3).High;
        z[7, 2] += 0.25;
        z[11, 0] -= 0.1;
        NumericAssert.Close(0.25 / high, LogitClustering.LargestVertexError(z, labels, 0.04), 1e-12);
    }

    [Fact]
    public void BadInput_Throws()
    {
        var labels = new[] { 0, 1, 0, 1 };
        var z = Matrix<double>.Build.Dense(4, 2, (i, j) => i + j);
        Assert.Equal("logits", Assert.Throws<ArgumentNullException>(() => LogitClustering.WithinToBetweenSpread(null!, labels)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentNullException>(() => LogitClustering.WithinToBetweenSpread(z, null!)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => LogitClustering.WithinToBetweenSpread(z, new[] { 0, 1, 0 })).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentOutOfRangeException>(() => LogitClustering.WithinToBetweenSpread(z, new[] { 0, 1, 2, 1 })).ParamName);
        var missing = Assert.Throws<ArgumentException>(() => LogitClustering.LargestVertexError(z, new[] { 0, 0, 0, 0 }, 0.2));
        Assert.Contains("class 1 has no sample", missing.Message);
        z[2, 1] = double.NaN;
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => LogitClustering.WithinToBetweenSpread(z, labels)).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => LogitClustering.WithinToBetweenSpread(Matrix<double>.Build.Dense(4, 1), new[] { 0, 0, 0, 0 })).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => LogitClustering.LargestVertexError(Matrix<double>.Build.Dense(4, 2), labels, 1.5)).ParamName);
    }
}
