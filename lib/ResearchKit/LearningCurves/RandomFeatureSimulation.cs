using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// Simulates linear random-feature ridge regression and its ensembles on a <see cref="LinearTask"/> in the eigenbasis:
/// x = z ⊙ √λ, y = x·w̄ + ε, features φ = Fᵀx/√N with F ∈ ℝ^(M×N) iid N(0, 1) (one independent F per member,
/// the same data), a = argmin (1/P)Σ(y − φᵀa)² + λ|a|², ensemble predictor the mean of the members.
/// </summary>
/// <remarks>
/// The finite systems of Atanasov et al. 2024 (arXiv:2405.00592, §4) and Ruben et al. 2024 (arXiv:2412.05418, §3),
/// with the ridge in the library's convention (<see cref="RidgeConvention"/>); solved through the eigendecomposition of
/// the smaller Gram (native <see cref="Linalg"/>), λ = 0 the minimum-norm fit. Notebooks 13, 16.
/// </remarks>
public static class RandomFeatureSimulation
{
    /// <summary>One draw of the data, the noise and K feature maps, and the fits.</summary>
    /// <param name="task">Spectrum and target.</param>
    /// <param name="sampleSize">P. Range: ≥ 1.</param>
    /// <param name="features">N per member. Range: ≥ 1.</param>
    /// <param name="ridge">λ. Range: 0 ≤ λ &lt; ∞.</param>
    /// <param name="noiseVariance">σ². Range: 0 ≤ σ² &lt; ∞.</param>
    /// <param name="random">Source of randomness (X, ε, then F of each member).</param>
    /// <param name="members">K. Range: ≥ 1.</param>
    public static RandomFeatureSimulationResult Run(LinearTask task, int sampleSize, int features, double ridge, double noiseVariance, Random random, int members = 1)
    {
        Guard.NotNull(task);
        Guard.Positive(sampleSize);
        Guard.Positive(features);
        Guard.Positive(members);
        Guard.NonNegative(ridge);
        Guard.NonNegative(noiseVariance);
        Guard.NotNull(random);
        int p = sampleSize, n = features, m = task.Modes;
        var x = RidgeSimulation.SampleInputs(task, p, random);
        var noise = new double[p];
        Normal.Samples(random, noise, 0, Math.Sqrt(noiseVariance));
        var y = x.Multiply(Vector<double>.Build.DenseOfArray(task.WeightArray)) + Vector<double>.Build.DenseOfArray(noise);
        var zero = Vector<double>.Build.Dense(p);
        var mean = Vector<double>.Build.Dense(m);
        var eig = task.EigenvalueArray;
        var target = task.WeightArray;
        double memberError = 0, train = 0;
        var fData = new double[m * n];
        for (int member = 0; member < members; member++)
        {
            Normal.Samples(random, fData, 0, 1);
            var f = Matrix<double>.Build.Dense(m, n, (double[])fData.Clone()) / Math.Sqrt(n);
            var phi = Linalg.Multiply(x, f); // P×N
            var (a, _, _, _) = RidgeSimulation.Fit(phi, y, zero, ridge);
            var w = f.Multiply(a);
            double e = 0;
            for (int k = 0; k < m; k++)
            {
                double d = w[k] - target[k];
                e += eig[k] * d * d;
            }
            memberError += e / members;
            var residual = y - phi.Multiply(a);
            train += residual.DotProduct(residual) / p / members;
            mean += w / members;
        }
        double test = 0;
        for (int k = 0; k < m; k++)
        {
            double d = mean[k] - target[k];
            test += eig[k] * d * d;
        }
        return new RandomFeatureSimulationResult(p, n, members, ridge, noiseVariance, test, memberError, train, mean.ToArray());
    }

    /// <summary>
    /// One draw of the data X, ε and <paramref name="featureDraws"/> independent feature matrices F for it (F nested in X),
    /// fitted on the clean labels and on the noise apart: the raw material of <see cref="RandomFeatureAnova"/>.
    /// </summary>
    /// <remarks>
    /// F_kj ~ N(0, η_j), features φ = Fᵀx/√N (η ≡ 1: the model of <see cref="Run"/>). For P &lt; M the draw of F is
    /// exact in law without forming F: with XXᵀ = LLᵀ and V = XᵀL⁻ᵀ (the M×P row space, orthonormal), F = VH + (I − VVᵀ)G,
    /// H = VᵀF ~ N(0, η_j I_P) column-wise and G independent of H; the fit a depends on H only (Φ = XF/√N = LH/√N), and
    /// (I − VVᵀ)G·diag(√η)a/√N = |√η ⊙ a|/√N·(I − VVᵀ)g with g ~ N(0, I_M) (jointly for the clean and noise fits).
    /// Cost O(P²M + P³) per X and O(P²N) per F instead of O(PMN). When also P ≤ N, each F enters only through the P×P matrices
    /// A = HHᵀ and B = H diag(η) Hᵀ (K = ΦΦᵀ = LALᵀ/N, a = Φᵀc, Ha/√N = ALᵀc/N, Σ_jη_ja_j²/N = (Lᵀc)ᵀB(Lᵀc)/N²): no P×N matrix is
    /// allocated per draw. For P ≥ M F is drawn in full. Ours; notebook 13, Figs. (e), (f), (g).
    /// </remarks>
    /// <param name="task">Spectrum and target.</param>
    /// <param name="sampleSize">P. Range: ≥ 1.</param>
    /// <param name="features">Column variances η_j of F (N = their count).</param>
    /// <param name="ridge">λ (library convention, <see cref="RidgeConvention"/>). Range: 0 ≤ λ &lt; ∞; 0 = min-norm.</param>
    /// <param name="noiseVariance">σ². Range: 0 ≤ σ² &lt; ∞.</param>
    /// <param name="featureDraws">Number of F per X. Range: ≥ 2.</param>
    /// <param name="random">Source of randomness (X, ε, then each F).</param>
    public static RandomFeatureDataDraw RunFeatureDraws(LinearTask task, int sampleSize, FeatureCovariance features, double ridge,
        double noiseVariance, int featureDraws, Random random)
    {
        Guard.NotNull(features);
        return RunFeatureDraws(task, sampleSize, new[] { features }, ridge, noiseVariance, featureDraws, random)[0];
    }

    /// <summary>
    /// As the single-covariance overload, for several covariances of one width N with common random numbers: the same X, ε
    /// and the same standard normals of every F, scaled column-wise by each covariance's √η_j (one result per covariance;
    /// with one covariance the draws are those of the single overload).
    /// </summary>
    /// <param name="task">Spectrum and target.</param>
    /// <param name="sampleSize">P. Range: ≥ 1.</param>
    /// <param name="features">The covariances. Range: at least one, all of the same N.</param>
    /// <param name="ridge">λ (library convention). Range: 0 ≤ λ &lt; ∞; 0 = min-norm.</param>
    /// <param name="noiseVariance">σ². Range: 0 ≤ σ² &lt; ∞.</param>
    /// <param name="featureDraws">Number of F per X. Range: ≥ 2.</param>
    /// <param name="random">Source of randomness (X, ε, then each F).</param>
    public static RandomFeatureDataDraw[] RunFeatureDraws(LinearTask task, int sampleSize, IReadOnlyList<FeatureCovariance> features, double ridge,
        double noiseVariance, int featureDraws, Random random) => RunFeatureDraws(task, sampleSize, features, ridge, noiseVariance, featureDraws, random, kernelPath: true);

    /// <summary>
    /// As the public overload; <paramref name="kernelPath"/> = false forms Φ (P×N) for every draw even when P &lt; M and P ≤ N
    /// (the same draws, the same numbers to rounding: for the tests of the P×P kernel path).
    /// </summary>
    internal static RandomFeatureDataDraw[] RunFeatureDraws(LinearTask task, int sampleSize, IReadOnlyList<FeatureCovariance> features, double ridge,
        double noiseVariance, int featureDraws, Random random, bool kernelPath)
    {
        Guard.NotNull(task);
        Guard.NotNull(features);
        Guard.Positive(sampleSize);
        Guard.AtLeast(featureDraws, 2);
        Guard.NonNegative(ridge);
        Guard.NonNegative(noiseVariance);
        Guard.NotNull(random);
        if (features.Count == 0 || features.Any(f => f is null) || features.Any(f => f.Features != features[0].Features))
            throw new ArgumentException("features must hold at least one covariance, none null, all of the same N.", nameof(features));
        int p = sampleSize, n = features[0].Features, m = task.Modes, c = features.Count;
        var etas = features.Select(f => f.VarianceArray).ToArray();
        var isotropic = features.Select(f => f.IsIsotropic).ToArray();
        var sqrtEtas = etas.Select(e => e.Select(Math.Sqrt).ToArray()).ToArray();
        var eig = task.EigenvalueArray;
        var sqrtEig = eig.Select(Math.Sqrt).ToArray();
        var target = task.WeightArray;
        var x = RidgeSimulation.SampleInputs(task, p, random);
        var noiseData = new double[p];
        Normal.Samples(random, noiseData, 0, Math.Sqrt(noiseVariance));
        var eps = Vector<double>.Build.DenseOfArray(noiseData);
        var yClean = x.Multiply(Vector<double>.Build.DenseOfArray(target));
        var y = yClean + eps;
        bool noisy = noiseVariance > 0;

        bool projected = p < m;
        // X = L Qᵀ with XXᵀ = LLᵀ (Cholesky) and Q = XᵀL⁻ᵀ (M×P, orthonormal columns, never formed): Qv = Xᵀ(L⁻ᵀv), Qᵀu = L⁻¹(Xu).
        Matrix<double>? l = null;
        if (projected) l = Linalg.Cholesky(Linalg.Gram(x.Transpose()));
        Vector<double> Q(Vector<double> coefficients) => x.TransposeThisAndMultiply(BackSubstitute(l!, coefficients));
        Vector<double> QT(Vector<double> u) => ForwardSubstitute(l!, x.Multiply(u));
        var sumClean = new double[c][];
        var sumNoise = new double[c][];
        for (int i = 0; i < c; i++) { sumClean[i] = new double[m]; sumNoise[i] = new double[m]; }
        var sumSqClean = new double[c];
        var sumSqNoise = new double[c];
        var test = new double[c];
        var train = new double[c];
        int rows = projected ? p : m;
        var standard = kernelPath && projected && p <= n && c == 1 && features[0].IsIsotropic ? Array.Empty<double>() : new double[rows * n];
        var scaled = kernelPath && projected && p <= n ? Array.Empty<double>() : new double[rows * n];
        var g1 = new double[m];
        var g2 = new double[m];
        bool kernel = kernelPath && projected && p <= n;
        bool wishartPath = kernel && c == 1 && isotropic[0];
        double[] transposed1 = kernel && !wishartPath ? new double[n * p] : Array.Empty<double>(), transposed2 = kernel && !wishartPath ? new double[n * p] : Array.Empty<double>();
        var t1 = kernel && !wishartPath ? Matrix<double>.Build.Dense(n, p, transposed1) : null; // diag(√η) Sᵀ, N×P (the buffer is reused)
        var t2 = kernel && !wishartPath ? Matrix<double>.Build.Dense(n, p, transposed2) : null; // diag(η) Sᵀ
        var lt = kernel ? l!.Transpose() : null;
        for (int b = 0; b < featureDraws; b++)
        {
            // One white covariance and P ≤ N: A = HHᵀ ~ Wishart_P(N, I) is all the fit needs (B = A), drawn by Bartlett's
            // decomposition (P(P − 1)/2 normals instead of PN).
            Matrix<double>? wishart = wishartPath ? BlockRidgeSimulation.RestGram(n, p, random) : null;
            if (!wishartPath) Normal.Samples(random, standard, 0, 1);
            Vector<double>? o1 = null, o2 = null;
            for (int ci = 0; ci < c; ci++)
            {
                var sq = sqrtEtas[ci];
                Vector<double> wc, wn, ac, an, trainResidual;
                double cc = 0, cn = 0, nn = 0;
                if (kernel)
                {
                    // P ≤ N: only the P×P matrices A = H Hᵀ = S diag(η) Sᵀ and B = S diag(η²) Sᵀ are needed (S the standard
                    // normals, H = S diag(√η)): K = ΦΦᵀ = L A Lᵀ/N, c = (K/P + λ)⁻¹y/P, a = Φᵀc, Ha/√N = A Lᵀc/N,
                    // Σ_j η_j a_j²/N = (Lᵀc)ᵀB(Lᵀc)/N². Nothing of size N×P is allocated per draw.
                    var eta = etas[ci];
                    bool white = isotropic[ci]; // η ≡ 1: B = A
                    // Row i of S into column i of Sᵀ (contiguous writes; the strided reads stay in cache).
                    for (int i = 0; i < (wishartPath ? 0 : rows); i++)
                    {
                        int offset = i * n;
                        if (white)
                            for (int j = 0; j < n; j++) transposed1[offset + j] = standard[j * rows + i];
                        else
                            for (int j = 0; j < n; j++)
                            {
                                double v = standard[j * rows + i];
                                transposed1[offset + j] = v * sq[j];
                                transposed2[offset + j] = v * eta[j];
                            }
                    }
                    var a = wishart ?? Linalg.Gram(t1!);
                    var bq = white ? a : Linalg.Gram(t2!);
                    var kernelMatrix = Linalg.Multiply(Linalg.Multiply(l!, a), lt!) / n; // K = ΦΦᵀ
                    var (sc_, sn_) = KernelSolve(kernelMatrix, yClean, eps, ridge, n);
                    var vc = lt!.Multiply(sc_);
                    var vn = lt!.Multiply(sn_);
                    var tc = a.Multiply(vc) / n;
                    var bvc = bq.Multiply(vc);
                    cc = vc.DotProduct(bvc) / ((double)n * n);
                    if (noisy)
                    {
                        var bvn = bq.Multiply(vn);
                        cn = vn.DotProduct(bvc) / ((double)n * n);
                        nn = vn.DotProduct(bvn) / ((double)n * n);
                    }
                    wc = Q(tc);
                    wn = noisy ? Q(a.Multiply(vn) / n) : Vector<double>.Build.Dense(m);
                    trainResidual = y - kernelMatrix.Multiply(sc_ + sn_);
                    ac = an = null!;
                }
                else
                {
                    for (int j = 0; j < n; j++)
                    {
                        double factor = sq[j];
                        int offset = j * rows;
                        for (int i = 0; i < rows; i++) scaled[offset + i] = standard[offset + i] * factor;
                    }
                    var g = Matrix<double>.Build.Dense(rows, n, (double[])scaled.Clone()); // H (P×N) or F (M×N)
                    var phi = Linalg.Multiply(projected ? l! : x, g) / Math.Sqrt(n);
                    (ac, an, _, _) = RidgeSimulation.Fit(phi, yClean, eps, ridge);
                    trainResidual = y - phi.Multiply(ac + an);
                    if (projected)
                    {
                        wc = Q(g.Multiply(ac)) / Math.Sqrt(n);
                        wn = noisy ? Q(g.Multiply(an)) / Math.Sqrt(n) : Vector<double>.Build.Dense(m);
                        var eta = etas[ci];
                        for (int j = 0; j < n; j++)
                        {
                            cc += eta[j] * ac[j] * ac[j];
                            cn += eta[j] * ac[j] * an[j];
                            nn += eta[j] * an[j] * an[j];
                        }
                        cc /= n; cn /= n; nn /= n;
                    }
                    else
                    {
                        wc = g.Multiply(ac) / Math.Sqrt(n);
                        wn = g.Multiply(an) / Math.Sqrt(n);
                    }
                }
                if (projected)
                {
                    if (o1 is null)
                    {
                        Normal.Samples(random, g1, 0, 1);
                        if (noisy) Normal.Samples(random, g2, 0, 1);
                        o1 = Vector<double>.Build.DenseOfArray(g1);
                        o1 -= Q(QT(o1));
                        o2 = Vector<double>.Build.DenseOfArray(g2);
                        if (noisy) o2 -= Q(QT(o2));
                    }
                    double sc = Math.Sqrt(cc);
                    double tn = cc > 0 ? cn / sc : 0;
                    double rest = Math.Sqrt(Math.Max(0, nn - tn * tn));
                    wc.Add(o1 * sc, wc);
                    if (noisy) { wn.Add(o1 * tn, wn); wn.Add(o2! * rest, wn); }
                }
                double ec2 = 0, en2 = 0, et2 = 0;
                var sc1 = sumClean[ci];
                var sn1 = sumNoise[ci];
                for (int k = 0; k < m; k++)
                {
                    double dc = sqrtEig[k] * (wc[k] - target[k]);
                    double dn = sqrtEig[k] * wn[k];
                    sc1[k] += dc;
                    sn1[k] += dn;
                    ec2 += dc * dc;
                    en2 += dn * dn;
                    et2 += (dc + dn) * (dc + dn);
                }
                sumSqClean[ci] += ec2;
                sumSqNoise[ci] += en2;
                test[ci] += et2;
                train[ci] += trainResidual.DotProduct(trainResidual) / p;
            }
        }
        int mm = featureDraws;
        var results = new RandomFeatureDataDraw[c];
        for (int ci = 0; ci < c; ci++)
        {
            var meanClean = sumClean[ci].Select(value => value / mm).ToArray();
            var meanNoise = sumNoise[ci].Select(value => value / mm).ToArray();
            double normClean = meanClean.Sum(value => value * value), normNoise = meanNoise.Sum(value => value * value);
            double withinClean = Math.Max(0, (sumSqClean[ci] - mm * normClean) / (mm - 1));
            double withinNoise = Math.Max(0, (sumSqNoise[ci] - mm * normNoise) / (mm - 1));
            results[ci] = new RandomFeatureDataDraw(p, n, ridge, noiseVariance, featureDraws, test[ci] / mm, sumSqClean[ci] / mm,
                sumSqNoise[ci] / mm, train[ci] / mm, meanClean, withinClean, normNoise - withinNoise / mm);
        }
        return results;
    }

    /// <summary>
    /// One crossed X × F design: n draws of the data (X, ε) and m independent feature matrices F (white, as <see cref="Run"/>),
    /// every F fitted with every X, split by <see cref="RandomFeatureCrossedAnova.Split"/> into Bias², Var_X, Var_F, Var_XF,
    /// Var_Xε and Var_XFε. F is drawn in full (cost O(nmPMN)); for small M (notebook 13, Fig. (d)).
    /// </summary>
    /// <param name="task">Spectrum and target.</param>
    /// <param name="sampleSize">P. Range: ≥ 1.</param>
    /// <param name="features">N. Range: ≥ 1.</param>
    /// <param name="ridge">λ (library convention). Range: 0 ≤ λ &lt; ∞.</param>
    /// <param name="noiseVariance">σ². Range: 0 ≤ σ² &lt; ∞.</param>
    /// <param name="dataDraws">n. Range: ≥ 2.</param>
    /// <param name="featureDraws">m. Range: ≥ 2.</param>
    /// <param name="random">Source of randomness (the n data draws, then the m F).</param>
    public static RandomFeatureCrossedAnova RunCrossed(LinearTask task, int sampleSize, int features, double ridge, double noiseVariance,
        int dataDraws, int featureDraws, Random random)
    {
        Guard.NotNull(task);
        Guard.Positive(sampleSize);
        Guard.Positive(features);
        Guard.NonNegative(ridge);
        Guard.NonNegative(noiseVariance);
        Guard.AtLeast(dataDraws, 2);
        Guard.AtLeast(featureDraws, 2);
        Guard.NotNull(random);
        int p = sampleSize, n = features, m = task.Modes;
        var eig = task.EigenvalueArray;
        var sqrtEig = eig.Select(Math.Sqrt).ToArray();
        var target = task.WeightArray;
        var wbar = Vector<double>.Build.DenseOfArray(target);
        var xs = new Matrix<double>[dataDraws];
        var cleans = new Vector<double>[dataDraws];
        var epss = new Vector<double>[dataDraws];
        for (int a = 0; a < dataDraws; a++)
        {
            xs[a] = RidgeSimulation.SampleInputs(task, p, random);
            var noise = new double[p];
            Normal.Samples(random, noise, 0, Math.Sqrt(noiseVariance));
            epss[a] = Vector<double>.Build.DenseOfArray(noise);
            cleans[a] = xs[a].Multiply(wbar);
        }
        var fs = new Matrix<double>[featureDraws];
        for (int b = 0; b < featureDraws; b++)
        {
            var data = new double[m * n];
            Normal.Samples(random, data, 0, 1);
            fs[b] = Matrix<double>.Build.Dense(m, n, data) / Math.Sqrt(n);
        }
        var clean = new double[dataDraws][][];
        var noiseW = new double[dataDraws][][];
        var test = new double[dataDraws][];
        var train = new double[dataDraws][];
        for (int a = 0; a < dataDraws; a++)
        {
            clean[a] = new double[featureDraws][];
            noiseW[a] = new double[featureDraws][];
            test[a] = new double[featureDraws];
            train[a] = new double[featureDraws];
            for (int b = 0; b < featureDraws; b++)
            {
                var phi = Linalg.Multiply(xs[a], fs[b]);
                var (ac, an, _, _) = RidgeSimulation.Fit(phi, cleans[a], epss[a], ridge);
                var wc = fs[b].Multiply(ac);
                var wn = fs[b].Multiply(an);
                var ec = new double[m];
                var en = new double[m];
                double e = 0;
                for (int k = 0; k < m; k++)
                {
                    ec[k] = sqrtEig[k] * (wc[k] - target[k]);
                    en[k] = sqrtEig[k] * wn[k];
                    e += (ec[k] + en[k]) * (ec[k] + en[k]);
                }
                clean[a][b] = ec;
                noiseW[a][b] = en;
                test[a][b] = e;
                var residual = cleans[a] + epss[a] - phi.Multiply(ac + an);
                train[a][b] = residual.DotProduct(residual) / p;
            }
        }
        return RandomFeatureCrossedAnova.Split(clean, noiseW, test, train);
    }

    /// <summary>
    /// c = (K/P + λ)⁻¹y/P for both label vectors through the eigendecomposition of K/P (λ = 0: the pseudo-inverse, with the
    /// cut-off of <see cref="RidgeSimulation.Fit"/> for a P×N design); a = Φᵀc is the dual ridge fit.
    /// </summary>
    private static (Vector<double> A, Vector<double> B) KernelSolve(Matrix<double> kernel, Vector<double> ya, Vector<double> yb, double ridge, int features)
    {
        int p = kernel.RowCount;
        var eigen = Linalg.SymmetricEigen(kernel / p);
        var values = eigen.Values;
        var vectors = eigen.Vectors;
        double cutoff = values.Max() * 1e-12 * Math.Max(p, features);
        var inverse = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double v = Math.Max(values[i], 0);
            if (ridge > 0) inverse[i] = 1 / (v + ridge);
            else if (v > cutoff) inverse[i] = 1 / v;
        }
        Vector<double> Solve(Vector<double> y)
        {
            var e = vectors.TransposeThisAndMultiply(y);
            for (int i = 0; i < e.Count; i++) e[i] *= inverse[i] / p;
            return vectors.Multiply(e);
        }
        return (Solve(ya), Solve(yb));
    }

    /// <summary>Solves Lᵀz = v for lower-triangular L (back substitution, O(P²)).</summary>
    private static Vector<double> BackSubstitute(Matrix<double> l, Vector<double> v)
    {
        int n = v.Count;
        var z = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = v[i];
            for (int j = i + 1; j < n; j++) sum -= l[j, i] * z[j];
            z[i] = sum / l[i, i];
        }
        return Vector<double>.Build.DenseOfArray(z);
    }

    /// <summary>Solves Lz = v for lower-triangular L (forward substitution, O(P²)).</summary>
    private static Vector<double> ForwardSubstitute(Matrix<double> l, Vector<double> v)
    {
        int n = v.Count;
        var z = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = v[i];
            for (int j = 0; j < i; j++) sum -= l[i, j] * z[j];
            z[i] = sum / l[i, i];
        }
        return Vector<double>.Build.DenseOfArray(z);
    }
}
