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
/// ξ·u for one ξ ~ N(0, I_M), and χ² ~ χ²_B, h = [χ² A₀Λv + √χ² (|u| ζ − (ξ·u) A₀Λv/|u|)]/B. Everything is written in
/// the eigenbasis K = A₀ΛA₀ᵀ = U diag(d) Uᵀ (y = UᵀCᵀw, C̃ = C·U): there (Uᵀζ, ξ·u₀) has an arrow covariance
/// [[diag(d), Uᵀc], [·, w*ᵀΛw*]] (c = A₀Λw*) with an O(N) Cholesky factor, so a lazy step (γ = 0) costs O(N) and a
/// rich step one pass over C̃ (O(N²)), whatever M and B; the loss L = w*ᵀΛw* − 2c̃·y/√N + Σ d y²/N is exact. Draws A₀
/// exactly as <see cref="RandomFeatureGradientFlow.Draw"/> does, so one seed gives both the same A₀; the mean of the
/// lazy loss over the batches is <see cref="OnlineSgdTheory"/> on the same A₀. (Until 2026-12-02 the sampler used the
/// Cholesky factor of the covariance in the original basis, O(N²) a step: the same law, other random numbers.)
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

        int n = Width;
        if (recordSteps[^1] == 0)
        {
            // Only L(0) and the width floor asked for: no eigenbasis needed.
            var (start, widthFloor) = FeatureKernelBasis.DrawFloor(Task, n, random);
            return new TwoLayerLinearSgdResult([0], [start], false, n, FeatureLearning, start, widthFloor);
        }
        var basis = FeatureKernelBasis.Draw(Task, n, random);
        var d = basis.KernelEigenvalues;                          // K = U diag(d) Uᵀ
        var c = basis.TargetProjection;                           // Uᵀ A₀Λw*
        double initialLoss = basis.InitialLoss, floor = basis.Floor;
        // Arrow Cholesky factor of Cov(Uᵀζ, ξ·u₀): √d_i on the diagonal, last row c̃_i/√d_i and √floor.
        var rootD = new double[n];
        var ratio = new double[n];
        for (int i = 0; i < n; i++)
        {
            rootD[i] = Math.Sqrt(d[i]);
            ratio[i] = d[i] > 0 ? c[i] / rootD[i] : 0;
        }
        double rootFloor = Math.Sqrt(floor);

        double eta = LearningRate, gamma = FeatureLearning, sqrtN = Math.Sqrt(n);
        bool rich = gamma > 0;
        var y = new double[n];                                    // Uᵀ Cᵀ w (rotated readout through the features)
        var w = rich ? new double[n] : null;                      // w (hidden units)
        var mix = rich ? (double[])basis.Vectors.Clone() : null;  // C̃ = C·U, row-major; C(0) = I
        var q = new double[n];                                    // Uᵀ A₀Λv = c̃ − d ⊙ y/√N
        var z = new double[n + 1];
        var zeta = new double[n];                                 // Uᵀ A₀Λ^½ξ
        var h = new double[n];                                    // Uᵀ A₀Σ̂_B v

        var steps = recordSteps.ToArray();
        var loss = new double[steps.Length];
        int next = 0;
        bool diverged = false;
        int last = steps[^1];
        for (int t = 0; ; t++)
        {
            // State → q and L = L(0) − 2 c̃·y/√N + Σ d y²/N.
            double cy = 0, yky = 0;
            for (int i = 0; i < n; i++)
            {
                cy += c[i] * y[i];
                yky += d[i] * y[i] * y[i];
            }
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
            for (int i = 0; i < n; i++) q[i] = c[i] - d[i] * y[i] / sqrtN;

            // h = A₀Σ̂_B v in law (rotated): ζ and ξ·u₀ through the arrow factor, then the χ²_B mixture.
            Normal.Samples(random, z, 0, 1);
            double xiU0 = rootFloor * z[n];
            for (int i = 0; i < n; i++)
            {
                zeta[i] = rootD[i] * z[i];
                xiU0 += ratio[i] * z[i];
            }
            double xiU = xiU0 - Dot(zeta, y, n) / sqrtN;             // ξ·u, u = Λ^½v
            double chi2 = 2 * Gamma.Sample(random, 0.5 * Batch, 1.0); // χ²_B (Marsaglia–Tsang, O(1) in B)
            double norm = Math.Sqrt(l);
            double root = Math.Sqrt(chi2);
            if (norm > 0)
            {
                double a = (chi2 - root * xiU / norm) / Batch, b = root * norm / Batch;
                for (int i = 0; i < n; i++) h[i] = a * q[i] + b * zeta[i];
            }
            else
            {
                Array.Clear(h);
            }

            if (rich)
            {
                // One pass over C̃, row by row: step_i = C̃_i·h (old C̃); C̃_i += (ηγ/(N√N)) w_i h (old w);
                // w_i += η step_i/√N; y += w_i C̃_i (new w, new C̃), i.e. y = C̃ᵀw.
                double coef = eta * gamma / (n * sqrtN);
                Array.Clear(y);
                for (int i = 0; i < n; i++)
                {
                    var row = mix!.AsSpan(i * n, n);
                    double stepI = Dot(row, h, n);
                    Axpy(coef * w![i], h, row);
                    w[i] += eta * stepI / sqrtN;
                    Axpy(w[i], row, y);
                }
            }
            else
            {
                for (int i = 0; i < n; i++) y[i] += eta * h[i] / sqrtN;
            }
        }
        return new TwoLayerLinearSgdResult(steps, loss, diverged, n, gamma, initialLoss, floor);
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
