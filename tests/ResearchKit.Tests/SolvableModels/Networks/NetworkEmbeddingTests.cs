using MathNet.Numerics.LinearAlgebra;
using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class NetworkEmbeddingTests
{
    [Fact]
    public void Hidden_IsTanhOfFirstLayer()
    {
        var w1 = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2 }, { -0.5, 0 } });
        var w2 = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 1 } });
        var net = new TwoLayerNetwork(w1, w2, HiddenActivation.Tanh);
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 0.1, 0.2 }, { 1, -1 } });
        var h = NetworkEmbedding.Hidden(net, x);
        NumericAssert.Close(Math.Tanh(0.5), h[0, 0], 1e-15);
        NumericAssert.Close(Math.Tanh(-0.05), h[0, 1], 1e-15);
        NumericAssert.Close(Math.Tanh(-1), h[1, 0], 1e-15);
        NumericAssert.Close(Math.Tanh(-0.5), h[1, 1], 1e-15);
        // The read-out of the hidden layer is the network's output.
        var f = net.Forward(x);
        NumericAssert.Close(f[1, 0], h[1, 0] + h[1, 1], 1e-14);
    }

    [Fact]
    public void TrainMeanSquared_EqualsStepByStepDescent_AndLowersTheLoss()
    {
        var rng = new Random(2);
        var net = TwoLayerNetwork.Random(5, 4, 1, HiddenActivation.Tanh, rng);
        var x = Matrix<double>.Build.Dense(20, 5, (i, j) => Math.Sin(i + 3 * j));
        var y = Matrix<double>.Build.Dense(20, 1, (i, _) => i % 2 == 0 ? 1 : -1);
        var result = NetworkEmbedding.TrainMeanSquared(net, x, y, 0.1, 3);
        var manual = net;
        for (int k = 0; k < 3; k++) manual = manual.Step(manual.Gradient(x, y), 0.1);
        Assert.True(result.Network.FirstLayer.Equals(manual.FirstLayer));
        Assert.Equal(4, result.Loss.Length);
        NumericAssert.Close(net.Gradient(x, y).Loss, result.Loss[0], 1e-15);
        Assert.True(result.Loss[^1] < result.Loss[0]);
    }

    [Fact]
    public void BadInput_Throws()
    {
        var net = TwoLayerNetwork.Random(3, 2, 1, HiddenActivation.Tanh, new Random(1));
        var x = Matrix<double>.Build.Dense(4, 3, 0.5);
        var y = Matrix<double>.Build.Dense(4, 1, 1.0);
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkEmbedding.TrainMeanSquared(net, x, y, 0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkEmbedding.TrainMeanSquared(net, x, y, double.NaN, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkEmbedding.TrainMeanSquared(net, x, y, 0.1, 0));
        Assert.ThrowsAny<ArgumentException>(() => NetworkEmbedding.TrainMeanSquared(net, x, Matrix<double>.Build.Dense(3, 1), 0.1, 5));
        Assert.ThrowsAny<ArgumentException>(() => NetworkEmbedding.Hidden(net, Matrix<double>.Build.Dense(4, 2)));
        Assert.Throws<InvalidOperationException>(() => NetworkEmbedding.TrainMeanSquared(net, x, y, 1e300, 3));
    }
}
