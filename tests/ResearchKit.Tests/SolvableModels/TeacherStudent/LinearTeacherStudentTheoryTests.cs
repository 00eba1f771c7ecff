using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class LinearTeacherStudentTheoryTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.9)]
    [InlineData(1.5)]
    public void Losses_AtTimeZero_AreOne(double lambda)
    {
        var th = new LinearTeacherStudentTheory(lambda, 0.01);
        NumericAssert.Close(1.0, th.TrainLoss(0), 1e-12);
        NumericAssert.Close(1.0, th.GeneralizationLoss(0), 1e-12);
    }

    [Theory]
    [InlineData(0.1, 50.0)]
    [InlineData(0.9, 3e3)]
    [InlineData(0.9, 1e6)]
    [InlineData(1.0, 1e5)]
    [InlineData(1.5, 400.0)]
    [InlineData(3.0, 1e4)]
    public void TrainLoss_Quadrature_MatchesClosedFormEq9(double lambda, double t)
    {
        var th = new LinearTeacherStudentTheory(lambda, 0.01);
        NumericAssert.Close(th.TrainLossClosedForm(t), th.TrainLoss(t), 1e-10);
    }

    [Theory]
    [InlineData(0.1, 30.0)]
    [InlineData(0.9, 10.0)]
    [InlineData(0.9, 2e4)]
    [InlineData(1.5, 500.0)]
    public void GeneralizationLoss_Derivative_IsMinusFourEtaTrainLoss(double lambda, double t)
    {
        // Eq. 21: dL_gen/dt = −4η₀ L_tr, checked by a central difference (error O(h²) ≪ tolerance).
        var th = new LinearTeacherStudentTheory(lambda, 0.01);
        double h = 1e-2 * Math.Max(1, t * 1e-3);
        double derivative = (th.GeneralizationLoss(t + h) - th.GeneralizationLoss(t - h)) / (2 * h);
        NumericAssert.Close(-4 * 0.01 * th.TrainLoss(t), derivative, 1e-6);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(2.0)]
    [InlineData(5.0)]
    public void GeneralizationLoss_LateTimeAboveOne_TendsToOneMinusInverseLambda(double lambda)
    {
        var th = new LinearTeacherStudentTheory(lambda, 0.01);
        NumericAssert.Close(1 - 1 / lambda, th.GeneralizationLoss(1e8), 1e-10);
        NumericAssert.Close(1 - 1 / lambda, th.PlateauGeneralizationLoss, 1e-15);
    }

    [Fact]
    public void AsymptoticLosses_LateTime_ApproachQuadrature()
    {
        var th = new LinearTeacherStudentTheory(0.5, 0.01);
        double ratioMid = th.TrainLoss(1e4) / th.AsymptoticTrainLoss(1e4);
        double ratioLate = th.TrainLoss(1e5) / th.AsymptoticTrainLoss(1e5);
        NumericAssert.Close(1.0, ratioLate, 1e-2, "Eq. 11 train");
        Assert.True(Math.Abs(ratioLate - 1) < Math.Abs(ratioMid - 1), "the asymptote improves with time");
        NumericAssert.Close(1.0, th.GeneralizationLoss(1e5) / th.AsymptoticGeneralizationLoss(1e5), 2e-2, "Eq. 11 gen");
    }

    [Fact]
    public void WeightDecay_SmallGamma_PlateausMatchEq16()
    {
        var th = new LinearTeacherStudentTheory(0.5, 0.01, 1e-5);
        NumericAssert.Close(th.SmallDecayPlateauTrainLoss, th.PlateauTrainLoss, 1e-3);
        NumericAssert.Close(th.SmallDecayPlateauGeneralizationLoss, th.PlateauGeneralizationLoss, 1e-3);
        // The time-dependent integrals approach their plateaus.
        NumericAssert.Close(th.PlateauGeneralizationLoss, th.GeneralizationLoss(1e8), 1e-6);
    }

    [Fact]
    public void WeightDecay_ZeroTime_LossIsOne()
        => NumericAssert.Close(1.0, new LinearTeacherStudentTheory(0.9, 0.01, 1e-2).GeneralizationLoss(0), 1e-12);

    [Fact]
    public void WeightDecay_AboveOne_NullSpaceForgetsTheInitialisation()
    {
        // λ = 2, γ = 0.01: null directions relax to D = −T, so L_gen(∞) > (1 − 1/λ)·‖T‖² = 0.25 and never below ε.
        var th = new LinearTeacherStudentTheory(2.0, 0.01, 0.01);
        Assert.True(th.PlateauGeneralizationLoss > 0.25);
        Assert.True(double.IsPositiveInfinity(th.CrossingTimes(1e-3, maxTime: 1e7).GeneralizationCrossing));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.0)]
    public void InitScale_RescalesLossesByOnePlusAlphaSquaredOverTwo(double alpha)
    {
        var th = new LinearTeacherStudentTheory(0.9, 0.01, 0, alpha);
        var reference = new LinearTeacherStudentTheory(0.9, 0.01);
        NumericAssert.Close((1 + alpha * alpha) / 2 * reference.GeneralizationLoss(500), th.GeneralizationLoss(500), 1e-12);
    }

    [Fact]
    public void CrossingTimes_AtCrossing_AccuracyIsTheLevel()
    {
        var th = new LinearTeacherStudentTheory(0.9, 0.01);
        var times = th.CrossingTimes(1e-3);
        NumericAssert.Close(LossAccuracy.CrossingAccuracy, LossAccuracy.Accuracy(th.TrainLoss(times.TrainCrossing), 1e-3), 1e-8);
        NumericAssert.Close(LossAccuracy.CrossingAccuracy, LossAccuracy.Accuracy(th.GeneralizationLoss(times.GeneralizationCrossing), 1e-3), 1e-8);
        Assert.True(times.Gap > 0);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    public void Losses_ManyOutputs_ArePerOutput(int dOut)
    {
        var th = new LinearTeacherStudentTheory(0.9, 0.01 / dOut, outputDimension: dOut);
        var one = new LinearTeacherStudentTheory(0.9, 0.01 / dOut);
        NumericAssert.Close(1.0 / dOut, th.GeneralizationLoss(0), 1e-12);
        NumericAssert.Close(one.TrainLoss(700) / dOut, th.TrainLoss(700), 1e-12);
    }

    [Fact]
    public void GrokkingTime_OutputDimension_IsNonMonotone()
    {
        // Fig. 2: with η₀ = η/d_out and the per-output accuracy threshold, Δt rises with d_out, then falls once
        // d_out·ε approaches the initial loss.
        double Gap(int d) => new LinearTeacherStudentTheory(0.9, 0.01 / d, outputDimension: d).CrossingTimes(1e-3).Gap;
        double g1 = Gap(1), g30 = Gap(30), g700 = Gap(700);
        Assert.True(g30 > g1 && g30 > g700, $"Δt(1) = {g1}, Δt(30) = {g30}, Δt(700) = {g700}");
    }

    [Fact]
    public void CrossingTimes_AboveOne_GeneralizationNeverCrosses()
        => Assert.True(double.IsPositiveInfinity(new LinearTeacherStudentTheory(1.5, 0.01).CrossingTimes(1e-3).GeneralizationCrossing));

    [Fact]
    public void GrokkingTime_GrowsTowardsLambdaOne()
    {
        double g5 = new LinearTeacherStudentTheory(0.5, 0.01).CrossingTimes(1e-3).Gap;
        double g9 = new LinearTeacherStudentTheory(0.9, 0.01).CrossingTimes(1e-3).Gap;
        double g99 = new LinearTeacherStudentTheory(0.99, 0.01).CrossingTimes(1e-3).Gap;
        Assert.True(g5 < g9 && g9 < g99);
    }

    [Fact]
    public void LeadingOrderGrokkingTime_KnownValue()
    {
        // λ = 0.25: √λ = ½, log 2 / (2·0.01·¼) = 100 log 2·2 = 138.629…
        NumericAssert.Close(Math.Log(2) / (2 * 0.01 * 0.25), LinearTeacherStudentTheory.LeadingOrderGrokkingTime(0.25, 0.01), 1e-14);
    }

    [Fact]
    public void TwoLayerEquivalentRate_KnownValue()
        => NumericAssert.Close(0.01 / 50, LinearTeacherStudentTheory.TwoLayerEquivalentRate(0.01, 5), 1e-15);

    [Fact]
    public void Constructor_BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearTeacherStudentTheory(double.NaN, 0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearTeacherStudentTheory(0, 0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearTeacherStudentTheory(0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearTeacherStudentTheory(0.5, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearTeacherStudentTheory(0.5, 0.01, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearTeacherStudentTheory(0.5, 0.01, 0, double.NaN));
    }

    [Fact]
    public void Methods_BadInput_Throw()
    {
        var th = new LinearTeacherStudentTheory(0.5, 0.01);
        Assert.Throws<ArgumentOutOfRangeException>(() => th.TrainLoss(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => th.GeneralizationLoss(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => th.AsymptoticTrainLoss(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearTeacherStudentTheory(1.5, 0.01).AsymptoticTrainLoss(10));
        Assert.Throws<InvalidOperationException>(() => new LinearTeacherStudentTheory(0.5, 0.01, 0.1).TrainLossClosedForm(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => th.CrossingTimes(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => th.CrossingTimes(1e-3, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => th.CrossingTimes(1e-3, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearTeacherStudentTheory(0.5, 0.01, 0, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentTheory.LeadingOrderGrokkingTime(1.0, 0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentTheory.LeadingOrderGrokkingTime(0.5, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentTheory.TwoLayerEquivalentRate(0.01, 0));
    }

    [Fact]
    public void Plateaus_OutOfRange_Throw()
    {
        var above = new LinearTeacherStudentTheory(1.5, 0.01, 1e-3);
        Assert.Throws<ArgumentOutOfRangeException>(() => above.SmallDecayPlateauTrainLoss);
        Assert.Throws<ArgumentOutOfRangeException>(() => above.SmallDecayPlateauGeneralizationLoss);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearTeacherStudentTheory(0.5, 0.01).CrossingTimes(1e-3, maxTime: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentTheory.TwoLayerEquivalentRate(-0.01, 2));
    }

    [Theory]
    [InlineData(0.1, 0.01)]
    [InlineData(0.9, 0.05)]
    [InlineData(1.5, 0.02)]
    public void GradientDescentLosses_OneStep_MatchMarchenkoPasturMoments(double lambda, double eta)
    {
        // (1 − 2ην)² expanded with the MP moments E ν = 1, E ν² = 1 + λ, E ν³ = 1 + 3λ + λ² (atom at 0 included).
        var th = new LinearTeacherStudentTheory(lambda, eta);
        NumericAssert.Close(1 - 4 * eta + 4 * eta * eta * (1 + lambda), th.GradientDescentGeneralizationLoss(1), 1e-10);
        NumericAssert.Close(1 - 4 * eta * (1 + lambda) + 4 * eta * eta * (1 + 3 * lambda + lambda * lambda), th.GradientDescentTrainLoss(1), 1e-10);
    }

    [Fact]
    public void GradientDescentLosses_SmallRate_ApproachGradientFlow()
    {
        var th = new LinearTeacherStudentTheory(0.5, 1e-5);
        NumericAssert.Close(th.TrainLoss(2e5), th.GradientDescentTrainLoss(2e5), 1e-4);
        NumericAssert.Close(th.GeneralizationLoss(2e5), th.GradientDescentGeneralizationLoss(2e5), 1e-4);
    }

    [Fact]
    public void GradientDescentCrossingTimes_AreEarlierThanGradientFlow()
    {
        // Each GD step contracts by (1 − 2η₀ν)² < e^(−4η₀ν), so GD reaches every loss level first.
        var th = new LinearTeacherStudentTheory(0.1, 0.01);
        var gd = th.GradientDescentCrossingTimes(1e-3);
        var flow = th.CrossingTimes(1e-3);
        Assert.True(gd.TrainCrossing < flow.TrainCrossing && gd.GeneralizationCrossing < flow.GeneralizationCrossing);
    }

    [Fact]
    public void GradientDescent_BadInput_Throws()
    {
        var th = new LinearTeacherStudentTheory(0.5, 0.01);
        Assert.Throws<ArgumentOutOfRangeException>(() => th.GradientDescentTrainLoss(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => th.GradientDescentGeneralizationLoss(double.NaN));
        Assert.Throws<InvalidOperationException>(() => new LinearTeacherStudentTheory(0.5, 0.01, 1e-3).GradientDescentTrainLoss(10));
        Assert.Throws<InvalidOperationException>(() => new LinearTeacherStudentTheory(0.5, 0.5).GradientDescentCrossingTimes(1e-3));
    }

    [Theory]
    [InlineData(1.003, 3e5)]
    [InlineData(1.05, 2e5)]
    [InlineData(0.5, 300)]
    public void LateTimeGeneralizationLoss_Derivative_IsMinusFourEtaLateTimeTrainLoss(double lambda, double t)
    {
        // Eq. 21 for the late-time pair: d/dt L_gen = −4η₀ L_tr.
        const double eta = 0.01;
        double h = 1e-4 * t;
        double d = (LinearTeacherStudentTheory.LateTimeGeneralizationLoss(lambda, eta, t + h) - LinearTeacherStudentTheory.LateTimeGeneralizationLoss(lambda, eta, t - h)) / (2 * h);
        NumericAssert.Close(-4 * eta * LinearTeacherStudentTheory.LateTimeTrainLoss(lambda, eta, t), d, 1e-6);
    }

    [Fact]
    public void LateTimeLosses_BelowOne_MatchEq11Asymptotes()
    {
        var th = new LinearTeacherStudentTheory(0.5, 0.01);
        double t = 3e5;   // x = 4(1 − √λ)²η₀t ≈ 1030: the integral's correction 1 − 3/(2x) is 0.15 %
        NumericAssert.Close(th.AsymptoticTrainLoss(t), LinearTeacherStudentTheory.LateTimeTrainLoss(0.5, 0.01, t), 1e-12);
        NumericAssert.Close(th.AsymptoticGeneralizationLoss(t), LinearTeacherStudentTheory.LateTimeGeneralizationLoss(0.5, 0.01, t), 3e-3);
    }

    [Fact]
    public void LateTimeLosses_BadInput_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentTheory.LateTimeTrainLoss(1.0, 0.01, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentTheory.LateTimeGeneralizationLoss(double.NaN, 0.01, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentTheory.LateTimeGeneralizationLoss(1.01, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentTheory.LateTimeTrainLoss(1.01, 0.01, 0));
    }
}
