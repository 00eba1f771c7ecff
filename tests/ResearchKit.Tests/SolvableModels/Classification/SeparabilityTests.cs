using MathNet.Numerics.LinearAlgebra;
using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class SeparabilityTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(400)]
    [InlineData(4000)]
    [InlineData(100000)]
    public void WendelProbability_HalfDimension_IsOneHalf(int n)
        // The log of the largest binomial term is ~N·log 2, known only to ~1e-16 of its size: the attainable
        // relative accuracy is therefore ~1e-16·N, and the tolerance says so.
        => NumericAssert.Close(0.5, Separability.WendelProbability(n, n / 2), Math.Max(1e-13, 2e-15 * n));

    [Theory]
    // Hand sums of 2^(1−N) Σ_{k<d} C(N−1, k).
    [InlineData(5, 2, 5.0 / 16)]
    [InlineData(10, 3, 46.0 / 512)]
    [InlineData(3, 1, 0.25)]
    [InlineData(6, 6, 1.0)]
    [InlineData(6, 9, 1.0)]
    public void WendelProbability_SmallCases_MatchHandSums(int n, int d, double expected)
        => NumericAssert.Close(expected, Separability.WendelProbability(n, d), 1e-12);

    [Fact]
    public void WendelProbability_LargeN_NoOverflowAndSymmetric()
    {
        // P(N, d) + P(N, N − d) = 1 + 2^(1−N) C(N−1, d−1)... for odd N−1 the two halves sum to exactly 1 when
        // d + d' = N: check the binomial symmetry at N = 4000 away from the middle.
        double p = Separability.WendelProbability(4000, 1950), q = Separability.WendelProbability(4000, 2050);
        Assert.InRange(p, 1e-3, 0.5);
        NumericAssert.Close(1, p + q, 1e-10);
    }

    [Fact]
    public void TestFromOrigin_PointsInHalfSpace_SeparableWithCheckedDirection()
    {
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 5 }, { 0.1, -3 }, { 2, 0 } });
        var r = Separability.TestFromOrigin(x);
        Assert.True(r.IsSeparable);
        for (int i = 0; i < 3; i++)
            Assert.True(r.Direction![0] * x[i, 0] + r.Direction[1] * x[i, 1] > 0);
    }

    [Fact]
    public void TestFromOrigin_OriginInHull_NotSeparable()
    {
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0 }, { -1, 1 }, { -1, -1 }, { 3, 3 } });
        var r = Separability.TestFromOrigin(x);
        Assert.False(r.IsSeparable);
        Assert.True(r.CertificateResidual < 1e-9);
        NumericAssert.Close(1, r.HullWeights!.Sum(), 1e-9);
    }

    [Fact]
    public void MonteCarlo_AgreesWithWendel_WithinFourStandardErrors()
    {
        var e = Separability.MonteCarlo(20, 9, 600, seed: 7);
        double se = Math.Sqrt(e.Wendel * (1 - e.Wendel) / e.Trials);
        Assert.True(Math.Abs(e.Probability - e.Wendel) <= 4 * se, $"MC {e.Probability} vs Wendel {e.Wendel} (se {se})");
    }

    [Fact]
    public void MonteCarlo_SameSeed_SameCount()
        => Assert.Equal(Separability.MonteCarlo(12, 6, 50, 3).SeparableCount, Separability.MonteCarlo(12, 6, 50, 3).SeparableCount);

    [Fact]
    public void LimitingAccuracy_KnownValues()
    {
        NumericAssert.Close(0.8413447460685429, Separability.LimitingAccuracy(1, 1), 1e-12); // Φ(1)
        NumericAssert.Close(0.9772498680518208, Separability.LimitingAccuracy(0.5, 1), 1e-12); // Φ(2)
    }

    [Fact]
    public void PublicEntryPoints_BadInput_Throw()
    {
        Assert.ThrowsAny<ArgumentException>(() => Separability.WendelProbability(0, 1));
        Assert.ThrowsAny<ArgumentException>(() => Separability.WendelProbability(5, 0));
        Assert.ThrowsAny<ArgumentException>(() => Separability.TestFromOrigin(null!));
        Assert.ThrowsAny<ArgumentException>(() => Separability.TestFromOrigin(Matrix<double>.Build.DenseOfArray(new[,] { { double.NaN } })));
        Assert.ThrowsAny<ArgumentException>(() => Separability.MonteCarlo(0, 1, 1, 0));
        Assert.ThrowsAny<ArgumentException>(() => Separability.MonteCarlo(5, 2, 0, 0));
        Assert.ThrowsAny<ArgumentException>(() => Separability.LimitingAccuracy(double.NaN, 1));
        Assert.ThrowsAny<ArgumentException>(() => Separability.LimitingAccuracy(1, 0));
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool WendelProbability_ComplementSymmetry_HoldsForAllSizes(FsCheck.PositiveInt size, FsCheck.PositiveInt split)
    {
        // P_sep(N, d) = P[Bin(N−1, ½) ≤ d−1], so P(N, d) + P(N, N − d) = 1 for 1 ≤ d ≤ N − 1.
        int n = 2 + size.Get % 3000;
        int d = 1 + split.Get % (n - 1);
        return Math.Abs(Separability.WendelProbability(n, d) + Separability.WendelProbability(n, n - d) - 1) < 1e-10;
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool WendelProbability_MonotoneInDimension(FsCheck.PositiveInt size, FsCheck.PositiveInt split)
    {
        int n = 1 + size.Get % 2000;
        int d = 1 + split.Get % (n + 2);
        double p = Separability.WendelProbability(n, d), q = Separability.WendelProbability(n, d + 1);
        return p >= 0 && q <= 1 && q >= p - 1e-15;
    }

    [Fact]
    public void OriginMargin_TwoUnitVectors_IsOneOverRootTwo()
    {
        var r = Separability.OriginMargin(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0 }, { 0, 1 }, { 2, 3 } }));
        NumericAssert.Close(1 / Math.Sqrt(2), r.Lower, 1e-7);
        NumericAssert.Close(1 / Math.Sqrt(2), r.Upper, 1e-7);
    }

    [Theory]
    [InlineData(0.7, 1.0)]
    [InlineData(0.9, 2.0)]
    public void OriginMargin_TwoPointModel_IsSigmaTimesTwoLambdaMinusOne(double lambda, double sigma)
    {
        var m = new TwoPointModel(lambda, sigma);
        var r = Separability.OriginMargin(Matrix<double>.Build.DenseOfArray(new[,] { { m.FirstPoint }, { m.SecondPoint } }));
        NumericAssert.Close(m.Margin, r.Margin, 1e-7);
    }

    [Fact]
    public void OriginMargin_AgreesWithLpTest_OnGaussianSets()
    {
        var task = new ConstantLabelModel(10, 1.0);
        int separableCount = 0;
        for (int k = 0; k < 6; k++)
        {
            var x = task.Sample(20, new Random(100 + k)).Points;
            bool separable = Separability.TestFromOrigin(x).IsSeparable;
            var r = Separability.OriginMargin(x, 1e-6);
            if (separable) Assert.True(r.Lower > 0, $"draw {k}: LP says separable, margin lower bound {r.Lower}");
            else Assert.True(r.Upper < 1e-6, $"draw {k}: LP says not separable, margin upper bound {r.Upper}");
            Assert.True(r.Lower <= r.Upper + 1e-12);
            separableCount += separable ? 1 : 0;
        }
        Assert.InRange(separableCount, 1, 5); // both outcomes were exercised (λ = ½)
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    [InlineData(150)]
    public void OriginMargin_ScaledBasis_KnownMarginAndWeights(int d)
    {
        // Rows aᵢeᵢ (aᵢ = 1 + i/d) and, farther out, 3aᵢeᵢ + aⱼeⱼ: the nearest hull point to 0 is Σ yᵢaᵢeᵢ with
        // yᵢ ∝ 1/aᵢ², so M = 1/√(Σ 1/aᵢ²) — a corral of all d basis points, none of the outer points.
        var rows = new List<double[]>();
        var a = Enumerable.Range(0, d).Select(i => 1 + (double)i / d).ToArray();
        for (int i = 0; i < d; i++) { var r = new double[d]; r[i] = a[i]; rows.Add(r); }
        for (int i = 0; i < d; i++) { var r = new double[d]; r[i] = 3 * a[i]; r[(i + 1) % d] += a[(i + 1) % d]; rows.Add(r); }
        var x = Matrix<double>.Build.DenseOfRowArrays(rows);
        double exact = 1 / Math.Sqrt(a.Sum(v => 1 / (v * v)));
        var r2 = Separability.OriginMargin(x);
        Assert.True(r2.Converged);
        NumericAssert.Close(exact, r2.Lower, 1e-8);
        NumericAssert.Close(exact, r2.Upper, 1e-8);
        for (int i = 0; i < d; i++) // the direction is the normalised nearest point, ∝ (1/aᵢ)
            NumericAssert.Close(exact / a[i], r2.Direction[i], 1e-6);
    }

    [Fact]
    public void OriginMargin_CycleCap_ReportsNotConvergedWithValidBounds()
    {
        int d = 40;
        var rows = Enumerable.Range(0, d).Select(i => { var r = new double[d]; r[i] = 1 + (double)i / d; return r; }).ToArray();
        double exact = 1 / Math.Sqrt(rows.Select((r, i) => 1 / (r[i] * r[i])).Sum());
        var capped = Separability.OriginMargin(Matrix<double>.Build.DenseOfRowArrays(rows), maxIterations: 5);
        Assert.False(capped.Converged);
        Assert.True(capped.Lower <= exact * (1 + 1e-12) && capped.Upper >= exact * (1 - 1e-12), $"[{capped.Lower}, {capped.Upper}] misses {exact}");
        Assert.True(capped.Upper - capped.Lower > 1e-3 * exact); // the cap did bite
    }

    [Fact]
    public void OriginMargin_LargerGaussianSets_AgreeWithLpAndCloseTheGap()
    {
        var task = new ConstantLabelModel(60, 5.0);
        int separableCount = 0;
        for (int k = 0; k < 8; k++)
        {
            var x = task.Sample(120, new Random(300 + k)).Points;
            bool separable = Separability.TestFromOrigin(x).IsSeparable;
            var r = Separability.OriginMargin(x);
            Assert.True(r.Converged, $"draw {k}");
            if (separable)
            {
                Assert.True(r.Lower > 0, $"draw {k}: LP says separable, margin lower bound {r.Lower}");
                Assert.True(r.Upper - r.Lower <= 1e-8 * r.Upper, $"draw {k}: [{r.Lower}, {r.Upper}]");
                // the direction certifies the lower bound on the raw points
                double minDot = Enumerable.Range(0, x.RowCount).Min(i => x.Row(i).DotProduct(Vector<double>.Build.DenseOfArray(r.Direction)));
                NumericAssert.Close(r.Lower, minDot, 1e-9);
            }
            else Assert.True(r.Lower == 0 && r.Upper < 1e-10, $"draw {k}: LP says not separable, margin bounds [{r.Lower}, {r.Upper}]");
            separableCount += separable ? 1 : 0;
        }
        Assert.InRange(separableCount, 1, 7); // both outcomes were exercised (λ = ½)
    }

    [Fact]
    public void ConstantLabelLimit_AgreesWithLpTestNewtonAndMargin()
    {
        var task = new ConstantLabelModel(50, 5.0);
        int separableCount = 0;
        for (int k = 0; k < 8; k++)
        {
            var x = task.Sample(100, new Random(500 + k)).Points;
            var limit = ConstantLabelLimit.Of(x, 5.0);
            bool separable = Separability.TestFromOrigin(x).IsSeparable;
            Assert.Equal(separable, limit.IsSeparable);
            if (separable)
                NumericAssert.Close(Separability.LimitingAccuracy(5.0, Separability.OriginMargin(x).Upper), limit.LimitingAccuracy, 1e-8);
            else
                NumericAssert.Close(LimitingWeights.Minimize(x).Select(v => v * v).Sum(), limit.LimitingWeightNorm * limit.LimitingWeightNorm, 1e-10);
            separableCount += separable ? 1 : 0;
        }
        Assert.InRange(separableCount, 1, 7);
    }

    [Fact]
    public void OriginMargin_BadInput_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => Separability.OriginMargin(null!));
        Assert.ThrowsAny<ArgumentException>(() => Separability.OriginMargin(Matrix<double>.Build.DenseOfArray(new[,] { { double.NaN } })));
        Assert.ThrowsAny<ArgumentException>(() => Separability.OriginMargin(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0 } }), relativeTolerance: 0));
        Assert.ThrowsAny<ArgumentException>(() => Separability.OriginMargin(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0 } }), maxIterations: 0));
    }

    [Fact]
    public void WendelProbability_TransitionWidth_ShrinksLikeInverseRootN()
    {
        // P_sep(N, d) = P[Bin(N−1, ½) ≤ d−1]: the 10–90 % width in λ = d/N is ≈ 2·1.2816·(√N/2)/N = 1.2816/√N (a property of the sum,
        // formerly a claim of notebook 03).
        double Width(int n)
        {
            double lo = double.NaN, hi = double.NaN;
            for (int d = 1; d <= n; d++)
            {
                double p = Separability.WendelProbability(n, d);
                if (double.IsNaN(lo) && p >= 0.1) lo = (double)d / n;
                if (double.IsNaN(hi) && p >= 0.9) { hi = (double)d / n; break; }
            }
            return hi - lo;
        }
        int[] ns = { 640, 2560, 10240, 40960 };
        double slope = MathNet.Numerics.Fit.Line(ns.Select(n => Math.Log(n)).ToArray(), ns.Select(n => Math.Log(Width(n))).ToArray()).Item2;
        NumericAssert.CloseAbs(-0.5, slope, 0.03);
        NumericAssert.Close(1.2816 / Math.Sqrt(40960), Width(40960), 0.05);
    }
}
