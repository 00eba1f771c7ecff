using MathNet.Numerics.LinearAlgebra;
using ResearchKit.LearningCurves;

namespace ResearchKit.Tests.LearningCurves;

public class RandomFeatureGradientFlowTests
{
    [Fact]
    public void MatchesDirectIntegrationOfTheFlow()
    {
        // Euler-free check: v(t) = exp(−tFΛ)w* by a dense matrix exponential through Λ^½FΛ^½ (M = 30, N = 8).
        var task = PowerLawTask.Create(30, PowerLawExponents.FromDecay(2, 1), PowerLawNormalization.None);
        var flow = RandomFeatureGradientFlow.Draw(task, 8, new Random(4));
        var random = new Random(4);
        int m = 30, n = 8;
        var data = new double[n * m];
        MathNet.Numerics.Distributions.Normal.Samples(random, data, 0, 1);
        var a = Matrix<double>.Build.Dense(n, m, data);
        var sq = Matrix<double>.Build.DenseOfDiagonalArray(task.Eigenvalues.Select(Math.Sqrt).ToArray());
        var b = sq * a.TransposeThisAndMultiply(a) * sq / n;
        var evd = b.Evd(Symmetricity.Symmetric);
        var u0 = sq * Vector<double>.Build.DenseOfEnumerable(task.Weights);
        foreach (double t in new[] { 0.0, 0.5, 3, 50 })
        {
            var e = Matrix<double>.Build.DenseOfDiagonalArray(evd.EigenValues.Select(z => Math.Exp(-t * z.Real)).ToArray());
            var u = evd.EigenVectors * e * evd.EigenVectors.Transpose() * u0;
            NumericAssert.Close(u.DotProduct(u), flow.Loss([t])[0], 1e-9, $"t = {t}");
        }
        Assert.True(flow.FinalLoss > 0 && flow.FinalLoss < flow.Loss([0])[0]);
    }

    [Fact]
    public void BadInput_NamesParameterValueAndRange()
    {
        var task = PowerLawTask.Isotropic(5);
        Assert.Contains("features = 0", Assert.Throws<ArgumentOutOfRangeException>(() => RandomFeatureGradientFlow.Draw(task, 0, new Random(1))).Message);
        var flow = RandomFeatureGradientFlow.Draw(task, 2, new Random(1));
        Assert.Contains("times = -1", Assert.Throws<ArgumentOutOfRangeException>(() => flow.Loss([-1.0])).Message);
        Assert.Throws<ArgumentException>(() => flow.Loss([double.NaN]));
    }
}
