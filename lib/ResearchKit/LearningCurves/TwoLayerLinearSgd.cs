using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;
using Simd = System.Numerics.Vector<double>;

namespace ResearchKit.LearningCurves;

/// <summary>
/// The two-layer linear model with and without feature learning of Bordelon, Atanasov &amp; Pehlevan (2024, ICLR 2025),
/// trained by online SGD on Gaussian features, in 15's parameterisation: f(ψ) = w·Aψ/√N, A ∈ ℝ^(N×M) with
/// A(0) = A₀ iid N(0, 1), w(0) = 0, residual v = w* − Aᵀw/√N, population loss L = vᵀΛv. One step with a fresh batch
/// of B samples (Σ̂_B = ΨᵀΨ/B, ψ ~ N(0, Λ)):
/// w ← w + η A Σ̂_B v/√N and A ← A + ηγ w (Σ̂_B v)ᵀ (A₀ᵀA₀/N)/√N (projected gradient: A's rows stay in A₀'s row span,
/// so the width bottleneck stays). γ = 0 is 15's linear random-feature model under SGD
/// (<see cref="RandomFeatureGradientFlow"/> is its P = ∞, η → 0 limit with time ηt).
/// </summary>
/// <remarks>
/// arXiv:2409.17858 v2, §2 (model, "projected gradient descent"; Fig. 10c). The update of A is transcribed from the
/// spec (13-16-23 §23, marked "[S — verify]": the stored copy of the paper holds only its abstract and introduction),
/// so γ here is our parameterisation of feature-learning strength, not necessarily the paper's γ.
/// <para>
/// Exact reduction (ours): A = C·A₀ with C ∈ ℝ^(N×N), C(0) = I, and every update depends on the batch only through
/// h = A₀Σ̂_B v ∈ ℝ^N, whose law given the state is sampled exactly without forming Ψ: with u = Λ^½v, ζ = A₀Λ^½ξ and
/// ξ·u for one ξ ~ N(0, I_M) (a Gaussian (N+1)-vector with fixed covariance [[A₀ΛA₀ᵀ, A₀Λw*], [·, w*ᵀΛw*]], drawn
/// through its Cholesky factor) and χ² ~ χ²_B, h = [χ² A₀Λv + √χ² (|u| ζ − (ξ·u) A₀Λv/|u|)]/B. A step then costs
/// O(N²) whatever M and B; the loss is exact from A₀ΛA₀ᵀ, A₀Λw* and w*ᵀΛw*. Draws A₀ exactly as
/// <see cref="RandomFeatureGradientFlow.Draw"/> does, so one seed gives both the same A₀.
/// </para>
/// </remarks>
public sealed class TwoLayerLinearSgd
{
    /// <summary>Largest number of SGD steps accepted.</summary>
    public const int MaxSteps = 100_000_000;

    private TwoLayerLinearSgd(LinearTask task, int width, double learningRate, int batch, double featureLearning)
    {
        Task = task;
        Width = width;
        LearningRate = learningRate;
        Batch = batch;
        FeatureLearning = featureLearning;
    }

    /// <summary>λ_k and w*_k.</summary>
    public LinearTask Task { get; }

    /// <summary>N, hidden width.</summary>
    public int Width { get; }

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <summary>B, fresh samples per step.</summary>
    public int Batch { get; }

    /// <summary>γ, feature-learning strength (0: lazy).</summary>
    public double FeatureLearning { get; }

    /// <summary>The model with its hyper-parameters.</summary>
    /// <param name="task">λ_k and w*_k (p_k = λ_k w*_k²).</param>
    /// <param name="width">N. Range: 1 ≤ N &lt; M (the modes of <paramref name="task"/>).</param>
    /// <param name="learningRate">η. Range: 0 &lt; η &lt; ∞.</param>
    /// <param name="batch">B. Range: ≥ 1.</param>
    /// <param name="featureLearning">γ. Range: 0 ≤ γ &lt; ∞.</param>
    public static TwoLayerLinearSgd Create(LinearTask task, int width, double learningRate, int batch, double featureLearning)
    {
        Guard.NotNull(task);
        Guard.InRange(width, 1, task.Modes - 1);
        Guard.Positive(learningRate);
        Guard.Positive(batch);
        Guard.NonNegative(featureLearning);
        return new TwoLayerLinearSgd(task, width, learningRate, batch, featureLearning);
    }

    /// <summary>About <paramref name="count"/> distinct integer steps from 1 to <paramref name="maxStep"/>, evenly in log t, with 0 first.</summary>
    /// <param name="maxStep">Last step. Range: 1 ≤ maxStep ≤ <see cref="MaxSteps"/>.</param>
    /// <param name="count">Points in log t. Range: ≥ 2.</param>
    public static int[] LogSpacedSteps(int maxStep, int count)
    {
        Guard.InRange(maxStep, 1, MaxSteps);
        Guard.AtLeast(count, 2);
        var steps = new SortedSet<int> { 0 };
        for (int i = 0; i < count; i++)
            steps.Add((int)Math.Round(Math.Pow(maxStep, i / (double)(count - 1))));
        return steps.ToArray();
    }

    /// <summary>Draws A₀ and runs online SGD from w = 0, A = A₀, recording the population loss.</summary>
    /// <param name="recordSteps">Steps t at which to record L(t). Range: strictly increasing, each 0 ≤ t ≤ <see cref="MaxSteps"/>.</param>
    /// <param name="random">Source of A₀, then of the batches.</param>
    public TwoLayerLinearSgdResult Run(IReadOnlyList<int> recordSteps, Random random)
    {
        Guard.NotEmpty(recordSteps);
        Guard.NotNull(random);
        for (int i = 0; i < recordSteps.Count; i++)
        {
            Guard.InRange(recordSteps[i], 0, MaxSteps, nameof(recordSteps));
            if (i > 0 && recordSteps[i] <= recordSteps[i - 1])
                throw new ArgumentException(FormattableString.Invariant(
                    $"recordSteps[{i}] = {recordSteps[i]} ≤ recordSteps[{i - 1}] = {recordSteps[i - 1]}; allowed: strictly increasing."), nameof(recordSteps));
        }

        int n = Width, m = Task.Modes, n1 = n + 1;
        var eig = Task.EigenvalueArray;
        var target = Task.WeightArray;

        // A₀ as in RandomFeatureGradientFlow.Draw: n·m normals, column-major N×M; G = A₀Λ^½.
        var data = new double[n * m];
        Normal.Samples(random, data, 0, 1);
        for (int k = 0; k < m; k++)
        {
            double s = Math.Sqrt(eig[k]);
            for (int i = 0; i < n; i++) data[k * n + i] *= s;
        }
        var g = Matrix<double>.Build.Dense(n, m, data);
        var u0 = Vector<double>.Build.Dense(m, k => Math.Sqrt(eig[k]) * target[k]);
        var augmented = Matrix<double>.Build.Dense(n1, m);       // rows: A₀Λ^½ and (Λ^½w*)ᵀ
        augmented.SetSubMatrix(0, 0, g);
        augmented.SetRow(n, u0);
        var cov = Linalg.Gram(augmented.Transpose());             // [[A₀ΛA₀ᵀ, A₀Λw*], [·, w*ᵀΛw*]]
        double initialLoss = cov[n, n];
        var factor = CovarianceFactor(cov, out double floor);

        var kernel = RowMajor(cov, n, n);                         // K = A₀ΛA₀ᵀ
        var c = new double[n];                                    // A₀Λw*
        for (int i = 0; i < n; i++) c[i] = cov[i, n];
        var r = RowMajor(factor, n1, n1);

        double eta = LearningRate, gamma = FeatureLearning, sqrtN = Math.Sqrt(n);
        bool rich = gamma > 0;
        var w = new double[n];
        var y = new double[n];                                    // Cᵀw
        var mix = rich ? Identity(n) : null;                      // C, A = C·A₀
        var ky = new double[n];
        var q = new double[n];                                    // A₀Λv
        var z = new double[n1];
        var sample = new double[n1];
        var h = new double[n];
        var step = new double[n];

        var steps = recordSteps.ToArray();
        var loss = new double[steps.Length];
        int next = 0;
        bool diverged = false;
        int last = steps[^1];
        for (int t = 0; ; t++)
        {
            // State → K y, A₀Λv and L.
            MatVec(kernel, y, ky, n, n);
            double cy = Dot(c, y), yky = Dot(y, ky);
            double l = initialLoss - 2 * cy / sqrtN + yky / n;
            if (!double.IsFinite(l) || l > 1e6 * initialLoss)
            {
                diverged = true;
                for (; next < steps.Length; next++) loss[next] = double.NaN;
                break;
            }
            l = Math.Max(l, 0);
            if (t == steps[next])
            {
                loss[next++] = l;
                if (next == steps.Length) break;
            }
            if (t >= last) break;
            for (int i = 0; i < n; i++) q[i] = c[i] - ky[i] / sqrtN;

            // h = A₀Σ̂_B v in law.
            Normal.Samples(random, z, 0, 1);
            LowerMatVec(r, z, sample, n1);
            double xiU = sample[n] - Dot(sample, y, n) / sqrtN;    // ξ·u
            double chi2 = 2 * Gamma.Sample(random, 0.5 * Batch, 1.0); // χ²_B (Marsaglia–Tsang, O(1) in B)
            double norm = Math.Sqrt(l);
            double root = Math.Sqrt(chi2);
            if (norm > 0)
            {
                double a = (chi2 - root * xiU / norm) / Batch, b = root * norm / Batch;
                for (int i = 0; i < n; i++) h[i] = a * q[i] + b * sample[i];
            }
            else
            {
                Array.Clear(h);
            }

            // w ← w + η C h/√N;  C ← C + (ηγ/(N√N)) w hᵀ (old w);  y = Cᵀw.
            if (rich)
            {
                MatVec(mix!, h, step, n, n);
                double coef = eta * gamma / (n * sqrtN);
                for (int i = 0; i < n; i++)
                    Axpy(coef * w[i], h, mix!.AsSpan(i * n, n));
                for (int i = 0; i < n; i++) w[i] += eta * step[i] / sqrtN;
                Array.Clear(y);
                for (int i = 0; i < n; i++)
                    Axpy(w[i], mix!.AsSpan(i * n, n), y);
            }
            else
            {
                for (int i = 0; i < n; i++) w[i] += eta * h[i] / sqrtN;
                Array.Copy(w, y, n);
            }
        }
        return new TwoLayerLinearSgdResult(steps, loss, diverged, n, gamma, initialLoss, floor);
    }

    // Lower Cholesky factor of the (N+1)² covariance; its last diagonal entry squared is the width floor
    // w*ᵀΛw* − cᵀK⁻¹c. Falls back to a symmetric square root if the matrix is numerically singular.
    private static Matrix<double> CovarianceFactor(Matrix<double> cov, out double floor)
    {
        try
        {
            var l = Linalg.Cholesky(cov);
            floor = l[cov.RowCount - 1, cov.RowCount - 1] * l[cov.RowCount - 1, cov.RowCount - 1];
            return l;
        }
        catch (ArgumentException)
        {
            // numerically singular (e.g. N + 1 close to M): symmetric square root below
        }
        var eigen = Linalg.SymmetricEigen(cov);
        int n1 = cov.RowCount;
        var root = Matrix<double>.Build.Dense(n1, n1, (i, j) => eigen.Vectors[i, j] * Math.Sqrt(Math.Max(eigen.Values[j], 0)));
        floor = 0;
        return root; // full, not lower: LowerMatVec below is then called on a full matrix (see RowMajor)
    }

    private static double[] RowMajor(Matrix<double> a, int rows, int columns)
    {
        var result = new double[rows * columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                result[i * columns + j] = a[i, j];
        return result;
    }

    private static double[] Identity(int n)
    {
        var result = new double[n * n];
        for (int i = 0; i < n; i++) result[i * n + i] = 1;
        return result;
    }

    private static void MatVec(double[] a, double[] x, double[] result, int rows, int columns)
    {
        for (int i = 0; i < rows; i++) result[i] = Dot(a.AsSpan(i * columns, columns), x);
    }

    // r·z for a row-major square r; reads every entry, so a full (non-triangular) factor also works.
    private static void LowerMatVec(double[] r, double[] z, double[] result, int n)
    {
        for (int i = 0; i < n; i++) result[i] = Dot(r.AsSpan(i * n, n), z);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int? count = null)
    {
        int len = count ?? a.Length;
        int width = Simd.Count, i = 0;
        var acc = Simd.Zero;
        for (; i <= len - width; i += width)
            acc += new Simd(a.Slice(i, width)) * new Simd(b.Slice(i, width));
        double sum = System.Numerics.Vector.Dot(acc, Simd.One);
        for (; i < len; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double Dot(double[] a, double[] b) => Dot(a.AsSpan(), b.AsSpan(), Math.Min(a.Length, b.Length));

    private static double Dot(double[] a, double[] b, int count) => Dot(a.AsSpan(), b.AsSpan(), count);

    private static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        int width = Simd.Count, i = 0, len = y.Length;
        var va = new Simd(alpha);
        for (; i <= len - width; i += width)
            (new Simd(y.Slice(i, width)) + va * new Simd(x.Slice(i, width))).CopyTo(y.Slice(i, width));
        for (; i < len; i++) y[i] += alpha * x[i];
    }
}
