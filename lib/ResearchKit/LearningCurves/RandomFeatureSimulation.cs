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
}
