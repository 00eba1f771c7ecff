using MathNet.Numerics.LinearAlgebra;
using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

/// <summary>
/// Calls that failed with an exception that did not say what was wrong: each now names the parameter, the value and
/// the allowed range (hostile review, issue 10).
/// </summary>
public class UnclearErrorTests
{
    [Fact]
    public void ParityNetwork_ParameterCountBeyondInt_NamesTheSizes()
    {
        // checked(n·h + 3h) threw a bare OverflowException.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ParityNetwork.ParameterCount(100_000, 100_000));
        Assert.Equal("hiddenUnits", e.ParamName);
        Assert.Contains("10000300000", e.Message);
        Assert.Contains($"allowed: n·h + 3h ≤ {int.MaxValue}", e.Message);
    }

    [Fact]
    public void FisherDiscriminant_SingularWithinClassScatter_NamesSample()
    {
        // A feature that is constant in every class: MathNet threw "Matrix must be positive definite."
        var points = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 2, 0 }, { 3, 0 }, { 4, 0 }, { 5, 0 } });
        var e = Assert.Throws<ArgumentException>(() => FisherDiscriminant.FromSample(new ClassificationSample(points, new double[] { 1, 1, -1, -1, 1 })));
        Assert.Equal("sample", e.ParamName);
        Assert.Contains("singular", e.Message);
        Assert.Contains("allowed", e.Message);
    }

    [Fact]
    public void SeriesBand_NullRun_NamesIt()
    {
        // Used to be a NullReferenceException.
        var e = Assert.Throws<ArgumentNullException>(() => SeriesBand.Of(new[] { new double[] { 1 }, null! }));
        Assert.Equal("runs[1]", e.ParamName);
    }
}
