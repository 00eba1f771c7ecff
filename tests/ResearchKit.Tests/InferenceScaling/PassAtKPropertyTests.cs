using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

public class PassAtKPropertyTests
{
    // Maps arbitrary generated integers onto a valid (n, c, k) with n up to 10⁴, so every case is exercised.
    private static (int N, int C) Counts(int a, int b)
    {
        int n = 1 + (int)((uint)a % 10000);
        int c = (int)((uint)b % (uint)(n + 1));
        return (n, c);
    }

    [Property(MaxTest = 200)]
    public bool Estimate_AnyCounts_IsNonDecreasingInKAndWithinUnitInterval(int a, int b, int step)
    {
        var (n, c) = Counts(a, b);
        int stride = 1 + (int)((uint)step % 97);
        var ks = Enumerable.Range(0, n).Select(i => 1 + i).Where(k => k % stride == 0 || k == 1 || k == n).ToArray();
        double[] curve = PassAtK.EstimateCurve(n, c, ks);
        for (int j = 0; j < curve.Length; j++)
        {
            if (!(curve[j] >= 0 && curve[j] <= 1)) return false;
            if (j > 0 && curve[j] < curve[j - 1]) return false;
        }
        return true;
    }

    [Fact]
    public void EstimateCurve_AtTheCaseTheFirstPropertyFound_IsNonDecreasing()
    {
        // n = 7280, c = 41 (FsCheck's (−17, −8, 0)): Kahan's e^x − 1 quotient made pass@k fall from k = 3968 to 3969.
        int[] ks = Enumerable.Range(1, 7280).ToArray();
        double[] curve = PassAtK.EstimateCurve(7280, 41, ks);
        for (int j = 1; j < curve.Length; j++)
            Assert.True(curve[j] >= curve[j - 1], $"pass@{ks[j]} = {curve[j]:R} < pass@{ks[j - 1]} = {curve[j - 1]:R}");
        Assert.All(curve, v => Assert.InRange(v, 0.0, 1.0));
    }

    [Property(MaxTest = 200)]
    public bool Estimate_AtKEqualsN_IsOneIfAnySuccessElseZero(int a, int b)
    {
        var (n, c) = Counts(a, b);
        double value = PassAtK.Estimate(n, c, n);
        return c > 0 ? value == 1.0 : value == 0.0;
    }

    [Property(MaxTest = 100)]
    public bool Estimate_ExpectationOverBinomialDraws_EqualsOneMinusFailurePower(int a, int b, int pRaw)
    {
        // E_c[pass@k] with c ~ Binomial(n, p) must equal 1 − (1 − p)^k exactly (the estimator is unbiased).
        int n = 1 + (int)((uint)a % 60);
        int k = 1 + (int)((uint)b % (uint)n);
        double p = ((uint)pRaw % 1001) / 1000.0;
        // Binomial weights built by the recurrence C(n, c+1) = C(n, c)(n − c)/(c + 1), exact to rounding for n ≤ 60
        // (MathNet's Binomial.PMF is only good to ~1e-7 relative here, too coarse for this identity).
        double expectation = 0, binomial = 1;
        for (int c = 0; c <= n; c++)
        {
            expectation += binomial * Math.Pow(p, c) * Math.Pow(1 - p, n - c) * PassAtK.Estimate(n, c, k);
            binomial = binomial * (n - c) / (c + 1);
        }
        double truth = 1 - Math.Pow(1 - p, k);
        return Math.Abs(expectation - truth) <= 1e-12;
    }

    [Theory]
    [InlineData(200, 10, 0.01, 11)]
    [InlineData(50, 25, 0.2, 12)]
    [InlineData(1000, 500, 0.002, 13)]
    public void Estimate_SimulatedBernoulliAttempts_AveragesToTruePassAtK(int n, int k, double p, int seed)
    {
        // Monte Carlo: draw n Bernoulli(p) attempts per replicate, estimate pass@k, average over replicates.
        var random = new Random(seed);
        const int replicates = 4000;
        double sum = 0, sumSquares = 0;
        for (int r = 0; r < replicates; r++)
        {
            int c = 0;
            for (int i = 0; i < n; i++)
                if (random.NextDouble() < p) c++;
            double e = PassAtK.Estimate(n, c, k);
            sum += e;
            sumSquares += e * e;
        }
        double mean = sum / replicates;
        double standardError = Math.Sqrt((sumSquares / replicates - mean * mean) / replicates);
        double truth = 1 - Math.Pow(1 - p, k);
        // Five standard errors: a biased estimator (e.g. 1 − (1 − c/n)^k) fails this at these sizes.
        NumericAssert.CloseAbs(truth, mean, 5 * standardError);
    }

    [Fact]
    public void PluginEstimator_SameSimulation_IsDetectablyBiased()
    {
        // Guards the test above against being too weak: with the same replicates and the same five-standard-error
        // criterion, the plug-in estimator 1 − (1 − c/n)^k (biased low by Jensen) is rejected.
        var random = new Random(12);
        int n = 50, k = 25; double p = 0.2;
        const int replicates = 4000;
        double sum = 0, sumSquares = 0;
        for (int r = 0; r < replicates; r++)
        {
            int c = 0;
            for (int i = 0; i < n; i++)
                if (random.NextDouble() < p) c++;
            double e = 1 - Math.Pow(1 - (double)c / n, k);
            sum += e;
            sumSquares += e * e;
        }
        double mean = sum / replicates;
        double standardError = Math.Sqrt((sumSquares / replicates - mean * mean) / replicates);
        double truth = 1 - Math.Pow(1 - p, k);
        Assert.True(mean < truth - 5 * standardError, $"plug-in mean {mean} vs truth {truth} (SE {standardError})");
    }
}
