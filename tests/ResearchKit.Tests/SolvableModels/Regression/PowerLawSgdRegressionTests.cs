using ResearchKit.ScalingLaws;
using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class PowerLawSgdRegressionTests
{
    private static readonly PowerLawSgdRegression Model = new(60, 1.5, 2.0, 0.5, 2, spectrumOffset: 3);

    [Fact]
    public void MeanOfRuns_MatchesTheExpectedLossRecursion()
    {
        // 400 runs of a cosine schedule: at each recorded step the run mean lies within 4 standard errors of E L.
        double eta = 0.3 * Model.StableRateBound();
        var schedule = LearningRateSchedule.Cosine(eta, 0.1 * eta, 400);
        int[] steps = [10, 50, 200, 400];
        var expected = Model.ExpectedLoss(schedule, steps).Losses;
        const int runs = 400;
        var values = new double[runs, steps.Length];
        for (int r = 0; r < runs; r++)
        {
            var c = Model.Simulate(schedule, steps, 1000 + r).Losses;
            for (int i = 0; i < steps.Length; i++) values[r, i] = c[i];
        }
        for (int i = 0; i < steps.Length; i++)
        {
            var v = Enumerable.Range(0, runs).Select(r => values[r, i]).ToArray();
            double mean = v.Average(), se = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (runs - 1) / runs);
            Assert.True(Math.Abs(mean - expected[i]) < 4 * se, $"step {steps[i]}: mean {mean}, expected {expected[i]}, se {se}");
        }
    }

    [Fact]
    public void Simulate_SameSeedSameCurve_AndMeanIndependentOfThreads()
    {
        var schedule = LearningRateSchedule.Constant(0.2 * Model.StableRateBound(), 100);
        int[] steps = [20, 100];
        Assert.Equal(Model.Simulate(schedule, steps, 5).Losses, Model.Simulate(schedule, steps, 5).Losses);
        Assert.NotEqual(Model.Simulate(schedule, steps, 5).Losses, Model.Simulate(schedule, steps, 6).Losses);
        Assert.Equal(Model.SimulateMean(schedule, steps, 6, 9, 1).Losses, Model.SimulateMean(schedule, steps, 6, 9, 4).Losses);
    }

    [Fact]
    public void ExpectedLoss_AtRateZero_StaysAtTheInitialLoss_AndAnnealingLowersTheFloor()
    {
        int[] steps = [1, 50];
        Assert.All(Model.ExpectedLoss(LearningRateSchedule.Constant(0, 50), steps).Losses, l => NumericAssert.Close(Model.InitialLoss, l, 1e-14));
        double eta = 0.5 * Model.StableRateBound();
        var constant = Model.ExpectedLoss(LearningRateSchedule.Constant(eta, 3000), [3000]).Losses[0];
        var annealed = Model.ExpectedLoss(LearningRateSchedule.WarmupStableDecay(eta, 0, 3000, 0.2), [3000]).Losses[0];
        Assert.True(annealed < constant);
        Assert.True(annealed > 0.5 * 0.25);     // above the noise floor σ²/2
    }

    [Fact]
    public void StableRateBound_SeparatesBoundedFromDivergingMeans()
    {
        double bound = Model.StableRateBound();
        int[] steps = [20000];
        Assert.True(Model.ExpectedLoss(LearningRateSchedule.Constant(0.95 * bound, 20000), steps).Losses[0] < 10);
        Assert.True(Model.ExpectedLoss(LearningRateSchedule.Constant(1.05 * bound, 20000), steps).Losses[0] > 1e3);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PowerLawSgdRegression(0, 1.5, 2, 0.5, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PowerLawSgdRegression(10, double.NaN, 2, 0.5, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PowerLawSgdRegression(10, 1.5, -2, 0.5, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PowerLawSgdRegression(10, 1.5, 2, -0.5, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PowerLawSgdRegression(10, 1.5, 2, 0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PowerLawSgdRegression(10, 1.5, 2, 0.5, 2, 0.5));
        var schedule = LearningRateSchedule.Constant(0.01, 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.Simulate(schedule, [11], 1));
        Assert.Throws<ArgumentException>(() => Model.Simulate(schedule, [5, 5], 1));
        Assert.Throws<ArgumentException>(() => Model.ExpectedLoss(schedule, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.SimulateMean(schedule, [5], 0, 1));
        Assert.Throws<ArithmeticException>(() => Model.Simulate(LearningRateSchedule.Constant(1e6, 50), [50], 1));
    }
}
