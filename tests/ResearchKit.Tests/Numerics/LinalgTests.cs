using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

public class LinalgTests
{
    // Native (LAPACK) and managed (MathNet) results differ only by rounding: blocked vs unblocked summation orders,
    // divide-and-conquer vs QL iterations. 1e-10 relative to the result's scale leaves room for that and nothing more.
    private const double Agreement = 1e-10;

    public static TheoryData<LinalgProvider> Providers => NativeRequirement.Providers();

    // ---- native and managed agree ---------------------------------------------------------------------------------

    [NativeTheory]
    [InlineData(1, 1)]
    [InlineData(5, 3)]
    [InlineData(200, 70)]
    [InlineData(70, 200)]
    [InlineData(513, 130)]
    public void Gram_RandomMatrix_NativeAgreesWithManaged(int rows, int columns)
    {
        var x = RandomMatrix(rows, columns, seed: rows * 31 + columns);
        var managed = With(LinalgProvider.Managed, () => Linalg.Gram(x));
        var native = With(LinalgProvider.Native, () => Linalg.Gram(x));
        AssertClose(managed, native, Agreement);
        Assert.True(native.IsSymmetric(), "native Gram must be exactly symmetric");
        Assert.True(managed.IsSymmetric(), "managed Gram must be exactly symmetric");
    }

    [NativeTheory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 4, 5)]
    [InlineData(130, 70, 90)]
    [InlineData(257, 300, 64)]
    public void Multiply_RandomMatrices_NativeAgreesWithManaged(int m, int k, int n)
    {
        var a = RandomMatrix(m, k, seed: 1);
        var b = RandomMatrix(k, n, seed: 2);
        AssertClose(With(LinalgProvider.Managed, () => Linalg.Multiply(a, b)), With(LinalgProvider.Native, () => Linalg.Multiply(a, b)), Agreement);
    }

    [NativeTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(64)]
    [InlineData(200)]
    public void SymmetricEigenvalues_RandomSymmetric_NativeAgreesWithManaged(int n)
    {
        var a = RandomSymmetric(n, seed: n);
        double[] managed = With(LinalgProvider.Managed, () => Linalg.SymmetricEigenvalues(a));
        double[] native = With(LinalgProvider.Native, () => Linalg.SymmetricEigenvalues(a));
        double scale = managed.Max(Math.Abs);
        Assert.Equal(n, native.Length);
        for (int i = 0; i < n; i++)
            NumericAssert.CloseAbs(managed[i], native[i], Agreement * scale, $"λ[{i}]");
        for (int i = 1; i < n; i++)
            Assert.True(native[i - 1] <= native[i], "native eigenvalues must be ascending");
    }

    [NativeTheory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(40)]
    [InlineData(150)]
    public void SymmetricEigen_RandomSymmetric_NativeAgreesWithManagedUpToSign(int n)
    {
        var a = RandomSymmetric(n, seed: 100 + n);
        var managed = With(LinalgProvider.Managed, () => Linalg.SymmetricEigen(a));
        var native = With(LinalgProvider.Native, () => Linalg.SymmetricEigen(a));
        double scale = managed.Values.Max(Math.Abs);
        for (int i = 0; i < n; i++)
            NumericAssert.CloseAbs(managed.Values[i], native.Values[i], Agreement * scale, $"λ[{i}]");

        // Both are eigen-decompositions of a: A·V = V·Λ and VᵀV = I, to rounding.
        foreach (var r in new[] { managed, native })
        {
            AssertClose(a * r.Vectors, r.Vectors * Matrix<double>.Build.DiagonalOfDiagonalArray(r.Values), Agreement, scale);
            AssertClose(Matrix<double>.Build.DenseIdentity(n), r.Vectors.TransposeThisAndMultiply(r.Vectors), Agreement);
        }

        // Each eigenvector is fixed up to sign when the eigenvalues are simple; the perturbation of vector i is about
        // ε‖A‖/gap_i, so compare where the gap makes 1e-10 meaningful (random matrices: nearly all of them).
        int compared = 0;
        for (int i = 0; i < n; i++)
        {
            double gap = Gap(managed.Values, i);
            if (gap < 1e-3 * scale)
                continue;
            var u = managed.Vectors.Column(i);
            var v = native.Vectors.Column(i);
            double sign = Math.Sign(u.DotProduct(v));
            for (int r = 0; r < n; r++)
                NumericAssert.CloseAbs(u[r], sign * v[r], Agreement, $"v[{r},{i}]");
            compared++;
        }
        Assert.True(compared >= n - 2, $"only {compared} of {n} eigenvectors had a gap large enough to compare");
    }

    [NativeTheory]
    [InlineData(1, 1)]
    [InlineData(4, 2)]
    [InlineData(120, 3)]
    [InlineData(300, 17)]
    public void CholeskySolve_RandomPositiveDefinite_NativeAgreesWithManaged(int n, int rightHandSides)
    {
        var a = RandomPositiveDefinite(n, seed: n);
        var b = RandomMatrix(n, rightHandSides, seed: 7);
        var managed = With(LinalgProvider.Managed, () => Linalg.CholeskySolve(a, b));
        var native = With(LinalgProvider.Native, () => Linalg.CholeskySolve(a, b));
        AssertClose(managed, native, Agreement);
        AssertClose(b, a * native, Agreement);
    }

    [NativeTheory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(260)]
    public void Cholesky_RandomPositiveDefinite_NativeAgreesWithManaged(int n)
    {
        var a = RandomPositiveDefinite(n, seed: 3 * n);
        var managed = With(LinalgProvider.Managed, () => Linalg.Cholesky(a));
        var native = With(LinalgProvider.Native, () => Linalg.Cholesky(a));
        AssertClose(managed, native, Agreement);
        AssertClose(a, native * native.Transpose(), Agreement);
        for (int j = 1; j < n; j++)
            for (int i = 0; i < j; i++)
                Assert.Equal(0.0, native[i, j]);
    }

    [NativeTheory]
    [InlineData(1, 1)]
    [InlineData(30, 20)]
    [InlineData(20, 30)]
    [InlineData(150, 150)]
    [InlineData(400, 60)]
    public void SingularValues_RandomMatrix_NativeAgreesWithManaged(int rows, int columns)
    {
        var a = RandomMatrix(rows, columns, seed: rows + 1000 * columns);
        double[] managed = With(LinalgProvider.Managed, () => Linalg.SingularValues(a));
        double[] native = With(LinalgProvider.Native, () => Linalg.SingularValues(a));
        Assert.Equal(Math.Min(rows, columns), native.Length);
        for (int i = 0; i < native.Length; i++)
            NumericAssert.CloseAbs(managed[i], native[i], Agreement * managed[0], $"σ[{i}]");
    }

    [NativeFact]
    public void Gram_CalledTwice_BitIdentical()
    {
        var x = RandomMatrix(700, 300, seed: 5);
        var first = With(LinalgProvider.Native, () => Linalg.Gram(x));
        var second = With(LinalgProvider.Native, () => Linalg.Gram(x));
        Assert.Equal(first.ToColumnMajorArray(), second.ToColumnMajorArray());
    }

    [NativeFact]
    public void Backend_NativeScope_DescribesNativeLibrary()
    {
        using var scope = Linalg.Use(LinalgProvider.Native);
        Assert.Equal(LinalgProvider.Native, Linalg.Provider);
        Assert.StartsWith("native (", Linalg.Backend);
        Assert.StartsWith("native (", Linalg.BackendDetail);
        Assert.DoesNotContain(" threads", Linalg.Backend);
    }

    // ---- known answers (both paths) -------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Providers))]
    public void Gram_SmallMatrix_MatchesHandComputation(LinalgProvider provider)
    {
        // X = [[1,2],[3,4],[5,6]]: XᵀX = [[1+9+25, 2+12+30],[·, 4+16+36]] = [[35,44],[44,56]].
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        var g = With(provider, () => Linalg.Gram(x));
        Assert.Equal(new double[] { 35, 44, 44, 56 }, g.ToColumnMajorArray());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void SymmetricEigen_TwoByTwo_ValuesOneAndThree(LinalgProvider provider)
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 1, 2 } });
        var r = With(provider, () => Linalg.SymmetricEigen(a));
        NumericAssert.Close(1, r.Values[0], 1e-14);
        NumericAssert.Close(3, r.Values[1], 1e-14);
        // v₁ = (1, −1)/√2, v₂ = (1, 1)/√2 up to sign.
        NumericAssert.Close(1 / Math.Sqrt(2), Math.Abs(r.Vectors[0, 1]), 1e-14);
        NumericAssert.Close(-1, r.Vectors[0, 0] * r.Vectors[1, 0] * 2, 1e-14);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void SymmetricEigenvalues_UpperTriangleGarbage_Ignored(LinalgProvider provider)
    {
        var a = RandomSymmetric(30, seed: 9);
        var lowerOnly = a.Clone();
        for (int j = 1; j < 30; j++)
            for (int i = 0; i < j; i++)
                lowerOnly[i, j] = 1e6;
        double[] expected = With(provider, () => Linalg.SymmetricEigenvalues(a));
        double[] actual = With(provider, () => Linalg.SymmetricEigenvalues(lowerOnly));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Cholesky_KnownMatrix_FactorMatches(LinalgProvider provider)
    {
        // [[4,2],[2,3]] = L·Lᵀ with L = [[2,0],[1,√2]].
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 4, 2 }, { 2, 3 } });
        var l = With(provider, () => Linalg.Cholesky(a));
        NumericAssert.Close(2, l[0, 0], 1e-15);
        NumericAssert.Close(1, l[1, 0], 1e-15);
        NumericAssert.Close(Math.Sqrt(2), l[1, 1], 1e-15);
        Assert.Equal(0.0, l[0, 1]);
        var x = With(provider, () => Linalg.CholeskySolve(a, Matrix<double>.Build.DenseOfArray(new double[,] { { 6 }, { 5 } })));
        NumericAssert.Close(1, x[0, 0], 1e-14);
        NumericAssert.Close(1, x[1, 0], 1e-14);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void SingularValues_KnownMatrix_Descending(LinalgProvider provider)
    {
        // [[3,0],[0,−4],[0,0]]: singular values 4, 3.
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 0 }, { 0, -4 }, { 0, 0 } });
        double[] s = With(provider, () => Linalg.SingularValues(a));
        Assert.Equal(2, s.Length);
        NumericAssert.Close(4, s[0], 1e-15);
        NumericAssert.Close(3, s[1], 1e-15);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Multiply_SmallMatrices_MatchesHandComputation(LinalgProvider provider)
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = Matrix<double>.Build.DenseOfArray(new double[,] { { 1 }, { 0 }, { -1 } });
        var c = With(provider, () => Linalg.Multiply(a, b));
        Assert.Equal(new double[] { -2, -2 }, c.ToColumnMajorArray());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Use_Scope_RestoredAfterDispose(LinalgProvider provider)
    {
        var before = Linalg.Provider;
        using (Linalg.Use(provider))
            Assert.Equal(provider, Linalg.Provider);
        Assert.Equal(before, Linalg.Provider);
    }

    // ---- bad input (both paths) -----------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Providers))]
    public void SquareKernels_NonSquare_ThrowNamingA(LinalgProvider provider)
    {
        var a = RandomMatrix(3, 4, seed: 1);
        using var scope = Linalg.Use(provider);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Linalg.SymmetricEigenvalues(a)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Linalg.SymmetricEigen(a)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Linalg.Cholesky(a)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Linalg.CholeskySolve(a, RandomMatrix(3, 1, seed: 2))).ParamName);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ShapeMismatch_Throws(LinalgProvider provider)
    {
        using var scope = Linalg.Use(provider);
        var e = Assert.Throws<ArgumentException>(() => Linalg.Multiply(RandomMatrix(3, 4, seed: 1), RandomMatrix(5, 2, seed: 2)));
        Assert.Equal("b rows", e.ParamName);
        Assert.Contains("a columns", e.Message);
        var f = Assert.Throws<ArgumentException>(() => Linalg.CholeskySolve(RandomPositiveDefinite(3, seed: 1), RandomMatrix(4, 1, seed: 2)));
        Assert.Equal("b rows", f.ParamName);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void NonFiniteEntries_ThrowNamingParameterAndEntry(LinalgProvider provider)
    {
        using var scope = Linalg.Use(provider);
        var bad = RandomSymmetric(5, seed: 1);
        bad[3, 2] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => Linalg.Gram(bad));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("x[3,2] = NaN", e.Message);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Linalg.SymmetricEigenvalues(bad)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Linalg.SymmetricEigen(bad)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Linalg.SingularValues(bad)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Linalg.Cholesky(bad)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Linalg.Multiply(bad, RandomMatrix(5, 2, seed: 1))).ParamName);
        var infinite = RandomMatrix(5, 2, seed: 2);
        infinite[4, 1] = double.PositiveInfinity;
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => Linalg.Multiply(RandomMatrix(3, 5, seed: 3), infinite)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => Linalg.CholeskySolve(RandomPositiveDefinite(5, seed: 4), infinite)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Gram_NonFiniteEntryAnywhere_ThrowsNamingTheFirst(LinalgProvider provider)
    {
        // Gram reads X's finiteness off the result's diagonal: a bad entry in any row or column, next to zeros or not,
        // must still be found and named.
        using var scope = Linalg.Use(provider);
        foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            foreach (var (row, column) in new[] { (0, 0), (6, 0), (0, 4), (6, 4), (3, 2) })
            {
                var x = RandomMatrix(7, 5, seed: 3);
                x.SetColumn(column, new double[7]); // zeros around the bad entry
                x[row, column] = bad;
                var e = Assert.Throws<ArgumentException>(() => Linalg.Gram(x));
                Assert.Equal("x", e.ParamName);
                Assert.Contains(FormattableString.Invariant($"x[{row},{column}] = {bad}"), e.Message);
            }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Gram_FiniteEntriesWhoseSquaresOverflow_ReturnsInfinityAsBefore(LinalgProvider provider)
    {
        // Finite input is accepted whatever the result: the diagonal check only decides whether X is scanned.
        using var scope = Linalg.Use(provider);
        var x = RandomMatrix(4, 3, seed: 5);
        x[2, 1] = 1e200;
        var g = Linalg.Gram(x);
        Assert.Equal(double.PositiveInfinity, g[1, 1]);
        Assert.True(double.IsFinite(g[0, 0]) && double.IsFinite(g[2, 2]));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Multiply_NonFiniteEntryFacingZeros_ThrowsNamingTheFirst(LinalgProvider provider)
    {
        // Multiply reads the factors' finiteness off the product's first column and row (native kernels): a bad entry
        // anywhere, facing a zero row or column of the other factor (so that only NaN·0 or ∞·0 carries it), must still
        // be found and named, at a small shape and at shapes the blocked kernels take.
        using var scope = Linalg.Use(provider);
        foreach (var (m, k, n) in new[] { (1, 1, 1), (5, 4, 3), (161, 97, 203), (600, 520, 410) })
            foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
                foreach (var (p, q) in new[] { (0, 0), (1, 1), (-1, -1), (0, -1), (-1, 0) })
                {
                    var a = RandomMatrix(m, k, seed: m + 2 * k);
                    var b = RandomMatrix(k, n, seed: k + 3 * n);
                    int row = p < 0 ? m - 1 : Math.Min(p * (m / 2), m - 1), l = q < 0 ? k - 1 : Math.Min(q * (k / 3), k - 1);
                    b.ClearRow(l);
                    a[row, l] = bad;
                    var e = Assert.Throws<ArgumentException>(() => Linalg.Multiply(a, b));
                    Assert.Equal("a", e.ParamName);
                    Assert.Contains(FormattableString.Invariant($"a[{row},{l}] = {bad}"), e.Message);

                    a = RandomMatrix(m, k, seed: m + 2 * k);
                    b = RandomMatrix(k, n, seed: k + 3 * n);
                    int column = p < 0 ? n - 1 : Math.Min(p * (n / 2), n - 1);
                    a.ClearColumn(l);
                    b[l, column] = bad;
                    e = Assert.Throws<ArgumentException>(() => Linalg.Multiply(a, b));
                    Assert.Equal("b", e.ParamName);
                    Assert.Contains(FormattableString.Invariant($"b[{l},{column}] = {bad}"), e.Message);
                }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Multiply_FiniteFactorsWhoseProductOverflows_ReturnsInfinityAsBefore(LinalgProvider provider)
    {
        // Finite factors are accepted whatever the product: its first column and row only decide whether they are scanned.
        using var scope = Linalg.Use(provider);
        var a = RandomMatrix(4, 3, seed: 6);
        var b = RandomMatrix(3, 5, seed: 7);
        a.SetColumn(1, [1e200, 1e200, 1e200, 1e200]);
        b.SetRow(1, [1e200, 1e200, 1e200, 1e200, 1e200]);
        var c = Linalg.Multiply(a, b);
        Assert.All(c.Enumerate(), v => Assert.True(double.IsInfinity(v)));
    }

    [NativeFact]
    public void CarriesNonFinite_TheNativeDgemm_CarriesNaNAndInfinityThroughZeros()
    {
        // The installed BLAS must pass the probe, or Multiply's fast path is never taken and the benchmarks measure the
        // scans; the probe itself must be able to fail (next test).
        Assert.True(Linalg.CarriesNonFinite((a, b) => With(LinalgProvider.Native, () => Linalg.MultiplyFinite(a, b))));
    }

    [Fact]
    public void CarriesNonFinite_AProductThatSkipsTheTermsOfZeros_Fails_AndOneThatFormsEveryTermPasses()
    {
        Assert.False(Linalg.CarriesNonFinite((a, b) => TripleLoop(a, b, skipZeros: true)));
        Assert.False(Linalg.CarriesNonFinite((a, b) => TripleLoop(b.Transpose(), a.Transpose(), skipZeros: true).Transpose()));
        Assert.True(Linalg.CarriesNonFinite((a, b) => TripleLoop(a, b, skipZeros: false)));

        static Matrix<double> TripleLoop(Matrix<double> a, Matrix<double> b, bool skipZeros)
        {
            var c = Matrix<double>.Build.Dense(a.RowCount, b.ColumnCount);
            for (int j = 0; j < b.ColumnCount; j++)
                for (int l = 0; l < a.ColumnCount; l++)
                {
                    double blj = b[l, j];
                    if (skipZeros && blj == 0)
                        continue; // the old reference BLAS's "IF (B(L,J).NE.ZERO)"
                    for (int i = 0; i < a.RowCount; i++)
                        c[i, j] += a[i, l] * blj;
                }
            return c;
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void CopyingKernels_NonFiniteEntryInEitherTriangleOrTheLast_Throw(LinalgProvider provider)
    {
        // The eigen, Cholesky and SVD kernels check finiteness while copying: every entry, not only the triangle read.
        using var scope = Linalg.Use(provider);
        foreach (var (row, column) in new[] { (0, 4), (4, 0), (4, 4) })
        {
            var bad = RandomPositiveDefinite(5, seed: 6);
            bad[row, column] = double.PositiveInfinity;
            string where = $"a[{row},{column}] = Infinity";
            Assert.Contains(where, Assert.Throws<ArgumentException>(() => Linalg.SymmetricEigenvalues(bad)).Message);
            Assert.Contains(where, Assert.Throws<ArgumentException>(() => Linalg.SymmetricEigen(bad)).Message);
            Assert.Contains(where, Assert.Throws<ArgumentException>(() => Linalg.Cholesky(bad)).Message);
            Assert.Contains(where, Assert.Throws<ArgumentException>(() => Linalg.CholeskySolve(bad, RandomMatrix(5, 2, seed: 1))).Message);
            Assert.Contains(where, Assert.Throws<ArgumentException>(() => Linalg.SingularValues(bad)).Message);
        }
    }

    [NativeFact]
    public void NativeScratchReuse_InterleavedSizes_BitIdenticalToFirstCalls()
    {
        // Eigenvalues and singular values work in kept scratch arrays (input copies, workspaces); a reused, larger or
        // dirty buffer must not change a bit of the result.
        using var scope = Linalg.Use(LinalgProvider.Native);
        var small = RandomSymmetric(100, seed: 8);   // 80 kB copy: pooled
        var large = RandomSymmetric(180, seed: 9);
        var rectangular = RandomMatrix(150, 120, seed: 10);
        double[] smallFirst = Linalg.SymmetricEigenvalues(small), largeFirst = Linalg.SymmetricEigenvalues(large);
        double[] svdFirst = Linalg.SingularValues(rectangular);
        var vectorsFirst = Linalg.SymmetricEigen(large);
        for (int round = 0; round < 3; round++)
        {
            Assert.Equal(Bits(largeFirst), Bits(Linalg.SymmetricEigenvalues(large)));
            Assert.Equal(Bits(smallFirst), Bits(Linalg.SymmetricEigenvalues(small))); // in the larger kept copy
            Assert.Equal(Bits(svdFirst), Bits(Linalg.SingularValues(rectangular)));
            var vectors = Linalg.SymmetricEigen(large);
            Assert.Equal(Bits(vectorsFirst.Values), Bits(vectors.Values));
            Assert.Equal(Bits(vectorsFirst.Vectors.ToColumnMajorArray()), Bits(vectors.Vectors.ToColumnMajorArray()));
        }
    }

    [Fact]
    public void CopyLowerToUpper_EverySizeAroundTheBlocks_MirrorsExactly()
    {
        // The AVX path moves 4×4 blocks in strips of 8 columns; sizes on and off those multiples, and the fallback's
        // tiles of 64, against the entry-by-entry definition.
        var random = new Random(11);
        foreach (int n in Enumerable.Range(0, 21).Concat([31, 32, 33, 63, 64, 65, 67, 130]))
        {
            var c = Enumerable.Range(0, n * n).Select(_ => random.NextDouble()).ToArray();
            var expected = (double[])c.Clone();
            for (int j = 0; j < n; j++)
                for (int i = j + 1; i < n; i++)
                    expected[j + i * n] = expected[i + j * n];
            NativeKernels.CopyLowerToUpper(c, n);
            Assert.Equal(Bits(expected), Bits(c));
        }
        Assert.Equal("c", Assert.Throws<ArgumentException>(() => NativeKernels.CopyLowerToUpper(new double[3], 2)).ParamName);
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    [Theory]
    [MemberData(nameof(Providers))]
    public void Cholesky_NotPositiveDefinite_ThrowsNamingA(LinalgProvider provider)
    {
        using var scope = Linalg.Use(provider);
        var indefinite = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 2, 1 } }); // eigenvalues 3, −1
        var e = Assert.Throws<ArgumentException>(() => Linalg.Cholesky(indefinite));
        Assert.Equal("a", e.ParamName);
        Assert.Contains("positive definite", e.Message);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Linalg.CholeskySolve(indefinite, RandomMatrix(2, 1, seed: 1))).ParamName);
    }

    [Fact]
    public void Kernels_Null_ThrowArgumentNull()
    {
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => Linalg.Gram(null!)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentNullException>(() => Linalg.SymmetricEigen(null!)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentNullException>(() => Linalg.Multiply(RandomMatrix(2, 2, seed: 1), null!)).ParamName);
    }

    [Fact]
    public void Select_EnvironmentValues_ChooseBackend()
    {
        Assert.Equal(LinalgProvider.Managed, Linalg.Select("managed").Kernels!.Provider);
        Assert.Equal(LinalgProvider.Managed, Linalg.Select(" Managed ").Kernels!.Provider);
        var bogus = Linalg.Select("fast");
        Assert.Null(bogus.Kernels);
        Assert.Contains("allowed: managed, native, auto", bogus.Note);
        var auto = Linalg.Select(null);
        Assert.Equal(Linalg.IsNativeAvailable ? LinalgProvider.Native : LinalgProvider.Managed, auto.Kernels!.Provider);
        var native = Linalg.Select("native");
        Assert.Equal(Linalg.IsNativeAvailable, native.Kernels is not null);
    }

    [Fact]
    public void Use_ManagedScope_BackendSaysManaged()
    {
        using var scope = Linalg.Use(LinalgProvider.Managed);
        Assert.StartsWith("managed (MathNet.Numerics", Linalg.Backend);
        Assert.StartsWith(Linalg.Backend, Linalg.BackendDetail);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Providers))]
    public void MultiplyInto_SameBitsAsMultiply_OverwritingTheResult(LinalgProvider provider)
    {
        // The solvers' inner loops keep their product arrays; the numbers must be those of a fresh product, and the
        // old contents (here NaN) must not leak in (dgemm with β = 0 never reads C).
        using var scope = Linalg.Use(provider);
        foreach (var (m, k, n) in new[] { (1, 1, 1), (7, 5, 3), (130, 70, 90), (300, 200, 5) })
        {
            var a = RandomMatrix(m, k, seed: m + k);
            var b = RandomMatrix(k, n, seed: k + n);
            var fresh = Linalg.Multiply(a, b);
            var kept = Matrix<double>.Build.Dense(m, n, double.NaN);
            for (int repeat = 0; repeat < 2; repeat++)
            {
                Linalg.MultiplyInto(a, b, kept);
                Assert.Equal(fresh.ToColumnMajorArray().Select(BitConverter.DoubleToInt64Bits), kept.ToColumnMajorArray().Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }

    private static T With<T>(LinalgProvider provider, Func<T> f)
    {
        using var scope = Linalg.Use(provider);
        return f();
    }

    private static Matrix<double> RandomMatrix(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return Matrix<double>.Build.Dense(rows, columns, (_, _) => 2 * random.NextDouble() - 1);
    }

    private static Matrix<double> RandomSymmetric(int n, int seed)
    {
        var m = RandomMatrix(n, n, seed);
        return m + m.Transpose();
    }

    private static Matrix<double> RandomPositiveDefinite(int n, int seed)
    {
        var x = RandomMatrix(n + 5, n, seed);
        return x.TransposeThisAndMultiply(x) + Matrix<double>.Build.DenseIdentity(n);
    }

    private static double Gap(double[] sorted, int i)
    {
        double left = i > 0 ? sorted[i] - sorted[i - 1] : double.PositiveInfinity;
        double right = i < sorted.Length - 1 ? sorted[i + 1] - sorted[i] : double.PositiveInfinity;
        return Math.Min(left, right);
    }

    /// <summary>max |Δ| ≤ relTol · scale, where scale defaults to max |expected|.</summary>
    private static void AssertClose(Matrix<double> expected, Matrix<double> actual, double relTol, double? scale = null)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.ColumnCount, actual.ColumnCount);
        double s = scale ?? Math.Max(expected.Enumerate().Max(Math.Abs), 1e-300);
        double maxDiff = (expected - actual).Enumerate().Max(Math.Abs);
        Assert.True(maxDiff <= relTol * s, $"max |Δ| = {maxDiff:G3}, allowed {relTol * s:G3} (scale {s:G3})");
    }
}
