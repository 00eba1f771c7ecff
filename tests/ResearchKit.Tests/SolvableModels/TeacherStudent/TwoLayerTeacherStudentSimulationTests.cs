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
}
