using ResearchKit.ScalingLaws;

namespace ResearchKit.Tests.ScalingLaws;

public class HuberLogLossObjectiveTests
{
    private static LossObservations Data()
    {
        var rng = new Random(3);
        int n = 30;
        var ns = new double[n]; var ds = new double[n]; var ls = new double[n];
        for (int i = 0; i < n; i++)
        {
            ns[i] = Math.Pow(10, 7 + 3 * rng.NextDouble());
            ds[i] = Math.Pow(10, 9 + 2 * rng.NextDouble());
            ls[i] = ChinchillaLaw.HoffmannTex.Evaluate(ns[i], ds[i]) * Math.Exp(0.01 * (rng.NextDouble() - 0.5));
        }
        return new LossObservations(ns, ds, ls);
    }

    [Fact]
    public void Value_IsTheSumOfHuberTerms()
    {
        var data = Data();
        var obj = new HuberLogLossObjective(data, delta: 1e-3);
        var theta = ChinchillaLaw.HoffmannTex.LogParameters;
        double expected = 0;
        for (int i = 0; i < data.Count; i++)
        {
            double r = Math.Log(ChinchillaLaw.HoffmannTex.Evaluate(data.Parameters[i], data.Tokens[i])) - Math.Log(data.Losses[i]);
            expected += Math.Abs(r) <= 1e-3 ? 0.5 * r * r : 1e-3 * (Math.Abs(r) - 0.5e-3);
        }
        NumericAssert.Close(expected, obj.Value(theta), 1e-10);
    }

    [Fact]
    public void Gradient_MatchesCentralDifferences()
    {
        var obj = new HuberLogLossObjective(Data(), delta: 0.05); // a wide δ puts residuals on both branches
        var theta = new ChinchillaLogParameters(6.2, 6.5, 0.55, 0.33, 0.30);
        obj.ValueAndGradient(theta, out var g);
        var x = theta.ToArray();
        for (int k = 0; k < 5; k++)
        {
            double h = 1e-6;
            var up = (double[])x.Clone(); up[k] += h;
            var dn = (double[])x.Clone(); dn[k] -= h;
            double fd = (obj.Value(ChinchillaLogParameters.FromArray(up)) - obj.Value(ChinchillaLogParameters.FromArray(dn))) / (2 * h);
            NumericAssert.CloseAbs(fd, g[k], 1e-6 * Math.Max(1, Math.Abs(fd)), $"component {k}");
        }
    }

    [Fact]
    public void Weights_ActAsRowMultiplicities()
    {
        var data = Data();
        var w = Enumerable.Range(0, data.Count).Select(i => (double)(i % 3)).ToArray();
        var idx = Enumerable.Range(0, data.Count).SelectMany(i => Enumerable.Repeat(i, i % 3)).ToArray();
        var repeated = new LossObservations(idx.Select(i => data.Parameters[i]).ToArray(), idx.Select(i => data.Tokens[i]).ToArray(),
            idx.Select(i => data.Losses[i]).ToArray());
        var theta = ChinchillaLaw.Besiroglu.LogParameters;
        NumericAssert.Close(new HuberLogLossObjective(repeated).Value(theta), new HuberLogLossObjective(data, weights: w).Value(theta), 1e-12);
    }

    [Fact]
    public void BadInput_Throws()
    {
        var data = Data();
        Assert.Throws<ArgumentOutOfRangeException>(() => new HuberLogLossObjective(data, delta: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HuberLogLossObjective(data, delta: double.NaN));
        Assert.Throws<ArgumentException>(() => new HuberLogLossObjective(data, weights: new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HuberLogLossObjective(data, weights: Enumerable.Repeat(-1.0, data.Count).ToArray()));
    }
}
