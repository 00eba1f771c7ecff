using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

/// <summary>
/// The MathNet BFGS/L-BFGS wrapper on NIST StRD nonlinear-regression problems (https://www.itl.nist.gov/div898/strd/nls/nls_main.shtml),
/// minimising the residual sum of squares with its analytic gradient. Data and certified values are NIST's, written here
/// from the problem files Misra1a.dat and DanWood.dat.
/// </summary>
public class QuasiNewtonTests
{
    // Misra1a (lower difficulty): y = b1·(1 − exp(−b2·x)), 14 observations.
    private static readonly double[] MisraX = [77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1, 689.1, 760.0];
    private static readonly double[] MisraY = [10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76, 55.05, 61.01, 66.40, 75.47, 81.78];

    // DanWood (lower difficulty): y = b1·x^b2, 6 observations.
    private static readonly double[] WoodX = [1.309, 1.471, 1.490, 1.565, 1.611, 1.680];
    private static readonly double[] WoodY = [2.138, 3.421, 3.597, 4.340, 4.882, 5.660];

    private static double Misra(ReadOnlySpan<double> b, Span<double> g)
    {
        double f = 0, g0 = 0, g1 = 0;
        for (int i = 0; i < MisraX.Length; i++)
        {
            double e = Math.Exp(-b[1] * MisraX[i]);
            double r = b[0] * (1 - e) - MisraY[i];
            f += r * r;
            g0 += 2 * r * (1 - e);
            g1 += 2 * r * b[0] * MisraX[i] * e;
        }
        g[0] = g0;
        g[1] = g1;
        return f;
    }

    private static double Wood(ReadOnlySpan<double> b, Span<double> g)
    {
        double f = 0, g0 = 0, g1 = 0;
        for (int i = 0; i < WoodX.Length; i++)
        {
            double p = Math.Pow(WoodX[i], b[1]);
            double r = b[0] * p - WoodY[i];
            f += r * r;
            g0 += 2 * r * p;
            g1 += 2 * r * b[0] * p * Math.Log(WoodX[i]);
        }
        g[0] = g0;
        g[1] = g1;
        return f;
    }

    [Theory]
    [InlineData(QuasiNewtonMethod.Bfgs, 250, 5e-4)]               // NIST start 2
    [InlineData(QuasiNewtonMethod.LimitedMemoryBfgs, 250, 5e-4)]
    public void Minimize_Misra1a_ReachesCertifiedValues(QuasiNewtonMethod method, double b1, double b2)
    {
        // b2 ≈ 5.5e-4 sits in a direction of curvature ≈ 2Σ(b1·x·e^{−b2 x})² ≈ 1e11: a relative error of 1e-10 in b2 leaves
        // a scaled gradient of ~1e-3, so the acceptance test is set to 1e-2 and the certified digits decide.
        var r = QuasiNewton.Minimize(Misra, [b1, b2], new QuasiNewtonOptions(method, GradientTolerance: 1e-13, AcceptanceTolerance: 1e-2, MaxIterations: 5000));
        Assert.Equal(QuasiNewtonExit.Converged, r.Exit);
        // Certified: b1 = 2.3894212918E+02, b2 = 5.5015643181E-04, residual sum of squares 1.2455138894E-01.
        NumericAssert.Close(2.3894212918E+02, r.Point[0], 1e-8);
        NumericAssert.Close(5.5015643181E-04, r.Point[1], 1e-8);
        NumericAssert.Close(1.2455138894E-01, r.Value, 1e-8);
    }

    [Theory]
    [InlineData(QuasiNewtonMethod.Bfgs, 1, 5)]                   // NIST start 1
    [InlineData(QuasiNewtonMethod.LimitedMemoryBfgs, 0.7, 4)]    // NIST start 2
    public void Minimize_DanWood_ReachesCertifiedValues(QuasiNewtonMethod method, double b1, double b2)
    {
        var r = QuasiNewton.Minimize(Wood, [b1, b2], new QuasiNewtonOptions(method, GradientTolerance: 1e-13, AcceptanceTolerance: 1e-6));
        Assert.Equal(QuasiNewtonExit.Converged, r.Exit);
        // Certified: b1 = 7.6886226176E-01, b2 = 3.8604055871E+00, residual sum of squares 4.3173084083E-03.
        NumericAssert.Close(7.6886226176E-01, r.Point[0], 1e-8);
        NumericAssert.Close(3.8604055871E+00, r.Point[1], 1e-8);
        NumericAssert.Close(4.3173084083E-03, r.Value, 1e-8);
    }

    [Fact]
    public void Minimize_UnboundedBelow_ReportsDivergedNotConverged()
    {
        // f(x) = −x has no minimiser: the run must stop at the bound and say so.
        var r = QuasiNewton.Minimize((x, g) => { g[0] = -1; return -x[0]; }, [0.0], new QuasiNewtonOptions(DivergenceBound: 50));
        Assert.False(r.IsConverged);
        Assert.Equal(QuasiNewtonExit.ParameterDiverged, r.Exit);
        Assert.True(Math.Abs(r.Point[0]) <= 50);
    }

    [Theory]
    [InlineData(QuasiNewtonMethod.LimitedMemoryBfgs)]
    [InlineData(QuasiNewtonMethod.Bfgs)]
    public void Minimize_ExpMinusXRunsOff_ReportsUnboundedNotConverged(QuasiNewtonMethod method)
    {
        // exp(−x) has no minimiser; its gradient fades as x grows, so the scaled-gradient test alone passed at x ≈ 20–30.
        var r = QuasiNewton.Minimize((x, g) => { double e = Math.Exp(-x[0]); g[0] = -e; return e; }, [0.0], new QuasiNewtonOptions(method));
        Assert.False(r.IsConverged);
        Assert.Equal(QuasiNewtonExit.Unbounded, r.Exit);
        Assert.True(r.Point[0] > 5, $"x = {r.Point[0]}");
    }

    [Fact]
    public void Minimize_RunOffInOneCoordinateWithAnAsymptote_ReportsUnbounded()
    {
        // f = 2 + (y − 1)² + exp(−x): y converges, x runs off, f tends to 2 (not to 0).
        static double F(ReadOnlySpan<double> x, Span<double> g)
        {
            double e = Math.Exp(-x[0]);
            g[0] = -e;
            g[1] = 2 * (x[1] - 1);
            return 2 + (x[1] - 1) * (x[1] - 1) + e;
        }
        var r = QuasiNewton.Minimize(F, [0.0, 3.0]);
        Assert.Equal(QuasiNewtonExit.Unbounded, r.Exit);
        NumericAssert.CloseAbs(1.0, r.Point[1], 1e-4);
    }

    [Fact]
    public void Minimize_MinimumInAFlatValley_StaysConverged()
    {
        // f = (x + y − 1)²: every point of the line x + y = 1 is a minimiser; the ray probe must not call it a run-off.
        static double F(ReadOnlySpan<double> x, Span<double> g)
        {
            double r = x[0] + x[1] - 1;
            g[0] = 2 * r;
            g[1] = 2 * r;
            return r * r;
        }
        var r = QuasiNewton.Minimize(F, [3.0, -0.5]);
        Assert.Equal(QuasiNewtonExit.Converged, r.Exit);
        NumericAssert.CloseAbs(1.0, r.Point[0] + r.Point[1], 1e-6);
    }

    [Fact]
    public void Minimize_ExponentialDecayMinimum_StaysConverged()
    {
        // f = exp(−x) + 1e-3·x has its minimiser at x = ln 1000 ≈ 6.91: a slope that flattens, then rises.
        var r = QuasiNewton.Minimize((x, g) => { double e = Math.Exp(-x[0]); g[0] = -e + 1e-3; return e + 1e-3 * x[0]; }, [0.0]);
        Assert.Equal(QuasiNewtonExit.Converged, r.Exit);
        NumericAssert.CloseAbs(Math.Log(1000), r.Point[0], 1e-4);
    }

    [Fact]
    public void Minimize_IterationLimit_ReportsMaxIterations()
    {
        // Rosenbrock from (−1.2, 1) needs far more than 3 iterations.
        static double Rosen(ReadOnlySpan<double> x, Span<double> g)
        {
            g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]);
            g[1] = 200 * (x[1] - x[0] * x[0]);
            return (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]);
        }
        var r = QuasiNewton.Minimize(Rosen, [-1.2, 1.0], new QuasiNewtonOptions(MaxIterations: 3));
        Assert.Equal(QuasiNewtonExit.MaxIterations, r.Exit);
        Assert.False(r.IsConverged);
        var full = QuasiNewton.Minimize(Rosen, [-1.2, 1.0], new QuasiNewtonOptions(QuasiNewtonMethod.Bfgs, GradientTolerance: 1e-12));
        Assert.Equal(QuasiNewtonExit.Converged, full.Exit);
        NumericAssert.CloseAbs(1.0, full.Point[0], 1e-6);
    }

    [Fact]
    public void Minimize_NonFiniteObjective_ReportsNonFinite()
    {
        var r = QuasiNewton.Minimize((x, g) => { g[0] = double.NaN; return double.NaN; }, [1.0]);
        Assert.Equal(QuasiNewtonExit.NonFinite, r.Exit);
    }

    [Fact]
    public void Minimize_BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => QuasiNewton.Minimize(Wood, [double.NaN, 1.0]));
        Assert.Throws<ArgumentException>(() => QuasiNewton.Minimize(Wood, Array.Empty<double>()));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => QuasiNewton.Minimize(Wood, [1.0, 5.0], new QuasiNewtonOptions(MaxIterations: 0)));
        Assert.Contains("MaxIterations", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => QuasiNewton.Minimize(Wood, [1.0, 5.0], new QuasiNewtonOptions(GradientTolerance: double.NaN)));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuasiNewton.Minimize(Wood, [1.0, 5.0], new QuasiNewtonOptions(GradientTolerance: 1e-6, AcceptanceTolerance: 1e-8)));
    }
}
