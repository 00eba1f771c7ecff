using MathNet.Numerics;
using ResearchKit.RandomMatrices;

namespace ResearchKit.Tests.RandomMatrices;

/// <summary>Unfolding, spacings and spacing ratios against the GOE and Poisson references.</summary>
public class LevelStatisticsTests
{
    // The central half of a GOE spectrum, where the semicircle is smooth.
    private static double[] GoeBulk(int size, int seed)
    {
        var e = GaussianOrthogonalEnsemble.SampleEigenvalues(size, new Random(seed));
        return e.Skip(size / 4).Take(size / 2).ToArray();
    }

    [Fact]
    public void WignerAndPoisson_Densities_NormalisedWithUnitMean()
    {
        NumericAssert.Close(1, Integrate.DoubleExponential(LevelSpacing.WignerDensity, 0, 50), 1e-9, "∫P_W");
        NumericAssert.Close(1, Integrate.DoubleExponential(s => s * LevelSpacing.WignerDensity(s), 0, 50), 1e-9, "⟨s⟩_W");
        NumericAssert.Close(1, Integrate.DoubleExponential(LevelSpacing.PoissonDensity, 0, 60), 1e-9, "∫P_P");
        NumericAssert.Close(1, Integrate.DoubleExponential(s => s * LevelSpacing.PoissonDensity(s), 0, 60), 1e-9, "⟨s⟩_P");
        NumericAssert.Close(1 - Math.Exp(-Math.PI / 4), LevelSpacing.WignerCdf(1), 1e-15);
    }

    [Fact]
    public void SpacingRatio_SurmiseDensities_NormalisedWithAtasMeans()
    {
        // Atas et al. (2013), Table I: ⟨r̃⟩ = 4 − 2√3 for the GOE surmise, 2 ln 2 − 1 for Poisson.
        NumericAssert.Close(1, Integrate.DoubleExponential(SpacingRatio.GoeSurmiseDensity, 0, 1), 1e-10, "∫P_GOE(r̃)");
        NumericAssert.Close(4 - 2 * Math.Sqrt(3), Integrate.DoubleExponential(r => r * SpacingRatio.GoeSurmiseDensity(r), 0, 1), 1e-10, "⟨r̃⟩ surmise");
        NumericAssert.Close(1, Integrate.DoubleExponential(SpacingRatio.PoissonDensity, 0, 1), 1e-10, "∫P_P(r̃)");
        NumericAssert.Close(0.3862943611198906, Integrate.DoubleExponential(r => r * SpacingRatio.PoissonDensity(r), 0, 1), 1e-10, "⟨r̃⟩ Poisson");
        NumericAssert.Close(0.3862943611198906, SpacingRatio.PoissonMean, 1e-15);
        NumericAssert.Close(0.5358983848622454, SpacingRatio.GoeSurmiseMean, 1e-15);
    }

    [Fact]
    public void SpacingRatio_KnownAnswer()
    {
        // Spacings 1, 2, 1 → r̃ = 1/2, 1/2.
        Assert.Equal(new[] { 0.5, 0.5 }, SpacingRatio.Values(new[] { 4.0, 0.0, 1.0, 3.0 }));
    }

    [Fact]
    public void SpacingRatio_LargeGoe_MatchesAtasNumericalValue()
    {
        // Atas et al. (2013), Table I: ⟨r̃⟩_GOE = 0.5307(1) for large matrices. 30 matrices of size 400, central
        // half: ≈ 6000 ratios, standard error ≈ 0.0035.
        var r = Enumerable.Range(0, 30).SelectMany(s => SpacingRatio.Values(GoeBulk(400, s))).ToArray();
        NumericAssert.CloseAbs(SpacingRatio.GoeMean, r.Average(), 0.01, "⟨r̃⟩ GOE");
    }

    [Fact]
    public void SpacingRatio_IntegrableControl_MatchesPoisson()
    {
        var r = Enumerable.Range(0, 10).SelectMany(s => SpacingRatio.Values(IntegrableLevels.PowerLawDiagonal(600, 1.0, new Random(s)))).ToArray();
        NumericAssert.CloseAbs(SpacingRatio.PoissonMean, r.Average(), 0.01, "⟨r̃⟩ Poisson");
    }

    [Fact]
    public void Unfold_Goe_SpacingsFollowWignerNotPoisson()
    {
        var s = Enumerable.Range(0, 20).SelectMany(seed =>
            LevelSpacing.NormalisedSpacings(SpectrumUnfolding.Unfold(GoeBulk(400, seed), 5, logScale: false))).ToArray();
        double toWigner = KolmogorovSmirnov.Distance(s, LevelSpacing.WignerCdf);
        double toPoisson = KolmogorovSmirnov.Distance(s, LevelSpacing.PoissonCdf);
        Assert.True(toWigner < 0.03, $"KS to Wigner = {toWigner}");
        Assert.True(toPoisson > 0.2, $"KS to Poisson = {toPoisson}");
    }

    [Fact]
    public void Unfold_Goe_AgreesWithSemicircleCounting()
    {
        // The polynomial fit of the staircase should follow the exact smooth counting function to within a level.
        const int n = 400;
        var all = GaussianOrthogonalEnsemble.SampleEigenvalues(n, new Random(11));
        var bulk = all.Skip(n / 4).Take(n / 2).ToArray();
        var u = SpectrumUnfolding.Unfold(bulk, 5, logScale: false);
        double offset = GaussianOrthogonalEnsemble.SemicircleCount(n, bulk[0]) - u.Levels[0];
        for (int i = 0; i < bulk.Length; i += 20)
            NumericAssert.CloseAbs(GaussianOrthogonalEnsemble.SemicircleCount(n, bulk[i]) - offset, u.Levels[i], 2.5, $"N̄(x_{i})");
        Assert.True(u.RmsResidual < 1.5, $"rms residual {u.RmsResidual}");
    }

    [Fact]
    public void Unfold_IntegrableControl_SpacingsFollowPoisson()
    {
        var s = Enumerable.Range(0, 10).SelectMany(seed =>
            LevelSpacing.NormalisedSpacings(SpectrumUnfolding.Unfold(IntegrableLevels.PowerLawDiagonal(400, 1.0, new Random(seed)).Skip(20).ToArray(), 7))).ToArray();
        double toPoisson = KolmogorovSmirnov.Distance(s, LevelSpacing.PoissonCdf);
        Assert.True(toPoisson < 0.04, $"KS to Poisson = {toPoisson}");
        Assert.True(KolmogorovSmirnov.Distance(s, LevelSpacing.WignerCdf) > 0.15);
    }

    [Fact]
    public void KolmogorovSmirnov_KnownAnswer()
    {
        NumericAssert.Close(0.5, KolmogorovSmirnov.Distance(new[] { 0.5 }, x => Math.Clamp(x, 0, 1)), 1e-15);
        NumericAssert.Close(0.25, KolmogorovSmirnov.Distance(new[] { 0.25, 0.75 }, x => Math.Clamp(x, 0, 1)), 1e-15);
    }

    [Fact]
    public void BadInputs_Throw()
    {
        Assert.Throws<ArgumentException>(() => SpacingRatio.Values(new[] { 1.0, 2.0 }));
        Assert.Throws<ArgumentException>(() => SpacingRatio.Values(new[] { 1.0, 1.0, 1.0 }));
        Assert.Throws<ArgumentException>(() => SpacingRatio.Values(new[] { 1.0, double.NaN, 3.0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpectrumUnfolding.Unfold(new[] { -1.0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, 3));
        Assert.Throws<ArgumentException>(() => SpectrumUnfolding.Unfold(new[] { 1.0, 2, 3 }, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpectrumUnfolding.Unfold(new[] { 1.0, 2, 3, 4, 5 }, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LevelSpacing.WignerDensity(double.NaN));
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.Distance(Array.Empty<double>(), x => x));
        Assert.Throws<ArgumentOutOfRangeException>(() => IntegrableLevels.PowerLawDiagonal(1, 1, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianOrthogonalEnsemble.SampleEigenvalues(1, new Random(1)));
    }
}
