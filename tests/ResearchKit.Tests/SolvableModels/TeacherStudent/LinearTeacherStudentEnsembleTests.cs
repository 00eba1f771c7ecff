using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class LinearTeacherStudentEnsembleTests
{
    [Fact]
    public void Run_SeedsAreSeedPlusThousandTimesIndex()
    {
        var setup = LinearTeacherStudentSetup.FromAspectRatio(30, 0.5);
        double[] steps = { 0, 10, 100 };
        var e = LinearTeacherStudentEnsemble.Run(setup, steps, 1e-3, 20, 5, 2);
        var second = LinearTeacherStudentSimulation.Run(setup, steps, 1e-3, 20, 1005);
        Assert.Equal(second.GeneralizationLoss, e.Runs[1].GeneralizationLoss);
        Assert.Equal(2, e.CrossingTimes(0.5).Count);
    }

    [Fact]
    public void Bands_MeanLiesBetweenMinAndMax()
    {
        var e = LinearTeacherStudentEnsemble.Run(LinearTeacherStudentSetup.FromAspectRatio(30, 0.5), new double[] { 0, 10, 100 }, 1e-3, 20, 5, 3);
        var band = e.GeneralizationLoss;
        for (int i = 0; i < band.Mean.Length; i++)
            Assert.InRange(band.Mean[i], band.Min[i], band.Max[i]);
    }

    [Fact]
    public void SeriesBand_KnownValues()
    {
        var band = SeriesBand.Of(new[] { new[] { 1.0, 4 }, new[] { 3.0, 2 } });
        Assert.Equal(new[] { 2.0, 3 }, band.Mean);
        Assert.Equal(new[] { 1.0, 2 }, band.Min);
        Assert.Equal(new[] { 3.0, 4 }, band.Max);
    }

    [Fact]
    public void BadInput_Throws()
    {
        var setup = LinearTeacherStudentSetup.FromAspectRatio(30, 0.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentEnsemble.Run(setup, new double[] { 0 }, 1e-3, 20, 5, 0));
        Assert.Throws<ArgumentNullException>(() => LinearTeacherStudentEnsemble.Run(null!, new double[] { 0 }, 1e-3, 20, 5, 1));
        Assert.Throws<ArgumentException>(() => SeriesBand.Of(Array.Empty<double[]>()));
        Assert.Throws<ArgumentException>(() => SeriesBand.Of(new[] { new[] { 1.0 }, new[] { 1.0, 2 } }));
    }
}
