using ResearchKit.ScalingLaws;

namespace ResearchKit.Tests.ScalingLaws;

public class ParameterCountTests
{
    [Fact]
    public void Transformer_SmallestA9Row_MatchesHandCount()
    {
        // d 512, d_ff 2048, d_kv 64, 8 heads, 8 layers: 32168·512 + 8·4·512·64·8 + 8·2·512·2048.
        Assert.Equal(16_470_016 + 8_388_608 + 16_777_216.0, ParameterCount.Transformer(ParameterCount.ChinchillaVocabulary, 512, 64, 8, 8, 2048));
        Assert.Equal(16_470_016 + 10_485_760 + 16_777_216.0, ParameterCount.Transformer(ParameterCount.ChinchillaVocabulary, 512, 64, 8, 8, 2048, 5));
    }

    [Fact]
    public void Transformer_BadSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.Transformer(0, 512, 64, 8, 8, 2048));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.Transformer(100, 512, 64, 8, 8, 2048, double.NaN));
    }
}

public class ParameterPerturbationTests
{
    private static readonly double[] N = [1e8, 4e8, 1.6e9];

    [Fact]
    public void Families_ActAsDefined()
    {
        Assert.Equal([2e8, 8e8, 3.2e9], ParameterPerturbation.Multiplicative(N, 2));
        Assert.Equal([1.5e8, 4.5e8, 1.65e9], ParameterPerturbation.Additive(N, 5e7));
        double mu = ParameterPerturbation.GeometricMean(N);
        NumericAssert.Close(4e8, mu, 1e-14);
        var s = ParameterPerturbation.Systematic(N, 2);
        NumericAssert.Close(mu * 0.0625, s[0], 1e-14);
        NumericAssert.Close(mu, s[1], 1e-14);
        Assert.Equal(N, ParameterPerturbation.LogNormal(N, 0, new Random(1)));
        Assert.Equal(ParameterPerturbation.LogNormal(N, 0.5, new Random(1)), ParameterPerturbation.LogNormal(N, 0.5, new Random(1)));
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterPerturbation.Multiplicative(N, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterPerturbation.Additive(N, -1e8));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterPerturbation.Systematic(N, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterPerturbation.LogNormal(N, -0.1, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterPerturbation.Multiplicative([1e8, -1], 2));
        Assert.Throws<ArgumentException>(() => ParameterPerturbation.Multiplicative([], 2));
    }
}
