using MathNet.Numerics.Distributions;
using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

public class LatentInstanceDifficultyModelTests
{
    private static LatentInstanceDifficultyModel Model(double beta = 2.5, int d = 50, double tolerance = 1e-4)
        => new(d, 1.0, beta, 1e-3, tolerance, 1e-9);

    [Fact]
    public void SuccessProbability_KnownPoints_MatchNormalCdf()
    {
        var m = Model();
        // B = 0, τ = 1: 2Φ(δ/σ) − 1 = 2Φ(0.1) − 1; Φ(0.1) = 0.539827837277029 (standard tables / scipy.stats.norm.cdf).
        NumericAssert.Close(0.079655674554058, m.SuccessProbability(0, 1), 1e-12);
        // B = δ, τ = 1: Φ(0) − Φ(−0.2) = 0.5 − 0.420740290560897.
        NumericAssert.Close(0.079259709439103, m.SuccessProbability(1e-4, 1), 1e-12);
        NumericAssert.Close(m.SuccessProbability(3e-4, 2), m.SuccessProbability(-3e-4, 2), 1e-15, "symmetric in B");
        // Confidently wrong: B = 10σ at τ = 4 gives p ≈ φ(20)·0.4 ≈ 2e-88, still positive and finite.
        double tiny = m.SuccessProbability(1e-2, 4);
        Assert.True(tiny > 0 && tiny < 1e-80, $"p = {tiny}");
    }

    [Fact]
    public void MeanNoiseVariance_FiniteOnlyAboveTwo()
    {
        NumericAssert.Close(4e-6, Model(2.5).MeanNoiseVariance, 1e-12); // 2σ²/(β − 2) = 2e-6/0.5
        Assert.Equal(double.PositiveInfinity, Model(2.0).MeanNoiseVariance);
        Assert.Equal(double.PositiveInfinity, Model(1.5).MeanNoiseVariance);
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(1.2)]
    public void FailureCurveTheory_NoBias_ApproachesTheIntrinsicAsymptote(double beta)
    {
        var m = Model(beta);
        int[] ks = [10000, 100000];
        double[] f = m.FailureCurveTheory(0, ks);
        NumericAssert.Close(m.IntrinsicAsymptote(1e5), f[1], 0.01, "F(1e5) vs 2Γ(β)/Γ(β/2)(ck)^−β");
        NumericAssert.Close(beta, LatentInstanceDifficultyModel.EffectiveExponent(ks, f), 0.01, "local exponent");
    }

    [Fact]
    public void SampleNoiseVariances_BetaSix_MeanMatchesClosedForm()
    {
        // β = 6: E[σ²/τ] = 2σ²/(β − 2) = 5e-7 and Var(1/τ) = 1/((a−1)²(a−2)) = 1/8 finite (a = 3).
        var draws = Model(6.0).SampleNoiseVariances(200000, 4);
        double se = 1e-6 * Math.Sqrt(0.125 / 200000);
        NumericAssert.CloseAbs(5e-7, draws.Average(), 4 * se);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Model().SampleNoiseVariances(0, 1)).ParamName);
    }

    [Fact]
    public void FailureCurve_ManyBiases_HistogramMatchesExactAverage()
    {
        // 5 000 biases go through the 1 %-bin histogram; the exact mean over the same biases is the average of
        // the curves of two halves of 2 500 (each below the threshold, so computed exactly).
        var m = Model();
        var random = new Random(8);
        double[] biases = Enumerable.Range(0, 5000).Select(_ => 1.5e-3 * Normal.Sample(random, 0, 1)).ToArray();
        int[] ks = [1, 100, 10000];
        double[] binned = m.FailureCurve(biases, ks);
        double[] a = m.FailureCurve(biases.Take(2500).ToArray(), ks), b = m.FailureCurve(biases.Skip(2500).ToArray(), ks);
        for (int i = 0; i < ks.Length; i++)
            NumericAssert.Close(0.5 * (a[i] + b[i]), binned[i], 0.01, $"k = {ks[i]}");
    }

    [Fact]
    public void FailureCurve_ZeroBiases_EqualsTheoryWithZeroExcessRisk()
    {
        var m = Model();
        int[] ks = [1, 10, 100, 1000];
        double[] sim = m.FailureCurve([0.0, 0.0, -0.0], ks);
        double[] theory = m.FailureCurveTheory(0, ks);
        for (int i = 0; i < ks.Length; i++)
            NumericAssert.Close(theory[i], sim[i], 1e-12);
    }

    [Fact]
    public void FailureCurveTheory_MatchesBruteForceAttempts()
    {
        // Sample τ ~ Gamma(β/2, 1), B ~ N(0, s²) and k Gaussian attempts; count instances with no attempt within δ.
        var m = Model(2.5, tolerance: 1e-3);
        double s = 8e-4;
        var random = new Random(17);
        var gamma = new Gamma(1.25, 1, random);
        int[] ks = [1, 4, 16];
        var fails = new int[ks.Length];
        const int instances = 40000;
        for (int i = 0; i < instances; i++)
        {
            double tau = gamma.Sample(), bias = s * Normal.Sample(random, 0, 1), sd = 1e-3 / Math.Sqrt(tau);
            int firstHit = int.MaxValue;
            for (int a = 1; a <= ks[^1] && firstHit == int.MaxValue; a++)
            {
                if (Math.Abs(bias + sd * Normal.Sample(random, 0, 1)) <= 1e-3) firstHit = a;
            }
            for (int j = 0; j < ks.Length; j++)
                if (firstHit > ks[j]) fails[j]++;
        }
        double[] theory = m.FailureCurveTheory(s * s, ks);
        for (int j = 0; j < ks.Length; j++)
        {
            double observed = fails[j] / (double)instances;
            NumericAssert.CloseAbs(theory[j], observed, 4 * Math.Sqrt(theory[j] * (1 - theory[j]) / instances), $"k = {ks[j]}");
        }
    }

    [Fact]
    public void FailureCurveByAttempts_MatchesQuadratureTheory()
    {
        var m = Model(2.5, tolerance: 1e-3);
        var random = new Random(5);
        double[] biases = Enumerable.Range(0, 20000).Select(_ => 8e-4 * Normal.Sample(random, 0, 1)).ToArray();
        int[] ks = [1, 8, 64];
        double[] brute = m.FailureCurveByAttempts(biases, ks, 6);
        double[] theory = m.FailureCurveTheory(6.4e-7, ks);
        for (int j = 0; j < ks.Length; j++)
            NumericAssert.CloseAbs(theory[j], brute[j], 4 * Math.Sqrt(theory[j] * (1 - theory[j]) / biases.Length), $"k = {ks[j]}");
        Assert.Throws<ArgumentOutOfRangeException>(() => m.FailureCurveByAttempts(biases, [200_000], 1));
    }

    [Fact]
    public void ExcessRiskTheory_AboveInterpolation_IsNoiseTimesDOverNMinusD()
    {
        var m = Model(2.5, d: 50);
        foreach (int n in new[] { 200, 1000, 5000 })
            NumericAssert.Close(4e-6 * 50 / (n - 50.0), m.ExcessRiskTheory(n), 1e-3, $"N = {n}");
    }

    [Fact]
    public void ExcessRiskTheory_BelowInterpolation_ScalesAsNToMinusAlpha()
    {
        var m = new LatentInstanceDifficultyModel(4000, 1.0, 2.5, 1e-3, 1e-4, 1e-9);
        int[] ns = [20, 40, 80, 160];
        double slope = Math.Log(m.ExcessRiskTheory(ns[^1]) / m.ExcessRiskTheory(ns[0])) / Math.Log((double)ns[^1] / ns[0]);
        NumericAssert.CloseAbs(-1.0, slope, 0.05, "d ln s²/d ln N for N ≪ d, α = 1");
    }

    [Fact]
    public void Train_AveragedOverSeeds_MatchesExactOlsRisk()
    {
        // Gaussian design, noise independent of x: E[s²] = σ_ε² d/(N − d − 1) exactly for least squares.
        // β = 6 keeps E[1/τ²] finite so that the average over seeds has a finite variance.
        var m = new LatentInstanceDifficultyModel(20, 1.0, 6.0, 1e-3, 1e-4, 1e-12);
        const int seeds = 300, n = 80;
        double[] risks = Enumerable.Range(0, seeds).Select(s => m.Train(n, 1, 3, 100 + s).ExcessRisk).ToArray();
        double mean = risks.Average();
        double se = Math.Sqrt(risks.Sum(r => (r - mean) * (r - mean)) / (seeds - 1) / seeds);
        double exact = m.MeanNoiseVariance * 20 / (n - 20 - 1.0);
        NumericAssert.CloseAbs(exact, mean, 4 * se, "mean excess risk");
    }

    [Fact]
    public void Train_TestBiasesHaveVarianceEqualToExcessRisk()
    {
        var fit = Model().Train(400, 20000, 1, 2);
        double variance = fit.TestBiases.Select(b => b * b).Average();
        NumericAssert.Close(fit.ExcessRisk, variance, 4 * Math.Sqrt(2.0 / 20000));
        Assert.Equal(400, fit.TrainingSize);
        Assert.True(fit.MeanTrainingNoiseVariance > 0);
    }

    [Fact]
    public void Train_SameSeedsGiveSameFit()
    {
        var m = Model();
        Assert.Equal(m.Train(30, 5, 1, 2).TestBiases, m.Train(30, 5, 1, 2).TestBiases);
        Assert.Equal(m.Teacher(4), m.Teacher(4));
    }

    [Fact]
    public void EffectiveExponent_ExactPowerLaw_ReturnsItsExponent()
    {
        int[] ks = [10, 100, 1000];
        NumericAssert.Close(1.7, LatentInstanceDifficultyModel.EffectiveExponent(ks, ks.Select(k => Math.Pow(k, -1.7)).ToArray()), 1e-12);
    }

    [Fact]
    public void SimulateFailureCurve_IsUnbiasedAgainstTheQuadrature_WithAndWithoutBias()
    {
        // Drawn precisions (importance-sampled) and geometric first-success times against the τ quadrature, from
        // k = 1 (failure ≈ 0.8) to k = 10⁴ (≈ 10⁻⁷): every point within 4 standard errors.
        var lid = new LatentInstanceDifficultyModel(10, 1, 2.5, 1e-3, 1e-4, 1e-9);
        int[] ks = { 1, 10, 100, 1000, 10000 };
        foreach (var biases in new[] { new[] { 0.0 }, Enumerable.Range(0, 64).Select(i => 2e-4 * Math.Sin(i)).ToArray() })
        {
            var sim = lid.SimulateFailureCurve(biases, ks, 400_000, 3);
            var exact = lid.FailureCurve(biases, ks);
            for (int m = 0; m < ks.Length; m++)
            {
                Assert.True(sim.StandardErrors[m] > 0 && sim.StandardErrors[m] < 0.2 * exact[m], $"k = {ks[m]}: SE {sim.StandardErrors[m]} vs {exact[m]}");
                Assert.True(Math.Abs(sim.Failure[m] - exact[m]) <= 4 * sim.StandardErrors[m], $"k = {ks[m]}: {sim.Failure[m]} vs {exact[m]} ± {sim.StandardErrors[m]}");
            }
        }
    }

    [Fact]
    public void SimulateFailureCurve_EffectiveExponent_JackknifeCoversTheQuadratureSlope()
    {
        var lid = new LatentInstanceDifficultyModel(10, 1, 2.5, 1e-3, 1e-4, 1e-9);
        int[] window = Enumerable.Range(0, 9).Select(i => (int)Math.Round(Math.Pow(10, 3 + i / 8.0))).ToArray();
        var sim = lid.SimulateFailureCurve(new[] { 0.0 }, window, 400_000, 9);
        var (beta, se) = sim.EffectiveExponent();
        double exact = LatentInstanceDifficultyModel.EffectiveExponent(window, lid.FailureCurve(new[] { 0.0 }, window));
        Assert.True(se > 0 && se < 0.1, $"SE = {se}");
        Assert.True(Math.Abs(beta - exact) <= 4 * se, $"{beta} ± {se} vs {exact}");
        var again = lid.SimulateFailureCurve(new[] { 0.0 }, window, 400_000, 9);
        Assert.Equal(sim.Failure, again.Failure);
    }

    [Fact]
    public void SimulateFailureCurve_BadInputs_Throw()
    {
        var lid = new LatentInstanceDifficultyModel(10, 1, 2.5, 1e-3, 1e-4, 1e-9);
        Assert.Throws<ArgumentException>(() => lid.SimulateFailureCurve(new[] { 0.0 }, new[] { 10, 5 }, 10_000, 1));
        Assert.Throws<ArgumentException>(() => lid.SimulateFailureCurve(new[] { 0.0 }, new[] { 5 }, 10_000, 1));
        var few = Assert.Throws<ArgumentOutOfRangeException>(() => lid.SimulateFailureCurve(new[] { 0.0 }, new[] { 1, 5 }, 1_000, 1));
        Assert.Contains("instances", few.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => lid.SimulateFailureCurve(new[] { 0.0 }, new[] { 1, 5 }, 10_000, 1, batches: 1));
        Assert.Throws<ArgumentException>(() => lid.SimulateFailureCurve(new[] { double.NaN }, new[] { 1, 5 }, 10_000, 1));
    }

    [Fact]
    public void BadInputs_ThrowNamingTheParameter()
    {
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => new LatentInstanceDifficultyModel(0, 1, 2.5, 1e-3, 1e-4, 1e-9)).ParamName);
        Assert.Equal("spectrumExponent", Assert.Throws<ArgumentOutOfRangeException>(() => new LatentInstanceDifficultyModel(5, double.NaN, 2.5, 1e-3, 1e-4, 1e-9)).ParamName);
        Assert.Equal("tailExponent", Assert.Throws<ArgumentOutOfRangeException>(() => new LatentInstanceDifficultyModel(5, 1, 0, 1e-3, 1e-4, 1e-9)).ParamName);
        Assert.Equal("noiseScale", Assert.Throws<ArgumentOutOfRangeException>(() => new LatentInstanceDifficultyModel(5, 1, 2.5, -1, 1e-4, 1e-9)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new LatentInstanceDifficultyModel(5, 1, 2.5, 1e-3, 0, 1e-9)).ParamName);
        Assert.Equal("ridge", Assert.Throws<ArgumentOutOfRangeException>(() => new LatentInstanceDifficultyModel(5, 1, 2.5, 1e-3, 1e-4, double.PositiveInfinity)).ParamName);
        var m = Model();
        Assert.Equal("trainingSize", Assert.Throws<ArgumentOutOfRangeException>(() => m.Train(0, 1, 1, 1)).ParamName);
        Assert.Equal("testSize", Assert.Throws<ArgumentOutOfRangeException>(() => m.Train(5, 0, 1, 1)).ParamName);
        Assert.Equal("precision", Assert.Throws<ArgumentOutOfRangeException>(() => m.SuccessProbability(0, 0)).ParamName);
        Assert.Equal("bias", Assert.Throws<ArgumentOutOfRangeException>(() => m.SuccessProbability(double.NaN, 1)).ParamName);
        Assert.Throws<ArgumentException>(() => m.FailureCurve([], [1]));
        Assert.Throws<ArgumentException>(() => m.FailureCurve([double.NaN], [1]));
        Assert.Contains("ks[1] = 0", Assert.Throws<ArgumentOutOfRangeException>(() => m.FailureCurve([0.0], [1, 0])).Message);
        Assert.Equal("excessRisk", Assert.Throws<ArgumentOutOfRangeException>(() => m.FailureCurveTheory(-1, [1])).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => m.IntrinsicAsymptote(0)).ParamName);
        Assert.Equal("trainingSize", Assert.Throws<ArgumentOutOfRangeException>(() => m.ExcessRiskTheory(0)).ParamName);
        Assert.Throws<ArgumentException>(() => LatentInstanceDifficultyModel.EffectiveExponent([1, 2], [0.5]));
        Assert.Throws<ArgumentException>(() => LatentInstanceDifficultyModel.EffectiveExponent([1], [0.5]));
        Assert.Throws<ArgumentException>(() => LatentInstanceDifficultyModel.EffectiveExponent([3, 3], [0.5, 0.4]));
        Assert.Contains("failure[1]", Assert.Throws<ArgumentOutOfRangeException>(() => LatentInstanceDifficultyModel.EffectiveExponent([1, 2], [0.5, 0.0])).Message);
    }
    [Fact]
    public void FailureCurves_OneAndTwoThreads_BitIdentical()
    {
        var lid = new LatentInstanceDifficultyModel(10, 1, 2.5, 1e-3, 1e-4, 1e-9);
        var fit = lid.Train(40, 9000, 1, 2);          // above the binning threshold: several blocks of bias nodes
        int[] ks = { 1, 10, 100, 1000, 10000 };
        double[] Curve() => lid.FailureCurve(fit.TestBiases, ks);
        double[] Theory() => lid.FailureCurveTheory(fit.ExcessRisk, ks);
        Assert.Equal(ThreadLimit.Bits(ThreadLimit.Run(1, Curve)), ThreadLimit.Bits(ThreadLimit.Run(2, Curve)));
        Assert.Equal(ThreadLimit.Bits(ThreadLimit.Run(1, Theory)), ThreadLimit.Bits(ThreadLimit.Run(2, Theory)));
    }

    [Fact]
    public void SimulateFailureCurve_OneAndTwoThreads_BitIdentical()
    {
        var lid = new LatentInstanceDifficultyModel(10, 1, 2.5, 1e-3, 1e-4, 1e-9);
        var biases = lid.Train(40, 500, 1, 2).TestBiases;
        int[] ks = { 10, 100, 1000 };
        // More instances than one block, so that the blocks' hand-over is exercised.
        SimulatedFailureCurve Simulate() => lid.SimulateFailureCurve(biases, ks, 150_000, 9);
        var one = ThreadLimit.Run(1, Simulate);
        var two = ThreadLimit.Run(2, Simulate);
        Assert.Equal(ThreadLimit.Bits(one.Failure), ThreadLimit.Bits(two.Failure));
        Assert.Equal(ThreadLimit.Bits(one.StandardErrors), ThreadLimit.Bits(two.StandardErrors));
    }

    [Fact]
    public void FailureCurves_ManySets_BitIdenticalToOneCallPerSet_AtOneAndTwoThreads()
    {
        var lid = new LatentInstanceDifficultyModel(10, 1, 2.5, 1e-3, 1e-4, 1e-9);
        // A biased fit (many confidently wrong pairs, p = 0), a fit near the noise floor, one below the binning
        // threshold, and all-zero biases; descending budgets exercise the path without the early exit.
        var sets = new IReadOnlyList<double>[]
        {
            lid.Train(5, 6000, 1, 2).TestBiases, lid.Train(400, 9000, 1, 3).TestBiases, lid.Train(40, 700, 1, 4).TestBiases, new[] { 0.0, -0.0 },
        };
        foreach (int[] ks in new[] { new[] { 1, 10, 100, 1000, 10000 }, new[] { 3000, 30, 1 } })
        {
            var single = sets.Select(b => ThreadLimit.Bits(lid.FailureCurve(b, ks))).ToArray();
            foreach (int threads in new[] { 1, 2 })
            {
                var batch = lid.FailureCurves(sets, ks, threads);
                Assert.Equal(sets.Length, batch.Length);
                for (int i = 0; i < sets.Length; i++)
                    Assert.Equal(single[i], ThreadLimit.Bits(batch[i]));
            }
        }
    }

    [Fact]
    public void FailureCurvesTheory_ManyRisks_BitIdenticalToOneCallPerRisk_AtOneAndTwoThreads()
    {
        var lid = new LatentInstanceDifficultyModel(10, 1, 2.5, 1e-3, 1e-4, 1e-9);
        double[] risks = { 0, 1e-8, 6.4e-7, 1e-3, 0.5 };
        int[] ks = { 1, 31, 1000, 10000 };
        var single = risks.Select(s2 => ThreadLimit.Bits(lid.FailureCurveTheory(s2, ks))).ToArray();
        foreach (int threads in new[] { 1, 2 })
        {
            var batch = lid.FailureCurvesTheory(risks, ks, threads);
            for (int i = 0; i < risks.Length; i++)
                Assert.Equal(single[i], ThreadLimit.Bits(batch[i]));
        }
    }

    [Fact]
    public void ErfcOfNonNegative_EqualsMathNetBitForBit_AndIsZeroPastTheCut()
    {
        // The short cut must not change a bit: MathNet's erfc is +0 beyond the cut, and the same value below it.
        var random = new Random(11);
        for (int i = 0; i < 200_000; i++)
        {
            double z = i % 2 == 0 ? 26 + 4 * random.NextDouble() : 30 * random.NextDouble();
            Assert.Equal(BitConverter.DoubleToInt64Bits(MathNet.Numerics.SpecialFunctions.Erfc(z)),
                BitConverter.DoubleToInt64Bits(LatentInstanceDifficultyModel.ErfcOfNonNegative(z)));
        }
        foreach (double z in new[] { LatentInstanceDifficultyModel.ErfcZeroFrom, Math.BitIncrement(LatentInstanceDifficultyModel.ErfcZeroFrom), 50, 109.9, 110, 1e6 })
            Assert.Equal(0L, BitConverter.DoubleToInt64Bits(MathNet.Numerics.SpecialFunctions.Erfc(z)));
        Assert.True(MathNet.Numerics.SpecialFunctions.Erfc(27.2) > 0, "the cut is not far above the last non-zero value");
    }

    [Fact]
    public void FailureCurves_BadInput_ThrowsNamingTheArgument()
    {
        var m = Model();
        Assert.Equal("biasSets", Assert.Throws<ArgumentException>(() => m.FailureCurves(Array.Empty<IReadOnlyList<double>>(), [1])).ParamName);
        Assert.Contains("biasSets[1]", Assert.Throws<ArgumentException>(() => m.FailureCurves(new IReadOnlyList<double>[] { new[] { 0.1 }, Array.Empty<double>() }, [1])).Message);
        Assert.Contains("biasSets[0]", Assert.Throws<ArgumentException>(() => m.FailureCurves(new IReadOnlyList<double>[] { new[] { double.NaN } }, [1])).Message);
        Assert.Contains("ks[0] = 0", Assert.Throws<ArgumentOutOfRangeException>(() => m.FailureCurves(new IReadOnlyList<double>[] { new[] { 0.1 } }, [0])).Message);
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => m.FailureCurves(new IReadOnlyList<double>[] { new[] { 0.1 } }, [1], 0)).ParamName);
        Assert.Equal("excessRisks", Assert.Throws<ArgumentException>(() => m.FailureCurvesTheory(Array.Empty<double>(), [1])).ParamName);
        Assert.Contains("excessRisks[1] = -1", Assert.Throws<ArgumentOutOfRangeException>(() => m.FailureCurvesTheory([0.1, -1], [1])).Message);
        Assert.Equal("excessRisks", Assert.Throws<ArgumentOutOfRangeException>(() => m.FailureCurvesTheory([double.PositiveInfinity], [1])).ParamName);
    }
}
