using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

public class BenchmarkScoresTests
{
    private static ProblemOutcomes P(int n, int c) => new($"p{n}/{c}", n, c);

    [Fact]
    public void Compute_TwoProblems_MeanStandardErrorAndShare()
    {
        var s = BenchmarkScores.Compute([P(10, 1), P(10, 5)], threshold: 0.2);
        NumericAssert.Close(0.3, s.MeanAccuracy, 1e-14);
        NumericAssert.Close(0.2, s.MeanAccuracyStandardError, 1e-14);   // sd(0.1, 0.5) = 0.2828; / √2
        Assert.Equal(0.5, s.ThresholdedShare);
        Assert.Equal(2, s.Problems);
        Assert.Equal(10, s.SamplesPerProblem);
    }

    [Theory]
    [InlineData(3, 10, 0.3, 1.0)]      // exactly at the threshold counts
    [InlineData(1, 10, 0.1, 1.0)]
    [InlineData(2, 10, 0.3, 0.0)]
    [InlineData(0, 10, 1e-9, 0.0)]
    [InlineData(10, 10, 1.0, 1.0)]
    public void Compute_ThresholdCompareCounts(int c, int n, double threshold, double share)
        => Assert.Equal(share, BenchmarkScores.Compute([P(n, c)], threshold).ThresholdedShare);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Compute_BadThreshold_Throws(double threshold)
        => Assert.Throws<ArgumentOutOfRangeException>(() => BenchmarkScores.Compute([P(10, 1)], threshold));

    [Fact]
    public void Compute_BadProblems_Throw()
    {
        Assert.Throws<ArgumentException>(() => BenchmarkScores.Compute(Array.Empty<ProblemOutcomes>(), 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BenchmarkScores.Compute([P(10, 11)], 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BenchmarkScores.Compute([P(0, 0)], 0.1));
    }
}

public class MetricResolutionTests
{
    private static ProblemOutcomes P(int n, int c) => new($"p{n}/{c}", n, c);

    [Fact]
    public void ZeroReadingProbability_HandWorked()
    {
        // C(3, 2)/C(4, 2) = 3/6; times C(8, 2)/C(10, 2) = 28/45
        NumericAssert.Close(0.5, MetricResolution.ZeroReadingProbability([P(4, 1)], 2), 1e-14);
        NumericAssert.Close(0.5 * 28.0 / 45.0, MetricResolution.ZeroReadingProbability([P(4, 1), P(10, 2)], 2), 1e-14);
        Assert.Equal(1.0, MetricResolution.ZeroReadingProbability([P(10, 0), P(5, 0)], 5));
        Assert.Equal(0.0, MetricResolution.ZeroReadingProbability([P(10, 9), P(5, 0)], 2));
    }

    [Fact]
    public void Subsample_AllSamples_ReturnsTheCounts()
    {
        ProblemOutcomes[] full = [P(10, 3), P(10, 0), P(10, 10)];
        Assert.Equal(full, MetricResolution.Subsample(full, 10, new Random(1)));
    }

    [Fact]
    public void Subsample_SameSeedSameDraw_CountsInTheirRange()
    {
        ProblemOutcomes[] full = Enumerable.Range(0, 50).Select(i => P(100, 2 * i)).ToArray();
        var a = MetricResolution.Subsample(full, 7, new Random(42));
        var b = MetricResolution.Subsample(full, 7, new Random(42));
        Assert.Equal(a, b);
        for (int i = 0; i < full.Length; i++)
        {
            Assert.Equal(7, a[i].Samples);
            Assert.InRange(a[i].Successes, Math.Max(0, 7 - (100 - full[i].Successes)), Math.Min(7, full[i].Successes));
            Assert.Equal(full[i].ProblemId, a[i].ProblemId);
        }
    }

    [Fact]
    public void Subsample_MeanAndZeroReadings_MatchTheirExpectations()
    {
        // E[c′] = k·c/n per problem; P(every c′ = 0) = ZeroReadingProbability. 4000 seeded draws, 4 standard errors.
        ProblemOutcomes[] full = [P(50, 1), P(50, 3), P(50, 0), P(50, 2)];
        const int k = 5, draws = 4000;
        var rng = new Random(7);
        double total = 0; int zeros = 0;
        for (int t = 0; t < draws; t++)
        {
            var s = MetricResolution.Subsample(full, k, rng);
            int sum = s.Sum(p => p.Successes);
            total += sum;
            if (sum == 0) zeros++;
        }
        double expectedMean = k * 6.0 / 50;
        // Var of a sum of independent hypergeometrics: Σ k (c/n)(1 − c/n)(n − k)/(n − 1)
        double variance = full.Sum(p => k * (p.Successes / 50.0) * (1 - p.Successes / 50.0) * (50.0 - k) / 49.0);
        Assert.True(Math.Abs(total / draws - expectedMean) <= 4 * Math.Sqrt(variance / draws), $"mean {total / draws} vs {expectedMean}");
        double q = MetricResolution.ZeroReadingProbability(full, k);
        Assert.True(Math.Abs((double)zeros / draws - q) <= 4 * Math.Sqrt(q * (1 - q) / draws), $"zero share {(double)zeros / draws} vs {q}");
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MetricResolution.Subsample([P(10, 1)], 0, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => MetricResolution.Subsample([P(10, 1)], 11, new Random(1)));
        Assert.Throws<ArgumentNullException>(() => MetricResolution.Subsample([P(10, 1)], 2, null!));
        Assert.Throws<ArgumentException>(() => MetricResolution.Subsample(Array.Empty<ProblemOutcomes>(), 2, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => MetricResolution.ZeroReadingProbability([P(10, 1)], 11));
        Assert.Throws<ArgumentOutOfRangeException>(() => MetricResolution.ZeroReadingProbability([P(10, 12)], 1));
        Assert.Throws<ArgumentException>(() => MetricResolution.ZeroReadingProbability(Array.Empty<ProblemOutcomes>(), 1));
    }
}
