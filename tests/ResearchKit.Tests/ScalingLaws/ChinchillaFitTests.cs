using ResearchKit.Numerics;
using ResearchKit.ScalingLaws;

namespace ResearchKit.Tests.ScalingLaws;

public class ChinchillaFitTests
{
    private static readonly ChinchillaLaw Truth = new(1.8, 450, 1800, 0.34, 0.36);

    // 8 model sizes × 8 token counts on log grids, loss × e^{σz}, z ~ 𝒩(0, 1), seeded.
    private static LossObservations Synthetic(double sigma, int seed)
    {
        var rng = new Random(seed);
        var ns = new List<double>(); var ds = new List<double>(); var ls = new List<double>();
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 8; j++)
            {
                double n = Math.Pow(10, 7.5 + 2.5 * i / 7.0), d = Math.Pow(10, 9 + 2.5 * j / 7.0);
                ns.Add(n); ds.Add(d);
                ls.Add(Truth.Evaluate(n, d) * Math.Exp(sigma * MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1)));
            }
        return new LossObservations(ns, ds, ls);
    }

    private static StartGrid SmallGrid() => StartGrid.Product([0, 5, 10], [0, 5, 10], [0, 1], [0.2, 0.6], [0.2, 0.6]);

    [Fact]
    public void Fit_NoiselessData_RecoversTheLaw()
    {
        var fit = ChinchillaFit.Fit(Synthetic(0, 1), SmallGrid());
        Assert.True(fit.IsConverged);
        NumericAssert.Close(Truth.IrreducibleLoss, fit.Law.IrreducibleLoss, 1e-5);
        NumericAssert.Close(Truth.ParameterCoefficient, fit.Law.ParameterCoefficient, 1e-4);
        NumericAssert.Close(Truth.DataCoefficient, fit.Law.DataCoefficient, 1e-4);
        NumericAssert.Close(Truth.ParameterExponent, fit.Law.ParameterExponent, 1e-5);
        NumericAssert.Close(Truth.DataExponent, fit.Law.DataExponent, 1e-5);
    }

    [Fact]
    public void Fit_NoisyData_RecoversEachParameterWithinThreeBootstrapStandardErrors()
    {
        var data = Synthetic(0.01, 7);
        var fit = ChinchillaFit.Fit(data, SmallGrid());
        Assert.True(fit.IsConverged);
        var boot = ChinchillaBootstrap.Run(data, fit.Theta, StartGrid.Single(fit.Theta), 300, seed: 11);
        var se = boot.StandardErrors;
        var law = fit.Law;
        Assert.InRange(Math.Abs(law.IrreducibleLoss - Truth.IrreducibleLoss), 0, 3 * se.IrreducibleLoss);
        Assert.InRange(Math.Abs(law.ParameterCoefficient - Truth.ParameterCoefficient), 0, 3 * se.ParameterCoefficient);
        Assert.InRange(Math.Abs(law.DataCoefficient - Truth.DataCoefficient), 0, 3 * se.DataCoefficient);
        Assert.InRange(Math.Abs(law.ParameterExponent - Truth.ParameterExponent), 0, 3 * se.ParameterExponent);
        Assert.InRange(Math.Abs(law.DataExponent - Truth.DataExponent), 0, 3 * se.DataExponent);
        // The errors are real, not zero: the noise moves the estimates.
        Assert.True(se.ParameterExponent > 1e-4);
    }

    [Fact]
    public void Bootstrap_SameSeed_IdenticalAtAnyThreadCount()
    {
        var data = Synthetic(0.01, 5);
        var start = StartGrid.Single(Truth.LogParameters);
        var one = ChinchillaBootstrap.Run(data, Truth.LogParameters, start, 40, 3, new ChinchillaFitOptions(MaxDegreeOfParallelism: 1));
        var two = ChinchillaBootstrap.Run(data, Truth.LogParameters, start, 40, 3, new ChinchillaFitOptions(MaxDegreeOfParallelism: 2));
        Assert.Equal(one.AllRefits, two.AllRefits);
        var other = ChinchillaBootstrap.Run(data, Truth.LogParameters, start, 40, 4);
        Assert.NotEqual(one.AllRefits, other.AllRefits);
    }

    [Fact]
    public void Band_EqualExponentDraws_AreFlatInCompute_AndSeeded()
    {
        var data = Synthetic(0.01, 9);
        var fit = ChinchillaFit.Fit(data, SmallGrid());
        var boot = ChinchillaBootstrap.Run(data, fit.Theta, StartGrid.Single(fit.Theta), 100, 2);
        double[] c = [1e19, 1e22, 1e25];
        var band = boot.Band(c, 2000, seed: 1);
        var again = boot.Band(c, 2000, seed: 1);
        Assert.Equal(band.Median, again.Median);
        for (int i = 0; i < c.Length; i++)
            Assert.True(band.Lower[i] <= band.Median[i] && band.Median[i] <= band.Upper[i]);
        // The median draw's D*/N* is near the point estimate's.
        NumericAssert.Close(fit.Law.TokensPerParameter(1e22), band.Median[1], 0.1);
    }

    [Fact]
    public void Fit_GridStartsAgree_WinnerIndependentOfThreads()
    {
        var data = Synthetic(0.01, 7);
        var a = ChinchillaFit.Fit(data, SmallGrid(), new ChinchillaFitOptions(MaxDegreeOfParallelism: 1));
        var b = ChinchillaFit.Fit(data, SmallGrid(), new ChinchillaFitOptions(MaxDegreeOfParallelism: 2));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Grid_Besiroglu_Has4500Starts()
    {
        var g = StartGrid.Besiroglu();
        Assert.Equal(4500, g.Count);
        Assert.Equal(new ChinchillaLogParameters(0, 0, -1, 0, 0), g.Points[0]);
        Assert.Equal(new ChinchillaLogParameters(25, 25, 1, 2, 2), g.Points[^1]);
    }

    [Fact]
    public void BadInput_Throws()
    {
        var data = Synthetic(0.01, 1);
        Assert.Throws<ArgumentException>(() => new StartGrid([]));
        Assert.Throws<ArgumentException>(() => new StartGrid([new ChinchillaLogParameters(double.NaN, 0, 0, 0.3, 0.3)]));
        Assert.Throws<ArgumentException>(() => StartGrid.Product([], [1], [1], [1], [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChinchillaFit.Fit(data, SmallGrid(), new ChinchillaFitOptions(HuberDelta: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChinchillaFit.Fit(data, SmallGrid(), new ChinchillaFitOptions(MaxDegreeOfParallelism: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChinchillaBootstrap.Run(data, Truth.LogParameters, SmallGrid(), 1, 0));
        var fit = ChinchillaFit.Fit(data, StartGrid.Single(Truth.LogParameters));
        var boot = ChinchillaBootstrap.Run(data, fit.Theta, StartGrid.Single(fit.Theta), 10, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => boot.Band([0.0], 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => boot.Band([1e20], 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => boot.Band([1e20], 10, 0, 0.9, 0.1));
    }

    [Fact]
    public void Result_WithoutLaw_RefusesToBuildOne()
    {
        var r = new ChinchillaFitResult(new ChinchillaLogParameters(1, 1, 0, -0.1, 0.3), 1, 1, QuasiNewtonExit.Converged, 0, 0, 1, 1, 1);
        Assert.False(r.HasLaw);
        Assert.Throws<InvalidOperationException>(() => r.Law);
    }
}
