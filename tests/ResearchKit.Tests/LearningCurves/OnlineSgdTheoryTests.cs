using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.LearningCurves;

namespace ResearchKit.Tests.LearningCurves;

public class OnlineSgdTheoryTests
{
    private static LinearTask Task(int modes) =>
        PowerLawTask.Create(modes, PowerLawExponents.FromDecay(2.0, 1.0), PowerLawNormalization.None);

    [Fact]
    public void MeanLoss_MatchesSimulatedSgdAveragedOverBatches_AndNeedsTheOneOverBTerm()
    {
        // Same seed → same A₀ for the simulation and the recursion, so per seed the difference is batch noise only.
        var task = Task(30);
        int n = 5, batch = 2, trials = 800;
        double eta = 0.1;
        int[] steps = [0, 3, 10, 30, 100];
        var sgd = TwoLayerLinearSgd.Create(task, n, eta, batch, 0);
        var theory = OnlineSgdTheory.Create(task, n, eta, batch);
        var noiseless = OnlineSgdTheory.Create(task, n, eta, double.PositiveInfinity);
        var sim = Enumerable.Range(0, trials).Select(s => sgd.Run(steps, new Random(300 + s))).ToArray();
        var th = Enumerable.Range(0, trials).Select(s => theory.ExpectedLoss(steps, new Random(300 + s))).ToArray();
        var gd = Enumerable.Range(0, trials).Select(s => noiseless.ExpectedLoss(steps, new Random(300 + s))).ToArray();
        Assert.DoesNotContain(sim, r => r.Diverged);
        Assert.Equal(sim[0].Loss[0], th[0].Loss[0], 12);
        for (int i = 1; i < steps.Length; i++)
        {
            var diff = Enumerable.Range(0, trials).Select(s => sim[s].Loss[i] - th[s].Loss[i]).ToArray();
            double se = Math.Sqrt(Variance(diff) / trials);
            Assert.True(Math.Abs(diff.Average()) <= 4 * se, $"t = {steps[i]}: sim − theory = {diff.Average():G4}, 4 SE = {4 * se:G3}");
        }
        // Without the 1/B (Gaussian fourth-moment) term the recursion is population GD, and the simulation sits above it.
        var excess = Enumerable.Range(0, trials).Select(s => sim[s].Loss[3] - gd[s].Loss[3]).ToArray();
        Assert.True(excess.Average() > 4 * Math.Sqrt(Variance(excess) / trials), $"excess over B = ∞: {excess.Average():G4}");
    }

    [Fact]
    public void InfiniteBatch_IsPopulationGradientDescentOnTheSameFeatures()
    {
        var task = Task(40);
        int n = 6;
        double eta = 0.4;
        int[] steps = [0, 1, 7, 40];
        var r = OnlineSgdTheory.Create(task, n, eta, double.PositiveInfinity).ExpectedLoss(steps, new Random(9));
        var random = new Random(9);
        var data = new double[n * 40];
        Normal.Samples(random, data, 0, 1);
        var a = Matrix<double>.Build.Dense(n, 40, data);
        var sq = Matrix<double>.Build.DenseOfDiagonalArray(task.Eigenvalues.Select(Math.Sqrt).ToArray());
        var g = a * sq / Math.Sqrt(n);
        var u = sq * Vector<double>.Build.DenseOfEnumerable(task.Weights);
        var op = Matrix<double>.Build.DenseIdentity(40) - eta * g.TransposeThisAndMultiply(g);
        int done = 0;
        for (int i = 0; i < steps.Length; i++)
        {
            for (; done < steps[i]; done++) u = op * u;
            NumericAssert.Close(u.DotProduct(u), r.Loss[i], 1e-9, $"t = {steps[i]}");
        }
    }

    [Fact]
    public void InfiniteBatch_SmallLearningRate_IsTheGradientFlowAtTimeEtaT()
    {
        var task = Task(200);
        int n = 16;
        double eta = 0.005;
        int[] steps = [0, 20, 200, 2000, 20000];
        var r = OnlineSgdTheory.Create(task, n, eta, double.PositiveInfinity).ExpectedLoss(steps, new Random(5));
        var flow = RandomFeatureGradientFlow.Draw(task, n, new Random(5));
        var expected = flow.Loss(steps.Select(s => eta * s).ToArray());
        for (int i = 0; i < steps.Length; i++)
            NumericAssert.Close(expected[i], r.Loss[i], 1e-2, $"t = {steps[i]}");
        NumericAssert.Close(flow.FinalLoss, r.WidthFloor, 1e-8, "width floor");
    }

    [Fact]
    public void SmallerBatch_NeverLowerMeanLoss_AndTheExcessShrinksWithB()
    {
        // E[L] = L(E[w]) + tr(Λ Cov v) and E[w] does not depend on B, so E[L_B] ≥ L_∞, more so for smaller B.
        var task = Task(100);
        int[] steps = TwoLayerLinearSgd.LogSpacedSteps(500, 20);
        var byBatch = new[] { 4.0, 16.0, 64.0, double.PositiveInfinity }
            .Select(b => OnlineSgdTheory.Create(task, 20, 0.5, b).ExpectedLoss(steps, new Random(4)).Loss).ToArray();
        for (int j = 1; j < steps.Length; j++)
            for (int b = 0; b + 1 < byBatch.Length; b++)
                Assert.True(byBatch[b][j] >= byBatch[b + 1][j] * (1 - 1e-12), $"t = {steps[j]}, batch index {b}");
        Assert.True(byBatch[0][^1] > byBatch[3][^1] * 1.001);
        // The excess is a power series in 1/B with non-negative coefficients (the recursion feeds E[L] back through
        // d_i E[L]/B and its other coefficients are squares), so E₄/E₆₄ ≥ 64/4 = 16, with equality at first order.
        double ratio = (byBatch[0][^1] - byBatch[3][^1]) / (byBatch[2][^1] - byBatch[3][^1]);
        Assert.True(ratio >= 16 * (1 - 1e-6), $"E₄/E₆₄ = {ratio}");
    }

    [Fact]
    public void SameSeed_SameNumbers_AndTooLargeRate_ReportsDivergence()
    {
        var model = OnlineSgdTheory.Create(Task(60), 8, 0.5, 8);
        int[] steps = [0, 10, 100];
        Assert.Equal(model.ExpectedLoss(steps, new Random(3)).Loss, model.ExpectedLoss(steps, new Random(3)).Loss);
        Assert.NotEqual(model.ExpectedLoss(steps, new Random(3)).Loss[^1], model.ExpectedLoss(steps, new Random(4)).Loss[^1]);
        var r = OnlineSgdTheory.Create(Task(60), 8, 50, 4).ExpectedLoss([0, 10, 1000], new Random(2));
        Assert.True(r.Diverged);
        Assert.True(double.IsNaN(r.Loss[^1]));
    }

    [Fact]
    public void BadInput_NamesParameterValueAndRange()
    {
        var task = Task(20);
        Assert.Contains("width = 0", Assert.Throws<ArgumentOutOfRangeException>(() => OnlineSgdTheory.Create(task, 0, 0.5, 4)).Message);
        Assert.Contains("width = 20", Assert.Throws<ArgumentOutOfRangeException>(() => OnlineSgdTheory.Create(task, 20, 0.5, 4)).Message);
        Assert.Contains("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => OnlineSgdTheory.Create(task, 5, -1, 4)).Message);
        Assert.Contains("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => OnlineSgdTheory.Create(task, 5, double.PositiveInfinity, 4)).Message);
        Assert.Contains("batch = 0.5", Assert.Throws<ArgumentOutOfRangeException>(() => OnlineSgdTheory.Create(task, 5, 0.5, 0.5)).Message);
        Assert.Contains("batch = NaN", Assert.Throws<ArgumentOutOfRangeException>(() => OnlineSgdTheory.Create(task, 5, 0.5, double.NaN)).Message);
        Assert.Throws<ArgumentNullException>(() => OnlineSgdTheory.Create(null!, 5, 0.5, 4));
        var model = OnlineSgdTheory.Create(task, 5, 0.5, 4);
        Assert.Throws<ArgumentException>(() => model.ExpectedLoss(Array.Empty<int>(), new Random(1)));
        Assert.Contains("recordSteps", Assert.Throws<ArgumentOutOfRangeException>(() => model.ExpectedLoss([-1, 3], new Random(1))).Message);
        Assert.Contains("strictly increasing", Assert.Throws<ArgumentException>(() => model.ExpectedLoss([3, 3], new Random(1))).Message);
        Assert.Throws<ArgumentNullException>(() => model.ExpectedLoss([0, 1], null!));
    }

    private static double Variance(double[] x)
    {
        double m = x.Average();
        return x.Sum(v => (v - m) * (v - m)) / (x.Length - 1);
    }
}
