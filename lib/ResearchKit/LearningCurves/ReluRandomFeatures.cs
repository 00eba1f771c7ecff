using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>The spectrum and task alignment of the ReLU kernel on a sample of data, as a <see cref="LinearTask"/>.</summary>
/// <param name="Task">Eigenvalues λ_i = s_i/n of the n×n kernel Gram over n (the kept ones, non-increasing) and the
/// target weights w̄_i = u_iᵀy/√(n λ_i), so that λ_i w̄_i² = (u_iᵀy)²/n.</param>
/// <param name="SampleCount">n, the number of points the spectrum is estimated from.</param>
/// <param name="DroppedTargetPower">Target power Σ(u_iᵀy)²/n on the eigenvalues dropped below the cut-off.</param>
public sealed record ReluKernelSpectrum(LinearTask Task, int SampleCount, double DroppedTargetPower);

/// <summary>The ensemble's test error of ReLU random-feature ridge models on data, for each ensemble size k ≤ K and ridge.</summary>
/// <param name="SampleSize">P.</param>
/// <param name="Features">N per member.</param>
/// <param name="Members">K, the largest ensemble; the ensemble of size k is the mean of the first k members.</param>
/// <param name="Ridges">The ridges λ (library convention).</param>
/// <param name="TestErrors">TestErrors[k − 1][j]: mean squared error on the test set of the k-member ensemble at Ridges[j].</param>
public sealed record ReluFeatureEnsembleResult(int SampleSize, int Features, int Members, double[] Ridges, double[][] TestErrors);

/// <summary>
/// ReLU random features on data: φ(x) = ReLU(Fᵀx)/√N with F ∈ ℝ^(D×N) iid N(0, v), whose kernel
/// φ(x)·φ(x′) → k(x, x′) = v|x||x′|(sin θ + (π − θ)cos θ)/(2π) (the first-order arc-cosine kernel) as N → ∞;
/// ensembles of K members with independent F trained on the same P samples, the predictor the members' mean.
/// </summary>
/// <remarks>
/// The real-data set-up of Ruben, Tong, Chaudhry &amp; Pehlevan 2024 (arXiv:2412.05418, Fig. 1; code
/// benruben87/Random_Feature_Ensembles, Experiments.ipynb: ReLU features, F variance 2/D, kernel normalised by N), whose
/// theory curves use the kernel's empirical spectrum and task alignment in the linear-random-feature equivalent
/// (<see cref="RandomFeatureEquivalent"/>). Ridge in the library's convention: a = argmin (1/P)Σ(y − φᵀa)² + λ|a|²
/// (<see cref="RidgeConvention.FromRuben"/> converts 16's λ). Products and eigen-solves through <see cref="Linalg"/>.
/// Notebook 16.
/// </remarks>
public static class ReluRandomFeatures
{
    /// <summary>The limiting kernel k(x, x′) = v|x||x′|(sin θ + (π − θ)cos θ)/(2π) of ReLU features with weight variance v.</summary>
    /// <param name="inputs">n×D data matrix, rows = points. Entries finite, n ≥ 1.</param>
    /// <param name="featureVariance">v. Range: 0 &lt; v &lt; ∞.</param>
    public static Matrix<double> Kernel(Matrix<double> inputs, double featureVariance)
    {
        Guard.NotNull(inputs);
        Guard.Positive(featureVariance);
        Guard.Finite(featureVariance);
        var g = Linalg.Gram(inputs.Transpose()); // n×n, x_i·x_j
        int n = g.RowCount;
        var norms = new double[n];
        for (int i = 0; i < n; i++) norms[i] = Math.Sqrt(Math.Max(g[i, i], 0));
        var k = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
            {
                double nn = norms[i] * norms[j];
                double value = 0;
                if (nn > 0)
                {
                    double c = Math.Clamp(g[i, j] / nn, -1, 1);
                    double theta = Math.Acos(c);
                    value = featureVariance * nn * (Math.Sin(theta) + (Math.PI - theta) * c) / (2 * Math.PI);
                }
                k[i, j] = value;
                k[j, i] = value;
            }
        return k;
    }

    /// <summary>The kernel's empirical spectrum and the labels' alignment with it, on n points.</summary>
    /// <param name="inputs">n×D data matrix. Entries finite, n ≥ 2.</param>
    /// <param name="labels">y, length n. Entries finite.</param>
    /// <param name="featureVariance">v. Range: 0 &lt; v &lt; ∞.</param>
    /// <param name="relativeCutoff">Eigenvalues below this times the largest are dropped. Range: 0 &lt; c &lt; 1.</param>
    public static ReluKernelSpectrum Spectrum(Matrix<double> inputs, IReadOnlyList<double> labels, double featureVariance, double relativeCutoff = 1e-10)
    {
        Guard.NotNull(inputs);
        Guard.NotNull(labels);
        Guard.AtLeast(inputs.RowCount, 2, nameof(inputs));
        Guard.SameLength(labels.Count, inputs.RowCount, nameof(labels), nameof(inputs));
        Guard.AllFinite(labels);
        Guard.InOpenRange(relativeCutoff, 0, 1);
        int n = inputs.RowCount;
        var eig = Linalg.SymmetricEigen(Kernel(inputs, featureVariance));
        var y = Vector<double>.Build.DenseOfEnumerable(labels);
        var proj = eig.Vectors.TransposeThisAndMultiply(y);
        double top = eig.Values[^1];
        var values = new List<double>();
        var weights = new List<double>();
        double dropped = 0;
        for (int i = n - 1; i >= 0; i--)
        {
            double s = eig.Values[i];
            double power = proj[i] * proj[i] / n;
            if (s > relativeCutoff * top && s > 0)
            {
                double lambda = s / n;
                values.Add(lambda);
                weights.Add(proj[i] / Math.Sqrt(n * lambda));
            }
            else dropped += power;
        }
        return new ReluKernelSpectrum(new LinearTask(values, weights, $"ReLU kernel, n = {n}"), n, dropped);
    }

    /// <summary>One draw of K feature maps fitted on (X, y) and the test errors of the nested ensembles at each ridge.</summary>
    /// <param name="trainInputs">P×D training inputs. Entries finite.</param>
    /// <param name="trainLabels">y, length P. Entries finite.</param>
    /// <param name="testInputs">T×D test inputs, same D. Entries finite.</param>
    /// <param name="testLabels">Test labels, length T. Entries finite.</param>
    /// <param name="features">N per member. Range: ≥ 1.</param>
    /// <param name="members">K. Range: ≥ 1.</param>
    /// <param name="ridges">λ values (library convention). Range: non-empty, each finite and ≥ 0 (0: minimum-norm fit).</param>
    /// <param name="featureVariance">v, the variance of F's entries (16: 2/D). Range: 0 &lt; v &lt; ∞.</param>
    /// <param name="random">Source of randomness (F of each member in turn).</param>
    public static ReluFeatureEnsembleResult Simulate(Matrix<double> trainInputs, IReadOnlyList<double> trainLabels, Matrix<double> testInputs,
        IReadOnlyList<double> testLabels, int features, int members, IReadOnlyList<double> ridges, double featureVariance, Random random)
    {
        Guard.NotNull(trainInputs);
        Guard.NotNull(testInputs);
        Guard.NotNull(trainLabels);
        Guard.NotNull(testLabels);
        Guard.SameLength(trainLabels.Count, trainInputs.RowCount, nameof(trainLabels), nameof(trainInputs));
        Guard.SameLength(testLabels.Count, testInputs.RowCount, nameof(testLabels), nameof(testInputs));
        Guard.SameLength(testInputs.ColumnCount, trainInputs.ColumnCount, nameof(testInputs), nameof(trainInputs));
        Guard.AllFinite(trainLabels);
        Guard.AllFinite(testLabels);
        Guard.Positive(features);
        Guard.Positive(members);
        Guard.NotNull(ridges);
        Guard.NotEmpty(ridges.ToArray(), nameof(ridges));
        Guard.AllFinite(ridges);
        foreach (var r in ridges) Guard.NonNegative(r, nameof(ridges));
        Guard.Positive(featureVariance);
        Guard.Finite(featureVariance);
        Guard.NotNull(random);
        int p = trainInputs.RowCount, t = testInputs.RowCount, d = trainInputs.ColumnCount, n = features;
        var y = Vector<double>.Build.DenseOfEnumerable(trainLabels);
        var yt = testLabels.ToArray();
        var sums = ridges.Select(_ => new double[t]).ToArray();
        var errors = new double[members][];
        double scale = 1 / Math.Sqrt(n);
        // Training and test inputs stacked, so each member's features come from one product (P + T)×D · D×N.
        var inputs = Matrix<double>.Build.Dense(p + t, d);
        inputs.SetSubMatrix(0, 0, trainInputs);
        inputs.SetSubMatrix(p, 0, testInputs);
        for (int member = 0; member < members; member++)
        {
            var fData = new double[d * n];
            Normal.Samples(random, fData, 0, Math.Sqrt(featureVariance));
            var f = Matrix<double>.Build.Dense(d, n, fData);
            var both = Linalg.Multiply(inputs, f).Map(v => v > 0 ? v * scale : 0);
            var phi = both.SubMatrix(0, p, 0, n);
            var phiT = both.SubMatrix(p, t, 0, n);
            // pred(λ) = B·(c ⊘ (s + Pλ)): dual (P ≤ N, Gram ΦΦᵀ = USUᵀ, B = ΦₜΦᵀU, c = Uᵀy)
            // or primal (P > N, ΦᵀΦ = VSVᵀ, B = ΦₜV, c = VᵀΦᵀy).
            Matrix<double> b;
            Vector<double> c;
            double[] s;
            if (p <= n)
            {
                var e = Linalg.SymmetricEigen(Linalg.Gram(phi.Transpose()));
                s = e.Values;
                b = Linalg.Multiply(Linalg.Multiply(phiT, phi.Transpose()), e.Vectors);
                c = e.Vectors.TransposeThisAndMultiply(y);
            }
            else
            {
                var e = Linalg.SymmetricEigen(Linalg.Gram(phi));
                s = e.Values;
                b = Linalg.Multiply(phiT, e.Vectors);
                c = e.Vectors.TransposeThisAndMultiply(phi.TransposeThisAndMultiply(y));
            }
            double tol = s.Length == 0 ? 0 : Math.Max(s[^1], 0) * 1e-12 * s.Length;
            errors[member] = new double[ridges.Count];
            for (int j = 0; j < ridges.Count; j++)
            {
                double shift = p * ridges[j];
                var coef = Vector<double>.Build.Dense(s.Length, i => s[i] + shift > tol ? c[i] / (s[i] + shift) : 0);
                var pred = b.Multiply(coef);
                var sum = sums[j];
                double err = 0;
                for (int i = 0; i < t; i++)
                {
                    sum[i] += pred[i];
                    double r = sum[i] / (member + 1) - yt[i];
                    err += r * r;
                }
                errors[member][j] = err / t;
            }
        }
        return new ReluFeatureEnsembleResult(p, n, members, ridges.ToArray(), errors);
    }
}
