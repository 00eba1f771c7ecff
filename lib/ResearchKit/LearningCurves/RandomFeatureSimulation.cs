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
    /// exact in law without forming F: with X = USVᵀ (V the M×P row space), F = VH + (I − VVᵀ)G, H = VᵀF ~ N(0, η_j I_P)
    /// column-wise and G independent of H; the fit a depends on H only (Φ = USH/√N), and
    /// (I − VVᵀ)G·diag(√η)a/√N = |√η ⊙ a|/√N·(I − VVᵀ)g with g ~ N(0, I_M) (jointly for the clean and noise fits).
    /// Cost O(P²M + PN) per F instead of O(PMN). For P ≥ M F is drawn in full. Ours; notebook 13, Figs. (f), (g).
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
        Guard.NotNull(task);
        Guard.NotNull(features);
        Guard.Positive(sampleSize);
        Guard.AtLeast(featureDraws, 2);
        Guard.NonNegative(ridge);
        Guard.NonNegative(noiseVariance);
        Guard.NotNull(random);
        int p = sampleSize, n = features.Features, m = task.Modes;
        var eta = features.VarianceArray;
        var sqrtEta = eta.Select(Math.Sqrt).ToArray();
        var eig = task.EigenvalueArray;
        var sqrtEig = eig.Select(Math.Sqrt).ToArray();
        var target = task.WeightArray;
        var x = RidgeSimulation.SampleInputs(task, p, random);
        var noiseData = new double[p];
        Normal.Samples(random, noiseData, 0, Math.Sqrt(noiseVariance));
        var eps = Vector<double>.Build.DenseOfArray(noiseData);
        var yClean = x.Multiply(Vector<double>.Build.DenseOfArray(target));
        var y = yClean + eps;

        bool projected = p < m;
        Matrix<double>? us = null, v = null;
        if (projected)
        {
            var eigen = Linalg.SymmetricEigen(Linalg.Gram(x.Transpose())); // XXᵀ = U S² Uᵀ
            var s = eigen.Values.Select(value => Math.Sqrt(Math.Max(value, 0))).ToArray();
            double cutoff = s.Max() * 1e-10;
            int rank = s.Count(value => value > cutoff);
            var keep = Enumerable.Range(0, p).Where(i => s[i] > cutoff).ToArray();
            us = Matrix<double>.Build.Dense(p, rank, (i, j) => eigen.Vectors[i, keep[j]] * s[keep[j]]);
            var uScaled = Matrix<double>.Build.Dense(p, rank, (i, j) => eigen.Vectors[i, keep[j]] / s[keep[j]]);
            v = x.TransposeThisAndMultiply(uScaled); // M×rank, orthonormal columns
        }

        var sumClean = new double[m];
        var sumNoise = new double[m];
        double sumSqClean = 0, sumSqNoise = 0, test = 0, signal = 0, noiseError = 0, train = 0;
        int r = projected ? us!.ColumnCount : 0;
        var hData = new double[Math.Max(r, 1) * n];
        var fData = projected ? Array.Empty<double>() : new double[m * n];
        var g1 = new double[m];
        var g2 = new double[m];
        var zero = Vector<double>.Build.Dense(p);
        for (int b = 0; b < featureDraws; b++)
        {
            Matrix<double> phi;
            Matrix<double> h = null!, f = null!;
            if (projected)
            {
                Normal.Samples(random, hData, 0, 1);
                h = Matrix<double>.Build.Dense(r, n, (double[])hData.Clone());
                for (int j = 0; j < n; j++)
                    for (int i = 0; i < r; i++) h[i, j] *= sqrtEta[j];
                phi = Linalg.Multiply(us!, h) / Math.Sqrt(n);
            }
            else
            {
                Normal.Samples(random, fData, 0, 1);
                f = Matrix<double>.Build.Dense(m, n, (double[])fData.Clone());
                for (int j = 0; j < n; j++)
                    for (int k = 0; k < m; k++) f[k, j] *= sqrtEta[j];
                phi = Linalg.Multiply(x, f) / Math.Sqrt(n);
            }
            var (ac, an, _, _) = RidgeSimulation.Fit(phi, yClean, eps, ridge);
            Vector<double> wc, wn;
            if (projected)
            {
                wc = v!.Multiply(h.Multiply(ac)) / Math.Sqrt(n);
                wn = v.Multiply(h.Multiply(an)) / Math.Sqrt(n);
                double cc = 0, cn = 0, nn = 0;
                for (int j = 0; j < n; j++)
                {
                    cc += eta[j] * ac[j] * ac[j];
                    cn += eta[j] * ac[j] * an[j];
                    nn += eta[j] * an[j] * an[j];
                }
                cc /= n; cn /= n; nn /= n;
                Normal.Samples(random, g1, 0, 1);
                Normal.Samples(random, g2, 0, 1);
                var o1 = Vector<double>.Build.DenseOfArray(g1);
                var o2 = Vector<double>.Build.DenseOfArray(g2);
                o1 -= v.Multiply(v.TransposeThisAndMultiply(o1));
                o2 -= v.Multiply(v.TransposeThisAndMultiply(o2));
                double sc = Math.Sqrt(cc);
                double tn = cc > 0 ? cn / sc : 0;
                double rest = Math.Sqrt(Math.Max(0, nn - tn * tn));
                wc += o1 * sc;
                wn += o1 * tn + o2 * rest;
            }
            else
            {
                wc = f.Multiply(ac) / Math.Sqrt(n);
                wn = f.Multiply(an) / Math.Sqrt(n);
            }
            double ec2 = 0, en2 = 0, et2 = 0;
            for (int k = 0; k < m; k++)
            {
                double dc = sqrtEig[k] * (wc[k] - target[k]);
                double dn = sqrtEig[k] * wn[k];
                sumClean[k] += dc;
                sumNoise[k] += dn;
                ec2 += dc * dc;
                en2 += dn * dn;
                et2 += (dc + dn) * (dc + dn);
            }
            sumSqClean += ec2;
            sumSqNoise += en2;
            signal += ec2;
            noiseError += en2;
            test += et2;
            var residual = y - phi.Multiply(ac + an);
            train += residual.DotProduct(residual) / p;
        }
        int mm = featureDraws;
        var meanClean = sumClean.Select(value => value / mm).ToArray();
        var meanNoise = sumNoise.Select(value => value / mm).ToArray();
        double normClean = meanClean.Sum(value => value * value), normNoise = meanNoise.Sum(value => value * value);
        double withinClean = Math.Max(0, (sumSqClean - mm * normClean) / (mm - 1));
        double withinNoise = Math.Max(0, (sumSqNoise - mm * normNoise) / (mm - 1));
        return new RandomFeatureDataDraw(p, n, ridge, noiseVariance, featureDraws, test / mm, signal / mm, noiseError / mm,
            train / mm, meanClean, withinClean, normNoise - withinNoise / mm);
    }
}
