using ResearchKit.PowerLaws;

namespace ResearchKit.Tests.PowerLaws;

/// <summary>Silently wrong results of the power-law fitters (hostile review, issue 10).</summary>
public class SilentResultTests
{
    [Theory]
    [InlineData(int.MaxValue, 5)]
    [InlineData(int.MaxValue - 1, int.MaxValue)]
    public void RankWindow_FirstRankNearIntMax_IsRejectedNotWrapped(int first, int last)
    {
        // firstRank + 2 wrapped to a negative bound, so RankWindow(int.MaxValue, 5) was accepted with Count = −2147483641.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RankWindow(first, last));
        Assert.Equal("firstRank", e.ParamName);
        Assert.Contains($"firstRank = {first}", e.Message);
        Assert.Contains($"allowed: 1 ≤ firstRank ≤ {int.MaxValue - 2}", e.Message);
    }

    [Fact]
    public void RankWindow_LargestValidWindow_IsAccepted()
        => Assert.Equal(3, new RankWindow(int.MaxValue - 2, int.MaxValue).Count);
}
