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

    [Fact]
    public void Run_OneOrTwoThreads_BitIdenticalToTheSerialRuns()
    {
        // Sizes at which the eigendecomposition and products go through the native kernels when they are present.
        var setup = LinearTeacherStudentSetup.FromAspectRatio(120, 0.6, outputDimension: 2);
        var steps = LinearTeacherStudentSimulation.LogSpacedSteps(1e4, 30);
        var serial = Enumerable.Range(0, 4).Select(i => LinearTeacherStudentSimulation.Run(setup, steps, 1e-3, 50, 9 + 1000 * i)).ToArray();
        foreach (int threads in new[] { 1, 2 })
        {
            var e = LinearTeacherStudentEnsemble.Run(setup, steps, 1e-3, 50, 9, 4, maxDegreeOfParallelism: threads);
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal(Bits(serial[i].TrainLoss), Bits(e.Runs[i].TrainLoss));
                Assert.Equal(Bits(serial[i].GeneralizationLoss), Bits(e.Runs[i].GeneralizationLoss));
                Assert.Equal(Bits(serial[i].TrainAccuracy), Bits(e.Runs[i].TrainAccuracy));
                Assert.Equal(Bits(serial[i].TestAccuracy), Bits(e.Runs[i].TestAccuracy));
            }
        }
    }

    [Fact]
    public void Run_BadThreadCount_ThrowsNamingIt()
    {
        var setup = LinearTeacherStudentSetup.FromAspectRatio(30, 0.5);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LinearTeacherStudentEnsemble.Run(setup, new double[] { 0 }, 1e-3, 20, 5, 2, maxDegreeOfParallelism: 0));
        Assert.Equal("maxDegreeOfParallelism", e.ParamName);
    }

    private static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
