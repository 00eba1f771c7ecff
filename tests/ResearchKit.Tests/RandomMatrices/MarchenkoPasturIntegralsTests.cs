using ResearchKit.RandomMatrices;

namespace ResearchKit.Tests.RandomMatrices;

public class MarchenkoPasturIntegralsTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.9)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(4.0)]
    public void Expectation_Moments_MatchClosedForms(double lambda)
    {
        NumericAssert.Close(1.0, MarchenkoPasturIntegrals.Expectation(lambda, _ => 1), 1e-12, "mass");
        NumericAssert.Close(1.0, MarchenkoPasturIntegrals.Expectation(lambda, nu => nu), 1e-12, "mean");
        NumericAssert.Close(1 + lambda, MarchenkoPasturIntegrals.Expectation(lambda, nu => nu * nu), 1e-12, "second moment");
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Expectation_InverseMoments_MatchClosedForms(double lambda)
    {
        NumericAssert.Close(1 / (1 - lambda), MarchenkoPasturIntegrals.Expectation(lambda, nu => 1 / nu), 1e-9);
        NumericAssert.Close(1 / Math.Pow(1 - lambda, 3), MarchenkoPasturIntegrals.Expectation(lambda, nu => 1 / (nu * nu)), 1e-8);
    }

    // mpmath 1.3.0 quad of the MP density (λ = 0.5) times e^(−0.4ν), and times ν e^(−40ν).
    [Fact]
    public void Expectation_ExponentialWeights_MatchMpmath()
    {
        NumericAssert.Close(0.695757175103479705, MarchenkoPasturIntegrals.Expectation(0.5, _ => 1, 0.4), 1e-12);
        NumericAssert.Close(6.02434279188642256e-5, MarchenkoPasturIntegrals.Expectation(0.5, nu => nu, 40), 1e-10);
    }

    [Fact]
    public void AtomMass_AboveOne_IsOneMinusInverseLambda()
    {
        NumericAssert.Close(1.0 / 3.0, MarchenkoPasturIntegrals.AtomMass(1.5), 1e-15);
        Assert.Equal(0.0, MarchenkoPasturIntegrals.AtomMass(0.9));
        NumericAssert.Close(1.0 / 3.0, MarchenkoPasturIntegrals.Expectation(1.5, _ => 1, 1e6), 1e-12, "only the atom survives");
    }

    [Fact]
    public void ContinuousDensity_OutsideSupport_IsZero()
    {
        Assert.Equal(0.0, MarchenkoPasturIntegrals.ContinuousDensity(0.5, 0.01));
        Assert.Equal(0.0, MarchenkoPasturIntegrals.ContinuousDensity(0.5, 3.0));
        Assert.True(MarchenkoPasturIntegrals.ContinuousDensity(0.5, 1.0) > 0);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.PositiveInfinity)]
    public void Expectation_BadAspectRatio_Throws(double lambda)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => MarchenkoPasturIntegrals.Expectation(lambda, _ => 1));
        Assert.Contains("aspectRatio", ex.Message);
    }

    [Fact]
    public void Expectation_BadDecayOrFunction_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MarchenkoPasturIntegrals.Expectation(0.5, _ => 1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MarchenkoPasturIntegrals.Expectation(0.5, _ => 1, double.NaN));
        Assert.Throws<ArgumentNullException>(() => MarchenkoPasturIntegrals.Expectation(0.5, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => MarchenkoPasturIntegrals.ContinuousDensity(0.5, double.NaN));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    public void Edges_BadAspectRatio_Throw(double lambda)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MarchenkoPasturIntegrals.LowerEdge(lambda));
        Assert.Throws<ArgumentOutOfRangeException>(() => MarchenkoPasturIntegrals.UpperEdge(lambda));
        Assert.Throws<ArgumentOutOfRangeException>(() => MarchenkoPasturIntegrals.AtomMass(lambda));
        Assert.Throws<ArgumentOutOfRangeException>(() => MarchenkoPasturIntegrals.ContinuousDensity(lambda, 1));
    }

    [Fact]
    public void Edges_KnownValues()
    {
        NumericAssert.Close(Math.Pow(1 - Math.Sqrt(0.25), 2), MarchenkoPasturIntegrals.LowerEdge(0.25), 1e-15);
        NumericAssert.Close(2.25, MarchenkoPasturIntegrals.UpperEdge(0.25), 1e-15);
    }
}
