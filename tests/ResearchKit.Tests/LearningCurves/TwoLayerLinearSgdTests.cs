using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.LearningCurves;

namespace ResearchKit.Tests.LearningCurves;

public class TwoLayerLinearSgdTests
{
    private static LinearTask HardTask(int modes) =>
        PowerLawTask.Create(modes, PowerLawExponents.FromSourceBeta(2, 0.4), PowerLawNormalization.None);

    [Fact]
    public void Lazy_LargeBatch_EqualsPopulationGradientDescentOnTheSameFeatures()
    {
        // B → ∞: SGD is population GD, u_k = (I − ηGᵀG)^k u₀ with G = A₀Λ^½/√N; exact in the eigenbasis of GGᵀ.
        var task = HardTask(60);
        int n = 8;
        double eta = 0.3;
        int[] steps = [0, 1, 5, 20, 100];
        var result = TwoLayerLinearSgd.Create(task, n, eta, 100_000_000, 0).Run(steps, new Random(11));
        var random = new Random(11);
        var data = new double[n * 60];
        Normal.Samples(random, data, 0, 1);
        var a = Matrix<double>.Build.Dense(n, 60, data);
        var sq = Matrix<double>.Build.DenseOfDiagonalArray(task.Eigenvalues.Select(Math.Sqrt).ToArray());
        var g = a * sq / Math.Sqrt(n);
        var u0 = sq * Vector<double>.Build.DenseOfEnumerable(task.Weights);
        var op = Matrix<double>.Build.DenseIdentity(60) - eta * g.TransposeThisAndMultiply(g);
        var u = u0.Clone();
        int done = 0;
        for (int i = 0; i < steps.Length; i++)
        {
            for (; done < steps[i]; done++) u = op * u;
            NumericAssert.Close(u.DotProduct(u), result.Loss[i], 2e-3, $"t = {steps[i]}");
        }
    }

    [Fact]
    public void Lazy_SmallLearningRate_AgreesWithNotebook15GradientFlow()
    {
        // γ = 0 is 15's model; with η → 0 and B → ∞ its loss at step k is the flow's at time ηk, on the same A₀.
        var task = HardTask(200);
        int n = 16;
        double eta = 0.01;
        int[] steps = [0, 10, 100, 1000, 5000];
        var sgd = TwoLayerLinearSgd.Create(task, n, eta, 100_000_000, 0).Run(steps, new Random(5));
        var flow = RandomFeatureGradientFlow.Draw(task, n, new Random(5));
        var expected = flow.Loss(steps.Select(s => eta * s).ToArray());
        for (int i = 0; i < steps.Length; i++)
            NumericAssert.Close(expected[i], sgd.Loss[i], 1e-2, $"t = {steps[i]}");
        NumericAssert.Close(flow.FinalLoss, sgd.WidthFloor, 1e-9, "width floor");
        Assert.True(sgd.Loss[^1] > sgd.WidthFloor);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void SampledBatchGradient_MatchesExplicitBatchesInExpectation(double gamma)
    {
        // The O(N²) sampler against plain online SGD with explicit Gaussian batches Ψ (B×M), mean loss over seeds.
        var task = HardTask(30);
        int n = 5, batch = 3, trials = 600;
        double eta = 0.2;
        int[] steps = [0, 3, 10, 30];
        var model = TwoLayerLinearSgd.Create(task, n, eta, batch, gamma);
        var runs = Enumerable.Range(0, trials).Select(s => model.Run(steps, new Random(1000 + s))).ToArray();
        Assert.DoesNotContain(runs, r => r.Diverged);
        var fast = runs.Select(r => r.Loss).ToArray();
        var slow = Enumerable.Range(0, trials).Select(s => ExplicitBatches(task, n, eta, batch, gamma, steps, new Random(50_000 + s))).ToArray();
        for (int i = 1; i < steps.Length; i++)
        {
            var f = fast.Select(x => x[i]).ToArray();
            var s = slow.Select(x => x[i]).ToArray();
            double se = Math.Sqrt(Variance(f) / trials + Variance(s) / trials);
            Assert.True(Math.Abs(f.Average() - s.Average()) <= 4 * se,
                $"γ = {gamma}, t = {steps[i]}: sampler {f.Average():G5}, explicit {s.Average():G5}, 4 SE = {4 * se:G3}");
        }
    }

    [Fact]
    public void StartOnly_GivesTheSameWidthFloorThroughCholesky_AsTheEigenbasisAndTheFlow()
    {
        var task = HardTask(150);
        foreach (int n in new[] { 4, 40, 140 })
        {
            var only = TwoLayerLinearSgd.Create(task, n, 0.5, 8, 0).Run([0], new Random(21));
            var full = TwoLayerLinearSgd.Create(task, n, 0.5, 8, 0).Run([0, 3], new Random(21));
            var flow = RandomFeatureGradientFlow.Draw(task, n, new Random(21));
            Assert.Equal(full.Loss[0], only.Loss[0], 12);
            NumericAssert.Close(full.WidthFloor, only.WidthFloor, 1e-8, $"N = {n}: eigenbasis vs Cholesky floor");
            NumericAssert.Close(flow.FinalLoss, only.WidthFloor, 1e-8, $"N = {n}: flow's t → ∞ loss");
        }
    }

    [Fact]
    public void FeatureLearning_ChangesTheTrajectoryAndKeepsTheSameStart()
    {
        var task = HardTask(120);
        int[] steps = [0, 50, 400];
        var lazy = TwoLayerLinearSgd.Create(task, 20, 0.5, 16, 0).Run(steps, new Random(3));
        var rich = TwoLayerLinearSgd.Create(task, 20, 0.5, 16, 5).Run(steps, new Random(3));
        Assert.Equal(lazy.Loss[0], rich.Loss[0]);
        Assert.Equal(lazy.WidthFloor, rich.WidthFloor);
        Assert.NotEqual(lazy.Loss[2], rich.Loss[2]);
        Assert.False(lazy.Diverged || rich.Diverged);
    }

    [Fact]
    public void SameSeed_SameNumbers_OtherSeed_OtherNumbers()
    {
        var model = TwoLayerLinearSgd.Create(HardTask(80), 10, 0.5, 8, 10);
        int[] steps = TwoLayerLinearSgd.LogSpacedSteps(200, 10);
        var a = model.Run(steps, new Random(7));
        var b = model.Run(steps, new Random(7));
        var c = model.Run(steps, new Random(8));
        Assert.Equal(a.Loss, b.Loss);
        Assert.NotEqual(a.Loss[^1], c.Loss[^1]);
    }

    [Fact]
    public void TooLargeLearningRate_ReportsDivergence()
    {
        var r = TwoLayerLinearSgd.Create(HardTask(50), 10, 50, 4, 0).Run([0, 10, 1000], new Random(2));
        Assert.True(r.Diverged);
        Assert.True(double.IsNaN(r.Loss[^1]));
    }

    [Fact]
    public void LogSpacedSteps_StartAtZero_Increase_EndAtMax()
    {
        var s = TwoLayerLinearSgd.LogSpacedSteps(3000, 40);
        Assert.Equal(0, s[0]);
        Assert.Equal(3000, s[^1]);
        Assert.True(s.Zip(s.Skip(1)).All(p => p.Second > p.First));
    }

    [Fact]
    public void BadInput_NamesParameterValueAndRange()
    {
        var task = HardTask(20);
        Assert.Contains("width = 0", Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerLinearSgd.Create(task, 0, 0.5, 4, 0)).Message);
        Assert.Contains("width = 20", Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerLinearSgd.Create(task, 20, 0.5, 4, 0)).Message);
        Assert.Contains("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerLinearSgd.Create(task, 5, 0, 4, 0)).Message);
        Assert.Contains("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerLinearSgd.Create(task, 5, double.NaN, 4, 0)).Message);
        Assert.Contains("batch = 0", Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerLinearSgd.Create(task, 5, 0.5, 0, 0)).Message);
        Assert.Contains("featureLearning", Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerLinearSgd.Create(task, 5, 0.5, 4, -1)).Message);
        Assert.Contains("featureLearning", Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerLinearSgd.Create(task, 5, 0.5, 4, double.PositiveInfinity)).Message);
        Assert.Throws<ArgumentNullException>(() => TwoLayerLinearSgd.Create(null!, 5, 0.5, 4, 0));
        var model = TwoLayerLinearSgd.Create(task, 5, 0.5, 4, 0);
        Assert.Throws<ArgumentException>(() => model.Run(Array.Empty<int>(), new Random(1)));
        Assert.Contains("recordSteps", Assert.Throws<ArgumentOutOfRangeException>(() => model.Run([-1, 3], new Random(1))).Message);
        Assert.Contains("strictly increasing", Assert.Throws<ArgumentException>(() => model.Run([3, 3], new Random(1))).Message);
        Assert.Throws<ArgumentNullException>(() => model.Run([0, 1], null!));
        Assert.Contains("count = 1", Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerLinearSgd.LogSpacedSteps(10, 1)).Message);
        Assert.Contains("maxStep = 0", Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerLinearSgd.LogSpacedSteps(0, 5)).Message);
    }

    private static double[] ExplicitBatches(LinearTask task, int n, double eta, int batch, double gamma, int[] steps, Random random)
    {
        int m = task.Modes;
        var data = new double[n * m];
        Normal.Samples(random, data, 0, 1);
        var a0 = Matrix<double>.Build.Dense(n, m, data);
        var a = a0.Clone();
        var proj = a0.TransposeThisAndMultiply(a0) / n;
        var lam = Vector<double>.Build.DenseOfEnumerable(task.Eigenvalues);
        var target = Vector<double>.Build.DenseOfEnumerable(task.Weights);
        var w = Vector<double>.Build.Dense(n);
        var loss = new double[steps.Length];
        int next = 0;
        for (int t = 0; next < steps.Length; t++)
        {
            var v = target - a.TransposeThisAndMultiply(w) / Math.Sqrt(n);
            if (t == steps[next]) loss[next++] = v.PointwiseMultiply(lam).DotProduct(v);
            if (next == steps.Length) break;
            var psi = Matrix<double>.Build.Dense(batch, m, (i, k) => Normal.Sample(random, 0, 1) * Math.Sqrt(lam[k]));
            var grad = psi.TransposeThisAndMultiply(psi * v) / batch;            // Σ̂_B v
            var wNew = w + eta * (a * grad) / Math.Sqrt(n);
            a += eta * gamma / Math.Sqrt(n) * w.OuterProduct(proj * grad);       // (Σ̂v)ᵀ(A₀ᵀA₀/N), symmetric proj
            w = wNew;
        }
        return loss;
    }

    private static double Variance(double[] x)
    {
        double m = x.Average();
        return x.Sum(v => (v - m) * (v - m)) / (x.Length - 1);
    }
}
