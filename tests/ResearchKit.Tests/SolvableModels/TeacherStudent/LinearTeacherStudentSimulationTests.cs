using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class LinearTeacherStudentSimulationTests
{
    private static readonly double[] Steps = { 0, 1, 7, 50, 200 };

    [Theory]
    [InlineData(20, 2, 30, 0.0)]
    [InlineData(20, 3, 12, 0.05)]
    [InlineData(20, 20, 30, 0.01)]   // steps·d_out > N + M: the inputs are rotated into the eigenbasis
    public void Run_EigenbasisPowers_MatchStepByStepIteration(int dIn, int dOut, int n, double gamma)
    {
        var setup = new LinearTeacherStudentSetup(dIn, dOut, n, 0.05, gamma);
        var fast = LinearTeacherStudentSimulation.Run(setup, Steps, 1e-2, 50, 7);
        var slow = LinearTeacherStudentSimulation.RunIterated(setup, Steps, 1e-2, 50, 7);
        for (int i = 0; i < Steps.Length; i++)
        {
            NumericAssert.Close(slow.TrainLoss[i], fast.TrainLoss[i], 1e-9, $"L_tr at {Steps[i]}");
            NumericAssert.Close(slow.GeneralizationLoss[i], fast.GeneralizationLoss[i], 1e-9, $"L_gen at {Steps[i]}");
            Assert.Equal(slow.TrainAccuracy[i], fast.TrainAccuracy[i]);
            Assert.Equal(slow.TestAccuracy[i], fast.TestAccuracy[i]);
        }
    }

    [Fact]
    public void Run_SameSeed_SameNumbers()
    {
        var setup = LinearTeacherStudentSetup.FromAspectRatio(40, 0.5);
        var a = LinearTeacherStudentSimulation.Run(setup, Steps, 1e-3, 20, 3);
        var b = LinearTeacherStudentSimulation.Run(setup, Steps, 1e-3, 20, 3);
        Assert.Equal(a.GeneralizationLoss, b.GeneralizationLoss);
        Assert.Equal(a.TestAccuracy, b.TestAccuracy);
    }

    [Fact]
    public void Run_ModerateSize_FollowsTheMarchenkoPasturTheory()
    {
        // d_in = 300 differs from the MP limit by O(d^(−1/2)) fluctuations; average 3 seeds. Only the bulk-dominated
        // early times are compared: late times are set by the sample's smallest eigenvalues, which fluctuate more.
        var setup = LinearTeacherStudentSetup.FromAspectRatio(300, 0.5);
        var theory = setup.Theory();
        double[] steps = { 0, 10, 30, 100 };
        var mean = new double[steps.Length];
        for (int s = 0; s < 3; s++)
        {
            var run = LinearTeacherStudentSimulation.Run(setup, steps, 1e-3, 10, 100 + s);
            for (int i = 0; i < steps.Length; i++)
                mean[i] += run.GeneralizationLoss[i] / 3;
        }
        for (int i = 0; i < steps.Length; i++)
            NumericAssert.Close(theory.GeneralizationLoss(steps[i]), mean[i], 0.1, $"L_gen at {steps[i]}");
    }

    [Fact]
    public void Run_AboveOne_GeneralizationPlateausNearOneMinusInverseLambda()
    {
        var setup = LinearTeacherStudentSetup.FromAspectRatio(300, 2.0);
        var run = LinearTeacherStudentSimulation.Run(setup, new double[] { 1e7 }, 1e-3, 10, 5);
        NumericAssert.Close(0.5, run.GeneralizationLoss[0], 0.15);
        Assert.True(run.TrainLoss[0] < 1e-12);
        Assert.True(run.SmallestEigenvalue < 1e-10);
    }

    [Fact]
    public void LogSpacedSteps_StartsAtZeroAndIsAscending()
    {
        var steps = LinearTeacherStudentSimulation.LogSpacedSteps(1e4, 20);
        Assert.Equal(0, steps[0]);
        Assert.Equal(1e4, steps[^1]);
        for (int i = 1; i < steps.Length; i++)
            Assert.True(steps[i] > steps[i - 1]);
    }

    [Fact]
    public void Setup_BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearTeacherStudentSetup(0, 1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearTeacherStudentSetup(10, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearTeacherStudentSetup(10, 1, -5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearTeacherStudentSetup(10, 1, 10, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearTeacherStudentSetup(10, 1, 10, 0.01, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearTeacherStudentSetup(10, 1, 10, 0.01, 0, double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentSetup.FromAspectRatio(10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentSetup.FromAspectRatio(10, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentSetup.FromAspectRatio(10, 20));
    }

    [Fact]
    public void Run_BadInput_Throws()
    {
        var setup = new LinearTeacherStudentSetup(10, 1, 20);
        Assert.Throws<ArgumentNullException>(() => LinearTeacherStudentSimulation.Run(null!, Steps, 1e-3, 10, 1));
        Assert.Throws<ArgumentException>(() => LinearTeacherStudentSimulation.Run(setup, Array.Empty<double>(), 1e-3, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentSimulation.Run(setup, new[] { -1.0 }, 1e-3, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentSimulation.Run(setup, new[] { 1.5 }, 1e-3, 10, 1));
        Assert.Throws<ArgumentException>(() => LinearTeacherStudentSimulation.Run(setup, new[] { double.NaN }, 1e-3, 10, 1));
        Assert.Throws<ArgumentException>(() => LinearTeacherStudentSimulation.Run(setup, new[] { 5.0, 2.0 }, 1e-3, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentSimulation.Run(setup, Steps, 0, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentSimulation.Run(setup, Steps, 1e-3, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentSimulation.LogSpacedSteps(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentSimulation.LogSpacedSteps(100, 1));
    }

    [Fact]
    public void Run_UnstableLearningRate_ThrowsNamingTheRate()
    {
        var setup = new LinearTeacherStudentSetup(10, 1, 20, learningRate: 5);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentSimulation.Run(setup, Steps, 1e-3, 10, 1));
        Assert.Contains("learningRate", ex.Message);
    }

    [Fact]
    public void RunIterated_BadInput_Throws()
    {
        var setup = new LinearTeacherStudentSetup(10, 1, 20);
        Assert.Throws<ArgumentNullException>(() => LinearTeacherStudentSimulation.RunIterated(null!, Steps, 1e-3, 10, 1));
        Assert.Throws<ArgumentException>(() => LinearTeacherStudentSimulation.RunIterated(setup, new[] { 3.0, 1.0 }, 1e-3, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentSimulation.RunIterated(setup, Steps, double.NaN, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentSimulation.RunIterated(setup, Steps, 1e-3, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentSimulation.RunIterated(new LinearTeacherStudentSetup(10, 1, 20, 5), Steps, 1e-3, 10, 1));
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(3, 0.0)]
    [InlineData(3, 0.02)]
    public void Run_StepsInBlocks_SameAsEachStepOnItsOwn(int dOut, double gamma)
    {
        // More recorded steps than one block holds (256 / d_out per block), inputs not rotated (m·d_out ≤ N + M in
        // both forms): the blocked error products must give each step the losses and accuracies it gets alone.
        var setup = new LinearTeacherStudentSetup(30, dOut, 500, 0.05, gamma);
        int m = dOut == 1 ? 300 : 200;
        var steps = Enumerable.Range(0, m).Select(i => (double)(i * i / 4)).ToArray();
        Assert.True(steps.Length * dOut <= 500 + 200 && steps.Length > LinearTeacherStudentSimulation.BlockColumns / dOut);
        var blocked = LinearTeacherStudentSimulation.Run(setup, steps, 2e-3, 200, 17);
        for (int s = 0; s < steps.Length; s += 7)
        {
            var alone = LinearTeacherStudentSimulation.Run(setup, new[] { steps[s] }, 2e-3, 200, 17);
            Assert.Equal(BitConverter.DoubleToInt64Bits(alone.TrainLoss[0]), BitConverter.DoubleToInt64Bits(blocked.TrainLoss[s]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(alone.GeneralizationLoss[0]), BitConverter.DoubleToInt64Bits(blocked.GeneralizationLoss[s]));
            Assert.Equal(alone.TrainAccuracy[0], blocked.TrainAccuracy[s]);
            Assert.Equal(alone.TestAccuracy[0], blocked.TestAccuracy[s]);
        }
        Assert.Contains(blocked.TestAccuracy, a => a > 0 && a < 1);   // the accuracies pass through the informative range
    }
}
