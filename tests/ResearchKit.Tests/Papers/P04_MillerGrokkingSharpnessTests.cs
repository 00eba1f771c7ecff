using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.Papers;

/// <summary>Paper-level trend of Miller et al. (arXiv 2402.08946) on the linear model (notebook 04).</summary>
public class P04_MillerGrokkingSharpnessTests
{
    private static GrokkingSharpness MeasureExact(double lambda)
    {
        var th = new LinearTeacherStudentTheory(lambda, 0.01);
        var cross = th.CrossingTimes(1e-3);
        var tTr = LinearTeacherStudentSimulation.LogSpacedSteps(3 * cross.TrainCrossing, 100);
        var tGen = LinearTeacherStudentSimulation.LogSpacedSteps(3 * cross.GeneralizationCrossing, 100);
        return GrokkingSharpness.Measure(
            tTr, tTr.Select(t => LossAccuracy.Accuracy(th.TrainLoss(t), 1e-3)).ToArray(),
            tGen, tGen.Select(t => LossAccuracy.Accuracy(th.GeneralizationLoss(t), 1e-3)).ToArray());
    }

    [Fact]
    public void LinearModel_LargerRelativeGap_SmallerSharpness()
    {
        var m = new[] { 0.2, 0.4, 0.6 }.Select(MeasureExact).ToArray();
        for (int i = 1; i < m.Length; i++)
        {
            Assert.True(m[i].RelativeGap > m[i - 1].RelativeGap);
            Assert.True(m[i].AbsoluteSharpness < m[i - 1].AbsoluteSharpness);
            Assert.True(m[i].RelativeSharpness < m[i - 1].RelativeSharpness);
        }
    }
}
