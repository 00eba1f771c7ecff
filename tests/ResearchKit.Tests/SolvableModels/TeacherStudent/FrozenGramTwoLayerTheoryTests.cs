using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class FrozenGramTwoLayerTheoryTests
{
    private const double Level = 0.9544997361036416; // erf(√2)

    [Fact]
    public void EqualGramEigenvalues_ReduceToEq19()
    {
        // gⱼ = 1/(2 d_out) for every j is exactly the paper's h₀ = ½ approximation.
        double[] g = Enumerable.Repeat(0.1, 5).ToArray();
        var frozen = new FrozenGramTwoLayerTheory(0.5, 0.5, g, 0.01, 40_000, new Random(1));
        var eq19 = new TwoLayerLinearTheory(0.5, 0.5, 5, 0.01);
        foreach (double t in new[] { 0.0, 30, 300, 3000 })
        {
            NumericAssert.Close(eq19.TrainLoss(t), frozen.TrainLoss(t), 1e-12, $"L_tr({t})");
            NumericAssert.Close(eq19.GeneralizationLoss(t), frozen.GeneralizationLoss(t), 1e-12, $"L_gen({t})");
        }
        // The accuracy is the χ²₅ law of Eq. 13, here by 40 000 draws: crossing times agree to Monte Carlo precision.
        var a = eq19.CrossingTimes(1e-4);
        var b = frozen.CrossingTimes(1e-4, Level);
        NumericAssert.Close(a.TrainCrossing, b.TrainCrossing, 0.02, "t*_tr");
        NumericAssert.Close(a.GeneralizationCrossing, b.GeneralizationCrossing, 0.02, "t*_gen");
    }

    [Fact]
    public void SpreadGramEigenvalues_WithTheSameMean_DelayTheTestJump()
    {
        // Slow directions dominate the late decay (Jensen): a spread about the same mean delays t*_gen.
        var equal = new FrozenGramTwoLayerTheory(0.5, 0.5, [0.1, 0.1, 0.1, 0.1, 0.1], 0.01, 20_000, new Random(2));
        var spread = new FrozenGramTwoLayerTheory(0.5, 0.5, [0.04, 0.07, 0.1, 0.13, 0.16], 0.01, 20_000, new Random(2));
        Assert.True(spread.CrossingTimes(1e-4, Level).GeneralizationCrossing > 1.1 * equal.CrossingTimes(1e-4, Level).GeneralizationCrossing);
    }

    [Fact]
    public void NarrowNetwork_SimulatedJumpsLieBetweenEq19AndTheFrozenGramPrediction()
    {
        // 200–50–5 linear networks, λ = 0.5, η = 0.5, 4 seeds: Eq. 19 (mean Gram) predicts the jump too early, the
        // initial Gram frozen for ever too late (the second layer adapts during training), on average over seeds.
        var setup = TwoLayerTeacherStudentSetup.FromAspectRatio(200, 50, 5, 0.5, HiddenActivation.Linear, 0.5);
        var steps = LinearTeacherStudentSimulation.LogSpacedSteps(1000, 40).Skip(1).ToArray();
        double overEq19 = 0, overFrozen = 0;
        for (int seed = 100; seed < 104; seed++)
        {
            var run = TwoLayerTeacherStudentSimulation.Run(setup, steps, 1e-4, 2000, seed);
            double sim = run.CrossingTimes(Level).GeneralizationCrossing;
            overEq19 += sim / setup.Theory(run.InitialResidualNorm).CrossingTimes(1e-4).GeneralizationCrossing / 4;
            overFrozen += sim / new FrozenGramTwoLayerTheory(0.5, 0.5, run.SecondLayerGramEigenvalues, run.InitialResidualNorm, 20_000, new Random(3))
                .CrossingTimes(1e-4, Level).GeneralizationCrossing / 4;
        }
        Assert.True(overEq19 > 1 && overFrozen < 1, $"mean sim/Eq. 19 = {overEq19:F3}, mean sim/frozen = {overFrozen:F3}");
    }

    [Fact]
    public void BadInput_Throws_NamingTheParameter()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrozenGramTwoLayerTheory(0, 0.5, [0.1], 0.01, 100, new Random(1)));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FrozenGramTwoLayerTheory(0.5, 0.5, [0.1, -0.2], 0.01, 100, new Random(1)));
        Assert.Contains("gramEigenvalues[1]", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrozenGramTwoLayerTheory(0.5, 0.5, [0.1, double.NaN], 0.01, 100, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrozenGramTwoLayerTheory(0.5, 100, [0.1], 0.01, 100, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrozenGramTwoLayerTheory(0.5, 0.5, [0.1], 0.01, 10, new Random(1)));
        Assert.Throws<ArgumentException>(() => new FrozenGramTwoLayerTheory(0.5, 0.5, [], 0.01, 100, new Random(1)));
        var theory = new FrozenGramTwoLayerTheory(0.5, 0.5, [0.1], 0.01, 100, new Random(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => theory.CrossingTimes(1e-4, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => theory.Accuracy(-1, 1e-4, train: false));
    }
}
