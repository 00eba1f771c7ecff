using ResearchKit.ScalingLaws;

namespace ResearchKit.Tests.ScalingLaws;

public class ChinchillaLawTests
{
    [Theory]
    [InlineData(1.69, 406.4, 410.7, 0.34, 0.28, 1e21)]
    [InlineData(1.8172, 482.0, 2085.4, 0.348, 0.366, 5.76e23)]
    [InlineData(2.0, 10.0, 1e4, 0.2, 0.6, 1e18)]
    [InlineData(1.0, 1e6, 1.0, 0.9, 0.05, 1e27)]
    public void ComputeOptimal_SpendsTheBudgetExactly(double e, double a, double b, double alpha, double beta, double compute)
    {
        var law = new ChinchillaLaw(e, a, b, alpha, beta);
        var opt = law.ComputeOptimal(compute);
        NumericAssert.Close(compute, 6 * opt.Parameters * opt.Tokens, 1e-12);
    }

    [Theory]
    [InlineData(1.69, 406.4, 410.7, 0.34, 0.28, 1e21)]
    [InlineData(2.0, 10.0, 1e4, 0.2, 0.6, 1e18)]
    public void ComputeOptimal_IsTheMinimumAlongTheBudget(double e, double a, double b, double alpha, double beta, double compute)
    {
        var law = new ChinchillaLaw(e, a, b, alpha, beta);
        var opt = law.ComputeOptimal(compute);
        double best = law.Evaluate(opt.Parameters, opt.Tokens);
        foreach (double f in new[] { 0.9, 0.99, 1.01, 1.1 })
        {
            double n = opt.Parameters * f;
            Assert.True(law.Evaluate(n, compute / (6 * n)) > best, $"factor {f}");
        }
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    public void TokensPerParameter_EqualExponents_IndependentOfCompute(double exponent)
    {
        var law = new ChinchillaLaw(1.7, 400, 900, exponent, exponent);
        double first = law.TokensPerParameter(1e18);
        // With α = β, D*/N* = G⁻² = (βB/(αA))^{2/(α+β)} = (B/A)^{1/α} for every C.
        NumericAssert.Close(Math.Pow(900.0 / 400.0, 1 / exponent), first, 1e-12);
        foreach (double c in new[] { 1e20, 1e23, 1e27 })
            NumericAssert.Close(first, law.TokensPerParameter(c), 1e-12);
    }

    [Fact]
    public void FromLogParameters_RoundTrips()
    {
        var law = ChinchillaLaw.HoffmannTex;
        NumericAssert.Close(406.4, law.ParameterCoefficient, 1e-3);   // Hoffmann et al. 2022, Eq. 10 printed values
        NumericAssert.Close(410.7, law.DataCoefficient, 1e-3);
        NumericAssert.Close(1.69, law.IrreducibleLoss, 2e-3);
        var back = ChinchillaLaw.FromLogParameters(law.LogParameters);
        NumericAssert.Close(law.ParameterCoefficient, back.ParameterCoefficient, 1e-14);
        NumericAssert.Close(law.DataExponent, back.DataExponent, 1e-14);
    }

    [Fact]
    public void Evaluate_MatchesTheFormula()
        => NumericAssert.Close(1.5 + 2 * Math.Pow(10, -0.5) + 3 * Math.Pow(100, -0.25), new ChinchillaLaw(1.5, 2, 3, 0.5, 0.25).Evaluate(10, 100), 1e-15);

    [Theory]
    [InlineData(0, 1, 1, 0.3, 0.3)]
    [InlineData(1, -1, 1, 0.3, 0.3)]
    [InlineData(1, 1, double.NaN, 0.3, 0.3)]
    [InlineData(1, 1, 1, 0, 0.3)]
    [InlineData(1, 1, 1, 0.3, double.PositiveInfinity)]
    public void Constructor_BadParameter_Throws(double e, double a, double b, double alpha, double beta)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new ChinchillaLaw(e, a, b, alpha, beta));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e20)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ComputeOptimal_BadCompute_ThrowsNamingCompute(double compute)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ChinchillaLaw.HoffmannTex.ComputeOptimal(compute));
        Assert.Equal("compute", e.ParamName);
    }

    [Fact]
    public void Evaluate_NonPositiveSizes_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChinchillaLaw.HoffmannTex.Evaluate(0, 1e9));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChinchillaLaw.HoffmannTex.Evaluate(1e9, -1));
    }
}
