using ResearchKit.LearningCurves;
using ResearchKit.Numerics;

namespace ResearchKit.Tests.LearningCurves;

public class RandomFeatureFlowTheoryTests
{
    private static readonly LinearTask Task = PowerLawTask.Create(400, PowerLawExponents.FromDecay(2, 1), PowerLawNormalization.None);

    [Fact]
    public void InfiniteModelAndData_IsTheModeByModeExponential()
    {
        var times = new[] { 0.05, 1, 20, 500 };
        var theory = RandomFeatureFlowTheory.Create(Task, double.PositiveInfinity, double.PositiveInfinity);
        var r = theory.Evaluate(times);
        var p = Task.TargetPower();
        for (int j = 0; j < times.Length; j++)
        {
            double exact = Enumerable.Range(0, Task.Modes).Sum(k => p[k] * Math.Exp(-2 * Task.Eigenvalues[k] * times[j]));
            NumericAssert.Close(exact, r.TestLoss[j], 1e-6, $"test, t = {times[j]}");
            NumericAssert.Close(exact, r.TrainLoss[j], 1e-6, $"train, t = {times[j]}");
        }
        Assert.Equal(0, r.Bottleneck);
        var h = theory.Transfer(4, times);
        for (int j = 0; j < times.Length; j++) NumericAssert.CloseAbs(Math.Exp(-Task.Eigenvalues[4] * times[j]), h[j], 1e-8, $"H_5, t = {times[j]}");
    }

    [Theory]
    [InlineData(60, 150)]
    [InlineData(150, 60)]
    public void LongTimes_ReachTheStaticRidgelessRandomFeatureEquivalent(double n, double p)
    {
        // t → ∞ of gradient flow from zero is the λ → 0⁺ limit of ridge; 13's static linear-RF formulas
        // (RandomFeatureEquivalent, a separate code path through ρ, γ₁, Var_F) give its test and training error.
        var r = RandomFeatureFlowTheory.Create(Task, n, p).Evaluate(new[] { 1e7 });
        var stat = new RandomFeatureEquivalent(Task, 0).At(p, n, 1e-10);
        NumericAssert.Close(stat.TestError, r.TestLoss[0], 2e-4, "test");
        NumericAssert.CloseAbs(stat.TrainError, r.TrainLoss[0], 1e-6, "train");
    }

    [Fact]
    public void InfiniteData_TestEqualsTrainAndEndsAtTheBottleneck()
    {
        var r = RandomFeatureFlowTheory.Create(Task, 40, double.PositiveInfinity).Evaluate(new[] { 0.5, 10, 1e8 });
        for (int j = 0; j < 3; j++) NumericAssert.Close(r.TestLoss[j], r.TrainLoss[j], 1e-6, $"j = {j}");
        NumericAssert.Close(r.Bottleneck, r.TestLoss[2], 1e-5, "t → ∞");
        Assert.True(r.Bottleneck > 0);
    }

    [Fact]
    public void AgreesWithSimulatedDraws()
    {
        // Monte-Carlo check at moderate size: mean over 40 draws of A and data within 4 SE (+1 %) at each time.
        int n = 50, p = 100, draws = 40;
        var times = new[] { 0.5, 5, 50, 5000 };
        var theory = RandomFeatureFlowTheory.Create(Task, n, p);
        var r = theory.Evaluate(times);
        var h = theory.Transfer(3, times);
        var sims = Sweep.Run(draws, 77, (i, random) =>
        {
            var f = RandomFeatureFiniteDataFlow.Draw(Task, n, p, random);
            var (test, train) = f.Loss(times);
            return (Test: test, Train: train, H: f.Residual(3, times));
        });
        for (int j = 0; j < times.Length; j++)
        {
            Check(sims.Select(s => s.Test[j]).ToArray(), r.TestLoss[j], $"test, t = {times[j]}");
            Check(sims.Select(s => s.Train[j]).ToArray(), r.TrainLoss[j], $"train, t = {times[j]}");
            Check(sims.Select(s => s.H[j]).ToArray(), h[j], $"H_4, t = {times[j]}");
        }
        // The gap opens: at late times the training loss is far below the test loss.
        Assert.True(r.Gap[^1] > 0.5 * r.TestLoss[^1]);
    }

    private static void Check(double[] values, double theory, string what)
    {
        double mean = values.Average();
        double se = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1) / values.Length);
        Assert.True(Math.Abs(mean - theory) <= 4 * se + 0.01 * Math.Abs(theory), $"{what}: simulated {mean} ± {se}, theory {theory}");
    }

    [Fact]
    public void BadInput_NamesParameterValueAndRange()
    {
        Assert.Throws<ArgumentNullException>(() => RandomFeatureFlowTheory.Create(null!, 10, 10));
        Assert.Contains("features = 0.5", Assert.Throws<ArgumentOutOfRangeException>(() => RandomFeatureFlowTheory.Create(Task, 0.5, 10)).Message);
        Assert.Contains("features = NaN", Assert.Throws<ArgumentOutOfRangeException>(() => RandomFeatureFlowTheory.Create(Task, double.NaN, 10)).Message);
        Assert.Contains("samples = 0", Assert.Throws<ArgumentOutOfRangeException>(() => RandomFeatureFlowTheory.Create(Task, 10, 0)).Message);
        Assert.Contains("nodes = 4", Assert.Throws<ArgumentOutOfRangeException>(() => RandomFeatureFlowTheory.Create(Task, 10, 10, 4)).Message);
        var theory = RandomFeatureFlowTheory.Create(Task, 10, 20);
        Assert.Contains("times = 0", Assert.Throws<ArgumentOutOfRangeException>(() => theory.Evaluate(new[] { 0.0 })).Message);
        Assert.Throws<ArgumentException>(() => theory.Evaluate(new[] { double.PositiveInfinity }));
        Assert.Throws<ArgumentException>(() => theory.Evaluate(Array.Empty<double>()));
        Assert.Contains("strictly increasing", Assert.Throws<ArgumentException>(() => theory.Evaluate(new[] { 2.0, 1.0 })).Message);
        Assert.Contains("mode = 400", Assert.Throws<ArgumentOutOfRangeException>(() => theory.Transfer(400, new[] { 1.0 })).Message);
    }
}
