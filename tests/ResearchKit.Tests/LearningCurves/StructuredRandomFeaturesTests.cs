using ResearchKit.LearningCurves;
using ResearchKit.Numerics;

namespace ResearchKit.Tests.LearningCurves;

public class StructuredRandomFeaturesTests
{
    private static (double Mean, double Se) MeanSe(IEnumerable<double> values)
    {
        var a = values.ToArray();
        double m = a.Average();
        return (m, Math.Sqrt(a.Sum(x => (x - m) * (x - m)) / (a.Length - 1) / a.Length));
    }

    [Theory]
    [InlineData(1e-3, 80, 60)]
    [InlineData(0, 80, 60)]
    [InlineData(0, 40, 90)]
    [InlineData(1e-2, 300, 50)]
    public void IsotropicCovariance_ReducesToWhiteFeatures(double ridge, double p, int n)
    {
        var task = PowerLawTask.Create(200, new PowerLawExponents(1.5, 0.6));
        var eq = new RandomFeatureEquivalent(task, 0.05);
        var white = eq.At(p, n, ridge);
        var structured = eq.At(p, FeatureCovariance.Isotropic(n), ridge);
        NumericAssert.Close(white.Kappa2, structured.Kappa2, 1e-9, "κ₂");
        NumericAssert.CloseAbs(white.Kappa1, structured.Kappa1, 1e-8 * white.Kappa2, "κ₁"); // both ≈ 0 when Df₁ = N
        NumericAssert.CloseAbs(white.Rho, structured.Rho, 1e-8, "ρ");
        NumericAssert.Close(white.TestError, structured.TestError, 1e-8, "E_g");
        NumericAssert.Close(white.VarianceF + white.VarianceXF, structured.VarianceF + structured.VarianceXF, 1e-7, "Var_F + Var_XF");
        NumericAssert.Close(white.SingleMemberError, structured.SingleMemberError, 1e-8, "E₁");
    }

    [Fact]
    public void StructuredKappa_SolvesItsEquation()
    {
        var task = PowerLawTask.Create(300, new PowerLawExponents(1.7, 0.8));
        var features = FeatureCovariance.PowerLaw(120, 0.7);
        double p = 90, ridge = 3e-3;
        var r = new RandomFeatureEquivalent(task).At(p, features, ridge);
        var (d1, _) = RenormalizedRidge.DegreesOfFreedom(task.Eigenvalues.ToArray(), r.Kappa2);
        var (kf, _) = features.AtDegreesOfFreedom(d1);
        double fDf = features.Variances.Sum(v => v / (v + kf));
        NumericAssert.Close(d1, fDf, 1e-9, "Σ η/(η + κ_F) = Df₁");
        NumericAssert.Close(ridge, r.Kappa2 * (1 - d1 / p) * d1 * kf / features.Features, 1e-9, "κ₂(1 − Df₁/P)(Df₁κ_F/N) = λ");
        NumericAssert.Close(r.Kappa1, ridge / (1 - d1 / p), 1e-9, "κ₁ = λ/(1 − Df₁/P)");
    }

    [Fact]
    public void ProjectedDraw_AgreesInLawWithFullF()
    {
        // White F, P < M: the projected draw of RunFeatureDraws and the full-F draw of Run are the same model.
        // Criterion fixed before running: means within 4 combined SE.
        var task = PowerLawTask.Create(120, new PowerLawExponents(1.5, 0.6));
        const int p = 30, n = 50;
        const double ridge = 1e-3, sigma2 = 0.04;
        var full = Sweep.Run(200, 5, (_, random) => RandomFeatureSimulation.Run(task, p, n, ridge, sigma2, random));
        var nested = Sweep.Run(100, 6, (_, random) => RandomFeatureSimulation.RunFeatureDraws(task, p, FeatureCovariance.Isotropic(n), ridge, sigma2, 2, random));
        var a = MeanSe(full.Select(s => s.TestError));
        var b = MeanSe(nested.Select(s => s.TestError));
        Assert.True(Math.Abs(a.Mean - b.Mean) <= 4 * Math.Sqrt(a.Se * a.Se + b.Se * b.Se), $"full {a.Mean:G5} ± {a.Se:G3}, projected {b.Mean:G5} ± {b.Se:G3}");
        var tr = MeanSe(full.Select(s => s.TrainError));
        var trb = MeanSe(nested.Select(s => s.TrainError));
        Assert.True(Math.Abs(tr.Mean - trb.Mean) <= 4 * Math.Sqrt(tr.Se * tr.Se + trb.Se * trb.Se), $"E_tr full {tr.Mean:G5}, projected {trb.Mean:G5}");
    }

    [Theory]
    [InlineData(0.0, 1e-3)]
    [InlineData(0.7, 1e-3)]
    [InlineData(1.5, 0)]
    public void StructuredEquivalent_MatchesMonteCarlo(double featureExponent, double ridge)
    {
        // M = 300, P = 60, N = 150, σ² = 0.02; 40 X × 3 F draws. Criterion fixed before running: 3 SE + 5 % (finite size).
        var task = PowerLawTask.Create(300, new PowerLawExponents(1.5, 0.6));
        var features = FeatureCovariance.PowerLaw(150, featureExponent);
        const int p = 60;
        const double sigma2 = 0.02;
        var theory = new RandomFeatureEquivalent(task, sigma2).At(p, features, ridge);
        var draws = Sweep.Run(40, 11, (_, random) => RandomFeatureSimulation.RunFeatureDraws(task, p, features, ridge, sigma2, 3, random));
        var sim = RandomFeatureAnova.Nested(draws);
        void Check(string what, double expected, double mean, double se) =>
            Assert.True(Math.Abs(mean - expected) <= 3 * se + 0.05 * expected, $"{what}: theory {expected:G5}, simulation {mean:G5} ± {se:G3}");
        Check("E_g", theory.TestError, sim.TestError, sim.TestErrorStandardError);
        Check("Var_F + Var_XF", theory.VarianceF + theory.VarianceXF, sim.VarianceFeatures, sim.VarianceFeaturesStandardError);
        Check("Var_Xε", theory.VarianceNoiseX, sim.VarianceNoiseX, sim.VarianceNoiseXStandardError);
        Check("signal", theory.Signal, sim.Signal, sim.SignalStandardError);
    }

    [Fact]
    public void Anova_TermsSumToTheSignal()
    {
        var task = PowerLawTask.Create(80, new PowerLawExponents(1.5, 0.6));
        var draws = Sweep.Run(6, 3, (_, random) => RandomFeatureSimulation.RunFeatureDraws(task, 20, FeatureCovariance.PowerLaw(40, 0.5), 1e-2, 0.1, 4, random));
        var r = RandomFeatureAnova.Nested(draws);
        // Bias + Var_X + (Var_F + Var_XF) is the grand-mean form of the mean squared error, up to the 1/n, 1/m corrections:
        // |ē|² + (n−1)/n·B + (m−1)/m·W̄ = mean |e_ab|² exactly.
        int n = r.DataDraws, m = r.FeatureDraws;
        double between = r.VarianceX + r.VarianceFeatures / m;
        double grand = r.Bias + between / n;
        NumericAssert.Close(r.Signal, grand + (n - 1.0) / n * between + (m - 1.0) / m * r.VarianceFeatures, 1e-9);
        Assert.True(r.VarianceFeatures > 0 && r.TestError > r.Signal);
    }

    [Fact]
    public void LeaveOneOutBias_GivesTheJackknifeError()
    {
        var task = PowerLawTask.Create(80, new PowerLawExponents(1.5, 0.6));
        var draws = Sweep.Run(8, 4, (_, random) => RandomFeatureSimulation.RunFeatureDraws(task, 20, FeatureCovariance.Isotropic(40), 1e-2, 0, 3, random));
        var r = RandomFeatureAnova.Nested(draws);
        var loo = RandomFeatureAnova.LeaveOneOutBias(draws);
        Assert.Equal(draws.Length, loo.Length);
        double mean = loo.Average();
        NumericAssert.Close(Math.Sqrt(7.0 / 8 * loo.Sum(b => (b - mean) * (b - mean))), r.BiasStandardError, 1e-12);
        NumericAssert.Close(RandomFeatureAnova.Nested(draws.Skip(1).ToArray()).Bias, loo[0], 1e-12);
        Assert.True(r.BiasStandardError > 0);
        Assert.Contains("at least 3", Assert.Throws<ArgumentException>(() => RandomFeatureAnova.LeaveOneOutBias(draws.Take(2).ToArray())).Message);
        Assert.True(double.IsNaN(RandomFeatureAnova.Nested(draws.Take(2).ToArray()).BiasStandardError));
    }

    [Fact]
    public void JackknifeSlope_OfTheMean_IsTheSpreadOfPerDrawSlopes()
    {
        // For estimates that are means over n draws of exact power laws y_a = c_a x^(s_a), the leave-one-out slopes
        // scatter around the full slope; the jackknife SE is (n−1)/√n·sd(s₋ₐ) and vanishes when every draw has the same slope.
        var x = new[] { 10.0, 20, 40, 80, 160 };
        var s = new[] { -1.0, -1.2, -0.9, -1.1 };
        double[] At(IEnumerable<int> draws) => x.Select(v => draws.Average(a => Math.Pow(v, s[a]))).ToArray();
        var all = Enumerable.Range(0, 4).ToArray();
        var loo = all.Select(a => (IReadOnlyList<double>)At(all.Where(b => b != a))).ToArray();
        var fit = LogLogSlope.FitJackknife(x, At(all), loo, 10, 160);
        var slopes = loo.Select(l => LogLogSlope.Fit(x, l, 10, 160).Slope).ToArray();
        double mean = slopes.Average();
        NumericAssert.Close(Math.Sqrt(3.0 / 4 * slopes.Sum(v => (v - mean) * (v - mean))), fit.StandardError, 1e-12);
        NumericAssert.Close(LogLogSlope.Fit(x, At(all), 10, 160).Slope, fit.Slope, 1e-14);
        var same = Enumerable.Range(0, 3).Select(_ => (IReadOnlyList<double>)x.Select(v => 2 * Math.Pow(v, -0.5)).ToArray()).ToArray();
        Assert.True(LogLogSlope.FitJackknife(x, same[0], same, 10, 160).StandardError < 1e-12);
        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() => LogLogSlope.FitJackknife(x, same[0], same.Take(1).ToArray(), 10, 160)).Message);
    }

    [Fact]
    public void SeveralCovariances_ShareTheDraws()
    {
        // Common random numbers: each covariance's result equals its own single run on the same seed only for the first
        // (the later ones share its normals, scaled); the same X enters every result.
        var task = PowerLawTask.Create(60, new PowerLawExponents(1.5, 0.6));
        var fs = new[] { FeatureCovariance.PowerLaw(30, 0.3), FeatureCovariance.PowerLaw(30, 1.2) };
        var both = RandomFeatureSimulation.RunFeatureDraws(task, 12, fs, 1e-3, 0.1, 3, new Random(5));
        var first = RandomFeatureSimulation.RunFeatureDraws(task, 12, fs[0], 1e-3, 0.1, 3, new Random(5));
        Assert.Equal(2, both.Length);
        Assert.Equal(first.TestError, both[0].TestError);
        Assert.Equal(first.MeanCleanResidual, both[0].MeanCleanResidual);
        Assert.NotEqual(both[0].TestError, both[1].TestError);
        Assert.Contains("same N", Assert.Throws<ArgumentException>(() => RandomFeatureSimulation.RunFeatureDraws(task, 12,
            new[] { FeatureCovariance.Isotropic(30), FeatureCovariance.Isotropic(31) }, 0, 0, 2, new Random(1))).Message);
        Assert.Contains("at least one", Assert.Throws<ArgumentException>(() => RandomFeatureSimulation.RunFeatureDraws(task, 12,
            Array.Empty<FeatureCovariance>(), 0, 0, 2, new Random(1))).Message);
    }

    [Fact]
    public void SameSeed_SameNumbers()
    {
        var task = PowerLawTask.Create(60, new PowerLawExponents(1.5, 0.6));
        var f = FeatureCovariance.PowerLaw(30, 1);
        var a = RandomFeatureSimulation.RunFeatureDraws(task, 12, f, 0, 0.1, 3, new Random(9));
        var b = RandomFeatureSimulation.RunFeatureDraws(task, 12, f, 0, 0.1, 3, new Random(9));
        Assert.Equal(a.TestError, b.TestError);
        Assert.Equal(a.FeatureVariance, b.FeatureVariance);
        Assert.Equal(a.MeanCleanResidual, b.MeanCleanResidual);
    }

    [Fact]
    public void BadInput_NamesParameterValueAndRange()
    {
        Assert.Contains("variances[1] = 0", Assert.Throws<ArgumentException>(() => new FeatureCovariance(new[] { 1.0, 0 })).Message);
        Assert.Contains("variances[0] = -1", Assert.Throws<ArgumentException>(() => new FeatureCovariance(new[] { -1.0 })).Message);
        Assert.Contains("not finite", Assert.Throws<ArgumentException>(() => new FeatureCovariance(new[] { 1.0, double.NaN })).Message);
        Assert.ThrowsAny<ArgumentException>(() => new FeatureCovariance(Array.Empty<double>()));
        Assert.Contains("exponent = -0.5", Assert.Throws<ArgumentOutOfRangeException>(() => FeatureCovariance.PowerLaw(10, -0.5)).Message);
        Assert.Contains("exponent = 25", Assert.Throws<ArgumentOutOfRangeException>(() => FeatureCovariance.PowerLaw(10, 25)).Message);
        Assert.Contains("features = 0", Assert.Throws<ArgumentOutOfRangeException>(() => FeatureCovariance.PowerLaw(0, 1)).Message);
        var task = PowerLawTask.Isotropic(10);
        var f = FeatureCovariance.Isotropic(5);
        Assert.Contains("featureDraws = 1", Assert.Throws<ArgumentOutOfRangeException>(() => RandomFeatureSimulation.RunFeatureDraws(task, 5, f, 0, 0, 1, new Random(1))).Message);
        Assert.Contains("sampleSize = 0", Assert.Throws<ArgumentOutOfRangeException>(() => RandomFeatureSimulation.RunFeatureDraws(task, 0, f, 0, 0, 2, new Random(1))).Message);
        Assert.Contains("ridge = -1", Assert.Throws<ArgumentOutOfRangeException>(() => RandomFeatureSimulation.RunFeatureDraws(task, 5, f, -1, 0, 2, new Random(1))).Message);
        Assert.Contains("ridge = -1", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomFeatureEquivalent(task).At(5, f, -1)).Message);
        Assert.Contains("sampleSize = 0.5", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomFeatureEquivalent(task).At(0.5, f, 1)).Message);
        var one = RandomFeatureSimulation.RunFeatureDraws(task, 5, f, 0.1, 0, 2, new Random(1));
        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() => RandomFeatureAnova.Nested(new[] { one })).Message);
        var other = RandomFeatureSimulation.RunFeatureDraws(task, 6, f, 0.1, 0, 2, new Random(2));
        Assert.Contains("one setting", Assert.Throws<ArgumentException>(() => RandomFeatureAnova.Nested(new[] { one, other })).Message);
    }
}
