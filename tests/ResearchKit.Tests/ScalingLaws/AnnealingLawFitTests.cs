using MathNet.Numerics.Distributions;
using ResearchKit.Numerics;
using ResearchKit.ScalingLaws;

namespace ResearchKit.Tests.ScalingLaws;

public class AnnealingLawFitTests
{
    // The authors' set-up: η_max = 2e-4, 20 000 steps after a 500-step warm-up, cosine to 0 and constant; points every 250 steps.
    private static readonly AnnealingLaw Truth = new(2.2, 0.45, 0.55, 0.6);

    private static LearningRateSchedule CosineSchedule() => LearningRateSchedule.Cosine(2e-4, 0, 19500).WithLinearWarmup(500);

    private static LearningRateSchedule ConstantSchedule() => LearningRateSchedule.Constant(2e-4, 19500).WithLinearWarmup(500);

    private static AnnealingCurve Curve(string name, LearningRateSchedule schedule, double sigma, Random? rng)
    {
        int[] steps = Enumerable.Range(4, 77).Select(i => 250 * i).ToArray();
        var all = Truth.Evaluate(schedule);
        var losses = steps.Select(s => all[s - 1] * (rng is null ? 1 : Math.Exp(sigma * Normal.Sample(rng, 0, 1)))).ToArray();
        return new AnnealingCurve(name, schedule, steps, losses);
    }

    [Fact]
    public void Fit_NoiselessCosineAndConstant_RecoversTheLaw()
    {
        var fit = AnnealingLawFit.Fit([Curve("cosine", CosineSchedule(), 0, null), Curve("constant", ConstantSchedule(), 0, null)]);
        Assert.True(fit.IsConverged, fit.Exit.ToString());
        Assert.True(fit.HasLaw);
        NumericAssert.Close(Truth.IrreducibleLoss, fit.IrreducibleLoss, 1e-5);
        NumericAssert.Close(Truth.Coefficient, fit.Coefficient, 1e-4);
        NumericAssert.Close(Truth.Exponent, fit.Exponent, 1e-4);
        NumericAssert.Close(Truth.AnnealingCoefficient, fit.AnnealingCoefficient, 1e-4);
        Assert.Equal(154, fit.Observations);
        Assert.Equal(54, fit.Starts);
    }

    [Fact]
    public void Fit_NoisyCurves_StandardErrorsMatchTheSpreadOverSeeds()
    {
        // 30 noisy copies (σ = 2·10⁻³ on ln L): the spread of each estimate over seeds should match the mean reported SE
        // (Huber's asymptotic formula), and the estimates should centre on the truth within 4 standard errors of the mean.
        const int seeds = 30;
        var grid = AnnealingLawFit.Grid([2.0], [0.5], [0.5], [0.5]);
        var est = new double[seeds, 4];
        var se = new double[seeds, 4];
        for (int k = 0; k < seeds; k++)
        {
            var rng = new Random(100 + k);
            var fit = AnnealingLawFit.Fit([Curve("cosine", CosineSchedule(), 2e-3, rng), Curve("constant", ConstantSchedule(), 2e-3, rng)],
                new AnnealingLawFitOptions(Starts: grid));
            Assert.True(fit.IsConverged, fit.Exit.ToString());
            double[] e = [fit.IrreducibleLoss, fit.Coefficient, fit.Exponent, fit.AnnealingCoefficient];
            var s = fit.StandardErrors;
            double[] sv = [s.IrreducibleLoss, s.Coefficient, s.Exponent, s.AnnealingCoefficient];
            for (int p = 0; p < 4; p++) { est[k, p] = e[p]; se[k, p] = sv[p]; }
        }
        double[] truth = [Truth.IrreducibleLoss, Truth.Coefficient, Truth.Exponent, Truth.AnnealingCoefficient];
        for (int p = 0; p < 4; p++)
        {
            var values = Enumerable.Range(0, seeds).Select(k => est[k, p]).ToArray();
            double mean = values.Average();
            double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (seeds - 1));
            double meanSe = Enumerable.Range(0, seeds).Average(k => se[k, p]);
            Assert.InRange(sd / meanSe, 0.6, 1.6);
            Assert.True(Math.Abs(mean - truth[p]) < 4 * sd / Math.Sqrt(seeds), $"parameter {p}: mean {mean}, truth {truth[p]}, sd {sd}");
        }
    }

    [Fact]
    public void Fit_ConstantScheduleAlone_CannotIdentifyC_StandardErrorsAreNaN()
    {
        var fit = AnnealingLawFit.Fit([Curve("constant", ConstantSchedule(), 0, null)]);
        Assert.True(double.IsNaN(fit.StandardErrors.AnnealingCoefficient));
        Assert.True(double.IsNaN(fit.StandardErrors.Exponent));
    }

    [Fact]
    public void Fit_ParameterBeyondTheBound_ReportsRanOffNotConverged()
    {
        // L₀ = 2.2 cannot be reached inside |x| ≤ 1: every run runs off; the result must say so.
        var options = new AnnealingLawFitOptions(Starts: AnnealingLawFit.Grid([0.5], [0.5], [0.5], [0.5]),
            Optimizer: new QuasiNewtonOptions(DivergenceBound: 1.0));
        var fit = AnnealingLawFit.Fit([Curve("cosine", CosineSchedule(), 0, null)], options);
        Assert.False(fit.IsConverged);
        Assert.Equal(QuasiNewtonExit.ParameterDiverged, fit.Exit);
        Assert.Equal(-1, fit.StartIndex);
        Assert.Equal(0, fit.ConvergedStarts);
    }

    [Fact]
    public void Fit_RisingLoss_HasNoLawOfThePapersForm()
    {
        // L = 2 + 0.05·S₁^0.3 rises with S₁: the unconstrained fit finds α < 0 and says it is not the paper's law.
        var schedule = LearningRateSchedule.Constant(1e-3, 4000);
        int[] steps = Enumerable.Range(1, 40).Select(i => 100 * i).ToArray();
        var s1 = schedule.ForwardArea();
        var curve = new AnnealingCurve("rising", schedule, steps, steps.Select(s => 2 + 0.05 * Math.Pow(s1[s - 1], 0.3)).ToArray());
        var fit = AnnealingLawFit.Fit([curve], new AnnealingLawFitOptions(Starts: AnnealingLawFit.Grid([2.0], [0.05], [-0.2], [0])));
        Assert.True(fit.Exponent < 0);
        Assert.False(fit.HasLaw);
        Assert.Throws<InvalidOperationException>(() => fit.Law);
    }

    [Fact]
    public void Objective_GradientMatchesFiniteDifferences()
    {
        var rng = new Random(3);
        var objective = new AnnealingLawObjective([Curve("cosine", CosineSchedule(), 5e-3, rng)]);
        double[] theta = [2.0, Math.Log(0.5), 0.5, 0.4];
        objective.ValueAndGradient(theta, out var g);
        for (int p = 0; p < 4; p++)
        {
            double h = 1e-6;
            var up = theta.ToArray(); up[p] += h;
            var dn = theta.ToArray(); dn[p] -= h;
            double fd = (objective.Value(up) - objective.Value(dn)) / (2 * h);
            NumericAssert.Close(fd, g[p], 1e-5, $"∂/∂θ[{p}]");
        }
    }

    [Fact]
    public void Objective_PredictionBelowZero_StaysFinite()
    {
        var objective = new AnnealingLawObjective([Curve("cosine", CosineSchedule(), 0, null)]);
        double v = objective.ValueAndGradient([-5.0, 0.0, 0.5, 100.0], out var g);
        Assert.True(double.IsFinite(v));
        Assert.All(g, x => Assert.True(double.IsFinite(x)));
    }

    [Fact]
    public void Agreement_OfThePerfectFit_IsExact()
    {
        var curve = Curve("cosine", CosineSchedule(), 0, null);
        var fit = AnnealingLawFit.Fit([curve, Curve("constant", ConstantSchedule(), 0, null)]);
        var a = fit.Agreement(curve);
        Assert.True(a.MeanAbsoluteLogError < 1e-6);
        Assert.True(a.LogRSquared > 1 - 1e-9);
        NumericAssert.Close(Truth.Evaluate(CosineSchedule())[^1], fit.Predict(CosineSchedule())[^1], 1e-6);
    }

    [Fact]
    public void CurveAgreement_KnownValues()
    {
        var a = CurveAgreement.Of([1.0, Math.E], [Math.E, Math.E]);
        NumericAssert.Close(0.5, a.MeanAbsoluteLogError, 1e-15);
        NumericAssert.Close(Math.Sqrt(0.5), a.RootMeanSquareLogError, 1e-15);
        NumericAssert.Close(1 - 1 / 0.5, a.LogRSquared, 1e-12);     // SS_res = 1, SS_tot = 0.5
        NumericAssert.Close((Math.E - 1) / 2, a.MeanRelativeError, 1e-15);
        Assert.Throws<ArgumentException>(() => CurveAgreement.Of([1.0], [1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CurveAgreement.Of([1.0, 2.0], [1.0, -2.0]));
        Assert.Throws<ArgumentException>(() => CurveAgreement.Of([1.0, 2.0], [1.0]));
    }

    [Fact]
    public void BadInput_Throws()
    {
        var schedule = ConstantSchedule();
        Assert.Throws<ArgumentException>(() => AnnealingLawFit.Fit([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnnealingCurve("x", schedule, [0], [2.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnnealingCurve("x", schedule, [schedule.Steps + 1], [2.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnnealingCurve("x", schedule, [10], [-2.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnnealingCurve("x", schedule, [10], [double.NaN]));
        Assert.Throws<ArgumentException>(() => new AnnealingCurve("x", schedule, [10, 20], [2.0]));
        Assert.Throws<ArgumentException>(() => new AnnealingCurve("x", schedule, [], []));
        var zeroFirst = new AnnealingCurve("zero", new LearningRateSchedule([0.0, 0.0, 1e-3]), [1, 3], [3.0, 2.9]);
        var e = Assert.Throws<ArgumentException>(() => AnnealingLawFit.Fit([zeroFirst]));
        Assert.Contains("'zero'", e.Message);
        var curve = Curve("c", schedule, 0, null);
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnealingLawFit.Fit([curve], new AnnealingLawFitOptions(HuberDelta: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnealingLawFit.Fit([curve], new AnnealingLawFitOptions(Decay: 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnealingLawFit.Fit([curve], new AnnealingLawFitOptions(Decay: double.NaN)));
        Assert.Throws<ArgumentException>(() => AnnealingLawFit.Fit([curve], new AnnealingLawFitOptions(Starts: [])));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnealingLawFit.Fit([curve], new AnnealingLawFitOptions(Starts: [new AnnealingLawStart(2, 0, 0.5, 1)])));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnealingLawFit.Grid([2], [-1], [0.5], [1]));
        Assert.Throws<ArgumentException>(() => AnnealingLawFit.Grid([double.NaN], [1], [0.5], [1]));
        var objective = new AnnealingLawObjective([curve]);
        Assert.Throws<ArgumentException>(() => objective.Value([1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => objective.Value([1.0, 2.0, double.PositiveInfinity, 0]));
    }
}
