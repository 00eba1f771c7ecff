using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

/// <summary>
/// Calls into the shared numerics that failed with an exception that did not say what was wrong: each now names the
/// parameter, the value and the allowed range (hostile review, issue 10).
/// </summary>
public class UnclearErrorTests
{
    public static TheoryData<LinalgProvider> Providers => NativeRequirement.Providers();

    [Fact]
    public void LevenbergMarquardt_JacobianOfTheWrongShape_NamesModelJacobian()
    {
        // MathNet used to throw "Matrix dimensions must agree: op1 is 3x1, op2 is 2x1 (Parameter 'rightSide')".
        var e = Assert.Throws<ArgumentException>(() => LevenbergMarquardt.Minimize(new[] { 1.0 },
            p => new[] { p[0] - 1, p[0] - 2 }, p => Matrix<double>.Build.Dense(3, 1, 1), 10, 1e-6));
        Assert.Equal("modelJacobian", e.ParamName);
        Assert.Contains("3×1", e.Message);
        Assert.Contains("allowed: 2×1", e.Message);
    }

    [Fact]
    public void DormandPrince_NonFiniteDerivativeAtTheStart_NamesDerivative()
    {
        // Used to end with "step size underflow at t = 0", which blames the step control.
        var e = Assert.Throws<ArgumentException>(() => DormandPrince.Integrate((t, y, d) => { d[0] = 1; d[1] = double.NaN; },
            new[] { 1.0, 2.0 }, 0, 1, (t, y) => true));
        Assert.Equal("derivative", e.ParamName);
        Assert.Contains("component 1", e.Message);
        Assert.Contains("NaN", e.Message);
        Assert.Contains("allowed", e.Message);
    }

    [Fact]
    public void DormandPrince_BlowUp_StillReportsTheStepSizeUnderflow()
    {
        // y' = y², y(0) = 1 blows up at t = 1: the derivative is finite at the start, so this is the integrator's report.
        var e = Assert.Throws<InvalidOperationException>(() => DormandPrince.Integrate((t, y, d) => d[0] = y[0] * y[0],
            new[] { 1.0 }, 0, 2, (t, y) => true));
        Assert.Contains("step size underflow", e.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Linalg_GramBeyondTheMatrixLimit_NamesX(LinalgProvider provider)
    {
        using var _ = Linalg.Use(provider);
        // 46341² > int.MaxValue: a bare OverflowException (native) or a wrapped allocation (managed).
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Linalg.Gram(Matrix<double>.Build.Dense(1, 46341)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("46341", e.Message);
        Assert.Contains("allowed", e.Message);
        var m = Assert.Throws<ArgumentOutOfRangeException>(() => Linalg.Multiply(Matrix<double>.Build.Dense(46341, 1), Matrix<double>.Build.Dense(1, 46341)));
        Assert.Equal("a", m.ParamName);
    }
}
