using MathNet.Numerics;
using ResearchKit.PowerLaws;
using ResearchKit.RandomMatrices;

namespace ResearchKit.Tests.RandomMatrices;

/// <summary>
/// The unfolding must be a monotone map: a smoothed counting function that turns over at the edge of the window gives
/// negative "spacings", which then enter P(s), the KS distances and the form factor (audit, issue 9).
/// </summary>
public class SpectrumUnfoldingTests
{
    // The integrable control of notebook 01 on its local window (d = 200, ranks 50…150), seeds as in the notebook.
    private static double[] ControlWindow(int k)
    {
        var levels = IntegrableLevels.PowerLawDiagonal(200, 1.0, new Random(20231 + 31 * k));
        return SpectrumWindows.Standard(200).Local.Slice(levels);
    }

    [Fact]
    public void Unfold_IntegrableControlWindows_GiveStrictlyIncreasingLevels()
    {
        // Before the fix, 19 of these 60 windows had a degree-7 fit that turned over at the top edge: 26 negative
        // spacings, the smallest −4.3 mean spacings.
        int negative = 0, windows = 0;
        for (int k = 0; k < 60; k++)
        {
            var s = SpectrumUnfolding.Unfold(ControlWindow(k), 7).Spacings();
            int n = s.Count(v => !(v > 0));
            negative += n;
            if (n > 0) windows++;
        }
        Assert.True(negative == 0, $"{negative} non-positive unfolded spacings in {windows} of 60 windows");
    }

    [Fact]
    public void Unfold_IntegrableControlWindows_TrimOnlyAFewEdgeLevels()
    {
        int trimmedWindows = 0;
        for (int k = 0; k < 60; k++)
        {
            var window = ControlWindow(k);
            var u = SpectrumUnfolding.Unfold(window, 7);
            Assert.Equal(window.Length, u.Levels.Length + u.Trimmed);
            Assert.True(u.Trimmed <= (int)(SpectrumUnfolding.DefaultMaxTrimFraction * window.Length), $"window {k}: {u.Trimmed} trimmed");
            if (u.Trimmed > 0) trimmedWindows++;
        }
        // The 19 windows whose fit turned over must have been trimmed.
        Assert.True(trimmedWindows >= 19, $"{trimmedWindows} windows trimmed");
    }

    [Fact]
    public void Unfold_MonotoneFit_IsThePlainLeastSquaresPolynomial()
    {
        // A GOE bulk unfolds with a monotone fit: nothing is trimmed and the levels are the polynomial's values.
        var e = GaussianOrthogonalEnsemble.SampleEigenvalues(400, new Random(3));
        var bulk = e.Skip(100).Take(200).ToArray();
        var u = SpectrumUnfolding.Unfold(bulk, 5, logScale: false);
        Assert.Equal(0, u.Trimmed);
        var sorted = bulk.OrderBy(v => v).ToArray();
        var x = sorted.Select(v => 2 * (v - sorted[0]) / (sorted[^1] - sorted[0]) - 1).ToArray();
        var c = Fit.Polynomial(x, Enumerable.Range(0, x.Length).Select(i => i + 0.5).ToArray(), 5);
        for (int i = 0; i < x.Length; i += 17)
            NumericAssert.CloseAbs(Polynomial.Evaluate(x[i], c), u.Levels[i], 1e-9, $"e_{i}");
    }

    [Fact]
    public void Unfold_IndependentLevels_AreIncreasingOrRejected()
    {
        // Whatever the sample: either a strictly increasing unfolding or an error naming levels, never a wrong order.
        for (int seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            int n = 20 + random.Next(300);
            var levels = Enumerable.Range(0, n).Select(_ => Math.Exp(4 * random.NextDouble())).ToArray();
            try
            {
                var s = SpectrumUnfolding.Unfold(levels, 1 + random.Next(9)).Spacings();
                Assert.True(s.All(v => v > 0), $"seed {seed}: min spacing {s.Min()}");
            }
            catch (ArgumentException e)
            {
                Assert.Equal("levels", e.ParamName);
            }
        }
    }

    [Fact]
    public void Unfold_FitThatTurnsOverInside_IsAnErrorNotTrimmed()
    {
        // Two tight clusters far apart: the staircase is a step, and a degree-7 polynomial rings across the gap, in
        // the middle of the window, where trimming edge levels cannot help.
        var levels = Enumerable.Range(0, 40).Select(i => 1 + 0.001 * i).Concat(Enumerable.Range(0, 40).Select(i => 10 + 0.001 * i)).ToArray();
        var e = Assert.Throws<ArgumentException>(() => SpectrumUnfolding.Unfold(levels, 7, logScale: false));
        Assert.Equal("levels", e.ParamName);
        Assert.Contains("not monotone", e.Message);
        Assert.Contains("allowed", e.Message);
    }

    [Fact]
    public void Unfold_NoTrimAllowed_NonMonotoneFitIsAnError()
    {
        int k = Enumerable.Range(0, 60).First(j => SpectrumUnfolding.Unfold(ControlWindow(j), 7).Trimmed > 0);
        var e = Assert.Throws<ArgumentException>(() => SpectrumUnfolding.Unfold(ControlWindow(k), 7, maxTrimFraction: 0));
        Assert.Equal("levels", e.ParamName);
        Assert.Contains("maxTrimFraction·n = 0", e.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.01)]
    [InlineData(0.51)]
    [InlineData(double.PositiveInfinity)]
    public void Unfold_TrimFractionOutOfRange_Throws(double fraction)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SpectrumUnfolding.Unfold(ControlWindow(0), 7, maxTrimFraction: fraction));
        Assert.Equal("maxTrimFraction", e.ParamName);
        Assert.Contains("allowed", e.Message);
    }

    [Fact]
    public void Unfold_TooFewLevels_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => SpectrumUnfolding.Unfold(new[] { 1.0, 2, 3, 4, 5, 6, 7, 8 }, 7));
        Assert.Equal("levels", e.ParamName);
        Assert.Contains("at least degree + 2 = 9", e.Message);
    }

    [Fact]
    public void Analyse_WindowBeyondTheSpectrum_Throws()
    {
        var spectrum = IntegrableLevels.PowerLawDiagonal(100, 1.0, new Random(1));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SpectrumDiagnostics.Analyse(spectrum, SpectrumWindows.Standard(200)));
        Assert.Equal("windows", e.ParamName);
        Assert.Contains("allowed: last rank ≤ d = 100", e.Message);
    }

    [Fact]
    public void Analyse_LocalWindowOnZeroEigenvalues_Throws()
    {
        // M = 100 centred samples in d = 200: only 99 non-zero eigenvalues, the local window reaches rank 150.
        var spectrum = BlockedCovariance.FromSampler(GaussianSampler.Uncorrelated(200), 100, 100, 5).Spectrum(FeatureScaling.Centre);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SpectrumDiagnostics.Analyse(spectrum, SpectrumWindows.Standard(200)));
        Assert.Equal("windows", e.ParamName);
        Assert.Contains("positive eigenvalues", e.Message);
    }
}
