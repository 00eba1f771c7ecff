using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// Gradient flow of the linear random-feature model of Bordelon, Atanasov &amp; Pehlevan 2024 on P samples: one draw of
/// A ∈ ℝ^(N×M) (iid N(0, 1)) and of the data, f = w·Aψ/√N, w(0) = 0, ẇ = Zᵀ(y − Zw)/P with the feature matrix
/// Z = ΨAᵀ/√N and y = Ψw* (noise-free), i.e. ẇ = AΣ̂v/√N with v = w* − Aᵀw/√N, Σ̂ = ΨᵀΨ/P. Solved exactly in the
/// eigenbasis of ZᵀZ/P: the exact population loss L(t) = vᵀΛv, the training loss L̂(t) = vᵀΣ̂v = |y − Zw|²/P and
/// v_k(t)/w*_k for chosen modes.
/// </summary>
/// <remarks>
/// arXiv:2402.01092 (ICML 2024), §2 (model, finite P); notebook 15; theory in <see cref="RandomFeatureFlowTheory"/>.
/// A is drawn exactly as <see cref="RandomFeatureGradientFlow.Draw"/> draws it (same seed, same A). The data are drawn in
/// law rather than as a P×M matrix: given A, each sample's (z, y) = (Aψ/√N, w*·ψ) is Gaussian with covariance
/// [[Σ_z, b], [bᵀ, |u₀|²]], Σ_z = AΛAᵀ/N, b = AΛw*/√N, u₀ = Λ^½w*; rows are drawn through its Cholesky factor (exact,
/// cost P(N+1)² instead of PMN). With ZᵀZ/P = UΩUᵀ and q = Zᵀy/P, w(t) = U diag((1 − e^(−ω_i t))/ω_i) Uᵀq.
/// Requires N &lt; M (Σ_z positive definite).
/// </remarks>
public sealed class RandomFeatureFiniteDataFlow
{
    private readonly double[] _omega;      // eigenvalues of ZᵀZ/P
    private readonly double[] _c;          // Uᵀq
    private readonly double[] _beta;       // Uᵀb
    private readonly double[] _rotated;    // UᵀΣ_zU, row-major N×N
    private readonly double _total;        // |u₀|²
    private readonly double _trainTotal;   // |y|²/P
    private readonly Matrix<double> _g;    // AΛ^½/√N
    private readonly Matrix<double> _u;
    private readonly double[] _lambda;
    private readonly double[] _target;

    private RandomFeatureFiniteDataFlow(int features, int samples, double[] omega, double[] c, double[] beta, double[] rotated,
        double total, double trainTotal, double floor, Matrix<double> g, Matrix<double> u, double[] lambda, double[] target)
    {
        Features = features;
        Samples = samples;
        _omega = omega;
        _c = c;
        _beta = beta;
        _rotated = rotated;
        _total = total;
        _trainTotal = trainTotal;
        ModelFloor = floor;
        _g = g;
        _u = u;
        _lambda = lambda;
        _target = target;
    }

    /// <summary>N.</summary>
    public int Features { get; }

    /// <summary>P.</summary>
    public int Samples { get; }

    /// <summary>This draw's model bottleneck: the target power outside the span of the N features (P = ∞, t = ∞ loss).</summary>
    public double ModelFloor { get; }

    /// <summary>Draws A and P samples and diagonalises the flow.</summary>
    /// <param name="task">λ_k and w*_k (p_k = λ_k w*_k²).</param>
    /// <param name="features">N. Range: 1 ≤ N &lt; M.</param>
    /// <param name="samples">P. Range: ≥ 1.</param>
    /// <param name="random">Source of A, then of the data.</param>
    public static RandomFeatureFiniteDataFlow Draw(LinearTask task, int features, int samples, Random random)
    {
        Guard.NotNull(task);
        Guard.InRange(features, 1, task.Modes - 1);
        Guard.Positive(samples);
        Guard.NotNull(random);
        int m = task.Modes, n = features, n1 = n + 1, p = samples;
        var eig = task.EigenvalueArray;
        var g = RandomFeatureGradientFlow.DrawScaledFeatures(eig, n, random);     // G = AΛ^½/√N
        var u0 = Vector<double>.Build.Dense(m, k => Math.Sqrt(eig[k]) * task.WeightArray[k]);
        var augmented = Matrix<double>.Build.Dense(n1, m);
        augmented.SetSubMatrix(0, 0, g);
        augmented.SetRow(n, u0);
        var cov = Linalg.Gram(augmented.Transpose());                               // [[Σ_z, b], [bᵀ, |u₀|²]]
        var factor = Linalg.Cholesky(cov);
        double floor = factor[n, n] * factor[n, n];

        var xi = new double[p * n1];
        Normal.Samples(random, xi, 0, 1);
        var standard = Matrix<double>.Build.Dense(p, n1, xi);
        var rows = Linalg.Multiply(standard, factor.Transpose());                   // P×(N+1): [Z | y]
        var z = rows.SubMatrix(0, p, 0, n);
        var y = rows.Column(n);
        var kernel = Linalg.Gram(z) / p;                                            // ZᵀZ/P
        var eigen = Linalg.SymmetricEigen(kernel);
        var q = z.TransposeThisAndMultiply(y) / p;
        var u = eigen.Vectors;
        var c = u.TransposeThisAndMultiply(q).ToArray();
        var b = Vector<double>.Build.Dense(n, i => cov[i, n]);
        var beta = u.TransposeThisAndMultiply(b).ToArray();
        var sigmaZ = cov.SubMatrix(0, n, 0, n);
        var rotated = Linalg.Multiply(u.Transpose(), Linalg.Multiply(sigmaZ, u));
        var rot = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) rot[i * n + j] = rotated[i, j];
        double cutoff = Math.Max(eigen.Values.Max(), 0) * 1e-12;
        var omega = eigen.Values.Select(v => v > cutoff ? v : 0).ToArray();
        for (int i = 0; i < n; i++) if (omega[i] == 0) c[i] = 0;                    // q has no component in Z's null space
        return new RandomFeatureFiniteDataFlow(n, p, omega, c, beta, rot, cov[n, n], y.DotProduct(y) / p, floor, g, u,
            eig, task.WeightArray);
    }

    /// <summary>Test (population) and training loss at each time.</summary>
    /// <param name="times">t values. Range: each finite and ≥ 0.</param>
    public (double[] Test, double[] Train) Loss(IReadOnlyList<double> times)
    {
        Guard.AllFinite(times);
        int n = Features;
        var test = new double[times.Count];
        var train = new double[times.Count];
        var w = new double[n];
        for (int j = 0; j < times.Count; j++)
        {
            Guard.NonNegative(times[j], nameof(times));
            Coefficients(times[j], w);
            double lin = 0, quad = 0, tl = 0, tq = 0;
            for (int i = 0; i < n; i++)
            {
                lin += _beta[i] * w[i];
                tl += _c[i] * w[i];
                tq += _omega[i] * w[i] * w[i];
                double row = 0;
                for (int k = 0; k < n; k++) row += _rotated[i * n + k] * w[k];
                quad += w[i] * row;
            }
            test[j] = Math.Max(_total - 2 * lin + quad, 0);
            train[j] = Math.Max(_trainTotal - 2 * tl + tq, 0);
        }
        return (test, train);
    }

    /// <summary>v_k(t)/w*_k for mode k (its mean over draws is the transfer function H_k(t)).</summary>
    /// <param name="mode">k, 0-based. Range: 0 ≤ k &lt; M.</param>
    /// <param name="times">t values. Range: each finite and ≥ 0.</param>
    public double[] Residual(int mode, IReadOnlyList<double> times)
    {
        Guard.InRange(mode, 0, _lambda.Length - 1);
        Guard.AllFinite(times);
        int n = Features;
        var column = _u.TransposeThisAndMultiply(_g.Column(mode)).ToArray(); // Uᵀ G_{:,k}
        var result = new double[times.Count];
        var w = new double[n];
        double scale = 1 / (Math.Sqrt(_lambda[mode]) * _target[mode]);
        for (int j = 0; j < times.Count; j++)
        {
            Guard.NonNegative(times[j], nameof(times));
            Coefficients(times[j], w);
            double proj = 0;
            for (int i = 0; i < n; i++) proj += column[i] * w[i];
            // v_k = w*_k − (Aᵀw)_k/√N = w*_k − (Gᵀw)_k/√λ_k
            result[j] = 1 - proj * scale;
        }
        return result;
    }

    // w(t) in U's basis: (1 − e^(−ωt))/ω · c (t for ω = 0, where c = 0 anyway).
    private void Coefficients(double t, double[] w)
    {
        for (int i = 0; i < w.Length; i++)
        {
            double o = _omega[i];
            double x = o * t;
            // (1 − e^(−x))/ω without cancellation for small x
            double f = x < 1e-5 ? t * (1 - x / 2) : (1 - Math.Exp(-x)) / o;
            w[i] = o > 0 ? f * _c[i] : 0;
        }
    }
}
