using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

/// <summary>
/// The wrapper over MathNet.Numerics' Nelder–Mead simplex: known minima (Rosenbrock's valley; NIST StRD's DanWood
/// problem, https://www.itl.nist.gov/div898/strd/nls/data/danwood.shtml, certified values written here from its file),
/// honest exit reasons when the budget runs out, NaN as +∞, determinism and bad input.
/// </summary>
public class NelderMeadTests
{
    private static double Rosenbrock(double[] x) => 100 * Math.Pow(x[1] - x[0] * x[0], 2) + Math.Pow(1 - x[0], 2);

    private static readonly double[] WoodX = [1.309, 1.471, 1.490, 1.565, 1.611, 1.680];
    private static readonly double[] WoodY = [2.138, 3.421, 3.597, 4.340, 4.882, 5.660];

    private static double DanWood(double[] b)
    {
        double f = 0;
        for (int i = 0; i < WoodX.Length; i++)
        {
            double r = b[0] * Math.Pow(WoodX[i], b[1]) - WoodY[i];
            f += r * r;
        }
        return f;
    }

    [Fact]
    public void Rosenbrock_FromTheClassicStart_ReachesTheMinimum()
    {
        var r = NelderMead.Minimize(Rosenbrock, [-1.2, 1.0], 0.5, 1e-12, 20_000, 1e-8);
        Assert.Equal(FitExitReason.Converged, r.Exit);
        Assert.Equal(1.0, r.Point[0], 5);
        Assert.Equal(1.0, r.Point[1], 5);
        Assert.True(r.Value < 1e-10, $"f = {r.Value}");
        Assert.InRange(r.Evaluations, 50, 20_000);
    }

    [Theory]
    [InlineData(1.0, 5.0)]      // NIST start 1
    [InlineData(0.7, 4.0)]      // NIST start 2
    public void DanWood_ReachesTheCertifiedValues(double b1, double b2)
    {
        var r = NelderMead.Minimize(DanWood, [b1, b2], 0.1, 1e-14, 20_000, 1e-9);
        Assert.Equal(FitExitReason.Converged, r.Exit);
        Assert.Equal(7.6886226176E-01, r.Point[0], 5);
        Assert.Equal(3.8604055871E+00, r.Point[1], 5);
        Assert.Equal(4.3173084083E-03, r.Value, 9);   // certified residual sum of squares
    }

    [Fact]
    public void Budget_TooSmall_IsReportedWithTheBestPointNotAnException()
    {
        var r = NelderMead.Minimize(Rosenbrock, [-1.2, 1.0], 0.5, 1e-12, 15, 1e-8);
        Assert.Equal(FitExitReason.MaxIterations, r.Exit);
        Assert.True(r.Evaluations <= 15);
        Assert.True(r.Value <= Rosenbrock([-1.2, 1.0]));
        Assert.Equal(r.Value, Rosenbrock(r.Point));
    }

    [Fact]
    public void NaN_IsReadAsOutsideTheDomain()
    {
        double F(double[] x) => x[0] > 0 ? Math.Pow(Math.Log(x[0]) - 1, 2) + x[1] * x[1] : double.NaN;
        var r = NelderMead.Minimize(F, [0.5, 0.3], 1.0, 1e-14, 10_000, 1e-8);
        Assert.Equal(FitExitReason.Converged, r.Exit);
        Assert.Equal(Math.E, r.Point[0], 5);
        Assert.Equal(0.0, r.Point[1], 5);
    }

    [Fact]
    public void NowhereFinite_IsNotConverged()
    {
        var r = NelderMead.Minimize(_ => double.NaN, [1.0, 2.0], 0.5, 1e-10, 200, 1e-7);
        Assert.Equal(FitExitReason.MaxIterations, r.Exit);
        Assert.Equal(double.PositiveInfinity, r.Value);
        Assert.Equal(new[] { 1.0, 2.0 }, r.Point);
    }

    [Fact]
    public void CollapsedSimplex_IsRestartedUntilThePointStays()
    {
        // A narrow curved valley: a search stopped on the value spread alone can end short of the minimum; the restarts
        // carry on until a fresh simplex no longer moves the point.
        double F(double[] x) => Math.Pow(x[0] - 3, 2) + 1e4 * Math.Pow(x[1] - Math.Sin(x[0]), 2) + Math.Pow(x[2] + 1, 2);
        var r = NelderMead.Minimize(F, [0.0, 0.0, 0.0], 0.5, 1e-10, 30_000, 1e-7);
        Assert.Equal(FitExitReason.Converged, r.Exit);
        Assert.Equal(3.0, r.Point[0], 4);
        Assert.Equal(Math.Sin(3.0), r.Point[1], 4);
        Assert.Equal(-1.0, r.Point[2], 4);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.0)]
    public void RunOffTowardsAnAsymptote_IsNotConverged(double floor)
    {
        // f = floor + (y − 1)² + exp(−x) has no minimiser (x → ∞); the value spread fades as the simplex runs off.
        static double F(double[] x, double floor) => floor + (x[1] - 1) * (x[1] - 1) + Math.Exp(-x[0]);
        var r = NelderMead.Minimize(x => F(x, floor), [0.0, 3.0], 0.5, 1e-10, 12_000, 1e-7);
        Assert.NotEqual(FitExitReason.Converged, r.Exit);
        Assert.True(r.Point[0] > 5, $"x = {r.Point[0]}, exit {r.Exit}");
    }

    [Fact]
    public void RunOffOfOneCoordinate_IsNotConverged()
    {
        var r = NelderMead.Minimize(x => Math.Exp(-x[0]), [0.0], 0.5, 1e-10, 12_000, 1e-7);
        Assert.NotEqual(FitExitReason.Converged, r.Exit);
    }

    [Fact]
    public void SameInput_SameResult()
    {
        var a = NelderMead.Minimize(Rosenbrock, [-1.2, 1.0], 0.5, 1e-12, 20_000, 1e-8);
        var b = NelderMead.Minimize(Rosenbrock, [-1.2, 1.0], 0.5, 1e-12, 20_000, 1e-8);
        Assert.Equal(a.Point, b.Point);
        Assert.Equal(a.Evaluations, b.Evaluations);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("start", Assert.Throws<ArgumentException>(() => NelderMead.Minimize(Rosenbrock, [], 0.5)).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentException>(() => NelderMead.Minimize(Rosenbrock, [double.NaN, 1], 0.5)).ParamName);
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => NelderMead.Minimize(Rosenbrock, [1.0, 1], 0)).ParamName);
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => NelderMead.Minimize(Rosenbrock, [1.0, 1], double.PositiveInfinity)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => NelderMead.Minimize(Rosenbrock, [1.0, 1], 0.5, 0)).ParamName);
        Assert.Equal("maxEvaluations", Assert.Throws<ArgumentOutOfRangeException>(() => NelderMead.Minimize(Rosenbrock, [1.0, 1], 0.5, 1e-10, 5)).ParamName);
        Assert.Equal("pointTolerance", Assert.Throws<ArgumentOutOfRangeException>(() => NelderMead.Minimize(Rosenbrock, [1.0, 1], 0.5, 1e-10, 100, -1)).ParamName);
        Assert.Throws<ArgumentNullException>(() => NelderMead.Minimize(null!, [1.0, 1], 0.5));
    }
}
