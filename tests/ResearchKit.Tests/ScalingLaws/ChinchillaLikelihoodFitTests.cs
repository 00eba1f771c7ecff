using MathNet.Numerics.Distributions;
using ResearchKit.Numerics;
using ResearchKit.ScalingLaws;

namespace ResearchKit.Tests.ScalingLaws;

public class ChinchillaLikelihoodFitTests
{
    private static readonly ChinchillaLaw Truth = new(1.8, 480, 2100, 0.35, 0.37);

    private static (LossObservations Data, double[] Noise) Synthetic(double noise, int seed)
    {
        var rng = new Random(seed);
        var n = new List<double>(); var d = new List<double>(); var l = new List<double>(); var z = new List<double>();
        for (int i = 0; i < 12; i++)
            for (int j = 0; j < 15; j++)
            {
                double pn = Math.Pow(10, 7.5 + 2.5 * i / 11), pd = Math.Pow(10, 9 + 2.5 * j / 14);
                double e = noise * Normal.Sample(rng, 0, 1);
                n.Add(pn); d.Add(pd); l.Add(Truth.Evaluate(pn, pd) * Math.Exp(e)); z.Add(e);
            }
        return (new LossObservations(n, d, l), z.ToArray());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-6.0)]
    [InlineData(-11.0)]
    public void Gradient_MatchesCentralDifferences(double logScale)
    {
        var (data, _) = Synthetic(0.02, 1);
        var objective = new HuberLikelihoodObjective(data);
        double[] x = [6.1, 7.5, 0.6, 0.34, 0.36, logScale];
        var g = new double[6];
        objective.Evaluate(x, g);
        for (int k = 0; k < 6; k++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(x[k]));
            var up = (double[])x.Clone(); up[k] += h;
            var dn = (double[])x.Clone(); dn[k] -= h;
            double numeric = (objective.Evaluate(up, Span<double>.Empty) - objective.Evaluate(dn, Span<double>.Empty)) / (2 * h);
            NumericAssert.Close(numeric, g[k], 1e-5 * Math.Max(1, Math.Abs(numeric)));
        }
    }

    [Fact]
    public void Normaliser_IsTheIntegralOfTheHuberDensity()
    {
        double delta = 0.7;   // a δ at which both arms matter
        double Huber(double u) => Math.Abs(u) <= delta ? 0.5 * u * u : delta * (Math.Abs(u) - 0.5 * delta);
        double inner = MathNet.Numerics.Integration.GaussLegendreRule.Integrate(u => Math.Exp(-Huber(u)), -delta, delta, 64);
        double tails = 2 * Math.Exp(-0.5 * delta * delta) / delta;   // ∫_δ^∞ e^{−δ(u − δ/2)} du, twice
        var (data, _) = Synthetic(0.01, 2);
        NumericAssert.Close(Math.Log(inner + tails), new HuberLikelihoodObjective(data, delta).LogNormaliser, 1e-10);
    }

    [Fact]
    public void Fit_RecoversAKnownLawAndTheScaleOfTheResiduals()
    {
        var (data, noise) = Synthetic(0.01, 3);
        var fit = ChinchillaLikelihoodFit.Fit(data);
        Assert.True(fit.HasLaw, fit.ToString());
        var law = fit.Law;
        Assert.InRange(law.ParameterExponent, Truth.ParameterExponent - 0.03, Truth.ParameterExponent + 0.03);
        Assert.InRange(law.DataExponent, Truth.DataExponent - 0.03, Truth.DataExponent + 0.03);
        Assert.InRange(law.IrreducibleLoss, Truth.IrreducibleLoss * 0.97, Truth.IrreducibleLoss * 1.03);
        // With s ≪ |residuals|/δ the likelihood is that of a Laplace law: ŝ = δ·mean|r̂|, close to δ·mean|noise|.
        double meanAbs = noise.Average(Math.Abs);
        Assert.InRange(Math.Exp(fit.LogScale), 0.8e-3 * meanAbs, 1.2e-3 * meanAbs);
        // The reported log-likelihood is the objective's at the reported point.
        var objective = new HuberLikelihoodObjective(data);
        NumericAssert.Close(-objective.Value(fit.Theta, fit.LogScale), fit.LogLikelihood, 1e-9 * Math.Abs(fit.LogLikelihood));
        Assert.Equal(data.Count, fit.Observations);
    }

    [Fact]
    public void ProfileLogScale_ZeroesTheScaleScore_AndTheProfiledStartReachesTheSameOptimum()
    {
        var (data, _) = Synthetic(0.01, 6);
        var objective = new HuberLikelihoodObjective(data);
        var theta = Truth.LogParameters;
        double sigma = ChinchillaLikelihoodFit.ProfileLogScale(objective, theta);
        var g = new double[6];
        objective.Evaluate(theta.ToArray().Append(sigma).ToArray(), g);
        Assert.InRange(g[5], -1e-6, 1e-6);
        // σ at the profile optimum maximises ℓ along σ.
        Assert.True(objective.Value(theta, sigma) < objective.Value(theta, sigma + 0.05));
        Assert.True(objective.Value(theta, sigma) < objective.Value(theta, sigma - 0.05));
        var a = ChinchillaLikelihoodFit.Fit(data);
        var b = ChinchillaLikelihoodFit.Fit(data, profileStartScale: true);
        Assert.True(b.IsConverged, b.ToString());
        NumericAssert.Close(a.LogLikelihood, b.LogLikelihood, 1e-6 * Math.Abs(a.LogLikelihood));
        NumericAssert.Close(a.Theta.ParameterExponent, b.Theta.ParameterExponent, 1e-4);
    }

    [Fact]
    public void ExactData_DriveTheScaleOff_AndTheFitDoesNotReportConverged()
    {
        // Noise-free losses: the likelihood grows without bound as s → 0, so σ runs off and the result must say so.
        var (data, _) = Synthetic(0.0, 4);
        var fit = ChinchillaLikelihoodFit.Fit(data, Truth.LogParameters, 0, options: new QuasiNewtonOptions(QuasiNewtonMethod.Bfgs, DivergenceBound: 30));
        Assert.False(fit.IsConverged);
        Assert.NotEqual(QuasiNewtonExit.Converged, fit.Exit);
    }

    [Fact]
    public void BadInput_Throws()
    {
        var (data, _) = Synthetic(0.01, 5);
        Assert.Throws<ArgumentNullException>(() => new HuberLikelihoodObjective(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HuberLikelihoodObjective(data, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HuberLikelihoodObjective(data, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HuberLikelihoodObjective(data).Value(Truth.LogParameters, double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChinchillaLikelihoodFit.Fit(data, startLogScale: double.NaN));
        Assert.Throws<ArgumentException>(() => ChinchillaLikelihoodFit.Fit(data, new ChinchillaLogParameters(double.NaN, 1, 1, 0.3, 0.3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChinchillaLikelihoodFit.Fit(data, delta: -1));
    }
}
