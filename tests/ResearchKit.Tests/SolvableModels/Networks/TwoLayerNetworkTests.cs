using MathNet.Numerics.LinearAlgebra;
using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class TwoLayerNetworkTests
{
    [Theory]
    [InlineData(HiddenActivation.Linear)]
    [InlineData(HiddenActivation.Tanh)]
    public void Gradient_MatchesCentralFiniteDifferences(HiddenActivation activation)
    {
        var rng = new Random(5);
        var net = TwoLayerNetwork.Random(6, 4, 3, activation, rng);
        var x = Matrix<double>.Build.Dense(9, 6, (i, j) => rng.NextDouble() - 0.5);
        var y = Matrix<double>.Build.Dense(9, 3, (i, j) => rng.NextDouble() - 0.5);
        var g = net.Gradient(x, y);
        const double h = 1e-6;
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 6; j++)
            {
                var plus = net.FirstLayer.Clone(); plus[i, j] += h;
                var minus = net.FirstLayer.Clone(); minus[i, j] -= h;
                double fd = (new TwoLayerNetwork(plus, net.SecondLayer, activation).Gradient(x, y).Loss
                           - new TwoLayerNetwork(minus, net.SecondLayer, activation).Gradient(x, y).Loss) / (2 * h);
                NumericAssert.CloseAbs(fd, g.FirstLayer[i, j], 1e-8, $"W1[{i},{j}]");
            }
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
            {
                var plus = net.SecondLayer.Clone(); plus[i, j] += h;
                var minus = net.SecondLayer.Clone(); minus[i, j] -= h;
                double fd = (new TwoLayerNetwork(net.FirstLayer, plus, activation).Gradient(x, y).Loss
                           - new TwoLayerNetwork(net.FirstLayer, minus, activation).Gradient(x, y).Loss) / (2 * h);
                NumericAssert.CloseAbs(fd, g.SecondLayer[i, j], 1e-8, $"W2[{i},{j}]");
            }
    }

    [Fact]
    public void Forward_Linear_IsProductOfWeights()
    {
        var rng = new Random(2);
        var net = TwoLayerNetwork.Random(5, 3, 2, HiddenActivation.Linear, rng);
        var x = Matrix<double>.Build.Dense(4, 5, (i, j) => i - j);
        var expected = x * (net.SecondLayer * net.FirstLayer).Transpose();
        Assert.True((net.Forward(x) - expected).FrobeniusNorm() < 1e-12);
    }

    [Fact]
    public void Step_ReducesLoss()
    {
        var rng = new Random(3);
        var net = TwoLayerNetwork.Random(8, 6, 2, HiddenActivation.Tanh, rng);
        var x = Matrix<double>.Build.Dense(20, 8, (i, j) => rng.NextDouble() - 0.5);
        var y = Matrix<double>.Build.Dense(20, 2, (i, j) => rng.NextDouble() - 0.5);
        var g = net.Gradient(x, y);
        Assert.True(net.Step(g, 0.05).Gradient(x, y).Loss < g.Loss);
    }

    [Fact]
    public void BadInput_Throws()
    {
        var rng = new Random(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerNetwork.Random(0, 3, 2, HiddenActivation.Tanh, rng));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerNetwork.Random(4, 3, 2, HiddenActivation.Tanh, rng, double.NaN));
        Assert.Throws<ArgumentNullException>(() => TwoLayerNetwork.Random(4, 3, 2, HiddenActivation.Tanh, null!));
        var net = TwoLayerNetwork.Random(4, 3, 2, HiddenActivation.Tanh, rng);
        Assert.Throws<ArgumentException>(() => net.Forward(Matrix<double>.Build.Dense(2, 5)));
        Assert.Throws<ArgumentException>(() => net.Gradient(Matrix<double>.Build.Dense(2, 4), Matrix<double>.Build.Dense(3, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => net.Step(net.Gradient(Matrix<double>.Build.Dense(2, 4), Matrix<double>.Build.Dense(2, 2)), 0));
        var bad = Matrix<double>.Build.Dense(3, 4); bad[0, 0] = double.NaN;
        Assert.Throws<ArgumentException>(() => new TwoLayerNetwork(bad, Matrix<double>.Build.Dense(2, 3), HiddenActivation.Linear));
        Assert.Throws<ArgumentException>(() => new TwoLayerNetwork(Matrix<double>.Build.Dense(3, 4), Matrix<double>.Build.Dense(2, 5), HiddenActivation.Linear));
    }
}
