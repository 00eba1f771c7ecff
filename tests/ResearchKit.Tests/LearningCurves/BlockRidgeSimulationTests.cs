using ResearchKit.LearningCurves;
using ResearchKit.Numerics;

namespace ResearchKit.Tests.LearningCurves;

public class BlockRidgeSimulationTests
{
    private static (double Mean, double Se) MeanSe(IEnumerable<double> values)
    {
        var a = values.ToArray();
        double m = a.Average();
        return (m, Math.Sqrt(a.Sum(x => (x - m) * (x - m)) / (a.Length - 1) / a.Length));
    }

    private static readonly SpectralBlock[] Blocks = { new(3, 1.0, 1.0), new(40, 0.05, 2.0), new(60, 2e-3, 5.0) };

    [Theory]
    [InlineData(8, 1e-3, 0.0)]    // every block drawn by Bartlett but the first (dof 2 < P)
    [InlineData(30, 1e-4, 0.04)]  // the 40-mode block near its threshold, Bartlett for the 60-mode block
    [InlineData(70, 1e-3, 0.04)]  // P above every block's dof: all drawn from their columns
    public void AgreesInLawWithTheFullSimulation(int p, double ridge, double sigma2)
    {
        // The rotated-block draw and the full M-mode draw of RidgeSimulation are the same model.
        // Criterion fixed before running: mean E_g, signal, noise and train errors within 4 combined SE.
        var task = BlockRidgeSimulation.ToTask(Blocks);
        var full = Sweep.Run(300, 11, (_, random) => RidgeSimulation.Run(task, p, ridge, sigma2, random));
        var block = Sweep.Run(300, 12, (_, random) => BlockRidgeSimulation.Run(Blocks, p, ridge, sigma2, random));
        void Same(Func<RidgeSimulationResult, double> a, Func<BlockRidgeSimulationResult, double> b, string what)
        {
            var x = MeanSe(full.Select(a));
            var y = MeanSe(block.Select(b));
            double z = Math.Abs(x.Mean - y.Mean) / Math.Sqrt(x.Se * x.Se + y.Se * y.Se);
            Assert.True(z <= 4, $"{what}: full {x.Mean:G5} ± {x.Se:G3}, blocks {y.Mean:G5} ± {y.Se:G3} ({z:0.0} SE)");
        }
        Same(r => r.TestError, r => r.TestError, "E_g");
        Same(r => r.SignalError, r => r.SignalError, "signal");
        Same(r => r.TrainError, r => r.TrainError, "E_tr");
        if (sigma2 > 0) Same(r => r.NoiseError, r => r.NoiseError, "noise");
    }

    [Fact]
    public void BlockErrorsSumToTheSignalError_AndTheResultIsReproducible()
    {
        var a = BlockRidgeSimulation.Run(Blocks, 25, 1e-3, 0.01, new Random(3));
        var b = BlockRidgeSimulation.Run(Blocks, 25, 1e-3, 0.01, new Random(3));
        Assert.Equal(a.TestError, b.TestError);
        Assert.Equal(3, a.BlockErrors.Count);
        NumericAssert.Close(a.SignalError, a.BlockErrors.Sum(), 1e-12, "Σ block errors");
        Assert.True(a.TestError > 0 && a.TrainError > 0);
    }

    [Fact]
    public void ManySamples_FitTheSmallBlocks()
    {
        // P ≫ the modes of the first block: its error falls far below its target power d·η·w² = 3.
        var r = BlockRidgeSimulation.Run(Blocks, 2000, 1e-6, 0, new Random(4));
        Assert.True(r.BlockErrors[0] < 1e-2 * 3, $"first block error {r.BlockErrors[0]:G3}");
    }

    [Fact]
    public void FollowsTheDeterministicEquivalent()
    {
        // Criterion fixed before running: the mean over 40 draws within 4 SE + 5 % of the equivalent (finite P = 120).
        var task = BlockRidgeSimulation.ToTask(Blocks);
        var sims = Sweep.Run(40, 13, (_, random) => BlockRidgeSimulation.Run(Blocks, 120, 1e-3, 0, random));
        var s = MeanSe(sims.Select(r => r.TestError));
        double theory = new RidgeEquivalent(task).At(120, 1e-3).TestError;
        Assert.True(Math.Abs(s.Mean - theory) <= 4 * s.Se + 0.05 * theory, $"sim {s.Mean:G5} ± {s.Se:G3}, theory {theory:G5}");
    }

    [Fact]
    public void RejectsBadInput()
    {
        var rng = new Random(1);
        Assert.Throws<ArgumentNullException>(() => BlockRidgeSimulation.Run(null!, 10, 1e-3, 0, rng));
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => BlockRidgeSimulation.Run(Array.Empty<SpectralBlock>(), 10, 1e-3, 0, rng)).Message);
        Assert.Contains("Modes", Assert.Throws<ArgumentException>(() => BlockRidgeSimulation.Run(new[] { new SpectralBlock(0, 1, 1) }, 10, 1e-3, 0, rng)).Message);
        Assert.Contains("Eigenvalue", Assert.Throws<ArgumentException>(() => BlockRidgeSimulation.Run(new[] { new SpectralBlock(2, -1, 1) }, 10, 1e-3, 0, rng)).Message);
        Assert.Contains("Eigenvalue", Assert.Throws<ArgumentException>(() => BlockRidgeSimulation.Run(new[] { new SpectralBlock(2, double.PositiveInfinity, 1) }, 10, 1e-3, 0, rng)).Message);
        Assert.Contains("Weight", Assert.Throws<ArgumentException>(() => BlockRidgeSimulation.Run(new[] { new SpectralBlock(2, 1, double.NaN) }, 10, 1e-3, 0, rng)).Message);
        Assert.Contains("sampleSize", Assert.Throws<ArgumentOutOfRangeException>(() => BlockRidgeSimulation.Run(Blocks, 0, 1e-3, 0, rng)).Message);
        Assert.Contains("ridge", Assert.Throws<ArgumentOutOfRangeException>(() => BlockRidgeSimulation.Run(Blocks, 10, 0, 0, rng)).Message);
        Assert.Contains("ridge", Assert.Throws<ArgumentOutOfRangeException>(() => BlockRidgeSimulation.Run(Blocks, 10, double.NaN, 0, rng)).Message);
        Assert.Contains("noiseVariance", Assert.Throws<ArgumentOutOfRangeException>(() => BlockRidgeSimulation.Run(Blocks, 10, 1e-3, -1, rng)).Message);
        Assert.Throws<ArgumentNullException>(() => BlockRidgeSimulation.Run(Blocks, 10, 1e-3, 0, null!));
    }
}
