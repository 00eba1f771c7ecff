using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.LearningCurves;
using ResearchKit.Numerics;

namespace ResearchKit.Tests.LearningCurves;

public class RandomFeatureEquivalentTests
{
    [Fact]
    public void ManyFeaturesReduceToRidge()
    {
        var task = PowerLawTask.Create(300, new PowerLawExponents(1.5, 0.8));
        var ridge = new RidgeEquivalent(task, 0.1).At(100, 1e-3);
        var rf = new RandomFeatureEquivalent(task, 0.1).At(100, 1e9, 1e-3);
        NumericAssert.Close(ridge.Kappa, rf.Kappa2, 1e-6);
        NumericAssert.Close(ridge.TestError, rf.TestError, 1e-6);
        NumericAssert.Close(ridge.TrainError, rf.TrainError, 1e-6);
    }

    [Fact]
    public void AuthorsNormalisations_GiveTheSameNumbers()
    {
        // 13's form (D-normalised df's, λ₁₃, F ~ N(0, 1/D)) and 16's form (summed Df's, λ₁₆, kernel/N):
        // with λ₁₃ = λ₁₆·N/(P·D), 16's E₁ = 13's E_g + σ² and 16's κ-equation holds at our κ₂.
        var task = PowerLawTask.Create(400, new PowerLawExponents(1.2, 0.4), PowerLawNormalization.UnitTrace);
        double p = 128, n = 64, ridge16 = 0.05, d = task.Modes, sigma2 = 0.04;
        double ours16 = RidgeConvention.FromRuben(ridge16, p);
        double ridge13 = ridge16 * n / (p * d);
        double ours13 = RidgeConvention.FromAtanasov(ridge13, d, n);
        NumericAssert.Close(ours16, ours13, 1e-14);
        var r = new RandomFeatureEquivalent(task, sigma2).At(p, n, ours16);
        NumericAssert.Close(r.SingleMemberError, r.TestError + sigma2, 1e-12);
        var (d1, _) = RenormalizedRidge.DegreesOfFreedom(task.Eigenvalues.ToArray(), r.Kappa2);
        NumericAssert.Close(ridge16 * p * n, r.Kappa2 * (p - d1) * (n - d1) * p, 1e-9); // 16: κ₂(P−Df₁)(N−Df₁) = λ'PN, λ' = λ₁₆/P
        // 13: κ₂(1 − q·df₁)(N/D − df₁) = λ₁₃ with df₁ = Df₁/D, q = D/P: the same κ₂.
        double q = d / p, df1 = d1 / d;
        NumericAssert.Close(ridge13, r.Kappa2 * (1 - q * df1) * (n / d - df1), 1e-9);
    }

    [Fact]
    public void AuthorsNormalisations_SameFiniteModel()
    {
        // The same draw fitted in 13's parameterisation (F₁₃ = F/√D, features F₁₃ᵀx, per-sample loss, λ₁₃) and ours
        // (F/√N, λ = λ₁₃·D/N) gives the same predictor.
        var task = PowerLawTask.Create(30, new PowerLawExponents(1.5, 0.5));
        int p = 20, n = 12, d = task.Modes;
        double ridge13 = 0.01;
        var random = new Random(7);
        var x = Matrix<double>.Build.Dense(p, d, (i, k) => Normal.Sample(random, 0, 1) * Math.Sqrt(task.Eigenvalues[k]));
        var f = Matrix<double>.Build.Dense(d, n, (_, _) => Normal.Sample(random, 0, 1));
        var y = x * Vector<double>.Build.DenseOfEnumerable(task.Weights);
        Vector<double> Fit(Matrix<double> features, double ridge)
        {
            var phi = x * features;
            var a = (phi.TransposeThisAndMultiply(phi) / p + ridge * Matrix<double>.Build.DenseIdentity(n)).Solve(phi.TransposeThisAndMultiply(y) / p);
            return features * a;
        }
        var w13 = Fit(f / Math.Sqrt(d), ridge13);
        var wOurs = Fit(f / Math.Sqrt(n), RidgeConvention.FromAtanasov(ridge13, d, n));
        for (int k = 0; k < d; k++) NumericAssert.CloseAbs(w13[k], wOurs[k], 1e-10);
    }

    [Fact]
    public void DecompositionSumsToTestError()
    {
        var r = new RandomFeatureEquivalent(PowerLawTask.Create(200, new PowerLawExponents(1.5, 0.6)), 0.0625).At(150, 100, 1e-3);
        NumericAssert.Close(r.TestError, r.Bias + r.VarianceX + r.VarianceF + r.VarianceXF + r.VarianceNoise, 1e-12);
        Assert.True(r.VarianceF > 0 && r.VarianceXF > 0 && r.VarianceX > 0);
    }

    [Fact]
    public void MatchesMonteCarlo_SingleModelAndEnsembles()
    {
        // M = 200, P = 80, N = 60, λ = 1e-3, σ² = 0.05; 48 draws per K. Criterion fixed before running: 3 SE + 3 %.
        var task = PowerLawTask.Create(200, new PowerLawExponents(1.5, 0.6));
        const double sigma2 = 0.05, ridge = 1e-3;
        var r = new RandomFeatureEquivalent(task, sigma2).At(80, 60, ridge);
        foreach (int k in new[] { 1, 4 })
        {
            var sims = Sweep.Run(48, 100 + k, (_, random) => RandomFeatureSimulation.Run(task, 80, 60, ridge, sigma2, random, k));
            var v = sims.Select(s => s.TestError + sigma2).ToArray();
            double mean = v.Average(), se = Math.Sqrt(v.Select(x => (x - mean) * (x - mean)).Sum() / (v.Length - 1) / v.Length);
            double expected = r.EnsembleError(k);
            Assert.True(Math.Abs(mean - expected) <= 3 * se + 0.03 * expected, $"E_{k}: theory {expected:G5}, simulation {mean:G5} ± {se:G3}");
            if (k == 1)
            {
                var t = sims.Select(s => s.TrainError).ToArray();
                double tm = t.Average(), tse = Math.Sqrt(t.Select(x => (x - tm) * (x - tm)).Sum() / (t.Length - 1) / t.Length);
                Assert.True(Math.Abs(tm - r.TrainError) <= 3 * tse + 0.03 * r.TrainError, $"E_tr: theory {r.TrainError:G5}, simulation {tm:G5} ± {tse:G3}");
            }
        }
    }

    [Fact]
    public void EnsembleError_IsInfinitePlusExcessOverK()
    {
        var r = new RandomFeatureEquivalent(PowerLawTask.Create(100, new PowerLawExponents(1.2, 0.4)), 0.01).At(64, 32, 1e-2);
        Assert.True(r.SingleMemberError > r.InfiniteEnsembleError);
        foreach (double k in new[] { 1.0, 2, 8, 1e6 })
            NumericAssert.Close(r.InfiniteEnsembleError + (r.SingleMemberError - r.InfiniteEnsembleError) / k, r.EnsembleError(k), 1e-14);
        NumericAssert.Close(r.SingleMemberError, r.EnsembleError(1), 1e-14);
        Assert.Contains("members = 0.5", Assert.Throws<ArgumentOutOfRangeException>(() => r.EnsembleError(0.5)).Message);
    }

    [Fact]
    public void BadInput_NamesParameterValueAndRange()
    {
        var task = PowerLawTask.Isotropic(10);
        var eq = new RandomFeatureEquivalent(task);
        Assert.Contains("features = 0.5", Assert.Throws<ArgumentOutOfRangeException>(() => eq.At(10, 0.5, 1)).Message);
        Assert.Contains("ridge = -2", Assert.Throws<ArgumentOutOfRangeException>(() => eq.At(10, 5, -2)).Message);
        Assert.Contains("noiseVariance = -1", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomFeatureEquivalent(task, -1)).Message);
        Assert.Contains("features = 0", Assert.Throws<ArgumentOutOfRangeException>(() => RandomFeatureSimulation.Run(task, 5, 0, 1, 0, new Random(1))).Message);
        Assert.Contains("members = 0", Assert.Throws<ArgumentOutOfRangeException>(() => RandomFeatureSimulation.Run(task, 5, 3, 1, 0, new Random(1), 0)).Message);
        Assert.Contains("ridge16 = -1", Assert.Throws<ArgumentOutOfRangeException>(() => RidgeConvention.FromRuben(-1, 10)).Message);
    }
}
