using MathNet.Numerics.LinearAlgebra;
using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class TwoLayerTeacherStudentSimulationTests
{
    private static readonly double[] Steps = { 0, 1, 4, 15, 40 };

    [Theory]
    [InlineData(HiddenActivation.Linear)]
    [InlineData(HiddenActivation.Tanh)]
    public void Run_MatchesStepByStepGdOfTheTwoLayerNetwork(HiddenActivation activation)
    {
        // Reference: TwoLayerNetwork's backward pass (checked against finite differences) with W₁ = S⁽⁰⁾ᵀ, W₂ = S⁽¹⁾ᵀ,
        // stepped one update at a time on the sampled data. Large ε so that the accuracies are not all 0.
        var setup = new TwoLayerTeacherStudentSetup(12, 7, 3, 20, activation, 2.0);
        const double epsilon = 2e-3;
        var run = TwoLayerTeacherStudentSimulation.Run(setup, Steps, epsilon, 30, 11);
        var p = TwoLayerTeacherStudentSimulation.Problem.Sample(setup, 30, 11);
        var teacher = new TwoLayerNetwork(p.TeacherFirst.Transpose(), p.TeacherSecond.Transpose(), activation);
        var student = new TwoLayerNetwork(p.StudentFirst.Transpose(), p.StudentSecond.Transpose(), activation);
        var y = teacher.Forward(p.TrainInputs);
        var yTest = teacher.Forward(p.TestInputs);
        int done = 0;
        for (int s = 0; s < Steps.Length; s++)
        {
            for (; done < Steps[s]; done++)
                student = student.Step(student.Gradient(p.TrainInputs, y), setup.LearningRate);
            var trainErr = student.Forward(p.TrainInputs) - y;
            var testErr = student.Forward(p.TestInputs) - yTest;
            NumericAssert.Close(student.Gradient(p.TrainInputs, y).Loss, run.TrainLoss[s], 1e-9, $"L_tr at {Steps[s]}");
            double gen = activation == HiddenActivation.Linear
                ? Squared(student.FirstLayer.TransposeThisAndMultiply(student.SecondLayer.Transpose()) - p.TeacherFirst * p.TeacherSecond) / 3
                : Squared(testErr) / (30 * 3);
            NumericAssert.Close(gen, run.GeneralizationLoss[s], 1e-9, $"L_gen at {Steps[s]}");
            Assert.Equal(Fraction(trainErr, epsilon), run.TrainAccuracy[s]);
            Assert.Equal(Fraction(testErr, epsilon), run.TestAccuracy[s]);
            NumericAssert.Close((Squared(student.FirstLayer) + Squared(student.SecondLayer)) / 2, run.HalfTrace[s], 1e-9, $"h at {Steps[s]}");
        }
        Assert.True(run.TrainLoss[^1] < 0.5 * run.TrainLoss[0], "GD must reduce the training loss over 40 steps");
    }

    [Fact]
    public void Run_SameSeed_SameNumbers()
    {
        var setup = TwoLayerTeacherStudentSetup.FromAspectRatio(20, 10, 2, 0.5, HiddenActivation.Tanh, 0.5);
        var a = TwoLayerTeacherStudentSimulation.Run(setup, Steps, 1e-3, 20, 3);
        var b = TwoLayerTeacherStudentSimulation.Run(setup, Steps, 1e-3, 20, 3);
        Assert.Equal(a.TrainLoss, b.TrainLoss);
        Assert.Equal(a.TestAccuracy, b.TestAccuracy);
    }

    [Fact]
    public void Run_Linear_InitialGeneralizationLossIsResidualNormPerOutput()
    {
        // L_gen(0) = ‖D₀‖²/d_out exactly, and E‖D₀‖² = 1/(2 d_h) at the paper's initialisation (App. A).
        // ‖D₀‖² of one draw fluctuates by ≈ 15 % here (d_in d_out = 80 terms, sharing S⁽¹⁾); the mean of 60 seeds by ≈ 2 %.
        var setup = new TwoLayerTeacherStudentSetup(40, 10, 2, 30, HiddenActivation.Linear, 0.1);
        double mean = 0;
        const int seeds = 60;
        for (int s = 0; s < seeds; s++)
        {
            var run = TwoLayerTeacherStudentSimulation.Run(setup, new double[] { 0 }, 1e-3, 5, 100 + s);
            NumericAssert.Close(run.InitialResidualNorm / 2, run.GeneralizationLoss[0], 1e-12, "L_gen(0)");
            mean += run.InitialResidualNorm / seeds;
        }
        NumericAssert.Close(setup.ExpectedInitialResidualNorm, mean, 0.08, "mean ‖D₀‖²");
    }

    [Fact]
    public void Run_WideLinearNetwork_FollowsEquation19()
    {
        // Inside Eq. 18's assumptions: d_out = 1 and d_h = 2000, so S⁽¹⁾ᵀS⁽¹⁾ is the scalar ‖S⁽¹⁾‖² = ½ ± 3 % and the
        // S⁽⁰⁾S⁽⁰⁾ᵀ term is O(1/d_in); a small rate (equivalent one-layer rate 0.0025) keeps GD close to gradient flow.
        // What remains are the finite-d_in fluctuations of the spectrum: compared, as in the one-layer test, at
        // bulk-dominated times (4·rate·t ≤ 4) within 10 % for the mean of 3 seeds.
        var setup = TwoLayerTeacherStudentSetup.FromAspectRatio(300, 2000, 1, 0.5, HiddenActivation.Linear, 0.005);
        double[] steps = { 0, 100, 400 };
        var ratio = new double[steps.Length];
        for (int s = 0; s < 3; s++)
        {
            var run = TwoLayerTeacherStudentSimulation.Run(setup, steps, 1e-3, 5, 40 + s);
            var theory = setup.Theory(run.InitialResidualNorm);
            for (int i = 0; i < steps.Length; i++)
                ratio[i] += run.GeneralizationLoss[i] / theory.GeneralizationLoss(steps[i]) / 3;
        }
        for (int i = 0; i < steps.Length; i++)
            NumericAssert.Close(1.0, ratio[i], 0.1, $"L_gen / Eq. 19 at {steps[i]}");
    }

    [Fact]
    public void Run_TooLargeRate_ThrowsNamingTheRate()
    {
        var setup = new TwoLayerTeacherStudentSetup(10, 5, 1, 20, HiddenActivation.Linear, 1e4);
        var e = Assert.Throws<InvalidOperationException>(() => TwoLayerTeacherStudentSimulation.Run(setup, new double[] { 2000 }, 1e-3, 5, 1));
        Assert.Contains("learningRate", e.Message);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerTeacherStudentSetup(0, 5, 1, 20, HiddenActivation.Linear, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerTeacherStudentSetup(10, 0, 1, 20, HiddenActivation.Linear, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerTeacherStudentSetup(10, 5, 0, 20, HiddenActivation.Linear, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerTeacherStudentSetup(10, 5, 1, 0, HiddenActivation.Linear, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerTeacherStudentSetup(10, 5, 1, 20, (HiddenActivation)7, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerTeacherStudentSetup(10, 5, 1, 20, HiddenActivation.Tanh, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerTeacherStudentSetup(10, 5, 1, 20, HiddenActivation.Tanh, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerTeacherStudentSetup.FromAspectRatio(10, 5, 1, double.NaN, HiddenActivation.Tanh, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerTeacherStudentSetup.FromAspectRatio(10, 5, 1, 0, HiddenActivation.Tanh, 0.1));

        var setup = new TwoLayerTeacherStudentSetup(10, 5, 1, 20, HiddenActivation.Linear, 0.1);
        Assert.Throws<ArgumentNullException>(() => TwoLayerTeacherStudentSimulation.Run(null!, Steps, 1e-3, 5, 1));
        Assert.Throws<ArgumentNullException>(() => TwoLayerTeacherStudentSimulation.Run(setup, null!, 1e-3, 5, 1));
        Assert.Throws<ArgumentException>(() => TwoLayerTeacherStudentSimulation.Run(setup, Array.Empty<double>(), 1e-3, 5, 1));
        Assert.Throws<ArgumentException>(() => TwoLayerTeacherStudentSimulation.Run(setup, new[] { double.NaN }, 1e-3, 5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerTeacherStudentSimulation.Run(setup, new[] { -1.0 }, 1e-3, 5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerTeacherStudentSimulation.Run(setup, new[] { 1.5 }, 1e-3, 5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerTeacherStudentSimulation.Run(setup, new[] { 2e7 }, 1e-3, 5, 1));
        Assert.Throws<ArgumentException>(() => TwoLayerTeacherStudentSimulation.Run(setup, new[] { 5.0, 2.0 }, 1e-3, 5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerTeacherStudentSimulation.Run(setup, Steps, 0, 5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerTeacherStudentSimulation.Run(setup, Steps, double.NaN, 5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerTeacherStudentSimulation.Run(setup, Steps, 1e-3, 0, 1));

        var run = TwoLayerTeacherStudentSimulation.Run(setup, Steps, 1e-3, 5, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => run.CrossingTimes(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => run.CrossingTimes(double.NaN));
    }

    private static double Squared(Matrix<double> m) => m.Enumerate().Sum(x => x * x);

    private static double Fraction(Matrix<double> errors, double epsilon)
        => (double)errors.EnumerateRows().Count(r => r.Sum(x => x * x) / errors.ColumnCount < epsilon) / errors.RowCount;

    [Theory]
    [InlineData(HiddenActivation.Linear)]
    [InlineData(HiddenActivation.Tanh)]
    public void Run_SideBySideOnOneOrTwoThreads_BitIdenticalToSerialRuns(HiddenActivation activation)
    {
        // As notebook 02 runs its Fig. 5 seeds: Sweep.Map over seeds, each run with its own native products.
        var setup = TwoLayerTeacherStudentSetup.FromAspectRatio(80, 20, 3, 0.5, activation, 0.5);
        int[] seeds = { 3, 1003, 2003, 3003 };
        var serial = seeds.Select(s => TwoLayerTeacherStudentSimulation.Run(setup, Steps, 1e-3, 30, s)).ToArray();
        foreach (int threads in new[] { 1, 2 })
        {
            var runs = ResearchKit.Numerics.Sweep.Map(seeds, s => TwoLayerTeacherStudentSimulation.Run(setup, Steps, 1e-3, 30, s), threads);
            for (int i = 0; i < seeds.Length; i++)
            {
                Assert.Equal(serial[i].TrainLoss.Select(BitConverter.DoubleToInt64Bits), runs[i].TrainLoss.Select(BitConverter.DoubleToInt64Bits));
                Assert.Equal(serial[i].GeneralizationLoss.Select(BitConverter.DoubleToInt64Bits), runs[i].GeneralizationLoss.Select(BitConverter.DoubleToInt64Bits));
                Assert.Equal(serial[i].HalfTrace.Select(BitConverter.DoubleToInt64Bits), runs[i].HalfTrace.Select(BitConverter.DoubleToInt64Bits));
                Assert.Equal(serial[i].TestAccuracy, runs[i].TestAccuracy);
            }
        }
    }

    [Fact]
    public void Run_Tanh_WideHiddenLayer_MatchesStepByStepGd()
    {
        // N·d_h = 400·200 entries: the element-wise passes (tanh and its derivative) run in slices side by side.
        var setup = new TwoLayerTeacherStudentSetup(20, 200, 2, 400, HiddenActivation.Tanh, 0.5);
        double[] steps = { 0, 1, 3, 6 };
        var run = TwoLayerTeacherStudentSimulation.Run(setup, steps, 1e-3, 50, 23);
        var p = TwoLayerTeacherStudentSimulation.Problem.Sample(setup, 50, 23);
        var teacher = new TwoLayerNetwork(p.TeacherFirst.Transpose(), p.TeacherSecond.Transpose(), HiddenActivation.Tanh);
        var student = new TwoLayerNetwork(p.StudentFirst.Transpose(), p.StudentSecond.Transpose(), HiddenActivation.Tanh);
        var y = teacher.Forward(p.TrainInputs);
        int done = 0;
        for (int s = 0; s < steps.Length; s++)
        {
            for (; done < steps[s]; done++)
                student = student.Step(student.Gradient(p.TrainInputs, y), setup.LearningRate);
            NumericAssert.Close(student.Gradient(p.TrainInputs, y).Loss, run.TrainLoss[s], 1e-9, $"L_tr at {steps[s]}");
            NumericAssert.Close((Squared(student.FirstLayer) + Squared(student.SecondLayer)) / 2, run.HalfTrace[s], 1e-9, $"h at {steps[s]}");
        }
        Assert.True(run.TrainLoss[^1] < run.TrainLoss[0], "GD must reduce the training loss");
    }

    [Fact]
    public void Ensemble_OneOrTwoThreads_BitIdenticalToSerialRunsUnderTheirSetups()
    {
        var setups = new[]
        {
            TwoLayerTeacherStudentSetup.FromAspectRatio(40, 10, 3, 0.5, HiddenActivation.Linear, 0.5),
            TwoLayerTeacherStudentSetup.FromAspectRatio(40, 20, 3, 0.5, HiddenActivation.Tanh, 0.5),
            TwoLayerTeacherStudentSetup.FromAspectRatio(40, 30, 3, 0.5, HiddenActivation.Linear, 0.5),
        };
        int[] counts = { 3, 1, 2 };
        var expected = setups.Select((s, c) => Enumerable.Range(0, counts[c]).Select(i => TwoLayerTeacherStudentSimulation.Run(s, Steps, 1e-3, 30, 7 + 1000 * i)).ToArray()).ToArray();
        foreach (int? threads in new int?[] { 1, 2, null })
        {
            var e = TwoLayerTeacherStudentEnsemble.Run(setups, counts, Steps, 1e-3, 30, 7, threads);
            Assert.Equal(setups, e.Setups);
            for (int c = 0; c < setups.Length; c++)
            {
                Assert.Same(e.Runs[c], e.RunsOf(setups[c]));
                Assert.Equal(counts[c], e.Runs[c].Length);
                for (int i = 0; i < counts[c]; i++)
                {
                    Assert.Equal(expected[c][i].TrainLoss.Select(BitConverter.DoubleToInt64Bits), e.Runs[c][i].TrainLoss.Select(BitConverter.DoubleToInt64Bits));
                    Assert.Equal(expected[c][i].GeneralizationLoss.Select(BitConverter.DoubleToInt64Bits), e.Runs[c][i].GeneralizationLoss.Select(BitConverter.DoubleToInt64Bits));
                    Assert.Equal(expected[c][i].HalfTrace.Select(BitConverter.DoubleToInt64Bits), e.Runs[c][i].HalfTrace.Select(BitConverter.DoubleToInt64Bits));
                    Assert.Equal(expected[c][i].TestAccuracy, e.Runs[c][i].TestAccuracy);
                }
            }
        }
    }

    [Fact]
    public void Ensemble_BadInput_ThrowsNamingTheParameter()
    {
        var setup = TwoLayerTeacherStudentSetup.FromAspectRatio(20, 5, 2, 0.5, HiddenActivation.Linear, 0.5);
        var ok = new[] { setup };
        Assert.Equal("setups", Assert.ThrowsAny<ArgumentException>(() => TwoLayerTeacherStudentEnsemble.Run(Array.Empty<TwoLayerTeacherStudentSetup>(), Array.Empty<int>(), Steps, 1e-3, 10, 1)).ParamName);
        Assert.Equal("runsPerSetup", Assert.ThrowsAny<ArgumentException>(() => TwoLayerTeacherStudentEnsemble.Run(ok, new[] { 1, 2 }, Steps, 1e-3, 10, 1)).ParamName);
        Assert.Equal("runsPerSetup[0]", Assert.ThrowsAny<ArgumentException>(() => TwoLayerTeacherStudentEnsemble.Run(ok, new[] { 0 }, Steps, 1e-3, 10, 1)).ParamName);
        Assert.Equal("steps", Assert.ThrowsAny<ArgumentException>(() => TwoLayerTeacherStudentEnsemble.Run(ok, new[] { 1 }, new[] { 3.0, 1.0 }, 1e-3, 10, 1)).ParamName);
        Assert.Equal("errorThreshold", Assert.ThrowsAny<ArgumentException>(() => TwoLayerTeacherStudentEnsemble.Run(ok, new[] { 1 }, Steps, double.NaN, 10, 1)).ParamName);
        Assert.Equal("testSamples", Assert.ThrowsAny<ArgumentException>(() => TwoLayerTeacherStudentEnsemble.Run(ok, new[] { 1 }, Steps, 1e-3, 0, 1)).ParamName);
        Assert.Equal("seed", Assert.ThrowsAny<ArgumentException>(() => TwoLayerTeacherStudentEnsemble.Run(ok, new[] { 3 }, Steps, 1e-3, 10, int.MaxValue - 10)).ParamName);
        Assert.Equal("maxDegreeOfParallelism", Assert.ThrowsAny<ArgumentException>(() => TwoLayerTeacherStudentEnsemble.Run(ok, new[] { 1 }, Steps, 1e-3, 10, 1, 0)).ParamName);
        var e = TwoLayerTeacherStudentEnsemble.Run(ok, new[] { 1 }, Steps, 1e-3, 10, 1);
        Assert.Equal("setup", Assert.ThrowsAny<ArgumentException>(() => e.RunsOf(TwoLayerTeacherStudentSetup.FromAspectRatio(20, 5, 2, 0.5, HiddenActivation.Linear, 0.5))).ParamName);
    }

    [Fact]
    public void JumpTimes_RunByRunAgainstEquation19AndTheFrozenGram()
    {
        var setup = TwoLayerTeacherStudentSetup.FromAspectRatio(60, 30, 3, 0.5, HiddenActivation.Linear, 0.5);
        var steps = LinearTeacherStudentSimulation.LogSpacedSteps(3000, 40);
        const double epsilon = 2e-3, level = 0.5;
        var runs = new[] { 5, 1005 }.Select(s => TwoLayerTeacherStudentSimulation.Run(setup, steps, epsilon, 200, s)).ToArray();
        var j = TwoLayerJumpTimes.Of(setup, runs, epsilon, level, frozenGramDraws: 500, frozenGramSeed: 40);
        for (int i = 0; i < runs.Length; i++)
        {
            var sim = runs[i].CrossingTimes(level);
            var eq19 = setup.Theory(runs[i].InitialResidualNorm).CrossingTimes(epsilon);
            var frozen = new FrozenGramTwoLayerTheory(setup.AspectRatio, setup.LearningRate, runs[i].SecondLayerGramEigenvalues, runs[i].InitialResidualNorm, 500, new Random(40 + i)).CrossingTimes(epsilon, level);
            Assert.Equal(sim, j.Simulated[i]);
            Assert.Equal(eq19, j.Equation19[i]);
            Assert.Equal(frozen, j.FrozenGram![i]);
            Assert.Equal(sim.TrainCrossing / eq19.TrainCrossing, j.TrainRatio[i]);
            Assert.Equal(sim.GeneralizationCrossing / eq19.GeneralizationCrossing, j.GeneralizationRatio[i]);
            Assert.Equal(sim.TrainCrossing / frozen.TrainCrossing, j.FrozenTrainRatio![i]);
            Assert.Equal(sim.GeneralizationCrossing / frozen.GeneralizationCrossing, j.FrozenGeneralizationRatio![i]);
            Assert.True(double.IsFinite(j.TrainRatio[i]) && j.TrainRatio[i] > 0, "the runs must cross within the recorded steps");
        }
        Assert.Equal(runs.Max(r => r.HalfTrace.Max(h => Math.Abs(h / r.HalfTrace[0] - 1))), j.MaxHalfTraceDrift);
        Assert.True(j.MaxHalfTraceDrift > 0);
        var plain = TwoLayerJumpTimes.Of(setup, runs, epsilon, level);
        Assert.Null(plain.FrozenGram);
        Assert.Null(plain.FrozenTrainRatio);
        Assert.Equal(j.TrainRatio, plain.TrainRatio);
    }

    [Fact]
    public void JumpTimes_BadInput_ThrowsNamingTheParameter()
    {
        var setup = TwoLayerTeacherStudentSetup.FromAspectRatio(20, 5, 2, 0.5, HiddenActivation.Linear, 0.5);
        var runs = new[] { TwoLayerTeacherStudentSimulation.Run(setup, Steps, 1e-3, 10, 1) };
        Assert.Equal("setup", Assert.ThrowsAny<ArgumentException>(() => TwoLayerJumpTimes.Of(null!, runs, 1e-3, 0.5)).ParamName);
        Assert.Equal("runs", Assert.ThrowsAny<ArgumentException>(() => TwoLayerJumpTimes.Of(setup, Array.Empty<TwoLayerTeacherStudentTrajectory>(), 1e-3, 0.5)).ParamName);
        Assert.Equal("runs[0]", Assert.ThrowsAny<ArgumentException>(() => TwoLayerJumpTimes.Of(setup, new TwoLayerTeacherStudentTrajectory[] { null! }, 1e-3, 0.5)).ParamName);
        Assert.Equal("errorThreshold", Assert.ThrowsAny<ArgumentException>(() => TwoLayerJumpTimes.Of(setup, runs, 0, 0.5)).ParamName);
        Assert.Equal("level", Assert.ThrowsAny<ArgumentException>(() => TwoLayerJumpTimes.Of(setup, runs, 1e-3, 1.0)).ParamName);
        Assert.Equal("frozenGramDraws", Assert.ThrowsAny<ArgumentException>(() => TwoLayerJumpTimes.Of(setup, runs, 1e-3, 0.5, frozenGramDraws: 50)).ParamName);
        Assert.Equal("frozenGramSeed", Assert.ThrowsAny<ArgumentException>(() => TwoLayerJumpTimes.Of(setup, runs, 1e-3, 0.5, 200, int.MaxValue)).ParamName);
    }
}
