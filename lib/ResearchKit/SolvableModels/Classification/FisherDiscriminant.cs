using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Fisher's linear discriminant of a labelled sample, Σ_W⁻¹(μ̂₊ − μ̂₋) with the pooled within-class covariance Σ_W,
/// and the cosine similarity used to measure a weight vector's alignment with it.
/// </summary>
/// <remarks>
/// Beck, Bar Sinai &amp; Levi (arXiv 2602.12039): logit clustering drives the weight vector of a logit-regularised linear
/// classifier to align with Fisher's discriminant. Notebook 05.
/// </remarks>
public static class FisherDiscriminant
{
    /// <summary>Σ_W⁻¹(μ̂₊ − μ̂₋) of <paramref name="sample"/>.</summary>
    /// <param name="sample">Labels ±1 with at least one sample of each class and N ≥ d + 2 (Σ_W invertible).</param>
    /// <exception cref="ArgumentException">A class is empty, or N &lt; d + 2.</exception>
    public static double[] FromSample(ClassificationSample sample)
    {
        Guard.NotNull(sample);
        int n = sample.Count, d = sample.Dimension;
        if (n < d + 2)
            throw new ArgumentException($"sample has N = {n} points in d = {d}; allowed: N ≥ d + 2 (so that Σ_W is invertible).", nameof(sample));
        var mp = new double[d]; var mm = new double[d];
        int np = 0, nm = 0;
        for (int i = 0; i < n; i++)
        {
            double y = sample.Labels[i];
            if (y == 1) { np++; for (int j = 0; j < d; j++) mp[j] += sample.Points[i, j]; }
            else if (y == -1) { nm++; for (int j = 0; j < d; j++) mm[j] += sample.Points[i, j]; }
            else throw new ArgumentException($"sample.Labels[{i}] = {y}; allowed: +1 or −1.", nameof(sample));
        }
        if (np == 0 || nm == 0)
            throw new ArgumentException($"sample has {np} points of class +1 and {nm} of class −1; allowed: at least one of each.", nameof(sample));
        for (int j = 0; j < d; j++) { mp[j] /= np; mm[j] /= nm; }
        var centred = Matrix<double>.Build.Dense(n, d);
        for (int i = 0; i < n; i++)
        {
            var mu = sample.Labels[i] == 1 ? mp : mm;
            for (int j = 0; j < d; j++) centred[i, j] = sample.Points[i, j] - mu[j];
        }
        var sw = Linalg.Gram(centred) / (n - 2);
        var diff = Vector<double>.Build.Dense(d, j => mp[j] - mm[j]);
        try
        {
            return sw.Cholesky().Solve(diff).ToArray();
        }
        catch (ArgumentException e)
        {
            // MathNet's "Matrix must be positive definite." does not say which input is at fault.
            throw new ArgumentException(
                $"sample's pooled within-class covariance Σ_W ({d}×{d}, from N = {n} points) is singular: some direction has no spread inside the classes (a feature constant per class, or points on a lower-dimensional plane); allowed: a sample whose Σ_W is positive definite.",
                nameof(sample), e);
        }
    }

    /// <summary>
    /// Σ̂⁻¹μ̂ of the label-folded sample x̃ᵢ = yᵢxᵢ, with μ̂ = N⁻¹ Σ x̃ᵢ and the centred covariance
    /// Σ̂ = N⁻¹ Σ (x̃ᵢ − μ̂)(x̃ᵢ − μ̂)ᵀ: the direction of the minimiser of any quadratic per-sample loss a(z − z*)²
    /// (Beck, Bar Sinai &amp; Levi, arXiv 2602.12039, Cor. 3.3 and App. C.1, "empirical mean and centered covariance";
    /// the black dashed line of their Fig. 2).
    /// </summary>
    /// <param name="sample">Labels ±1, finite points, N ≥ d + 1 (Σ̂ invertible).</param>
    public static double[] FromFoldedSample(ClassificationSample sample)
    {
        Guard.NotNull(sample);
        int n = sample.Count, d = sample.Dimension;
        if (n < d + 1)
            throw new ArgumentException($"sample has N = {n} points in d = {d}; allowed: N ≥ d + 1 (so that Σ̂ is invertible).", nameof(sample));
        var folded = LogitMinimizer.Fold(sample);
        var mean = folded.ColumnSums() / n;
        var centred = folded.Clone();
        for (int i = 0; i < n; i++) centred.SetRow(i, folded.Row(i) - mean);
        var cov = Linalg.Gram(centred) / n;
        return cov.Cholesky().Solve(mean).ToArray();
    }

    /// <summary>cos∠(a, b) = a·b/(‖a‖‖b‖); NaN when either vector is zero.</summary>
    public static double Cosine(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        Guard.AllFinite(a);
        Guard.AllFinite(b);
        Guard.SameLength(b.Count, a.Count, nameof(b), nameof(a));
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Count; i++) { ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]; }
        return aa > 0 && bb > 0 ? ab / Math.Sqrt(aa * bb) : double.NaN;
    }
}
