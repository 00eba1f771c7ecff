using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class AccuracyCrossingTests
{
    [Fact]
    public void First_LogLinearInterpolation_KnownValue()
    {
        // Between (10, 0.2) and (1000, 0.8), level 0.5 sits halfway in log t: t = 100.
        NumericAssert.Close(100, AccuracyCrossing.First(new[] { 1.0, 10, 1000, 1e4 }, new[] { 0.0, 0.2, 0.8, 1.0 }, 0.5), 1e-12);
    }

    [Fact]
    public void First_NeverReached_IsInfinity()
        => Assert.True(double.IsPositiveInfinity(AccuracyCrossing.First(new[] { 1.0, 2, 3 }, new[] { 0.1, 0.2, 0.3 }, 0.9)));

    [Fact]
    public void First_BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => AccuracyCrossing.First(new[] { 1.0, 2 }, new[] { 0.1 }, 0.5));
        Assert.Throws<ArgumentException>(() => AccuracyCrossing.First(new[] { 1.0, double.NaN }, new[] { 0.1, 0.2 }, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyCrossing.First(new[] { 1.0, 2 }, new[] { 0.1, 0.2 }, double.NaN));
    }

    [Fact]
    public void Of_BadInput_Throws()
    {
        var run = LinearTeacherStudentSimulation.Run(new LinearTeacherStudentSetup(10, 1, 20), new double[] { 0, 5 }, 1e-3, 5, 1);
        Assert.Throws<ArgumentNullException>(() => AccuracyCrossing.Of(null!, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyCrossing.Of(run, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyCrossing.Of(run, double.NaN));
    }

    [Fact]
    public void GrokkingTimes_Gap_IsDifference()
        => Assert.Equal(70.0, new GrokkingTimes(30, 100).Gap);
}
