using ResearchKit.LearningCurves;

namespace ResearchKit.Tests.LearningCurves;

public class RenormalizedRidgeTests
{
    private static double[] Ones(int d) => Enumerable.Repeat(1.0, d).ToArray();

    // Isotropic spectrum: κ(1 − q/(1+κ)) = λ ⇔ κ² + (1 − q − λ)κ − λ = 0 (the Marchenko–Pastur Stieltjes relation).
    [Theory]
    [InlineData(100, 1000, 1e-3)]
    [InlineData(100, 100, 1e-2)]
    [InlineData(250, 25, 1.0)]
    [InlineData(250, 2.5, 1e-3)]
    public void Isotropic_MatchesMarchenkoPasturRoot(int d, double p, double ridge)
    {
        double q = d / p;
        double b = 1 - q - ridge;
        double expected = (-b + Math.Sqrt(b * b + 4 * ridge)) / 2;
        NumericAssert.Close(expected, RenormalizedRidge.Solve(Ones(d), p, ridge), 1e-12);
    }

    [Fact]
    public void Isotropic_RidgelessLimits_BothSidesOfInterpolation()
    {
        // q < 1: κ → 0, with κ ≈ λ/(1 − q); q > 1: κ → q − 1.
        NumericAssert.Close(1e-9 / (1 - 0.5), RenormalizedRidge.Solve(Ones(100), 200, 1e-9), 1e-6);
        Assert.Equal(0, RenormalizedRidge.Solve(Ones(100), 200, 0));
        NumericAssert.Close(3, RenormalizedRidge.Solve(Ones(100), 25, 0), 1e-12);
        NumericAssert.Close(3, RenormalizedRidge.Solve(Ones(100), 25, 1e-12), 1e-9);
    }

    [Fact]
    public void RandomFeatures_RidgelessBottleneckIsMinOfPAndN()
    {
        var eig = PowerLawTask.Create(500, new PowerLawExponents(1.5, 0.5)).Eigenvalues.ToArray();
        double kp = RenormalizedRidge.Solve(eig, 50, 0);
        Assert.Equal(kp, RenormalizedRidge.Solve(eig, 50, 0, features: 80));
        Assert.Equal(kp, RenormalizedRidge.Solve(eig, 200, 0, features: 50));
        var (d1, _) = RenormalizedRidge.DegreesOfFreedom(eig, kp);
        NumericAssert.Close(50, d1, 1e-10);
    }

    [Fact]
    public void SolvesTheEquationOnAPowerLawAcrossDecadesOfRidge()
    {
        var eig = PowerLawTask.Create(2000, new PowerLawExponents(2, 1)).Eigenvalues.ToArray();
        foreach (double ridge in new[] { 1e-12, 1e-8, 1e-4, 1, 100 })
            foreach (double p in new[] { 1.0, 10, 300, 5000 })
                foreach (double n in new[] { double.PositiveInfinity, 7, 3000 })
                {
                    double kappa = RenormalizedRidge.Solve(eig, p, ridge, n);
                    var (d1, _) = RenormalizedRidge.DegreesOfFreedom(eig, kappa);
                    double lhs = kappa * (1 - d1 / p) * (double.IsPositiveInfinity(n) ? 1 : 1 - d1 / n);
                    // Residual within 1e-9 relative, or at the rounding level of κ itself (1 − Df₁/P cancels when κ ≫ λ).
                    NumericAssert.CloseAbs(ridge, lhs, 1e-9 * ridge + 1e-14 * kappa, $"λ={ridge}, P={p}, N={n}");
                }
    }

    [Fact]
    public void AgreesWithPlainBisectionOnAFineGrid()
    {
        // Independent reference: 200 bisection steps on ln κ + ln(1 − Df₁/P) + ln(1 − Df₁/N) − ln λ over [λ, λ + Σλ(1/P + 1/N)].
        var eig = PowerLawTask.Create(2000, new PowerLawExponents(2, 1)).Eigenvalues.ToArray();
        foreach (double ridge in new[] { 1e-8, 1e-4, 1e-1 })
            foreach (double n in new[] { double.PositiveInfinity, 150 })
                for (int i = 0; i < 60; i++)
                {
                    double p = Math.Pow(10, 4.0 * i / 59);
                    double lo = ridge, hi = ridge + eig.Sum() * (1 / p + 1 / n);
                    for (int step = 0; step < 200; step++)
                    {
                        double mid = Math.Sqrt(lo * hi);
                        var (d, _) = RenormalizedRidge.DegreesOfFreedom(eig, mid);
                        bool below = d >= Math.Min(p, n) || mid * (1 - d / p) * (1 - d / n) < ridge;
                        if (below) lo = mid; else hi = mid;
                    }
                    NumericAssert.Close(Math.Sqrt(lo * hi), RenormalizedRidge.Solve(eig, p, ridge, n), 1e-11, $"λ={ridge}, P={p:G4}, N={n}");
                }
    }

    [Fact]
    public void KappaDecreasesWithSampleSize()
    {
        var eig = PowerLawTask.Create(1000, new PowerLawExponents(1.5, 1)).Eigenvalues.ToArray();
        double previous = double.PositiveInfinity;
        foreach (double p in new[] { 1.0, 3, 10, 30, 100, 300, 1000, 3000 })
        {
            double kappa = RenormalizedRidge.Solve(eig, p, 1e-6);
            Assert.True(kappa < previous);
            previous = kappa;
        }
    }

    [Fact]
    public void BadInput_NamesParameterValueAndRange()
    {
        var ok = Ones(10);
        var e1 = Assert.Throws<ArgumentException>(() => RenormalizedRidge.Solve([1, 0, 1], 10, 1));
        Assert.Contains("eigenvalues[1] = 0", e1.Message);
        Assert.Contains("> 0", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => RenormalizedRidge.Solve([1, double.NaN], 10, 1));
        Assert.Contains("eigenvalues[1]", e2.Message);
        var e3 = Assert.Throws<ArgumentOutOfRangeException>(() => RenormalizedRidge.Solve(ok, 0.5, 1));
        Assert.Contains("sampleSize = 0.5", e3.Message);
        Assert.Contains("1 ≤ sampleSize", e3.Message);
        var e4 = Assert.Throws<ArgumentOutOfRangeException>(() => RenormalizedRidge.Solve(ok, 10, -1e-3));
        Assert.Contains("ridge = -0.001", e4.Message);
        var e5 = Assert.Throws<ArgumentOutOfRangeException>(() => RenormalizedRidge.Solve(ok, 10, 1, features: 0));
        Assert.Contains("features = 0", e5.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => RenormalizedRidge.Solve(ok, double.PositiveInfinity, 1));
        Assert.Throws<ArgumentException>(() => RenormalizedRidge.Solve([], 10, 1));
    }
}
