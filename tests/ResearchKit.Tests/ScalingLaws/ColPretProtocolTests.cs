using ResearchKit.ScalingLaws;

namespace ResearchKit.Tests.ScalingLaws;

public class ChinchillaLeastSquaresTests
{
    private static readonly ChinchillaLogParameters Truth = new(6.0, 7.0, 0.5, 0.34, 0.29);

    private static LossObservations Synthetic(double noise, int seed)
    {
        var rng = new Random(seed);
        var n = new List<double>(); var d = new List<double>(); var l = new List<double>();
        foreach (double size in new[] { 1e8, 3e8, 1e9, 3e9 })
            for (double t = 1e9; t <= 3e11; t *= 1.5)
            {
                double g = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                n.Add(size); d.Add(t);
                l.Add(ChinchillaLeastSquares.Evaluate(Truth.ToArray(), size, t) * (1 + noise * g));
            }
        return new LossObservations(n, d, l);
    }

    [Fact]
    public void NoiseFree_RecoversTheParameters()
    {
        var fit = ChinchillaLeastSquares.Fit(Synthetic(0, 1), ColPretProtocol.Start);
        Assert.Equal(LeastSquaresExit.Converged, fit.Exit);
        var t = Truth.ToArray();
        var p = fit.Theta.ToArray();
        for (int k = 0; k < 5; k++)
            Assert.True(Math.Abs(p[k] - t[k]) < 1e-3 * Math.Max(1, Math.Abs(t[k])), $"component {k}: {p[k]} vs {t[k]}");
        Assert.True(fit.ResidualSumOfSquares < 1e-12, $"RSS {fit.ResidualSumOfSquares}");
    }

    [Fact]
    public void FixedComponents_StayAtTheirStartAndTheRestFit()
    {
        var start = Truth with { LogDataCoefficient = 5, LogIrreducibleLoss = 0, DataExponent = 0.5 };
        var fit = ChinchillaLeastSquares.Fit(Synthetic(0, 1), start, ColPretProtocol.OneModelFixed);
        Assert.Equal(LeastSquaresExit.Converged, fit.Exit);
        Assert.Equal(3, fit.FreeParameters);
        Assert.Equal(Truth.LogParameterCoefficient, fit.Theta.LogParameterCoefficient);
        Assert.Equal(Truth.ParameterExponent, fit.Theta.ParameterExponent);
        Assert.True(Math.Abs(fit.Theta.DataExponent - Truth.DataExponent) < 1e-4, $"β = {fit.Theta.DataExponent}");
    }

    [Fact]
    public void ExponentsStayNonNegative_WhenTheDataWantNegative()
    {
        // Loss rising with D: the unconstrained optimum has β < 0; the bound keeps β ≥ 0.
        var obs = new LossObservations([1e9, 1e9, 1e9, 2e9, 2e9], [1e10, 2e10, 4e10, 1e10, 2e10], [2.0, 2.1, 2.2, 1.9, 2.0]);
        var fit = ChinchillaLeastSquares.Fit(obs, ColPretProtocol.Start);
        Assert.True(fit.Theta.DataExponent >= 0 && fit.Theta.ParameterExponent >= 0);
    }

    [Fact]
    public void TooFewPoints_IsReportedNotFitted()
    {
        var obs = new LossObservations([1e9, 2e9], [1e10, 1e10], [2.0, 1.9]);
        var fit = ChinchillaLeastSquares.Fit(obs, ColPretProtocol.Start);
        Assert.Equal(LeastSquaresExit.TooFewPoints, fit.Exit);
        Assert.False(fit.IsConverged);
    }

    [Fact]
    public void IterationLimit_IsNotConverged()
    {
        var fit = ChinchillaLeastSquares.Fit(Synthetic(0.01, 2), ColPretProtocol.Start, maxIterations: 1);
        Assert.NotEqual(LeastSquaresExit.Converged, fit.Exit);
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        var obs = Synthetic(0, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChinchillaLeastSquares.Fit(obs, ColPretProtocol.Start with { DataExponent = -0.1 }));
        Assert.Throws<ArgumentException>(() => ChinchillaLeastSquares.Fit(obs, ColPretProtocol.Start, [true, true, true, true, true]));
        Assert.Throws<ArgumentException>(() => ChinchillaLeastSquares.Fit(obs, ColPretProtocol.Start, [true, false]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChinchillaLeastSquares.Fit(obs, ColPretProtocol.Start, maxIterations: 0));
    }
}

public class ColPretProtocolTests
{
    private static LossTrajectory Model(string name, double n, double maxTokens, ChinchillaLogParameters truth)
    {
        var pts = new List<TrainingCheckpoint>();
        for (double t = 2e9; t <= maxTokens * 1.0000001; t *= 1.25)
            pts.Add(new TrainingCheckpoint(t, ChinchillaLeastSquares.Evaluate(truth.ToArray(), n, t), 0));
        return new LossTrajectory(name, n, pts);
    }

    private static TrajectoryFamily Family(ChinchillaLogParameters truth) => new("toy",
    [
        Model("s", 1e8, 1e11, truth), Model("m", 4e8, 2e11, truth), Model("l", 1.6e9, 3e11, truth), Model("xl", 6.4e9, 4e11, truth),
    ]);

    [Fact]
    public void AbsoluteRelativeError_IsTheMeanRelativeDistance()
    {
        Assert.Equal(0.15, ColPretProtocol.AbsoluteRelativeError([2.0, 4.0], [2.2, 3.2]), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => ColPretProtocol.AbsoluteRelativeError([0.0], [1.0]));
        Assert.Throws<ArgumentException>(() => ColPretProtocol.AbsoluteRelativeError([1.0, 2.0], [1.0]));
        Assert.Throws<ArgumentException>(() => ColPretProtocol.AbsoluteRelativeError([1.0], [double.NaN]));
    }

    [Fact]
    public void TrainingPoints_CutAtFractionOfTheLongestFittedRun_AndAboveTheMinimum()
    {
        var f = Family(new(6.0, 7.0, 0.5, 0.34, 0.29));
        var pts = ColPretProtocol.TrainingPoints(f.Models.Take(2).ToArray(), 0.5)!;
        double cut = 0.5 * f.Models[1].MaxTokens;   // longest fitted run is model "m"
        Assert.All(pts.Tokens, t => Assert.True(t > 1e10 && t < cut));
        int expected = f.Models.Take(2).Sum(m => m.Checkpoints.Count(c => c.Tokens > 1e10 && c.Tokens < cut));
        Assert.Equal(expected, pts.Count);
        var finals = ColPretProtocol.TrainingPoints(f.Models.Take(2).ToArray(), 1, selection: CheckpointSelection.FinalOnly)!;
        Assert.Equal(2, finals.Count);
        Assert.Null(ColPretProtocol.TrainingPoints(f.Models.Take(1).ToArray(), 0.1));   // 10^10 cut removes every point
    }

    [Fact]
    public void TestPoints_AreTheLast30PercentOfTheTarget()
    {
        var f = Family(new(6.0, 7.0, 0.5, 0.34, 0.29));
        var test = ColPretProtocol.TestPoints(f.Target);
        double from = 0.7 * f.Target.MaxTokens;
        Assert.All(test, c => Assert.True(c.Tokens >= from));
        Assert.Equal(f.Target.Checkpoints.Count(c => c.Tokens >= from), test.Count);
    }

    [Fact]
    public void LawFamily_IsPredictedExactly()
    {
        var f = Family(new(6.0, 7.0, 0.5, 0.34, 0.29));
        var p = ColPretProtocol.PredictLargest(f, 3, 1.0);
        Assert.True(p.HasPrediction, p.Fit.Exit.ToString());
        Assert.True(p.AbsoluteRelativeError < 1e-6, $"ARE {p.AbsoluteRelativeError}");
    }

    [Fact]
    public void Grid_CoversKFrom2AndEveryFraction_AndIsIndependentOfThreads()
    {
        var f = Family(new(6.0, 7.0, 0.5, 0.34, 0.29));
        var one = ColPretProtocol.Grid(f, maxDegreeOfParallelism: 1);
        var two = ColPretProtocol.Grid(f, maxDegreeOfParallelism: 2);
        Assert.Equal(2 * 10, one.Count);
        Assert.Equal(one.Select(c => (c.ModelCount, c.Fraction)), two.Select(c => (c.ModelCount, c.Fraction)));
        Assert.Equal(one.Select(c => c.AbsoluteRelativeError), two.Select(c => c.AbsoluteRelativeError));
    }

    [Fact]
    public void OneModel_FixesAAndAlpha()
    {
        var truth = ColPretProtocol.Start with { LogDataCoefficient = 7.2, LogIrreducibleLoss = 0.6, DataExponent = 0.33 };
        var f = Family(truth);
        var p = ColPretProtocol.PredictFromOneModel(f, 2, 1.0);
        Assert.True(p.HasPrediction);
        Assert.Equal(ColPretProtocol.Start.ParameterExponent, p.Fit.Theta.ParameterExponent);
        Assert.True(p.AbsoluteRelativeError < 1e-6, $"ARE {p.AbsoluteRelativeError}");
        Assert.Equal(4 * 10, ColPretProtocol.OneModelGrid(f).Count);
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        var f = Family(new(6.0, 7.0, 0.5, 0.34, 0.29));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColPretProtocol.PredictLargest(f, 4, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColPretProtocol.PredictLargest(f, 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColPretProtocol.PredictLargest(f, 2, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColPretProtocol.PredictLargest(f, 2, double.NaN));
        Assert.Throws<ArgumentException>(() => ColPretProtocol.PredictLargest(new TrajectoryFamily("one", [f.Target]), 1, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColPretProtocol.Grid(f, [0.5, 2.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LossTrajectory("x", -1, [new TrainingCheckpoint(1, 1, 0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LossTrajectory("x", 1, [new TrainingCheckpoint(double.NaN, 1, 0)]));
        Assert.Throws<ArgumentException>(() => new LossTrajectory("x", 1, []));
        Assert.Throws<ArgumentException>(() => new TrajectoryFamily("dup", [f.Target, f.Target]));
    }
}
