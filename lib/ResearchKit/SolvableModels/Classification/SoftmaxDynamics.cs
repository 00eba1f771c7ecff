using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>How <see cref="SoftmaxDynamics.Train"/> trains a K-class linear classifier.</summary>
public sealed record SoftmaxTrainingOptions
{
    /// <summary>α of ℓ = (1 − α) ℓ_CE + α ‖z‖² (Beck, Bar Sinai &amp; Levi, Eq. 6 with f(z) = ‖z‖²). Range: 0 ≤ α &lt; 1. Default 0.</summary>
    public double Alpha { get; init; }

    /// <summary>η. Range: &gt; 0. Default 0.1 (the paper's App. E.6).</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Full-batch gradient-descent steps. Range: ≥ 1.</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Whether the bias b is trained (the paper's z = Wx + b). Default true.</summary>
    public bool FitBias { get; init; } = true;

    /// <summary>Number of log-spaced record points (step 0 is always recorded). Range: ≥ 2.</summary>
    public int RecordCount { get; init; } = 100;

    /// <summary>Steps at which the train and test logits are kept (each in 0 … Steps). Default none.</summary>
    public IReadOnlyList<int> SnapshotSteps { get; init; } = Array.Empty<int>();

    internal void Validate()
    {
        Guard.InRange(Alpha, 0, Math.BitDecrement(1.0));
        Guard.Positive(LearningRate);
        if (!double.IsFinite(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be finite.");
        Guard.Positive(Steps);
        Guard.AtLeast(RecordCount, 2);
        Guard.NotNull(SnapshotSteps);
        for (int i = 0; i < SnapshotSteps.Count; i++) Guard.InRange(SnapshotSteps[i], 0, Steps, $"SnapshotSteps[{i}]");
    }
}

/// <summary>The logits of the training and test samples at one step.</summary>
/// <param name="Step">The step.</param>
/// <param name="TrainLogits">N_train×K.</param>
/// <param name="TestLogits">N_test×K.</param>
public sealed record LogitSnapshot(int Step, Matrix<double> TrainLogits, Matrix<double> TestLogits);

/// <summary>A recorded run of <see cref="SoftmaxDynamics.Train"/>.</summary>
/// <param name="Step">Recorded steps (0 first).</param>
/// <param name="TrainLoss">Mean per-sample loss on the training set.</param>
/// <param name="TrainAccuracy">Fraction of training samples whose largest logit is their class.</param>
/// <param name="TestLoss">Mean per-sample loss on the test set.</param>
/// <param name="TestAccuracy">Test accuracy.</param>
/// <param name="Snapshots">Logits at the requested steps, in step order.</param>
/// <param name="FinalWeights">W (K×d) after the last step.</param>
/// <param name="FinalBias">b (K) after the last step.</param>
public sealed record SoftmaxTrajectory(int[] Step, double[] TrainLoss, double[] TrainAccuracy, double[] TestLoss, double[] TestAccuracy,
    IReadOnlyList<LogitSnapshot> Snapshots, Matrix<double> FinalWeights, double[] FinalBias);

/// <summary>
/// Full-batch gradient descent from W = 0, b = 0 on a K-class linear classifier z = Wx + b with the logit-regularised
/// cross-entropy ℓ(z, c) = (1 − α)(log Σⱼ e^(zⱼ) − z_c) + α ‖z‖² (Beck, Bar Sinai &amp; Levi, arXiv 2602.12039, Eqs. 6
/// and 9 with the quadratic f of their numerics), recording train and test loss and accuracy at log-spaced steps.
/// </summary>
/// <remarks>Single-threaded and deterministic. Notebook 05 (the paper's Figs. 7 and 8).</remarks>
public static class SoftmaxDynamics
{
    /// <summary>Trains on <paramref name="train"/>, evaluating on <paramref name="test"/>.</summary>
    /// <param name="train">Training set (finite points, labels in 0 … K − 1).</param>
    /// <param name="test">Test set with the same K and d.</param>
    /// <param name="options">α, η, steps, recording.</param>
    public static SoftmaxTrajectory Train(MultiClassSample train, MultiClassSample test, SoftmaxTrainingOptions options)
    {
        Guard.NotNull(train);
        Guard.NotNull(test);
        Guard.NotNull(options);
        options.Validate();
        Validate(train, nameof(train));
        Validate(test, nameof(test));
        Guard.SameLength(test.Dimension, train.Dimension, "test dimension", "train dimension");
        Guard.SameLength(test.Classes, train.Classes, "test classes", "train classes");
        int n = train.Count, d = train.Dimension, k = train.Classes;
        var xTrain = Flatten(train.Points);
        var xTest = Flatten(test.Points);
        var w = new double[k * d];
        var b = new double[k];
        var gw = new double[k * d];
        var gb = new double[k];
        var zTrain = new double[n * k];
        var zTest = new double[test.Count * k];
        var record = LogisticDynamics.RecordSteps(options.Steps, options.RecordCount);
        var snapshotSet = new SortedSet<int>(options.SnapshotSteps);
        var steps = new List<int>(); var trL = new List<double>(); var trA = new List<double>(); var teL = new List<double>(); var teA = new List<double>();
        var snapshots = new List<LogitSnapshot>();
        double alpha = options.Alpha, eta = options.LearningRate;
        int next = 0;
        for (int step = 0; ; step++)
        {
            Logits(xTrain, n, d, k, w, b, zTrain);
            bool rec = next < record.Length && record[next] == step;
            bool snap = snapshotSet.Contains(step);
            if (rec || snap)
            {
                Logits(xTest, test.Count, d, k, w, b, zTest);
                if (rec)
                {
                    var (l1, a1) = LossAndAccuracy(zTrain, train.Labels, k, alpha);
                    var (l2, a2) = LossAndAccuracy(zTest, test.Labels, k, alpha);
                    steps.Add(step); trL.Add(l1); trA.Add(a1); teL.Add(l2); teA.Add(a2);
                    next++;
                }
                if (snap)
                    snapshots.Add(new LogitSnapshot(step, Matrix<double>.Build.Dense(k, n, zTrain).Transpose(), Matrix<double>.Build.Dense(k, test.Count, zTest).Transpose()));
            }
            if (step == options.Steps) break;
            // ∂ℓ/∂z = (1 − α)(p − y) + 2α z, averaged over the batch.
            Array.Clear(gw); Array.Clear(gb);
            var gz = new double[k];
            for (int i = 0; i < n; i++)
            {
                int off = i * k;
                double max = double.NegativeInfinity;
                for (int c = 0; c < k; c++) max = Math.Max(max, zTrain[off + c]);
                double sum = 0;
                for (int c = 0; c < k; c++) { gz[c] = Math.Exp(zTrain[off + c] - max); sum += gz[c]; }
                int label = train.Labels[i];
                var row = xTrain.AsSpan(i * d, d);
                for (int c = 0; c < k; c++)
                {
                    double g = ((1 - alpha) * (gz[c] / sum - (c == label ? 1 : 0)) + 2 * alpha * zTrain[off + c]) / n;
                    gb[c] += g;
                    Axpy(g, row, gw.AsSpan(c * d, d));
                }
            }
            for (int j = 0; j < w.Length; j++) w[j] -= eta * gw[j];
            if (options.FitBias) for (int c = 0; c < k; c++) b[c] -= eta * gb[c];
            if (!double.IsFinite(w[0]) || !double.IsFinite(b[0]))
                throw new InvalidOperationException($"SoftmaxDynamics: parameters diverged at step {step} (η = {eta}); use a smaller learning rate.");
        }
        return new SoftmaxTrajectory(steps.ToArray(), trL.ToArray(), trA.ToArray(), teL.ToArray(), teA.ToArray(), snapshots,
            Matrix<double>.Build.Dense(d, k, w).Transpose(), b);
    }

    /// <summary>
    /// The minimiser z*_(c) of the per-sample loss (1 − α)(log Σⱼ e^(zⱼ) − z_c) + α ‖z‖² for class c: by symmetry
    /// z_high at index c and z_low elsewhere (the simplex vertex of Beck, Bar Sinai &amp; Levi, Sec. 7.2, Eq. 21); the
    /// penalty fixes the shift, Σⱼ zⱼ = 0, so z_low = −z_high/(K − 1).
    /// </summary>
    /// <param name="alpha">α. Range: 0 &lt; α &lt; 1.</param>
    /// <param name="classes">K. Range: ≥ 2.</param>
    public static (double High, double Low) VertexTarget(double alpha, int classes)
    {
        Guard.InOpenRange(alpha, 0, 1);
        Guard.AtLeast(classes, 2);
        int k = classes;
        double ratio = 1.0 / (k - 1);
        // d/dh of (1 − α)(log(e^h + (K − 1) e^(−h/(K−1))) − h) + α h² K/(K − 1): increasing, negative at 0.
        double Slope(double h)
        {
            double eh = 1, el = Math.Exp(-h * ratio - h); // relative to e^h
            double ph = eh / (eh + (k - 1) * el);
            double dlog = ph - (1 - ph) * ratio;
            return (1 - alpha) * (dlog - 1) + 2 * alpha * h * k * ratio;
        }
        double lo = 0, hi = 1;
        while (Slope(hi) < 0) hi *= 2;
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Slope(mid) < 0) lo = mid; else hi = mid;
        }
        double high = 0.5 * (lo + hi);
        return (high, -high * ratio);
    }

    /// <summary>The mean per-sample loss and the accuracy of logits z (N×K, row-major) against labels.</summary>
    internal static (double Loss, double Accuracy) LossAndAccuracy(double[] z, int[] labels, int k, double alpha)
    {
        int n = labels.Length, correct = 0;
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            int off = i * k, arg = 0;
            double max = double.NegativeInfinity, sq = 0;
            for (int c = 0; c < k; c++)
            {
                double v = z[off + c];
                if (v > max) { max = v; arg = c; }
                sq += v * v;
            }
            double sum = 0;
            for (int c = 0; c < k; c++) sum += Math.Exp(z[off + c] - max);
            double ce = max + Math.Log(sum) - z[off + labels[i]];
            loss += (1 - alpha) * ce + alpha * sq;
            if (arg == labels[i]) correct++;
        }
        return (loss / n, (double)correct / n);
    }

    private static void Validate(MultiClassSample s, string name)
    {
        if (s.Labels.Length != s.Count)
            throw new ArgumentException($"{name} has {s.Labels.Length} labels for {s.Count} points; allowed: one label per point.", name);
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Labels[i] < 0 || s.Labels[i] >= s.Classes)
                throw new ArgumentException($"{name}.Labels[{i}] = {s.Labels[i]}; allowed: 0 … {s.Classes - 1}.", name);
            for (int j = 0; j < s.Dimension; j++)
                if (!double.IsFinite(s.Points[i, j])) throw new ArgumentException($"{name}.Points[{i},{j}] = {s.Points[i, j]} is not finite.", name);
        }
    }

    private static double[] Flatten(Matrix<double> m)
    {
        var a = new double[m.RowCount * m.ColumnCount];
        for (int i = 0; i < m.RowCount; i++)
            for (int j = 0; j < m.ColumnCount; j++) a[i * m.ColumnCount + j] = m[i, j];
        return a;
    }

    private static void Logits(double[] x, int n, int d, int k, double[] w, double[] b, double[] z)
    {
        for (int i = 0; i < n; i++)
        {
            var row = new ReadOnlySpan<double>(x, i * d, d);
            for (int c = 0; c < k; c++) z[i * k + c] = Dot(row, new ReadOnlySpan<double>(w, c * d, d)) + b[c];
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int len = a.Length, i = 0, vw = System.Numerics.Vector<double>.Count;
        var acc = System.Numerics.Vector<double>.Zero;
        for (; i <= len - vw; i += vw) acc += new System.Numerics.Vector<double>(a.Slice(i, vw)) * new System.Numerics.Vector<double>(b.Slice(i, vw));
        double s = System.Numerics.Vector.Dot(acc, System.Numerics.Vector<double>.One);
        for (; i < len; i++) s += a[i] * b[i];
        return s;
    }

    private static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> acc)
    {
        int len = x.Length, i = 0, vw = System.Numerics.Vector<double>.Count;
        var va = new System.Numerics.Vector<double>(alpha);
        for (; i <= len - vw; i += vw)
            (new System.Numerics.Vector<double>(acc.Slice(i, vw)) + va * new System.Numerics.Vector<double>(x.Slice(i, vw))).CopyTo(acc.Slice(i, vw));
        for (; i < len; i++) acc[i] += alpha * x[i];
    }
}
