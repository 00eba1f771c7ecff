using MathNet.Numerics.LinearAlgebra;
using ResearchKit.RandomMatrices;

namespace ResearchKit.Tests.RandomMatrices;

/// <summary>The sample-size study runs its independent realisations with the documented seeds, one after the other
/// by default or side by side, with the same numbers.</summary>
public class SampleSizeStudyTests
{
    private static readonly SpectrumWindows Windows = SpectrumWindows.Standard(60);

    [Fact]
    public void Run_EachRealisation_IsTheDocumentedSeedsDataSet()
    {
        var sampler = GaussianSampler.PowerLawSpectrum(60, 1.0);
        var points = SampleSizeStudy.Run(sampler, new[] { 60, 120 }, 3, 7, Windows);
        Assert.Equal(new[] { 60, 120 }, points.Select(p => p.SampleCount));
        foreach (var p in points)
            for (int k = 0; k < 3; k++)
            {
                // Realisation k at size M: seed + 1000·k + M, drawn in blocks of 4096 rows.
                var alone = SpectrumDiagnostics.Analyse(
                    BlockedCovariance.FromSampler(sampler, p.SampleCount, 4096, 7 + 1000 * k + p.SampleCount).Spectrum(FeatureScaling.Centre), Windows);
                Assert.Equal(alone.Spectrum.Eigenvalues, p.Realisations[k].Spectrum.Eigenvalues);
                Assert.Equal(alone.MeanRatio, p.Realisations[k].MeanRatio);
            }
    }

    [Fact]
    public void Run_Twice_GivesTheSameNumbers()
    {
        var sampler = GaussianSampler.Uncorrelated(60);
        var a = SampleSizeStudy.Run(sampler, new[] { 50, 100, 200 }, 4, 3, Windows);
        var b = SampleSizeStudy.Run(sampler, new[] { 50, 100, 200 }, 4, 3, Windows);
        Assert.Equal(a.Select(p => p.Alpha), b.Select(p => p.Alpha));
        Assert.Equal(a.Select(p => p.MeanRatio), b.Select(p => p.MeanRatio));
        Assert.Equal(a.Select(p => p.NormalisedEntropy), b.Select(p => p.NormalisedEntropy));
    }

    [Fact]
    public void Run_SideBySide_IsBitIdenticalToOneAfterTheOther()
    {
        var sampler = GaussianSampler.PowerLawSpectrum(60, 1.0);
        var serial = SampleSizeStudy.Run(sampler, new[] { 50, 100, 200 }, 3, 5, Windows);
        var twoThreads = SampleSizeStudy.Run(sampler, new[] { 50, 100, 200 }, 3, 5, Windows, maxDegreeOfParallelism: 2);
        for (int i = 0; i < serial.Count; i++)
            for (int k = 0; k < 3; k++)
            {
                Assert.Equal(serial[i].Realisations[k].Spectrum.Eigenvalues, twoThreads[i].Realisations[k].Spectrum.Eigenvalues);
                Assert.Equal(serial[i].Realisations[k].MeanRatio, twoThreads[i].Realisations[k].MeanRatio);
            }
        var data = sampler.Sample(300, new Random(6));
        var rowsSerial = SampleSizeStudy.RunOnRows(data, new[] { 100, 200, 300 }, FeatureScaling.Centre, Windows);
        var rowsTwo = SampleSizeStudy.RunOnRows(data, new[] { 100, 200, 300 }, FeatureScaling.Centre, Windows, maxDegreeOfParallelism: 2);
        Assert.Equal(rowsSerial.Select(p => p.Alpha), rowsTwo.Select(p => p.Alpha));
        Assert.Equal(rowsSerial.Select(p => p.MeanRatio), rowsTwo.Select(p => p.MeanRatio));
    }

    [Fact]
    public void Run_BadParallelism_Throws()
    {
        var sampler = GaussianSampler.Uncorrelated(60);
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(
            () => SampleSizeStudy.Run(sampler, new[] { 60 }, 1, 1, Windows, maxDegreeOfParallelism: 0)).ParamName);
        var data = sampler.Sample(100, new Random(1));
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(
            () => SampleSizeStudy.RunOnRows(data, new[] { 100 }, FeatureScaling.Centre, Windows, maxDegreeOfParallelism: -1)).ParamName);
    }

    [Fact]
    public void Point_OfTheFullDataSet_MatchesTheStudyOnItsRows()
    {
        var data = GaussianSampler.PowerLawSpectrum(60, 0.5).Sample(300, new Random(2));
        var fromRows = SampleSizeStudy.RunOnRows(data, new[] { 100, 300 }, FeatureScaling.Standardise, Windows);
        var diag = SpectrumDiagnostics.Analyse(BlockedCovariance.FromRows(data, 5).Spectrum(FeatureScaling.Standardise), Windows);
        var point = SampleSizeStudy.Point(300, new[] { diag });
        // Five blocks or one: the same covariance up to the order of the sums.
        NumericAssert.Close(fromRows[1].Alpha, point.Alpha, 1e-9, "α̂");
        NumericAssert.Close(fromRows[1].MeanRatio, point.MeanRatio, 1e-6, "⟨r̃⟩");
        NumericAssert.Close(fromRows[1].NormalisedEntropy, point.NormalisedEntropy, 1e-12, "S/ln d");
        Assert.Equal(0, point.AlphaSpread);
    }

    [Fact]
    public void Point_BadInput_Throws()
    {
        var data = GaussianSampler.Uncorrelated(60).Sample(200, new Random(4));
        var diag = SpectrumDiagnostics.Analyse(BlockedCovariance.FromRows(data, 2).Spectrum(FeatureScaling.Centre), Windows);
        var other = SpectrumDiagnostics.Analyse(BlockedCovariance.FromRows(data, 2).Spectrum(FeatureScaling.Centre),
            new SpectrumWindows(new ResearchKit.PowerLaws.RankWindow(5, 15), Windows.Local));
        Assert.Equal("realisations", Assert.Throws<ArgumentException>(() => SampleSizeStudy.Point(200, Array.Empty<SpectrumDiagnostics>())).ParamName);
        var wrongM = Assert.Throws<ArgumentException>(() => SampleSizeStudy.Point(100, new[] { diag }));
        Assert.Equal("realisations", wrongM.ParamName);
        Assert.Contains("allowed: M = sampleCount = 100", wrongM.Message);
        var mixed = Assert.Throws<ArgumentException>(() => SampleSizeStudy.Point(200, new[] { diag, other }));
        Assert.Contains("windows", mixed.Message);
        Assert.Equal("sampleCount", Assert.Throws<ArgumentOutOfRangeException>(() => SampleSizeStudy.Point(0, new[] { diag })).ParamName);
    }
}
