using ResearchKit.LearningCurves;

namespace ResearchKit.Tests.LearningCurves;

public class RandomFeatureFiniteDataFlowTests
{
    private static readonly LinearTask Task = PowerLawTask.Create(200, PowerLawExponents.FromDecay(1.5, 1), PowerLawNormalization.None);

    [Fact]
    public void ModeResidualsAddUpToTheTestLoss()
    {
        // L = vᵀΛv = Σ_k p_k (v_k/w*_k)²: the per-mode residuals and the loss come from separate formulas.
        var f = RandomFeatureFiniteDataFlow.Draw(Task, 20, 35, new Random(3));
        var times = new[] { 0.0, 0.7, 9, 400 };
        var (test, _) = f.Loss(times);
        var p = Task.TargetPower();
        var sum = new double[times.Length];
        for (int k = 0; k < Task.Modes; k++)
        {
            var v = f.Residual(k, times);
            for (int j = 0; j < times.Length; j++) sum[j] += p[k] * v[j] * v[j];
        }
        for (int j = 0; j < times.Length; j++) NumericAssert.Close(sum[j], test[j], 1e-9, $"t = {times[j]}");
        NumericAssert.Close(Task.TargetVariance, test[0], 1e-12, "L(0) = Σ p_k");
    }

    [Fact]
    public void ManySamples_ApproachInfiniteDataFlowOfTheSameA()
    {
        // Same seed → same A; with P = 40000 ≫ N the finite-data flow approaches the P = ∞ flow (relative error ~ N/P-ish).
        var times = new[] { 1.0, 30, 1e4 };
        var finite = RandomFeatureFiniteDataFlow.Draw(Task, 10, 40000, new Random(8));
        var infinite = RandomFeatureGradientFlow.Draw(Task, 10, new Random(8)).Loss(times);
        var (test, train) = finite.Loss(times);
        for (int j = 0; j < times.Length; j++)
        {
            NumericAssert.Close(infinite[j], test[j], 0.02, $"test, t = {times[j]}");
            NumericAssert.Close(infinite[j], train[j], 0.05, $"train, t = {times[j]}");
        }
        NumericAssert.Close(RandomFeatureGradientFlow.Draw(Task, 10, new Random(8)).FinalLoss, finite.ModelFloor, 1e-8, "floor");
    }

    [Fact]
    public void FewerSamplesThanFeatures_InterpolatesTheTrainingSet()
    {
        var f = RandomFeatureFiniteDataFlow.Draw(Task, 40, 15, new Random(5));
        var (test, train) = f.Loss(new[] { 0.0, 1e7 });
        Assert.True(train[1] < 1e-10 * train[0], $"train {train[1]}");
        Assert.True(test[1] > f.ModelFloor);
    }

    [Fact]
    public void SameSeed_SameNumbers()
    {
        var a = RandomFeatureFiniteDataFlow.Draw(Task, 12, 30, new Random(11)).Loss(new[] { 2.0 });
        var b = RandomFeatureFiniteDataFlow.Draw(Task, 12, 30, new Random(11)).Loss(new[] { 2.0 });
        Assert.Equal(a.Test, b.Test);
        Assert.Equal(a.Train, b.Train);
    }

    [Fact]
    public void BadInput_NamesParameterValueAndRange()
    {
        Assert.Throws<ArgumentNullException>(() => RandomFeatureFiniteDataFlow.Draw(null!, 5, 5, new Random(1)));
        Assert.Contains("features = 200", Assert.Throws<ArgumentOutOfRangeException>(() => RandomFeatureFiniteDataFlow.Draw(Task, 200, 5, new Random(1))).Message);
        Assert.Contains("samples = 0", Assert.Throws<ArgumentOutOfRangeException>(() => RandomFeatureFiniteDataFlow.Draw(Task, 5, 0, new Random(1))).Message);
        Assert.Throws<ArgumentNullException>(() => RandomFeatureFiniteDataFlow.Draw(Task, 5, 5, null!));
        var f = RandomFeatureFiniteDataFlow.Draw(Task, 5, 8, new Random(1));
        Assert.Contains("times = -1", Assert.Throws<ArgumentOutOfRangeException>(() => f.Loss(new[] { -1.0 })).Message);
        Assert.Throws<ArgumentException>(() => f.Loss(new[] { double.NaN }));
        Assert.Contains("mode = -1", Assert.Throws<ArgumentOutOfRangeException>(() => f.Residual(-1, new[] { 1.0 })).Message);
    }
}
