using MathNet.Numerics.LinearAlgebra;
using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class LogitMinimizerTests
{
    private static double Cos(IReadOnlyList<double> a, IReadOnlyList<double> b) => FisherDiscriminant.Cosine(a, b);

    [Fact]
    public void Minimize_ReachesAStationaryPointThatLongGradientDescentAlsoReaches()
    {
        var task = GaussianClassesModel.SignalPlusNoise(20, 1.0, 0.5, 1.0);
        var s = task.Sample(60, new Random(1));
        var loss = MarginLoss.QuadraticLogitRegularization(0.2);
        var m = LogitMinimizer.Minimize(s, loss);
        Assert.True(m.Converged);
        Assert.True(m.GradientNorm <= 1e-10);
        var gd = LogisticDynamics.Train(task, s, new LogisticTrainingOptions { Loss = loss, LearningRate = 0.5, Steps = 20_000, FitBias = false, RecordCount = 2 });
        for (int j = 0; j < 20; j++) NumericAssert.CloseAbs(gd.FinalWeights[j], m.Weights[j], 1e-6, $"S[{j}]");
        Assert.True(m.Loss <= gd.TrainLoss[^1] + 1e-12);
    }

    [Fact]
    public void NoiselessFeatures_BelowInterpolation_MinimiserIsTheSignalAxis()
    {
        // Prop. 5.1: σ_f = 0, λ < 1 → S_min = (z*/μ_f) e₁.
        var task = GaussianClassesModel.SignalPlusNoise(30, 0.3, 0.0, 1.0);
        var s = task.Sample(50, new Random(2));
        var loss = MarginLoss.QuadraticLogitRegularization(0.1);
        var m = LogitMinimizer.Minimize(s, loss);
        NumericAssert.Close(loss.Target / 0.3, m.Weights[0], 1e-9);
        for (int j = 1; j < 30; j++) NumericAssert.CloseAbs(0, m.Weights[j], 1e-9);
        NumericAssert.Close(1.0, task.TestAccuracy(m.Weights, 0), 1e-12);
    }

    [Fact]
    public void RescalingTheOrthogonalNoise_RescalesSPerpAndKeepsTheAccuracy()
    {
        // Prop. 6.1 on one draw: x⊥ → c x⊥ maps the minimiser to (S₁, S⊥/c) with the same test accuracy.
        int d = 15, n = 40;
        var s1 = GaussianClassesModel.SignalPlusNoise(d, 1.0, 0.5, 1.0).Sample(n, new Random(3));
        const double c = 3.0;
        var scaled = s1.Points.Clone();
        for (int i = 0; i < n; i++) for (int j = 1; j < d; j++) scaled[i, j] *= c;
        var s2 = new ClassificationSample(scaled, s1.Labels);
        var loss = MarginLoss.QuadraticLogitRegularization(0.4);
        var m1 = LogitMinimizer.Minimize(s1, loss); var m2 = LogitMinimizer.Minimize(s2, loss);
        NumericAssert.Close(m1.Weights[0], m2.Weights[0], 1e-9);
        for (int j = 1; j < d; j++) NumericAssert.CloseAbs(m1.Weights[j] / c, m2.Weights[j], 1e-9);
        double a1 = GaussianClassesModel.SignalPlusNoise(d, 1.0, 0.5, 1.0).TestAccuracy(m1.Weights, 0);
        double a2 = GaussianClassesModel.SignalPlusNoise(d, 1.0, 0.5, c).TestAccuracy(m2.Weights, 0);
        NumericAssert.Close(a1, a2, 1e-9);
    }

    [Fact]
    public void NearlyQuadraticLoss_AlignsWithTheEmpiricalLda()
    {
        // Cor. 3.3: a quadratic per-sample loss gives S ∝ Σ̂⁻¹μ̂; at α = 0.99 the loss is quadratic to high accuracy near its small z*.
        var s = SignalPlusNoiseSampler.StudentT(80, 10, 1.0, 1.0, 1.0, 3, new Random(4));
        var m = LogitMinimizer.Minimize(s, MarginLoss.QuadraticLogitRegularization(0.99));
        Assert.True(Cos(m.Weights, FisherDiscriminant.FromFoldedSample(s)) > 1 - 1e-6);
    }

    [Fact]
    public void Minimize_IsDeterministic()
    {
        var s = GaussianClassesModel.SignalPlusNoise(8, 1.0, 0.5, 1.0).Sample(30, new Random(5));
        var loss = MarginLoss.QuadraticLogitRegularization(0.05);
        Assert.Equal(LogitMinimizer.Minimize(s, loss).Weights, LogitMinimizer.Minimize(s, loss).Weights);
    }

    [Fact]
    public void BadInput_Throws()
    {
        var s = GaussianClassesModel.SignalPlusNoise(8, 1.0, 0.5, 1.0).Sample(30, new Random(6));
        var loss = MarginLoss.QuadraticLogitRegularization(0.1);
        Assert.Throws<ArgumentException>(() => LogitMinimizer.Minimize(s, MarginLoss.Logistic));
        Assert.ThrowsAny<ArgumentException>(() => LogitMinimizer.Minimize(s, loss, gradientTolerance: 0));
        Assert.ThrowsAny<ArgumentException>(() => LogitMinimizer.Minimize(s, loss, maxIterations: 0));
        Assert.ThrowsAny<ArgumentException>(() => LogitMinimizer.Minimize(null!, loss));
        var wide = GaussianClassesModel.SignalPlusNoise(40, 1.0, 0.5, 1.0).Sample(30, new Random(7));
        Assert.Throws<ArgumentException>(() => LogitMinimizer.Minimize(wide, loss));
        var badLabel = new ClassificationSample(s.Points, s.Labels.Select((y, i) => i == 0 ? 0.5 : y).ToArray());
        Assert.Throws<ArgumentException>(() => LogitMinimizer.Minimize(badLabel, loss));
        var nan = s.Points.Clone(); nan[3, 2] = double.NaN;
        Assert.Throws<ArgumentException>(() => LogitMinimizer.Minimize(new ClassificationSample(nan, s.Labels), loss));
    }
}

public class SignalPlusNoiseSamplerTests
{
    [Fact]
    public void StudentT_SignalMeanAndSeedReproducibility()
    {
        var a = SignalPlusNoiseSampler.StudentT(4000, 3, 1.5, 0.5, 1.0, 5, new Random(1));
        var b = SignalPlusNoiseSampler.StudentT(4000, 3, 1.5, 0.5, 1.0, 5, new Random(1));
        Assert.Equal(a.Labels, b.Labels);
        Assert.Equal(a.Points.ToArray(), b.Points.ToArray());
        double m = Enumerable.Range(0, 4000).Average(i => a.Labels[i] * a.Points[i, 0]);
        // Student-t(5) has variance 5/3; the folded signal coordinate has mean μ_f and sd 0.5·√(5/3).
        NumericAssert.CloseAbs(1.5, m, 4 * 0.5 * Math.Sqrt(5.0 / 3) / Math.Sqrt(4000));
        double v = Enumerable.Range(0, 4000).Average(i => a.Points[i, 2] * a.Points[i, 2]);
        NumericAssert.Close(5.0 / 3, v, 0.15);
    }

    [Theory]
    [InlineData(0, 3, 1, 1, 1, 3)]
    [InlineData(10, 1, 1, 1, 1, 3)]
    [InlineData(10, 3, 0, 1, 1, 3)]
    [InlineData(10, 3, 1, -1, 1, 3)]
    [InlineData(10, 3, 1, 1, 0, 3)]
    [InlineData(10, 3, 1, 1, 1, 0)]
    [InlineData(10, 3, 1, 1, 1, double.NaN)]
    [InlineData(10, 3, 1, 1, 1, double.PositiveInfinity)]
    public void StudentT_BadInput_Throws(int n, int d, double mu, double sf, double sn, double nu) =>
        Assert.ThrowsAny<ArgumentException>(() => SignalPlusNoiseSampler.StudentT(n, d, mu, sf, sn, nu, new Random(1)));
}
