using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

public class SweepTests
{
    [Theory]
    [InlineData(0, 0, -1724029546)] // SplitMix64 from state 0: first output 0xE220A8397B1DCDAF (reference value); folded 0xE220A839 ^ 0x7B1DCDAF
    [InlineData(0, 1, -809370722)]  // the rest: an independent Python implementation of the same derivation, run once
    [InlineData(42, 0, -1841537869)]
    [InlineData(42, 7, 1382554186)]
    [InlineData(-1, 3, -1498140226)]
    [InlineData(int.MaxValue, 1000, 571552523)]
    public void DeriveSeed_KnownValues_MatchSplitMix64(int seed, int index, int expected)
        => Assert.Equal(expected, Sweep.DeriveSeed(seed, index));

    [Fact]
    public void Run_OneTwoAndFourThreads_BitIdentical()
    {
        // Trials of unequal length, so that with several threads they finish (and are scheduled) out of order.
        static double[] Trial(int i, Random random)
        {
            var draws = new double[3];
            int steps = 1000 + 997 * (i % 7);
            for (int s = 0; s < steps; s++)
                draws[s % 3] += Math.Sin(random.NextDouble() * (i + 1));
            return draws;
        }
        var one = Sweep.Run(64, seed: 2024, Trial, maxDegreeOfParallelism: 1);
        var two = Sweep.Run(64, seed: 2024, Trial, maxDegreeOfParallelism: 2);
        var four = Sweep.Run(64, seed: 2024, Trial, maxDegreeOfParallelism: 4);
        for (int i = 0; i < 64; i++)
        {
            Assert.Equal(one[i].Select(BitConverter.DoubleToInt64Bits), two[i].Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(one[i].Select(BitConverter.DoubleToInt64Bits), four[i].Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Run_EachTrial_GetsGeneratorOfItsDerivedSeed()
    {
        var results = Sweep.Run(10, seed: 7, (_, random) => random.Next());
        for (int i = 0; i < 10; i++)
            Assert.Equal(new Random(Sweep.DeriveSeed(7, i)).Next(), results[i]);
        Assert.Equal(10, results.Distinct().Count());
    }

    [Fact]
    public void Run_DifferentMasterSeeds_DifferentResults()
    {
        var a = Sweep.Run(8, seed: 1, (_, random) => random.NextDouble());
        var b = Sweep.Run(8, seed: 2, (_, random) => random.NextDouble());
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Run_GridInputs_ResultsInInputOrder()
    {
        double[] grid = [0.5, 1, 2, 4];
        var results = Sweep.Run(grid, seed: 3, (x, random) => x + 0 * random.NextDouble(), maxDegreeOfParallelism: 2);
        Assert.Equal(grid, results);
    }

    [Fact]
    public void DeriveSeed_ManyIndices_NoCollisions()
    {
        var seeds = Enumerable.Range(0, 20000).Select(i => Sweep.DeriveSeed(123, i)).ToHashSet();
        // 20000 draws from 2³² collide with probability ≈ 5%; this master seed is checked to have none.
        Assert.Equal(20000, seeds.Count);
    }

    [Fact]
    public void Run_BadArguments_ThrowNamingParameter()
    {
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() => Sweep.Run(0, 1, (i, _) => i)).ParamName);
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => Sweep.Run(3, 1, (i, _) => i, maxDegreeOfParallelism: 0)).ParamName);
        Assert.Equal("trial", Assert.Throws<ArgumentNullException>(() => Sweep.Run<int>(3, 1, null!)).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => Sweep.Run(Array.Empty<double>(), 1, (x, _) => x)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => Sweep.DeriveSeed(1, -1)).ParamName);
    }

    [Fact]
    public void Run_TrialThrows_OriginalExceptionSurfaces()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Sweep.Run(5, 1, (i, _) => i == 3 ? throw new InvalidOperationException("trial 3") : i, maxDegreeOfParallelism: 1));
        Assert.Equal("trial 3", e.Message);
    }
    [Fact]
    public void Map_OneAndTwoThreads_BitIdenticalToSerialLoop()
    {
        // Tasks of unequal cost that seed their own generators, as the notebooks' explicit seeds do.
        static double[] Task(int seed)
        {
            var random = new Random(seed);
            var draws = new double[3];
            int steps = 1000 + 997 * (seed % 7);
            for (int s = 0; s < steps; s++)
                draws[s % 3] += Math.Sin(random.NextDouble() * (seed % 5 + 1));
            return draws;
        }
        int[] seeds = Enumerable.Range(100, 40).ToArray();
        var serial = seeds.Select(Task).ToArray();
        var one = Sweep.Map(seeds, Task, maxDegreeOfParallelism: 1);
        var two = Sweep.Map(seeds, Task, maxDegreeOfParallelism: 2);
        for (int i = 0; i < seeds.Length; i++)
        {
            Assert.Equal(serial[i].Select(BitConverter.DoubleToInt64Bits), one[i].Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(serial[i].Select(BitConverter.DoubleToInt64Bits), two[i].Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Map_ResultsInInputOrder()
    {
        double[] grid = [4, 0.5, 2, 1];
        Assert.Equal(grid.Select(x => 3 * x), Sweep.Map(grid, x => 3 * x, maxDegreeOfParallelism: 2));
    }

    [Fact]
    public void Map_TaskThrows_ExceptionUnwrapped()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Sweep.Map(new[] { 1, 2, 3 }, x => x == 2 ? throw new InvalidOperationException("two") : x));
        Assert.Equal("two", e.Message);
    }

    [Fact]
    public void Map_BadArguments_ThrowNamingParameter()
    {
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => Sweep.Map(Array.Empty<double>(), x => x)).ParamName);
        Assert.Equal("task", Assert.Throws<ArgumentNullException>(() => Sweep.Map<int, int>(new[] { 1 }, null!)).ParamName);
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => Sweep.Map(new[] { 1 }, x => x, maxDegreeOfParallelism: 0)).ParamName);
    }
    [Fact]
    public void MapAndRun_OnSeveralThreads_MathNetLoopsRunSerially()
    {
        // Inside a parallel sweep MathNet's own loops are single-threaded (the sweep has the cores).
        var inMap = Sweep.Map(new[] { 1, 2, 3, 4 }, _ => MathNet.Numerics.Control.MaxDegreeOfParallelism, maxDegreeOfParallelism: 2);
        var inRun = Sweep.Run(4, 1, (_, _) => MathNet.Numerics.Control.MaxDegreeOfParallelism, maxDegreeOfParallelism: 2);
        Assert.All(inMap, v => Assert.Equal(1, v));
        Assert.All(inRun, v => Assert.Equal(1, v));
    }
}
