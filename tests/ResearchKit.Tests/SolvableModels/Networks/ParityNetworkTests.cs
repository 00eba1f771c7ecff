using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class ParityNetworkTests
{
    private static (double[] X, int[] Y) Batch(int count, int n, Random rng)
    {
        // Mixed inputs: binary bits and a few real values, so that the skip-zero path and the general path both run.
        var x = new double[count * n];
        for (int i = 0; i < x.Length; i++)
            x[i] = i % 5 == 0 ? rng.NextDouble() - 0.5 : rng.Next(2);
        return (x, Enumerable.Range(0, count).Select(_ => rng.Next(2)).ToArray());
    }

    [Fact]
    public void Gradient_MatchesCentralFiniteDifferences()
    {
        var rng = new Random(3);
        var net = ParityNetwork.Initialize(7, 5, rng);
        var (x, y) = Batch(11, 7, rng);
        var g = net.Gradient(x, y);
        var theta = net.Parameters.ToArray();
        const double h = 1e-6;
        for (int k = 0; k < theta.Length; k++)
        {
            var plus = theta.ToArray(); plus[k] += h;
            var minus = theta.ToArray(); minus[k] -= h;
            double fd = (new ParityNetwork(7, 5, plus).Loss(x, y) - new ParityNetwork(7, 5, minus).Loss(x, y)) / (2 * h);
            NumericAssert.CloseAbs(fd, g[k], 1e-7, $"θ[{k}]");
        }
    }

    [Fact]
    public void Logits_MatchHandComputedNetwork()
    {
        // n = 2, h = 2: W₁ (input-major) rows x₀ → (1, −1), x₁ → (2, 0.5); b₁ = (0, 0.25); W₂ = [[1, 2], [−1, 3]].
        var theta = new double[] { 1, -1, 2, 0.5, 0, 0.25, 1, 2, -1, 3 };
        var net = new ParityNetwork(2, 2, theta);
        // x = (1, 1): pre = (3, −0.25) → ReLU (3, 0) → z = (3, −3).
        var z = net.Logits(new double[] { 1, 1 });
        NumericAssert.CloseAbs(3, z[0], 1e-15);
        NumericAssert.CloseAbs(-3, z[1], 1e-15);
        // cross-entropy for label 1: log(e³ + e⁻³) + 3
        NumericAssert.Close(Math.Log(Math.Exp(3) + Math.Exp(-3)) + 3, net.Loss(new double[] { 1, 1 }, new[] { 1 }), 1e-14);
        Assert.Equal(1.0, net.Accuracy(new double[] { 1, 1 }, new[] { 0 }));
    }

    [Fact]
    public void Initialize_RespectsXavierAndBiasBounds()
    {
        var net = ParityNetwork.Initialize(40, 200, new Random(4));
        var t = net.Parameters;
        double a1 = Math.Sqrt(6.0 / 240), ab = 1 / Math.Sqrt(40), a2 = Math.Sqrt(6.0 / 202);
        Assert.Equal(40 * 200 + 200 + 400, t.Count);
        Assert.All(t.Take(8000), v => Assert.True(Math.Abs(v) <= a1));
        Assert.All(t.Skip(8000).Take(200), v => Assert.True(Math.Abs(v) <= ab));
        Assert.All(t.Skip(8200), v => Assert.True(Math.Abs(v) <= a2));
        // uniform on ±a has variance a²/3
        double var1 = t.Take(8000).Select(v => v * v).Average();
        NumericAssert.Close(a1 * a1 / 3, var1, 0.05);
    }

    [Fact]
    public void BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ParityNetwork.Initialize(0, 3, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParityNetwork.Initialize(3, 0, new Random(1)));
        Assert.Throws<ArgumentNullException>(() => ParityNetwork.Initialize(3, 3, null!));
        Assert.Throws<ArgumentException>(() => new ParityNetwork(2, 2, new double[9]));
        Assert.Throws<ArgumentException>(() => new ParityNetwork(2, 2, new double[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, double.NaN }));
        var net = ParityNetwork.Initialize(2, 2, new Random(1));
        Assert.Throws<ArgumentException>(() => net.Logits(new double[] { 1 }));
        Assert.Throws<ArgumentException>(() => net.Loss(new double[] { 1, 0, 1 }, new[] { 0, 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => net.Accuracy(new double[] { 1, 0 }, new[] { 3 }));
        Assert.Throws<ArgumentException>(() => net.Gradient(new double[] { 1, double.PositiveInfinity }, new[] { 0 }));
    }
    [Theory]
    [InlineData(7, 10, 5)]     // h below one vector block
    [InlineData(23, 37, 32)]   // h with a scalar tail after the vector blocks
    [InlineData(45, 100, 32)]  // notebook 04's network
    public void BatchPath_BitIdenticalToPerRowKernel(int n, int h, int batch)
    {
        // The training loop's blocked minibatch path against the per-row kernel behind Gradient and Accuracy.
        var random = new Random(n * 1000 + h);
        var net = ParityNetwork.Initialize(n, h, random);
        var theta = net.Parameters.ToArray();
        for (int k = 0; k < theta.Length; k++) theta[k] += 0.3 * (random.NextDouble() - 0.5);
        int rows = 80;
        // Bits plus a few non-binary inputs, so that the input scale is exercised too.
        var x = Enumerable.Range(0, rows * n).Select(i => i % 11 == 0 ? random.NextDouble() - 0.5 : random.Next(2)).ToArray();
        var y = Enumerable.Range(0, rows).Select(_ => random.Next(2)).ToArray();
        var order = Enumerable.Range(0, rows).OrderBy(_ => random.Next()).Take(batch).ToArray();
        var kernel = new ParityNetwork.Kernel(n, h);
        var expected = new double[theta.Length];
        double expectedLoss = kernel.LossAndGradient(theta, x, y, order, expected);
        var fast = new ParityNetwork.Kernel(n, h);
        var active = new ParityNetwork.Kernel.ActiveInputs(x, n);
        var actual = new double[theta.Length];
        double actualLoss = fast.BatchLossAndGradient(theta, x, y, active, order, actual);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expectedLoss), BitConverter.DoubleToInt64Bits(actualLoss));
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
        double accuracy = kernel.Accuracy(theta, x, y, out double loss);
        double fastAccuracy = fast.Accuracy(theta, active, y, out double fastLoss);
        Assert.Equal(accuracy, fastAccuracy);
        Assert.Equal(BitConverter.DoubleToInt64Bits(loss), BitConverter.DoubleToInt64Bits(fastLoss));
    }
}
