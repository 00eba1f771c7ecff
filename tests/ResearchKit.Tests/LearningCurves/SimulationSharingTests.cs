using ResearchKit.LearningCurves;
using ResearchKit.Numerics;

namespace ResearchKit.Tests.LearningCurves;

/// <summary>The shared-work paths of the simulators give the numbers of the plain paths.</summary>
public class SimulationSharingTests
{
    [Theory]
    [InlineData(1e-3, 0.04, 20, 60)]
    [InlineData(0.0, 0.0, 10, 200)]
    [InlineData(1e-2, 0.1, 40, 40)]
    public void KernelPath_GivesTheNumbersOfTheFullFeaturePath(double ridge, double sigma2, int p, int n)
    {
        // P < M, P ≤ N: the P×P kernel path and the path that forms Φ use the same draws; equal to rounding.
        var task = PowerLawTask.Create(150, new PowerLawExponents(1.5, 0.8));
        var features = new[] { FeatureCovariance.Isotropic(n), FeatureCovariance.PowerLaw(n, 0.7) };
        var fast = RandomFeatureSimulation.RunFeatureDraws(task, p, features, ridge, sigma2, 3, new Random(7), kernelPath: true);
        var slow = RandomFeatureSimulation.RunFeatureDraws(task, p, features, ridge, sigma2, 3, new Random(7), kernelPath: false);
        for (int c = 0; c < features.Length; c++)
        {
            NumericAssert.Close(slow[c].TestError, fast[c].TestError, 1e-7, "E_g");
            NumericAssert.Close(slow[c].SignalError, fast[c].SignalError, 1e-7, "signal");
            NumericAssert.CloseAbs(slow[c].TrainError, fast[c].TrainError, 1e-6 * slow[c].TrainError + 1e-20, "E_tr (≈ 0 when λ = 0)");
            NumericAssert.Close(slow[c].FeatureVariance, fast[c].FeatureVariance, 1e-6, "Var_F + Var_XF");
            if (sigma2 > 0) NumericAssert.Close(slow[c].NoiseError, fast[c].NoiseError, 1e-6, "noise");
            for (int k = 0; k < task.Modes; k += 17)
                NumericAssert.CloseAbs(slow[c].MeanCleanResidual[k], fast[c].MeanCleanResidual[k], 1e-8, $"residual[{k}]");
        }
    }

    [Theory]
    [InlineData(1e-3, 0.04, 20, 60)]
    [InlineData(0.0, 0.0, 12, 40)]
    public void WishartPath_AgreesInLawWithTheFullFeaturePath(double ridge, double sigma2, int p, int n)
    {
        // One white covariance, P < M, P ≤ N: HHᵀ drawn as a Wishart matrix, against forming H and Φ.
        // Criterion fixed before running: means of E_g, E_tr and Var_F + Var_XF within 4 combined SE over 300 X draws each.
        var task = PowerLawTask.Create(150, new PowerLawExponents(1.5, 0.8));
        var features = new[] { FeatureCovariance.Isotropic(n) };
        var fast = Sweep.Run(300, 21, (_, random) => RandomFeatureSimulation.RunFeatureDraws(task, p, features, ridge, sigma2, 2, random, kernelPath: true)[0]);
        var slow = Sweep.Run(300, 22, (_, random) => RandomFeatureSimulation.RunFeatureDraws(task, p, features, ridge, sigma2, 2, random, kernelPath: false)[0]);
        void Same(Func<RandomFeatureDataDraw, double> f, string what)
        {
            double Mean(RandomFeatureDataDraw[] d) => d.Average(f);
            double Se(RandomFeatureDataDraw[] d) { double m = Mean(d); return Math.Sqrt(d.Sum(x => (f(x) - m) * (f(x) - m)) / (d.Length - 1) / d.Length); }
            double z = Math.Abs(Mean(fast) - Mean(slow)) / Math.Sqrt(Se(fast) * Se(fast) + Se(slow) * Se(slow));
            Assert.True(z <= 4, $"{what}: Wishart {Mean(fast):G5} ± {Se(fast):G3}, full {Mean(slow):G5} ± {Se(slow):G3}");
        }
        Same(d => d.TestError, "E_g");
        Same(d => d.FeatureVariance, "Var_F + Var_XF");
        if (ridge > 0) Same(d => d.TrainError, "E_tr");
    }

    [Fact]
    public void RunTargets_IsBitIdenticalToOneRunPerTarget()
    {
        var tasks = new[] { 1.8, 0.8, 0.4 }.Select(r => PowerLawTask.Create(300, new PowerLawExponents(2, r))).ToArray();
        foreach (int p in new[] { 50, 500 })
        {
            var shared = RidgeSimulation.RunTargets(tasks, p, 1e-6, 0.01, new Random(9));
            for (int t = 0; t < tasks.Length; t++)
            {
                var one = RidgeSimulation.Run(tasks[t], p, 1e-6, 0.01, new Random(9));
                Assert.Equal(one.TestError, shared[t].TestError);
                Assert.Equal(one.TrainError, shared[t].TrainError);
                Assert.Equal(one.KappaGcv, shared[t].KappaGcv);
                Assert.Equal(one.CleanWeights, shared[t].CleanWeights);
            }
        }
    }

    [Fact]
    public void RunTargets_RejectsTasksOnDifferentSpectra()
    {
        var a = PowerLawTask.Create(100, new PowerLawExponents(2, 1));
        var b = PowerLawTask.Create(100, new PowerLawExponents(1.5, 1));
        Assert.Contains("eigenvalues", Assert.Throws<ArgumentException>(() => RidgeSimulation.RunTargets(new[] { a, b }, 10, 1e-3, 0, new Random(1))).Message);
        Assert.Throws<ArgumentException>(() => RidgeSimulation.RunTargets(Array.Empty<LinearTask>(), 10, 1e-3, 0, new Random(1)));
        Assert.Throws<ArgumentNullException>(() => RidgeSimulation.RunTargets(null!, 10, 1e-3, 0, new Random(1)));
    }
}
