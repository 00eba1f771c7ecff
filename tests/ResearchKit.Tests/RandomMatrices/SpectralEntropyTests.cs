using ResearchKit.RandomMatrices;

namespace ResearchKit.Tests.RandomMatrices;

public class SpectralEntropyTests
{
    [Fact]
    public void Compute_KnownAnswers()
    {
        NumericAssert.Close(Math.Log(7), SpectralEntropy.Compute(Enumerable.Repeat(2.5, 7).ToArray()), 1e-14, "flat");
        NumericAssert.Close(1.5 * Math.Log(2), SpectralEntropy.Compute(new[] { 2.0, 1.0, 1.0 }), 1e-14, "(½,¼,¼)");
        Assert.Equal(0, SpectralEntropy.Compute(new[] { 3.0, 0.0, 0.0 }));
        NumericAssert.Close(1, SpectralEntropy.Normalised(new[] { 1.0, 1.0, 1.0, 1.0 }), 1e-14);
    }

    [Fact]
    public void Compute_LargerAlpha_LowerEntropy()
    {
        double previous = double.PositiveInfinity;
        foreach (double alpha in new[] { 0.0, 0.5, 1.0, 2.0 })
        {
            double s = SpectralEntropy.Compute(GaussianSampler.PowerLawSpectrum(500, alpha).PopulationSpectrum.ToArray());
            Assert.True(s < previous);
            previous = s;
        }
    }

    [Fact]
    public void BadInputs_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpectralEntropy.Compute(new[] { 1.0, -0.5 }));
        Assert.Throws<ArgumentException>(() => SpectralEntropy.Compute(new[] { 0.0, 0.0 }));
        Assert.Throws<ArgumentException>(() => SpectralEntropy.Compute(new[] { 1.0, double.NaN }));
        Assert.Throws<ArgumentException>(() => SpectralEntropy.Normalised(new[] { 1.0 }));
    }
}
