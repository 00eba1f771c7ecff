using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// A misspecified linear regression with verbatim duplicates: x ~ 𝒩(0, I_p), y = xᵀβ without noise, least squares on
/// the first m coordinates only, trained on n unique rows plus d distinct rows each repeated r times. The unobserved
/// coordinates act as noise z = x_outᵀβ_out with variance ‖β_out‖², shared by the copies of a row.
/// </summary>
/// <remarks>
/// Chudnovsky, Kazdan, Levi, Schaeffer et al. 2026 (arXiv 2606.24998), linear model (equations as in the project spec,
/// from course notes on v1). Given the observed design, with M = C_u + r·C_d (C_u, C_d the Gram matrices of the unique
/// and of the distinct duplicated rows): E[L_test] = ‖β_out‖²[1 + tr(M⁻¹(C_u + r²C_d)M⁻¹)] and
/// E[L_train] = ‖β_out‖²[n + rd − tr((C_u + r²C_d)M⁻¹)]/(n + rd); both follow from â − β_in = (XᵀX)⁻¹Xᵀz with
/// Cov z = ‖β_out‖²(I_n ⊕ d blocks 1_r1_rᵀ). p enters only through ‖β_out‖². Notebook 11.
/// </remarks>
public sealed class DuplicatedRowRegression
{
    private readonly Matrix<double> unique, duplicated;

    /// <summary>A design: the unique rows and the distinct duplicated rows (each used <paramref name="repeats"/> times).</summary>
    /// <param name="uniqueRows">n × m observed coordinates of the unique rows (n ≥ 0 rows).</param>
    /// <param name="duplicatedRows">d × m observed coordinates of the distinct duplicated rows.</param>
    /// <param name="repeats">r. Range: ≥ 1.</param>
    /// <param name="unobservedNorm2">‖β_out‖². Range: ≥ 0.</param>
    public DuplicatedRowRegression(Matrix<double> uniqueRows, Matrix<double> duplicatedRows, int repeats, double unobservedNorm2 = 1)
    {
        Guard.NotNull(uniqueRows);
        Guard.NotNull(duplicatedRows);
        Guard.Positive(repeats);
        Guard.NonNegative(unobservedNorm2);
        if (uniqueRows.ColumnCount != duplicatedRows.ColumnCount)
            throw new ArgumentException($"uniqueRows has {uniqueRows.ColumnCount} columns but duplicatedRows has {duplicatedRows.ColumnCount}; allowed: equal.", nameof(duplicatedRows));
        if (uniqueRows.RowCount + repeats * duplicatedRows.RowCount < uniqueRows.ColumnCount)
            throw new ArgumentException($"n + r·d = {uniqueRows.RowCount + repeats * duplicatedRows.RowCount} rows < m = {uniqueRows.ColumnCount}: least squares is not determined.", nameof(uniqueRows));
        unique = uniqueRows;
        duplicated = duplicatedRows;
        Repeats = repeats;
        UnobservedNorm2 = unobservedNorm2;
    }

    /// <summary>r.</summary>
    public int Repeats { get; }

    /// <summary>‖β_out‖².</summary>
    public double UnobservedNorm2 { get; }

    /// <summary>Training rows n + r·d.</summary>
    public int TrainingRows => unique.RowCount + Repeats * duplicated.RowCount;

    /// <summary>Draws a Gaussian design: n unique and d distinct duplicated rows of m standard normal coordinates.</summary>
    /// <param name="observed">m. Range: ≥ 1.</param>
    /// <param name="uniqueCount">n. Range: ≥ 0.</param>
    /// <param name="duplicatedCount">d. Range: ≥ 0.</param>
    /// <param name="repeats">r. Range: ≥ 1.</param>
    /// <param name="random">The generator.</param>
    public static DuplicatedRowRegression Sample(int observed, int uniqueCount, int duplicatedCount, int repeats, Random random)
    {
        Guard.Positive(observed);
        Guard.AtLeast(uniqueCount, 0);
        Guard.AtLeast(duplicatedCount, 0);
        Guard.NotNull(random);
        var u = Matrix<double>.Build.Dense(uniqueCount, observed, (_, _) => Normal.Sample(random, 0, 1));
        var d = Matrix<double>.Build.Dense(duplicatedCount, observed, (_, _) => Normal.Sample(random, 0, 1));
        return new DuplicatedRowRegression(u, d, repeats);
    }

    /// <summary>E[L_test | design] = ‖β_out‖²[1 + tr(M⁻¹(C_u + r²C_d)M⁻¹)].</summary>
    public double ExpectedTestRisk()
    {
        var (mInv, k) = Parts();
        return UnobservedNorm2 * (1 + (mInv * k * mInv).Trace());
    }

    /// <summary>E[L_train | design] = ‖β_out‖²[n + rd − tr((C_u + r²C_d)M⁻¹)]/(n + rd) (mean squared residual over all training rows).</summary>
    public double ExpectedTrainRisk()
    {
        var (mInv, k) = Parts();
        return UnobservedNorm2 * (TrainingRows - (k * mInv).Trace()) / TrainingRows;
    }

    /// <summary>
    /// Monte-Carlo check of the closed forms on this design: draws the unobserved noise z (shared by copies) and a fresh
    /// test point's coordinates, fits least squares, and returns the mean and standard error of the test and train risks.
    /// </summary>
    /// <param name="draws">Number of noise draws. Range: ≥ 2.</param>
    /// <param name="random">The generator.</param>
    public (double TestMean, double TestError, double TrainMean, double TrainError) Simulate(int draws, Random random)
    {
        Guard.AtLeast(draws, 2);
        Guard.NotNull(random);
        int n = unique.RowCount, d = duplicated.RowCount, m = unique.ColumnCount, rows = TrainingRows;
        // Least squares through its normal equations on the distinct rows: XᵀX = M = C_u + r·C_d (Cholesky, once per
        // design) and Xᵀz = Uᵀz_u + r·Dᵀz_d, since the r copies of a row share its noise; the residual sum is
        // ‖z_u − U·err‖² + r·‖z_d − D·err‖². The same least-squares solution as a QR of the n + r·d stacked rows (the
        // method until 2026-12-02; it agrees to rounding), in O((n + d)·m) plain array work per draw.
        var lower = (unique.TransposeThisAndMultiply(unique) + Repeats * duplicated.TransposeThisAndMultiply(duplicated)).Cholesky().Factor;
        var l = new double[m][];
        for (int a = 0; a < m; a++) { l[a] = new double[a + 1]; for (int b = 0; b <= a; b++) l[a][b] = lower[a, b]; }
        var u = new double[n][];
        for (int i = 0; i < n; i++) u[i] = unique.Row(i).ToArray();
        var dup = new double[d][];
        for (int j = 0; j < d; j++) dup[j] = duplicated.Row(j).ToArray();
        double sd = Math.Sqrt(UnobservedNorm2), r = Repeats;
        var test = new double[draws];
        var train = new double[draws];
        var zu = new double[n];
        var zd = new double[d];
        var g = new double[m];
        var err = new double[m];
        for (int t = 0; t < draws; t++)
        {
            for (int i = 0; i < n; i++)
                zu[i] = sd * Normal.Sample(random, 0, 1);
            for (int j = 0; j < d; j++)
                zd[j] = sd * Normal.Sample(random, 0, 1);
            // y − x_inᵀβ_in = z, so the error of â is the least-squares fit of z; test risk = ‖â − β_in‖² + ‖β_out‖².
            Array.Clear(g);
            for (int i = 0; i < n; i++) Axpy(zu[i], u[i], g);
            for (int j = 0; j < d; j++) Axpy(r * zd[j], dup[j], g);
            for (int a = 0; a < m; a++)          // L y = g
            {
                double v = g[a];
                var la = l[a];
                for (int b = 0; b < a; b++) v -= la[b] * err[b];
                err[a] = v / la[a];
            }
            for (int a = m - 1; a >= 0; a--)     // Lᵀ err = y
            {
                double v = err[a];
                for (int b = a + 1; b < m; b++) v -= l[b][a] * err[b];
                err[a] = v / l[a][a];
            }
            double e2 = 0;
            for (int a = 0; a < m; a++) e2 += err[a] * err[a];
            test[t] = e2 + UnobservedNorm2;
            double ru = 0, rd = 0;
            for (int i = 0; i < n; i++) { double v = zu[i] - Dot(u[i], err); ru += v * v; }
            for (int j = 0; j < d; j++) { double v = zd[j] - Dot(dup[j], err); rd += v * v; }
            train[t] = (ru + r * rd) / rows;
        }
        return (test.Average(), Sem(test), train.Average(), Sem(train));
    }

    /// <summary>
    /// The closed forms from the observed Gram matrices alone: with M = C_u + r·C_d,
    /// E[L_test] − ‖β_out‖² = ‖β_out‖²[tr M⁻¹ + (r² − r)·tr(M⁻¹C_dM⁻¹)] and
    /// E[L_train] = ‖β_out‖²[n + rd − m − (r² − r)·tr(C_dM⁻¹)]/(n + rd) (the same as <see cref="ExpectedTestRisk"/> and
    /// <see cref="ExpectedTrainRisk"/>, written with C_u + r²C_d = M + (r² − r)C_d so that only M is factorised).
    /// </summary>
    /// <param name="uniqueGram">C_u, m × m, symmetric positive semi-definite.</param>
    /// <param name="duplicatedGram">C_d, m × m, symmetric positive semi-definite.</param>
    /// <param name="trainingRows">n + r·d. Range: ≥ m.</param>
    /// <param name="repeats">r. Range: ≥ 1.</param>
    /// <param name="unobservedNorm2">‖β_out‖². Range: ≥ 0.</param>
    /// <exception cref="ArgumentException">M = C_u + r·C_d is not positive definite (the design does not determine least squares).</exception>
    public static DuplicatedRowRisks RisksFromGram(Matrix<double> uniqueGram, Matrix<double> duplicatedGram, int trainingRows, int repeats, double unobservedNorm2 = 1)
    {
        Guard.NotNull(uniqueGram);
        Guard.NotNull(duplicatedGram);
        Guard.Positive(repeats);
        Guard.NonNegative(unobservedNorm2);
        int m = uniqueGram.RowCount;
        if (uniqueGram.ColumnCount != m || duplicatedGram.RowCount != m || duplicatedGram.ColumnCount != m)
            throw new ArgumentException($"uniqueGram is {uniqueGram.RowCount} × {uniqueGram.ColumnCount} and duplicatedGram {duplicatedGram.RowCount} × {duplicatedGram.ColumnCount}; allowed: both m × m.", nameof(duplicatedGram));
        Guard.AtLeast(trainingRows, m);
        var M = uniqueGram + repeats * duplicatedGram;
        MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> chol;
        try { chol = M.Cholesky(); }
        catch (ArgumentException e)
        {
            throw new ArgumentException("M = C_u + r·C_d is not positive definite: the observed rows do not determine least squares.", nameof(uniqueGram), e);
        }
        var mInv = chol.Solve(Matrix<double>.Build.DenseIdentity(m));
        var cdMinv = duplicatedGram * mInv;
        double extra = (double)repeats * repeats - repeats;
        // tr(M⁻¹·C_dM⁻¹) as Σ_ik (M⁻¹)_ik (C_dM⁻¹)_ki: the trace without the m³ product.
        double trace = 0;
        for (int i = 0; i < m; i++)
            for (int k = 0; k < m; k++)
                trace += mInv[i, k] * cdMinv[k, i];
        double excess = mInv.Trace() + extra * trace;
        double train = (trainingRows - m - extra * cdMinv.Trace()) / trainingRows;
        return new DuplicatedRowRisks(unobservedNorm2 * excess, unobservedNorm2 * train);
    }

    private (Matrix<double> MInverse, Matrix<double> K) Parts()
    {
        var cu = unique.TransposeThisAndMultiply(unique);
        var cd = duplicated.TransposeThisAndMultiply(duplicated);
        var mInv = (cu + Repeats * cd).Inverse();
        return (mInv, cu + (double)Repeats * Repeats * cd);
    }

    private static void Axpy(double alpha, double[] x, double[] acc)
    {
        int len = x.Length, i = 0, w = System.Numerics.Vector<double>.Count;
        var va = new System.Numerics.Vector<double>(alpha);
        for (; i <= len - w; i += w)
            (new System.Numerics.Vector<double>(acc, i) + va * new System.Numerics.Vector<double>(x, i)).CopyTo(acc, i);
        for (; i < len; i++) acc[i] += alpha * x[i];
    }

    private static double Dot(double[] x, double[] y)
    {
        int len = x.Length, i = 0, w = System.Numerics.Vector<double>.Count;
        var acc = System.Numerics.Vector<double>.Zero;
        for (; i <= len - w; i += w)
            acc += new System.Numerics.Vector<double>(x, i) * new System.Numerics.Vector<double>(y, i);
        double s = System.Numerics.Vector.Dot(acc, System.Numerics.Vector<double>.One);
        for (; i < len; i++) s += x[i] * y[i];
        return s;
    }

    private static double Sem(double[] v)
    {
        double mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1) / v.Length);
    }
}
