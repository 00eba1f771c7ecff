using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// One draw of the first layer A₀ ∈ ℝ^(N×M) (iid N(0, 1)) of the linear random-feature model, reduced to what online
/// SGD and its mean-loss recursion need: the eigenbasis K = A₀ΛA₀ᵀ = U diag(d) Uᵀ, c̃ = Uᵀ A₀Λw* and L(0) = w*ᵀΛw*.
/// </summary>
/// <remarks>
/// Draws the N·M normals exactly as <see cref="RandomFeatureGradientFlow.Draw"/> does (column-major N×M), so one seed
/// gives the same A₀ to <see cref="TwoLayerLinearSgd"/>, <see cref="OnlineSgdTheory"/> and the gradient flow.
/// In this basis the joint law of (Uᵀζ, ξ·u₀), ζ = A₀Λ^½ξ, u₀ = Λ^½w*, ξ ~ N(0, I_M), has covariance
/// [[diag(d), c̃], [c̃ᵀ, L(0)]], an arrow matrix whose Cholesky factor is √d on the diagonal and c̃/√d, √floor in the
/// last row (floor = L(0) − Σ c̃²/d, the target power outside the span of the features): a draw costs O(N).
/// Eigenvalues d ≤ 10⁻¹² max d are treated as 0 (their c̃ is zero up to rounding; their power goes to the floor).
/// </remarks>
internal sealed class FeatureKernelBasis
{
    private FeatureKernelBasis(double[] kernelEigenvalues, double[] targetProjection, double initialLoss, double floor, double[] vectors)
    {
        KernelEigenvalues = kernelEigenvalues;
        TargetProjection = targetProjection;
        InitialLoss = initialLoss;
        Floor = floor;
        Vectors = vectors;
    }

    /// <summary>d_i, eigenvalues of K = A₀ΛA₀ᵀ (ascending).</summary>
    public double[] KernelEigenvalues { get; }

    /// <summary>c̃_i = U_iᵀA₀Λw*.</summary>
    public double[] TargetProjection { get; }

    /// <summary>L(0) = w*ᵀΛw*.</summary>
    public double InitialLoss { get; }

    /// <summary>L(0) − Σ c̃_i²/d_i (≥ 0): the lazy model's t → ∞ loss.</summary>
    public double Floor { get; }

    /// <summary>U row-major (U[i, j] at i·N + j; column j is the j-th eigenvector).</summary>
    public double[] Vectors { get; }

    public int Width => KernelEigenvalues.Length;

    /// <summary>L(0) and the floor only, for the same draw of A₀ (Cholesky solve K x = c, O(N³/3); eigen-solve if K is singular).</summary>
    public static (double InitialLoss, double Floor) DrawFloor(LinearTask task, int width, Random random)
    {
        var (kernel, c, initialLoss) = DrawKernel(task, width, random);
        try
        {
            var x = Linalg.CholeskySolve(kernel, c.ToColumnMatrix()).Column(0);
            return (initialLoss, Math.Max(initialLoss - c.DotProduct(x), 0));
        }
        catch (ArgumentException)
        {
            // numerically singular K (N close to M): the eigenbasis drops its null directions
        }
        return (initialLoss, FromKernel(kernel, c, initialLoss).Floor);
    }

    public static FeatureKernelBasis Draw(LinearTask task, int width, Random random)
    {
        var (kernel, c, initialLoss) = DrawKernel(task, width, random);
        return FromKernel(kernel, c, initialLoss);
    }

    private static (Matrix<double> Kernel, Vector<double> Target, double InitialLoss) DrawKernel(LinearTask task, int width, Random random)
    {
        int n = width, m = task.Modes;
        var eig = task.EigenvalueArray;
        var target = task.WeightArray;
        var data = new double[n * m];
        Normal.Samples(random, data, 0, 1);
        for (int k = 0; k < m; k++)
        {
            double s = Math.Sqrt(eig[k]);
            for (int i = 0; i < n; i++) data[k * n + i] *= s;
        }
        var g = Matrix<double>.Build.Dense(n, m, data);                 // A₀Λ^½
        var kernel = Linalg.Gram(g.Transpose());                          // A₀ΛA₀ᵀ
        var u0 = Vector<double>.Build.Dense(m, k => Math.Sqrt(eig[k]) * target[k]);
        var c = g.Multiply(u0);                                           // A₀Λw*
        return (kernel, c, u0.DotProduct(u0));
    }

    private static FeatureKernelBasis FromKernel(Matrix<double> kernel, Vector<double> c, double initialLoss)
    {
        int n = kernel.RowCount;
        var eigen = Linalg.SymmetricEigen(kernel);
        var projection = eigen.Vectors.TransposeThisAndMultiply(c).ToArray();
        var d = eigen.Values.ToArray();
        double top = d.Length == 0 ? 0 : d.Max();
        double explained = 0;
        for (int i = 0; i < n; i++)
        {
            if (d[i] > 1e-12 * top) explained += projection[i] * projection[i] / d[i];
            else { d[i] = 0; projection[i] = 0; }
        }
        var vectors = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                vectors[i * n + j] = eigen.Vectors[i, j];
        return new FeatureKernelBasis(d, projection, initialLoss, Math.Max(initialLoss - explained, 0), vectors);
    }
}
