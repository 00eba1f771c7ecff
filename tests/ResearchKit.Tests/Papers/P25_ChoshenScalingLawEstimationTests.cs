using ResearchKit.Data;
using ResearchKit.ScalingLaws;
using Xunit.Abstractions;

namespace ResearchKit.Tests.Papers;

/// <summary>Choshen, Zhang, Andreas 2024 (arXiv 2410.11840) on the released ColPret tables.</summary>
public class P25_ChoshenScalingLawEstimationTests(ITestOutputHelper output)
{
    [Fact]
    public void Gpt3AndOptGrids_FitFromTheAuthorsStart()
    {
        // GPT-3: every cell converges; OPT (perplexity, as the authors fit it): all but k = 2 at q = 0.9, 1.
        foreach (var (family, maxFailures) in new[] { (ColPretData.LoadGpt3Default(Tests.Data.SharedData.RepositoryRoot).Families[0], 0),
                     (ColPretData.LoadOptDefault(OptLoss.Perplexity, Tests.Data.SharedData.RepositoryRoot).Families[0], 2) })
        {
            var grid = ColPretProtocol.Grid(family);
            foreach (var c in grid)
                output.WriteLine($"{family.Name} k={c.ModelCount} q={c.Fraction:F1} n={c.Fit.Observations} {c.Fit.Exit} it={c.Fit.Iterations} ARE={100 * c.AbsoluteRelativeError:F2}");
            Assert.Equal((family.Models.Count - 2) * 10, grid.Count);
            Assert.True(grid.Count(c => c.HasPrediction) >= grid.Count - maxFailures);
            Assert.All(grid, c => Assert.Equal(c.Fit.IsConverged, c.HasPrediction));
        }
    }
}
