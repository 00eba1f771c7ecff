using MathNet.Numerics.Distributions;
using ResearchKit.LearningCurves;
using ResearchKit.Numerics;

namespace ResearchKit.Tests.LearningCurves;

public class CrossedAnovaTests
{
    private static (double Mean, double Se) MeanSe(IEnumerable<double> values)
    {
        var a = values.ToArray();
        double m = a.Average();
        return (m, Math.Sqrt(a.Sum(x => (x - m) * (x - m)) / (a.Length - 1) / a.Length));
    }

    [Fact]
    public void Split_IsUnbiasedOnARandomEffectsModel()
    {
        // e_ab = μ + A_a + B_b + C_ab in 3 modes with per-mode variances; the expected terms are |μ|², 3σ_A², 3σ_B², 3σ_C².
        const int n = 4, m = 5, modes = 3, replicates = 3000;
        double[] mu = { 0.3, -0.2, 0.1 };
        const double sa = 0.4, sb = 0.3, sc = 0.2;
        var random = new Random(17);
        var results = Enumerable.Range(0, replicates).Select(_ =>
        {
            var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, modes).Select(_ => Normal.Sample(random, 0, sa)).ToArray()).ToArray();
            var cols = Enumerable.Range(0, m).Select(_ => Enumerable.Range(0, modes).Select(_ => Normal.Sample(random, 0, sb)).ToArray()).ToArray();
            var clean = Enumerable.Range(0, n).Select(a => Enumerable.Range(0, m).Select(b => Enumerable.Range(0, modes)
                .Select(k => mu[k] + rows[a][k] + cols[b][k] + Normal.Sample(random, 0, sc)).ToArray()).ToArray()).ToArray();
            var noise = Enumerable.Range(0, n).Select(a => Enumerable.Range(0, m).Select(b => new double[modes]).ToArray()).ToArray();
            var zeros = Enumerable.Range(0, n).Select(_ => new double[m]).ToArray();
            return RandomFeatureCrossedAnova.Split(clean, noise, zeros, zeros);
        }).ToArray();
        void Check(string what, double expected, Func<RandomFeatureCrossedAnova, double> term)
        {
            var (mean, se) = MeanSe(results.Select(term));
            Assert.True(Math.Abs(mean - expected) <= 4 * se, $"{what}: expected {expected:G4}, mean {mean:G4} ± {se:G3}");
        }
        Check("Bias²", mu.Sum(v => v * v), r => r.Bias);
        Check("Var_X", modes * sa * sa, r => r.VarianceX);
        Check("Var_F", modes * sb * sb, r => r.VarianceF);
        Check("Var_XF", modes * sc * sc, r => r.VarianceXF);
    }

    [Fact]
    public void CrossedSimulation_MatchesTheTwoLevelEquivalent()
    {
        // Isotropic M = 80, P = 60, N = 40, λ = 1e-2, σ² = 0.05; 40 replicates of a 3 × 3 design.
        // Criterion fixed before running: 3 SE + 5 % (finite size) for every term.
        var task = PowerLawTask.Isotropic(80);
        const int p = 60, n = 40;
        const double ridge = 1e-2, sigma2 = 0.05;
        var theory = new RandomFeatureEquivalent(task, sigma2).At(p, n, ridge);
        var sims = Sweep.Run(40, 21, (_, random) => RandomFeatureSimulation.RunCrossed(task, p, n, ridge, sigma2, 3, 3, random));
        void Check(string what, double expected, Func<RandomFeatureCrossedAnova, double> term)
        {
            var (mean, se) = MeanSe(sims.Select(term));
            Assert.True(Math.Abs(mean - expected) <= 3 * se + 0.05 * Math.Abs(expected), $"{what}: theory {expected:G4}, simulation {mean:G4} ± {se:G3}");
        }
        Check("E_g", theory.TestError, r => r.TestError);
        Check("Bias²", theory.Bias, r => r.Bias);
        Check("Var_X", theory.VarianceX, r => r.VarianceX);
        Check("Var_F", theory.VarianceF, r => r.VarianceF);
        Check("Var_XF", theory.VarianceXF, r => r.VarianceXF);
        Check("Var_Xε", theory.VarianceNoiseX, r => r.VarianceNoiseX);
        Check("Var_XFε", theory.VarianceNoise - theory.VarianceNoiseX, r => r.VarianceNoiseXF);
    }

    [Fact]
    public void BadInput_NamesParameterValueAndRange()
    {
        var task = PowerLawTask.Isotropic(10);
        Assert.Contains("dataDraws = 1", Assert.Throws<ArgumentOutOfRangeException>(() => RandomFeatureSimulation.RunCrossed(task, 5, 4, 0.1, 0, 1, 2, new Random(1))).Message);
        Assert.Contains("featureDraws = 1", Assert.Throws<ArgumentOutOfRangeException>(() => RandomFeatureSimulation.RunCrossed(task, 5, 4, 0.1, 0, 2, 1, new Random(1))).Message);
        Assert.Contains("noiseVariance = -1", Assert.Throws<ArgumentOutOfRangeException>(() => RandomFeatureSimulation.RunCrossed(task, 5, 4, 0.1, -1, 2, 2, new Random(1))).Message);
        var one = new[] { new[] { new double[2], new double[2] } };
        Assert.Contains("at least 2 × 2", Assert.Throws<ArgumentException>(() => RandomFeatureCrossedAnova.Split(one, one, new[] { new double[2] }, new[] { new double[2] })).Message);
        var two = new[] { new[] { new double[2], new double[2] }, new[] { new double[2], new double[3] } };
        var z = new[] { new double[2], new double[2] };
        Assert.Contains("shape", Assert.Throws<ArgumentException>(() => RandomFeatureCrossedAnova.Split(two, two, z, z)).Message);
    }
}
