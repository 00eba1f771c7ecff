using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

public class DerivedSeedTests
{
    [Fact]
    public void Of_IsAFixedFunctionAndSeparatesLabels()
    {
        // Fixed across processes (a regression value: the first value this implementation produced).
        int a = DerivedSeed.Of(20260129, 3, 0x7ed);
        Assert.Equal(113905844, a);
        Assert.True(a >= 0);
        Assert.NotEqual(a, DerivedSeed.Of(20260129, 4, 0x7ed));
        Assert.NotEqual(a, DerivedSeed.Of(20260130, 3, 0x7ed));
        Assert.NotEqual(DerivedSeed.Of(1, 2, 3), DerivedSeed.Of(1, 3, 2));
    }
}
