using ResearchKit.ScalingLaws;

namespace ResearchKit.Tests.ScalingLaws;

public class LossObservationsTests
{
    [Fact]
    public void Constructor_NonPositiveOrNaN_ThrowsNamingArrayAndIndex()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LossObservations([1e8, -1], [1e9, 1e9], [3, 3]));
        Assert.Contains("parameters[1]", e.Message);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new LossObservations([1e8, 1e8], [1e9, 0], [3, 3]));
        Assert.Contains("tokens[1]", e.Message);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new LossObservations([1e8, 1e8], [1e9, 1e9], [double.NaN, 3]));
        Assert.Contains("losses[0]", e.Message);
    }

    [Fact]
    public void Constructor_EmptyOrMismatched_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LossObservations([], [], []));
        Assert.Throws<ArgumentException>(() => new LossObservations([1e8, 1e8], [1e9], [3, 3]));
        Assert.Throws<ArgumentException>(() => new LossObservations([1e8], [1e9], [3, 3]));
    }
}
