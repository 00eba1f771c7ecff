using MathNet.Numerics.LinearAlgebra;
using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class LimitingWeightsTests
{
    [Fact]
    public void Minimize_OneDimension_MatchesClosedForm()
    {
        // Points −1 and a > 0 in R¹: L̃(w) = ½(e^w + e^(−aw)), minimum at e^((1+a)w) = a, w = log a/(1 + a).
        double a = 0.6;
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { -1 }, { a } });
        // The Newton decrement stops at ≤ 1e-12·L̃, so w is accurate to ~√1e-12 = 1e-6.
        NumericAssert.Close(Math.Log(a) / (1 + a), LimitingWeights.Minimize(x)[0], 1e-6);
    }

    [Fact]
    public void Minimize_GaussianSet_GradientVanishes()
    {
        var x = new ConstantLabelModel(20, 1.0).Sample(100, new Random(3)).Points;
        var w = Vector<double>.Build.DenseOfArray(LimitingWeights.Minimize(x));
        var e = (-(x * w)).PointwiseExp();
        var g = -(x.TransposeThisAndMultiply(e)) / x.RowCount;
        Assert.True(g.L2Norm() < 1e-6 * e.Average(), $"gradient norm {g.L2Norm()}");
    }

    [Fact]
    public void Minimize_BadInput_Throws()
    {
        var separable = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0, 1 } });
        var ex = Assert.Throws<ArgumentException>(() => LimitingWeights.Minimize(separable));
        Assert.Equal("points", ex.ParamName);
        var nan = Matrix<double>.Build.DenseOfArray(new double[,] { { double.NaN }, { -1 } });
        Assert.Throws<ArgumentException>(() => LimitingWeights.Minimize(nan));
        var ok = Matrix<double>.Build.DenseOfArray(new double[,] { { -1 }, { 1 } });
        Assert.Throws<ArgumentOutOfRangeException>(() => LimitingWeights.Minimize(ok, gradientTolerance: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LimitingWeights.Minimize(ok, maxIterations: 0));
        Assert.Throws<ArgumentNullException>(() => LimitingWeights.Minimize(null!));
    }
}
