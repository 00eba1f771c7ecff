using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// Gradient flow of the linear random-feature model of Bordelon, Atanasov &amp; Pehlevan 2024 on infinite data
/// (P = ∞): f = w·Aψ/√N with A ∈ ℝ^(N×M) iid N(0, 1), w(0) = 0, ẇ = AΛv/√N, so the residual v = w* − Aᵀw/√N obeys
/// v̇ = −FΛv with F = AᵀA/N and the loss is L(t) = vᵀΛv. Solved exactly in the eigenbasis for one draw of A.
/// </summary>
/// <remarks>
/// arXiv:2402.01092 (ICML 2024), §2 (model) and Eq. 13 (λ_k = k^(−b), p_k = k^(−a)); notebook 15. With u = Λ^½v,
/// u̇ = −GᵀG u, G = AΛ^½/√N (N×M); the nonzero spectrum of GᵀG is that of GGᵀ = VΩVᵀ (N×N, native eigen), with
/// eigenvectors q_i = GᵀV_i/√ω_i, so u(t) = u₀ − Σ_i q_i(q_iᵀu₀)(1 − e^(−tω_i)). Time unit: the flow above
/// (learning rate 1). As t → ∞ the loss tends to the residual outside the span of the features (the N bottleneck).
/// </remarks>
public sealed class RandomFeatureGradientFlow
{
    private readonly double[] _omega;
    private readonly double[] _projection; // (q_iᵀu₀)²
    private readonly double _initialLoss;

    private RandomFeatureGradientFlow(int features, double[] omega, double[] projection, double initialLoss)
    {
        Features = features;
        _omega = omega;
        _projection = projection;
        _initialLoss = initialLoss;
    }

    /// <summary>N.</summary>
    public int Features { get; }

    /// <summary>Draws A and diagonalises the flow.</summary>
    /// <param name="task">λ_k and w*_k (p_k = λ_k w*_k²).</param>
    /// <param name="features">N. Range: ≥ 1.</param>
    /// <param name="random">Source of A.</param>
    public static RandomFeatureGradientFlow Draw(LinearTask task, int features, Random random)
    {
        Guard.NotNull(task);
        Guard.Positive(features);
        Guard.NotNull(random);
        int m = task.Modes, n = features;
        var eig = task.EigenvalueArray;
        var g = DrawScaledFeatures(eig, n, random);     // G = AΛ^½/√N
        var ggt = Linalg.Gram(g.Transpose());           // GGᵀ (N×N)
        var eigen = Linalg.SymmetricEigen(ggt);
        var u0 = Vector<double>.Build.Dense(m, k => Math.Sqrt(eig[k]) * task.WeightArray[k]);
        var gu = g.Multiply(u0);                         // G u₀ (N)
        var proj = eigen.Vectors.TransposeThisAndMultiply(gu); // V_iᵀ G u₀ = √ω_i q_iᵀu₀
        double cutoff = eigen.Values.Max() * 1e-12;
        var omega = new List<double>();
        var projection = new List<double>();
        for (int i = 0; i < eigen.Values.Length; i++)
        {
            if (!(eigen.Values[i] > cutoff)) continue;
            omega.Add(eigen.Values[i]);
            projection.Add(proj[i] * proj[i] / eigen.Values[i]);
        }
        return new RandomFeatureGradientFlow(n, omega.ToArray(), projection.ToArray(), u0.DotProduct(u0));
    }

    /// <summary>Draws A (N×M, iid N(0, 1), n·m normals in column-major order) and returns G = AΛ^½/√N.</summary>
    internal static Matrix<double> DrawScaledFeatures(double[] eigenvalues, int n, Random random)
    {
        int m = eigenvalues.Length;
        var data = new double[n * m];
        Normal.Samples(random, data, 0, 1);
        double scale = 1 / Math.Sqrt(n);
        for (int k = 0; k < m; k++)
        {
            double s = Math.Sqrt(eigenvalues[k]) * scale;
            for (int i = 0; i < n; i++) data[k * n + i] *= s;
        }
        return Matrix<double>.Build.Dense(n, m, data);
    }

    /// <summary>The population loss L(t) = |u(t)|² at each time.</summary>
    /// <param name="times">t values. Range: each finite and ≥ 0.</param>
    public double[] Loss(IReadOnlyList<double> times)
    {
        Guard.AllFinite(times);
        var result = new double[times.Count];
        for (int j = 0; j < times.Count; j++)
        {
            Guard.NonNegative(times[j], nameof(times));
            // |u₀ − Σ q_i c_i (1 − e)|² = |u₀|² − Σ c_i²(1 − e_i²) with c_i = q_iᵀu₀ (q_i orthonormal).
            double loss = _initialLoss;
            for (int i = 0; i < _omega.Length; i++)
            {
                double e = Math.Exp(-times[j] * _omega[i]);
                loss -= _projection[i] * (1 - e * e);
            }
            result[j] = Math.Max(loss, 0);
        }
        return result;
    }

    /// <summary>The limit t → ∞: the target power outside the span of the N features.</summary>
    public double FinalLoss => Math.Max(_initialLoss - _projection.Sum(), 0);
}
