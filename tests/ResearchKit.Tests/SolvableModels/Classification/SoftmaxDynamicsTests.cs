using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class SoftmaxDynamicsTests
{
    private static double PerSampleLoss(double[] z, int c, double alpha)
    {
        double max = z.Max(), sum = z.Sum(v => Math.Exp(v - max));
        return (1 - alpha) * (max + Math.Log(sum) - z[c]) + alpha * z.Sum(v => v * v);
    }

    [Theory]
    [InlineData(0.04, 10)]
    [InlineData(0.2, 3)]
    [InlineData(0.5, 2)]
    public void VertexTarget_MinimisesThePerSampleLoss(double alpha, int k)
    {
        var (high, low) = SoftmaxDynamics.VertexTarget(alpha, k);
        var z = Enumerable.Range(0, k).Select(j => j == 0 ? high : low).ToArray();
        double best = PerSampleLoss(z, 0, alpha);
        var rnd = new Random(1);
        for (int t = 0; t < 200; t++)
        {
            var p = z.Select(v => v + 0.01 * (rnd.NextDouble() - 0.5)).ToArray();
            Assert.True(PerSampleLoss(p, 0, alpha) >= best - 1e-14);
        }
        NumericAssert.CloseAbs(0, z.Sum(), 1e-12);
        Assert.True(high > 0 && low < 0);
    }

    [Fact]
    public void Train_StartsAtLogK_AndIsDeterministic()
    {
        var m = new MultiClassSignalPlusNoise(4, 12, 1.0, 0.2, 1.0);
        var train = m.Sample(40, new Random(2)); var test = m.Sample(100, new Random(3));
        var o = new SoftmaxTrainingOptions { Alpha = 0.1, LearningRate = 0.5, Steps = 300, RecordCount = 10, SnapshotSteps = new[] { 0, 300 } };
        var a = SoftmaxDynamics.Train(train, test, o); var b = SoftmaxDynamics.Train(train, test, o);
        NumericAssert.Close(0.9 * Math.Log(4), a.TrainLoss[0], 1e-14);
        Assert.Equal(a.TestLoss, b.TestLoss);
        Assert.Equal(2, a.Snapshots.Count);
        Assert.Equal(a.FinalWeights.ToArray(), b.FinalWeights.ToArray());
        Assert.True(a.TrainLoss[^1] < a.TrainLoss[0]);
    }

    [Fact]
    public void NoiselessFeatures_BelowInterpolation_LogitsReachTheVertices()
    {
        // Prop. D.2: σ_f = 0, λ < 1, α > 0: every logit vector of class c goes to z*_(c) and the test accuracy to 1.
        var m = new MultiClassSignalPlusNoise(3, 10, 1.0, 0.0, 1.0);
        var train = m.Sample(40, new Random(4)); var test = m.Sample(200, new Random(5));
        const double alpha = 0.2;
        var r = SoftmaxDynamics.Train(train, test, new SoftmaxTrainingOptions { Alpha = alpha, LearningRate = 0.5, Steps = 20_000, RecordCount = 5, SnapshotSteps = new[] { 20_000 } });
        var (high, low) = SoftmaxDynamics.VertexTarget(alpha, 3);
        var z = r.Snapshots[0].TrainLogits;
        for (int i = 0; i < train.Count; i++)
            for (int j = 0; j < 3; j++) NumericAssert.CloseAbs(j == train.Labels[i] ? high : low, z[i, j], 1e-6, $"z[{i},{j}]");
        Assert.Equal(1.0, r.TestAccuracy[^1]);
    }

    [Fact]
    public void Gradient_MatchesFiniteDifferenceOfTheLoss()
    {
        // One GD step from W = 0 moves the loss by −η‖∇L‖² to first order: check against a small step.
        var m = new MultiClassSignalPlusNoise(3, 6, 1.0, 0.3, 1.0);
        var train = m.Sample(20, new Random(6));
        double eta = 1e-4;
        var r = SoftmaxDynamics.Train(train, train, new SoftmaxTrainingOptions { Alpha = 0.3, LearningRate = eta, Steps = 1, RecordCount = 2 });
        double g2 = r.FinalWeights.Enumerate().Sum(v => v * v) / (eta * eta) + r.FinalBias.Sum(v => v * v) / (eta * eta);
        NumericAssert.Close(-eta * g2, r.TrainLoss[^1] - r.TrainLoss[0], 1e-3);
    }

    [Fact]
    public void Model_NoiseLiesInTheRightSubspaces()
    {
        // σ_n → 0 leaves only the signal-subspace noise: x − μ_c sums to 0 over the first K coordinates, 0 elsewhere.
        var sig = new MultiClassSignalPlusNoise(4, 9, 2.0, 0.7, 1e-12).Sample(30, new Random(7));
        for (int i = 0; i < 30; i++)
        {
            double sum = Enumerable.Range(0, 4).Sum(j => sig.Points[i, j] - (j == sig.Labels[i] ? 2.0 : 0));
            NumericAssert.CloseAbs(0, sum, 1e-10);
            for (int j = 4; j < 9; j++) NumericAssert.CloseAbs(0, sig.Points[i, j], 1e-10);
        }
        // σ_f = 0 leaves only the orthogonal noise: the first K coordinates minus μ_c are all equal.
        var orth = new MultiClassSignalPlusNoise(4, 9, 2.0, 0.0, 1.0).Sample(30, new Random(8));
        for (int i = 0; i < 30; i++)
        {
            double first = orth.Points[i, 0] - (orth.Labels[i] == 0 ? 2.0 : 0);
            for (int j = 1; j < 4; j++) NumericAssert.CloseAbs(first, orth.Points[i, j] - (j == orth.Labels[i] ? 2.0 : 0), 1e-12);
        }
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => new MultiClassSignalPlusNoise(1, 5, 1, 0, 1));
        Assert.ThrowsAny<ArgumentException>(() => new MultiClassSignalPlusNoise(4, 4, 1, 0, 1));
        Assert.ThrowsAny<ArgumentException>(() => new MultiClassSignalPlusNoise(3, 5, 0, 0, 1));
        Assert.ThrowsAny<ArgumentException>(() => new MultiClassSignalPlusNoise(3, 5, 1, -1, 1));
        Assert.ThrowsAny<ArgumentException>(() => new MultiClassSignalPlusNoise(3, 5, 1, 0, 0));
        Assert.ThrowsAny<ArgumentException>(() => new MultiClassSignalPlusNoise(3, 5, double.NaN, 0, 1));
        var m = new MultiClassSignalPlusNoise(3, 5, 1, 0, 1);
        var s = m.Sample(10, new Random(1));
        Assert.ThrowsAny<ArgumentException>(() => SoftmaxDynamics.Train(s, s, new SoftmaxTrainingOptions { Alpha = 1 }));
        Assert.ThrowsAny<ArgumentException>(() => SoftmaxDynamics.Train(s, s, new SoftmaxTrainingOptions { LearningRate = 0 }));
        Assert.ThrowsAny<ArgumentException>(() => SoftmaxDynamics.Train(s, s, new SoftmaxTrainingOptions { Steps = 10, SnapshotSteps = new[] { 11 } }));
        var other = new MultiClassSignalPlusNoise(3, 6, 1, 0, 1).Sample(10, new Random(2));
        Assert.ThrowsAny<ArgumentException>(() => SoftmaxDynamics.Train(s, other, new SoftmaxTrainingOptions()));
        var bad = s with { Labels = s.Labels.Select((l, i) => i == 0 ? 3 : l).ToArray() };
        Assert.Throws<ArgumentException>(() => SoftmaxDynamics.Train(bad, s, new SoftmaxTrainingOptions()));
        Assert.ThrowsAny<ArgumentException>(() => SoftmaxDynamics.VertexTarget(0, 3));
        Assert.ThrowsAny<ArgumentException>(() => SoftmaxDynamics.VertexTarget(0.5, 1));
    }
}
