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

    [Fact]
    public void MinimizeIfNotSeparable_NotSeparable_BitIdenticalToMinimize()
    {
        var x = new ConstantLabelModel(30, 1.0).Sample(100, new Random(5)).Points;
        var w = LimitingWeights.MinimizeIfNotSeparable(x);
        Assert.NotNull(w);
        Assert.Equal(LimitingWeights.Minimize(x).Select(BitConverter.DoubleToInt64Bits), w!.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(Math.Sqrt(w.Sum(v => v * v)), LimitingWeights.NormIfNotSeparable(x));
    }

    [Fact]
    public void MinimizeIfNotSeparable_Separable_IsNull()
    {
        var separable = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0, 1 } });
        Assert.Null(LimitingWeights.MinimizeIfNotSeparable(separable));
        Assert.True(double.IsNaN(LimitingWeights.NormIfNotSeparable(separable)));
    }

    [Fact]
    public void MinimizeIfNotSeparable_BadInput_Throws()
    {
        var ok = Matrix<double>.Build.DenseOfArray(new double[,] { { -1 }, { 1 } });
        Assert.Equal("points", Assert.Throws<ArgumentNullException>(() => LimitingWeights.MinimizeIfNotSeparable(null!)).ParamName);
        Assert.Equal("gradientTolerance", Assert.Throws<ArgumentOutOfRangeException>(() => LimitingWeights.MinimizeIfNotSeparable(ok, gradientTolerance: 0)).ParamName);
        Assert.Equal("maxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => LimitingWeights.MinimizeIfNotSeparable(ok, maxIterations: 0)).ParamName);
        Assert.Throws<ArgumentException>(() => LimitingWeights.NormIfNotSeparable(Matrix<double>.Build.DenseOfArray(new double[,] { { double.NaN }, { -1 } })));
    }
}
