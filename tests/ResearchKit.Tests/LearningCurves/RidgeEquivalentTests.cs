using ResearchKit.LearningCurves;
using ResearchKit.Numerics;

namespace ResearchKit.Tests.LearningCurves;

public class RidgeEquivalentTests
{
    [Fact]
    public void Isotropic_RidgelessUnderparameterised_IsTheClassicalNoiseFormula()
    {
        // P > D, λ = 0: E_g = σ² D/(P − D − …) → σ²γ/(1−γ) with γ = D/P; E_tr = σ²(1 − D/P).
        var eq = new RidgeEquivalent(PowerLawTask.Isotropic(100), noiseVariance: 0.25);
        var r = eq.At(400, 0);
        Assert.Equal(0, r.Kappa);
        NumericAssert.Close(0.25 * 100 / 300.0, r.TestError, 1e-12);
        NumericAssert.Close(0.25 * 0.75, r.TrainError, 1e-12);
        // GCV identity of the theory: E_g + σ² = S² E_tr.
        NumericAssert.Close(r.TestError + 0.25, r.GcvFactor * r.GcvFactor * r.TrainError, 1e-12);
    }

    [Fact]
    public void GcvIdentityAndDecompositionHoldAtEveryPoint()
    {
        var eq = new RidgeEquivalent(PowerLawTask.Create(500, new PowerLawExponents(1.5, 0.7)), 0.1);
        foreach (double p in new[] { 5.0, 50, 499, 2000 })
            foreach (double ridge in new[] { 1e-6, 1e-2, 1 })
            {
                var r = eq.At(p, ridge);
                NumericAssert.Close(r.TestError, r.Bias + r.VarianceX + r.VarianceNoise, 1e-12);
                NumericAssert.Close(r.TestError + 0.1, r.GcvFactor * r.GcvFactor * r.TrainError, 1e-9);
                NumericAssert.Close(r.Kappa / ridge, r.GcvFactor, 1e-9);
            }
    }

    [Fact]
    public void KappaIndependentOfTargetAndNoise()
    {
        var a = PowerLawTask.Create(300, new PowerLawExponents(2, 0.3));
        var b = PowerLawTask.Create(300, new PowerLawExponents(2, 1.8));
        Assert.Equal(new RidgeEquivalent(a, 0).At(40, 1e-4).Kappa, new RidgeEquivalent(b, 0.5).At(40, 1e-4).Kappa);
    }

    [Fact]
    public void OptimalRidgeTestError_NonIncreasingInP()
    {
        var eq = new RidgeEquivalent(PowerLawTask.Create(400, new PowerLawExponents(1.5, 0.6)), 0.2);
        double previous = double.PositiveInfinity;
        foreach (double p in new[] { 2.0, 10, 50, 200, 390, 400, 410, 800, 3000 })
        {
            double e = eq.AtOptimalRidge(p).TestError;
            Assert.True(e <= previous * (1 + 1e-9), $"P = {p}: {e} > {previous}");
            previous = e;
        }
    }

    [Fact]
    public void RidgelessCurveHasItsInterpolationPeakAtPEqualsM()
    {
        var eq = new RidgeEquivalent(PowerLawTask.Isotropic(100), 0.25);
        Assert.True(eq.At(99, 0).TestError > eq.At(90, 0).TestError);
        Assert.True(eq.At(101, 0).TestError > eq.At(110, 0).TestError);
        Assert.Equal(double.PositiveInfinity, eq.At(100, 0).TestError);
    }

    [Fact]
    public void MatchesMonteCarloAtModerateSize()
    {
        // M = 200 modes, P = 60 and 300, λ = 1e-2, σ² = 0.1; 60 draws. Criterion fixed before running: 3 SE + 3 %
        // (the equivalent is exact only as P, M → ∞; 3 % is our allowance for O(1/P) finite-size corrections).
        var task = PowerLawTask.Create(200, new PowerLawExponents(1.5, 0.6));
        var eq = new RidgeEquivalent(task, 0.1);
        foreach (int p in new[] { 60, 300 })
        {
            var sims = Sweep.Run(60, 11 + p, (_, random) => RidgeSimulation.Run(task, p, 1e-2, 0.1, random));
            var theory = eq.At(p, 1e-2);
            void Check(double expected, IEnumerable<double> values, string what)
            {
                var v = values.ToArray();
                double mean = v.Average();
                double se = Math.Sqrt(v.Select(x => (x - mean) * (x - mean)).Sum() / (v.Length - 1) / v.Length);
                Assert.True(Math.Abs(mean - expected) <= 3 * se + 0.03 * expected,
                    $"{what} at P = {p}: theory {expected:G5}, simulation {mean:G5} ± {se:G3}");
            }
            Check(theory.TestError, sims.Select(s => s.TestError), "E_g");
            Check(theory.TrainError, sims.Select(s => s.TrainError), "E_tr");
            Check(theory.Signal, sims.Select(s => s.SignalError), "signal");
            Check(theory.VarianceNoise, sims.Select(s => s.NoiseError), "noise");
            Check(theory.Df1, sims.Select(s => s.Df1), "Df₁");
            Check(theory.Kappa, sims.Select(s => s.KappaGcv), "κ_GCV");
            var split = BiasVarianceSplit.Compute(task, sims.Select(s => s.CleanWeights).ToArray());
            Assert.True(Math.Abs(split.Bias - theory.Bias) <= 3 * split.BiasStandardError + 0.05 * theory.Bias,
                $"bias at P = {p}: theory {theory.Bias:G5}, simulation {split.Bias:G5} ± {split.BiasStandardError:G3}");
        }
    }

    [Fact]
    public void Simulation_GcvIdentityHoldsPerDraw()
    {
        // Exact per draw: E_tr = λ²|(G+λ)⁻¹y|²/P and the identity is only in expectation, so check S against its definition instead.
        var task = PowerLawTask.Isotropic(50);
        var r = RidgeSimulation.Run(task, 200, 0, 0.3, new Random(3));
        NumericAssert.Close(1 / (1 - 50.0 / 200), r.GcvFactor, 1e-12);
        var a = RidgeSimulation.Run(task, 20, 0.1, 0.3, new Random(5));
        var b = RidgeSimulation.Run(task, 20, 0.1, 0.3, new Random(5));
        Assert.Equal(a.TestError, b.TestError);
    }

    [Fact]
    public void BadInput_NamesParameterValueAndRange()
    {
        var task = PowerLawTask.Isotropic(10);
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => new RidgeEquivalent(task, -0.1));
        Assert.Contains("noiseVariance = -0.1", e1.Message);
        var eq = new RidgeEquivalent(task);
        Assert.Contains("ridge = -1", Assert.Throws<ArgumentOutOfRangeException>(() => eq.At(10, -1)).Message);
        Assert.Contains("sampleSize = 0", Assert.Throws<ArgumentOutOfRangeException>(() => eq.At(0, 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => eq.At(double.NaN, 1));
        Assert.Contains("sampleSize = 0", Assert.Throws<ArgumentOutOfRangeException>(() => RidgeSimulation.Run(task, 0, 1, 0, new Random(1))).Message);
        Assert.Contains("noiseVariance = -1", Assert.Throws<ArgumentOutOfRangeException>(() => RidgeSimulation.Run(task, 5, 1, -1, new Random(1))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => RidgeSimulation.Run(task, 5, double.PositiveInfinity, 0, new Random(1)));
    }
}
