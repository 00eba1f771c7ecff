using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

public class PhaseOneSimplexTests
{
    [Fact]
    public void Solve_FeasibleSystem_ReturnsNonNegativeSolution()
    {
        // y1 + y2 + y3 = 1, y1 − y3 = 0.2 has non-negative solutions.
        var a = new[] { new[] { 1.0, 1, 1 }, new[] { 1.0, 0, -1 } };
        var c = new[] { 1.0, 0.2 };
        var r = PhaseOneSimplex.Solve(a, c);
        Assert.True(r.IsFeasible);
        var y = r.Solution!;
        Assert.All(y, v => Assert.True(v >= 0));
        NumericAssert.CloseAbs(1, y.Sum(), 1e-12);
        NumericAssert.CloseAbs(0.2, y[0] - y[2], 1e-12);
    }

    [Fact]
    public void Solve_InfeasibleSystem_ReturnsCheckedFarkasVector()
    {
        // y1 + y2 = 1 and y1 + y2 = −1 (negative right-hand side exercises the row sign flip).
        var a = new[] { new[] { 1.0, 1 }, new[] { 2.0, 1 }, new[] { 1.0, 1 } };
        var c = new[] { 1.0, 5, -1 };
        var r = PhaseOneSimplex.Solve(a, c);
        Assert.False(r.IsFeasible);
        var pi = r.FarkasVector!;
        for (int j = 0; j < 2; j++)
        {
            double col = 0;
            for (int i = 0; i < 3; i++) col += a[i][j] * pi[i];
            Assert.True(col <= 1e-12, $"Aᵀπ[{j}] = {col} should be ≤ 0");
        }
        double cpi = c[0] * pi[0] + c[1] * pi[1] + c[2] * pi[2];
        Assert.True(cpi > 0, $"cᵀπ = {cpi} should be > 0");
        Assert.True(r.PhaseOneObjective > 0);
    }

    [Fact]
    public void Solve_BadInput_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => PhaseOneSimplex.Solve(Array.Empty<double[]>(), Array.Empty<double>()));
        Assert.ThrowsAny<ArgumentException>(() => PhaseOneSimplex.Solve(new[] { new[] { 1.0, double.NaN } }, new[] { 1.0 }));
        Assert.ThrowsAny<ArgumentException>(() => PhaseOneSimplex.Solve(new[] { new[] { 1.0, 2 } }, new[] { 1.0, 2 }));
        Assert.ThrowsAny<ArgumentException>(() => PhaseOneSimplex.Solve(new[] { new[] { 1.0, 2 }, new[] { 1.0 } }, new[] { 1.0, 2 }));
        Assert.ThrowsAny<ArgumentException>(() => PhaseOneSimplex.Solve(new[] { new[] { 1.0 } }, new[] { 1.0 }, tolerance: 0));
    }
}
