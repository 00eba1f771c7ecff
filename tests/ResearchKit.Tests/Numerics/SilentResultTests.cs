using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

/// <summary>
/// Calls into the shared numerics that returned a silently wrong result (hostile review, issue 10): each now gives the
/// documented number or an error naming the parameter, the value and the allowed range.
/// </summary>
public class SilentResultTests
{
    [Fact]
    public void LevenbergMarquardt_NonFiniteResidualsAtTheStart_AreRejectedNotConverged()
    {
        // A NaN sum of squares at the start: no step was "better" than NaN, and the fit reported Converged = true.
        var e = Assert.Throws<ArgumentException>(() => LevenbergMarquardt.Minimize(new[] { 1.0 },
            p => new[] { double.NaN, 1 }, p => Matrix<double>.Build.Dense(2, 1, 1), 10, 1e-6));
        Assert.Equal("residuals", e.ParamName);
        Assert.Contains("NaN", e.Message);
        Assert.Contains("allowed", e.Message);
    }

    [Fact]
    public void Adam_GradientWhoseSquareOverflows_IsRejectedNotFrozen()
    {
        // g = 1e200: g² = ∞ made the second moment infinite, and every later step moved the parameters by 0.
        var adam = new Adam(2, 0.1);
        var parameters = new[] { 1.0, 1.0 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => adam.Step(parameters, new[] { 1.0, 1e200 }));
        Assert.Equal("gradient", e.ParamName);
        Assert.Contains("gradient[1] = 1E+200", e.Message);
        Assert.Contains("allowed", e.Message);
        Assert.Equal(new[] { 1.0, 1.0 }, parameters);
        Assert.Equal(0, adam.StepCount);
    }

    [Theory]
    [InlineData(2.0, 1e300)]
    [InlineData(2.0, 1e20)]
    [InlineData(0.5, 3e17)]
    [InlineData(3.5, 1e18)]
    public void Hypergeometric_ScaledBeyondMathNetsBesselRange_IsFiniteAndAsymptotic(double b, double z)
    {
        // MathNet's scaled Bessel function returns NaN for 2√z ≳ 1.3e9; the docs promise a finite value for every finite z.
        double x = 2 * Math.Sqrt(z), nu = b - 1, mu = 4 * nu * nu;
        double expected = Math.Pow(z, (1 - b) / 2) / Math.Sqrt(2 * Math.PI * x) * (1 - (mu - 1) / (8 * x));
        NumericAssert.Close(expected, Hypergeometric.Regularized0F1Scaled(b, z), 1e-12, $"b = {b}, z = {z}");
    }

    [Fact]
    public void Hypergeometric_AsymptoticBranch_JoinsMathNetsValues()
    {
        // Just inside MathNet's range the value is MathNet's; just beyond it, the asymptotic series: they agree.
        double inside = Hypergeometric.Regularized0F1Scaled(2, 1e17) * Math.Sqrt(1e17);
        double beyond = Hypergeometric.Regularized0F1Scaled(2, 1e18) * Math.Sqrt(1e18) * Math.Pow(10, 0.25);
        NumericAssert.Close(inside, beyond, 1e-8, "z^(1/2)·₀F̃₁ scaled ∝ z^(−1/4)");
    }
}
