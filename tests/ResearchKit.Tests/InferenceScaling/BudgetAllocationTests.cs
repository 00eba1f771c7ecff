using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

public class BudgetAllocationTests
{
    private static readonly ProblemOutcomes[] Recorded =
        [.. Enumerable.Range(0, 30).Select(i => new ProblemOutcomes($"p{i}", 1000, i % 5 == 0 ? 0 : 10 * i))];

    [Fact]
    public void Dynamic_EasyAndImpossibleProblem_PoursBudgetIntoTheUnsolved()
    {
        // Problem 0 always succeeds, problem 1 never: after one success on problem 0, every attempt goes to problem 1.
        ProblemOutcomes[] recorded = [new("easy", 100, 100), new("impossible", 100, 0)];
        for (int seed = 0; seed < 5; seed++)
        {
            var run = BudgetAllocation.Dynamic(recorded, 50, new Random(seed));
            Assert.Equal(new ProblemOutcomes("easy", 1, 1), run.Counts[0]);
            Assert.Equal(new ProblemOutcomes("impossible", 49, 0), run.Counts[1]);
        }
    }

    [Fact]
    public void Dynamic_SpendsExactlyTheBudget_AndIsReproducible()
    {
        var first = BudgetAllocation.Dynamic(Recorded, 1234, new Random(3));
        var second = BudgetAllocation.Dynamic(Recorded, 1234, new Random(3));
        Assert.Equal(1234, first.AttemptsUsed);
        Assert.Equal(1234, first.Counts.Sum(c => c.Samples));
        Assert.Equal(first.Counts, second.Counts);
    }

    [Fact]
    public void Dynamic_RecordedOutcomesRunOut_StopsAndReportsExhaustion()
    {
        ProblemOutcomes[] recorded = [new("a", 3, 0), new("b", 2, 0)];
        var run = BudgetAllocation.Dynamic(recorded, 100, new Random(1));
        Assert.Equal(5, run.AttemptsUsed);
        Assert.Equal(2, run.ExhaustedProblems);
    }

    [Fact]
    public void Uniform_SplitsEvenlyWithRandomRemainder()
    {
        var run = BudgetAllocation.Uniform(Recorded, 100, new Random(2));
        Assert.Equal(100, run.AttemptsUsed);
        Assert.All(run.Counts, c => Assert.InRange(c.Samples, 3, 4));
        Assert.Equal(10, run.Counts.Count(c => c.Samples == 4));
    }

    [Fact]
    public void Uniform_WholeRecord_ReproducesRecordedCountsExactly()
    {
        // Drawing all n recorded outcomes without replacement must return exactly c successes.
        var run = BudgetAllocation.Uniform(Recorded, 30 * 1000, new Random(4));
        for (int i = 0; i < Recorded.Length; i++)
            Assert.Equal(Recorded[i].Successes, run.Counts[i].Successes);
        Assert.Equal(30, run.ExhaustedProblems);
    }

    [Fact]
    public void Uniform_DrawsAreHypergeometricInMean()
    {
        // 200 attempts out of an urn with 300 successes in 1000: the mean success count is 60 (SD ≈ 5.8).
        ProblemOutcomes[] recorded = [new("x", 1000, 300)];
        var random = new Random(8);
        double mean = Enumerable.Range(0, 400).Average(_ => BudgetAllocation.Uniform(recorded, 200, random).Counts[0].Successes);
        NumericAssert.CloseAbs(60, mean, 5.8 / Math.Sqrt(400) * 4);
    }

    [Fact]
    public void Allocation_BadInput_ThrowsNamingTheProblem()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetAllocation.Uniform(Recorded, 0, new Random(1)));
        Assert.Throws<ArgumentException>(() => BudgetAllocation.Dynamic([], 10, new Random(1)));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BudgetAllocation.Dynamic([new("ok", 5, 1), new("bad", 5, 6)], 10, new Random(1)));
        Assert.Contains("recorded[1] bad", e.Message);
    }
}

public class SampledCountsTests
{
    [Fact]
    public void ZeroSuccessPrecision_CountsTrulyUnsolvedAmongSampledZeros()
    {
        ProblemOutcomes[] recorded = [new("impossible", 100, 0), new("hard", 100, 1), new("easy", 100, 90)];
        var sample = new SampledCounts([new("impossible", 5, 0), new("hard", 5, 0), new("easy", 5, 4)], 15, 0);
        Assert.Equal(0.5, sample.ZeroSuccessPrecision(recorded));
        var allSolved = new SampledCounts([new("a", 1, 1)], 1, 0);
        Assert.True(double.IsNaN(allSolved.ZeroSuccessPrecision([new("a", 10, 3)])));
    }
}
