using System.Numerics;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Full-batch gradient descent (or Adam) on a linear classifier w·x + b with a per-sample margin loss, recorded at
/// log-spaced steps with exact Gaussian test metrics.
/// </summary>
/// <remarks>
/// <para>For the exponential loss and a constant label, L(w, b) = e^(−b) L̃(w), so the weight update is the bias-free
/// update with step η e^(−b_k): in conformal time τ = Σ η e^(−b_k) the weights follow the bias-free path exactly
/// (Beck, Levi &amp; Bar-Sinai, arXiv 2410.04489, Eqs. 6–8; there τ = ∫ e^b dt in the opposite sign convention).</para>
/// <para>Gradient descent is stable at the start only for η &lt; 2/L₀, L₀ = φ″(0)·λ_max((1/N) Σ x̃ᵢx̃ᵢᵀ) the largest
/// curvature of the loss at w = 0, b = 0; above it the run oscillates (the logistic loss's bounded gradient keeps it
/// finite), so every trajectory carries the limit and the largest step it took
/// (<see cref="LogisticTrajectory.AboveStabilityLimit"/>).</para>
/// <para>Notebooks 03 (GD and Adam on the constant-label and two-Gaussian models) and 05 (logit regularisation).</para>
/// </remarks>
public static class LogisticDynamics
{
    private const int Chunks = 8; // fixed reduction partition: results do not depend on the thread count
    private const long SerialWork = 1 << 17; // N·d below which one step is cheaper on one thread

    /// <summary>Trains from w = 0, b = 0 on <paramref name="sample"/>, evaluating the test metrics of <paramref name="task"/>.</summary>
    /// <param name="task">The data model (exact test metrics); its dimension must equal the sample's.</param>
    /// <param name="sample">Training set (labels ±1, finite points).</param>
    /// <param name="options">Loss, optimiser, steps, recording.</param>
    public static LogisticTrajectory Train(ILinearClassificationTask task, ClassificationSample sample, LogisticTrainingOptions options)
    {
        Guard.NotNull(task);
        Guard.NotNull(sample);
        Guard.NotNull(options);
        options.Validate();
        int n = sample.Count, d = sample.Dimension;
        Guard.SameLength(d, task.Dimension, "sample dimension", "task dimension");
        Guard.SameLength(sample.Labels.Length, n, "sample.Labels", "sample.Points rows");
        var x = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            double yi = sample.Labels[i];
            if (yi != 1 && yi != -1)
                throw new ArgumentException($"sample.Labels[{i}] = {yi}; allowed: +1 or −1.", nameof(sample));
            for (int j = 0; j < d; j++)
            {
                double v = sample.Points[i, j];
                if (!double.IsFinite(v)) throw new ArgumentException($"sample.Points[{i},{j}] = {v} is not finite.", nameof(sample));
                x[i * d + j] = v;
            }
        }
        var y = sample.Labels;
        var loss = options.Loss;
        var w = new double[d];
        double b = 0;
        var margins = new double[n];
        var grad = new double[d + 1];
        var partial = new double[Chunks][];
        for (int c = 0; c < Chunks; c++) partial[c] = new double[d];
        var biasPartial = new double[Chunks];
        var adamParams = options.UseAdam ? new double[d + 1] : null;
        var adam = options.UseAdam ? new Adam(d + 1, options.LearningRate, options.Beta1, options.Beta2, options.AdamEpsilon) : null;

        var recordSteps = RecordSteps(options.Steps, options.RecordCount);
        int rc = recordSteps.Length;
        var tr = new LogisticTrajectoryBuilder(rc);
        var schedule = new double[options.Steps];
        double time = 0, tau = 0;
        int next = 0;
        for (int k = 0; ; k++)
        {
            // One pass over the data per step: each row's margin gives its gradient coefficient at once, so the
            // row is still in cache when it is accumulated (the step is memory-bound for N·d in the millions).
            MarginsAndGradient(x, y, w, b, n, d, loss, margins, partial, biasPartial, grad, options.MaxDegreeOfParallelism);
            if (next < rc && recordSteps[next] == k)
            {
                double l = 0; int correct = 0;
                for (int i = 0; i < n; i++) { l += loss.Value(margins[i]); if (margins[i] > 0) correct++; }
                tr.Add(next, k, time, tau, b, Norm(w), w[0], l / n, (double)correct / n, task.TestAccuracy(w, b), task.TestLoss(w, b, loss));
                next++;
            }
            if (k == options.Steps) break;
            double eta = options.StepSizes?[k] ?? options.LearningRate;
            schedule[k] = eta * Math.Exp(-b);
            tau += schedule[k];
            time += eta;
            if (adam is not null)
            {
                Array.Copy(w, adamParams!, d);
                adamParams![d] = b;
                if (!options.FitBias) grad[d] = 0;
                adam.Step(adamParams, grad);
                Array.Copy(adamParams, w, d);
                if (options.FitBias) b = adamParams[d];
            }
            else
            {
                for (int j = 0; j < d; j++) w[j] -= eta * grad[j];
                if (options.FitBias) b -= eta * grad[d];
            }
            if (!double.IsFinite(b) || !double.IsFinite(w[0]))
                throw new InvalidOperationException($"LogisticDynamics: parameters diverged at step {k} (η = {eta}); use a smaller learning rate.");
        }
        double limit = double.NaN, largest = double.NaN;
        if (adam is null)
        {
            largest = options.StepSizes is { } steps ? steps.Take(options.Steps).Max() : options.LearningRate;
            limit = 2 / (loss.SecondDerivative(0) * LargestGramEigenvalue(x, n, d, options.FitBias));
        }
        return tr.Build(w, b, schedule, limit, largest);
    }

    /// <summary>
    /// The largest eigenvalue of (1/N) Σ x̃ᵢx̃ᵢᵀ, x̃ = (x, 1) with a bias (x without), by the Lanczos method from the
    /// normalised all-ones vector with full reorthogonalisation: the largest Ritz value rises monotonically to the
    /// eigenvalue from below (far faster than power iteration when the top of the spectrum is a Marchenko–Pastur edge
    /// without a gap); stops when it changes by ≤ 10⁻¹⁰ relative, after 80 products, or on an invariant subspace.
    /// </summary>
    private static double LargestGramEigenvalue(double[] x, int n, int d, bool withBias)
    {
        int m = withBias ? d + 1 : d;
        int maxSteps = Math.Min(m, 80);
        var basis = new List<double[]>();
        var alpha = new List<double>();
        var beta = new List<double>();
        var q = new double[m];
        Array.Fill(q, 1 / Math.Sqrt(m));
        var w = new double[m];
        double previous = double.NaN, theta = 0;
        for (int k = 0; k < maxSteps; k++)
        {
            basis.Add(q);
            Array.Clear(w);
            for (int i = 0; i < n; i++)
            {
                var row = x.AsSpan(i * d, d);
                double t = Dot(row, q) + (withBias ? q[d] : 0);
                Axpy(t / n, row, w);
                if (withBias) w[d] += t / n;
            }
            double a = 0;
            for (int j = 0; j < m; j++) a += q[j] * w[j];
            alpha.Add(a);
            // w −= projections on every basis vector, twice (classical Gram–Schmidt, reorthogonalised)
            for (int pass = 0; pass < 2; pass++)
                foreach (var v in basis)
                {
                    double c = 0;
                    for (int j = 0; j < m; j++) c += v[j] * w[j];
                    for (int j = 0; j < m; j++) w[j] -= c * v[j];
                }
            double b = 0;
            for (int j = 0; j < m; j++) b += w[j] * w[j];
            b = Math.Sqrt(b);
            theta = LargestTridiagonalEigenvalue(alpha, beta);
            if (k > 0 && Math.Abs(theta - previous) <= 1e-10 * theta) break;
            if (!(b > 1e-12 * Math.Max(theta, double.Epsilon))) break;   // invariant subspace: θ is exact
            previous = theta;
            beta.Add(b);
            q = new double[m];
            for (int j = 0; j < m; j++) q[j] = w[j] / b;
        }
        return theta;
    }

    /// <summary>The largest eigenvalue of the symmetric tridiagonal matrix with diagonal α and off-diagonal β.</summary>
    private static double LargestTridiagonalEigenvalue(List<double> alpha, List<double> beta)
    {
        int k = alpha.Count;
        var t = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(k, k);
        for (int i = 0; i < k; i++)
        {
            t[i, i] = alpha[i];
            if (i + 1 < k) { t[i, i + 1] = beta[i]; t[i + 1, i] = beta[i]; }
        }
        var ev = t.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues;
        double best = double.NegativeInfinity;
        for (int i = 0; i < k; i++) best = Math.Max(best, ev[i].Real);
        return best;
    }

    /// <summary>The training margins yᵢ(w·xᵢ + b).</summary>
    public static double[] Margins(ClassificationSample sample, IReadOnlyList<double> weights, double bias)
    {
        Guard.NotNull(sample);
        Guard.AllFinite(weights);
        Guard.SameLength(weights.Count, sample.Dimension, nameof(weights), "sample dimension");
        Guard.Finite(bias);
        var m = new double[sample.Count];
        for (int i = 0; i < sample.Count; i++)
        {
            double s = bias;
            for (int j = 0; j < sample.Dimension; j++) s += weights[j] * sample.Points[i, j];
            m[i] = sample.Labels[i] * s;
        }
        return m;
    }

    internal static int[] RecordSteps(int steps, int count)
    {
        var set = new SortedSet<int> { 0, steps };
        for (int i = 0; i < count - 1; i++)
            set.Add((int)Math.Round(Math.Pow(steps, (double)i / (count - 2))));
        return set.Where(s => s <= steps).ToArray();
    }

    private static double Norm(double[] v)
    {
        double s = 0;
        foreach (double a in v) s += a * a;
        return Math.Sqrt(s);
    }

    private static void MarginsAndGradient(double[] x, double[] y, double[] w, double b, int n, int d, MarginLoss loss,
        double[] margins, double[][] partial, double[] biasPartial, double[] grad, int? maxDegreeOfParallelism)
    {
        void Chunk(int c)
        {
            var acc = partial[c];
            Array.Clear(acc);
            double gb = 0;
            int lo = (int)((long)n * c / Chunks), hi = (int)((long)n * (c + 1) / Chunks);
            int i = lo;
            // Four rows' margins at once (independent sums, each in the one-row order, so bit-identical to Dot row by
            // row: the margins depend on w only), then their gradient terms added in row order as before.
            for (; i + 4 <= hi; i += 4)
            {
                Dot4(x, i * d, d, w, out double s0, out double s1, out double s2, out double s3);
                margins[i] = y[i] * (s0 + b);
                margins[i + 1] = y[i + 1] * (s1 + b);
                margins[i + 2] = y[i + 2] * (s2 + b);
                margins[i + 3] = y[i + 3] * (s3 + b);
                double k0 = loss.Derivative(margins[i]) * y[i] / n, k1 = loss.Derivative(margins[i + 1]) * y[i + 1] / n,
                    k2 = loss.Derivative(margins[i + 2]) * y[i + 2] / n, k3 = loss.Derivative(margins[i + 3]) * y[i + 3] / n;
                gb += k0; gb += k1; gb += k2; gb += k3;
                if (k0 != 0 && k1 != 0 && k2 != 0 && k3 != 0) Axpy4(k0, k1, k2, k3, x, i * d, d, acc);
                else
                {
                    if (k0 != 0) Axpy(k0, x.AsSpan(i * d, d), acc);
                    if (k1 != 0) Axpy(k1, x.AsSpan((i + 1) * d, d), acc);
                    if (k2 != 0) Axpy(k2, x.AsSpan((i + 2) * d, d), acc);
                    if (k3 != 0) Axpy(k3, x.AsSpan((i + 3) * d, d), acc);
                }
            }
            for (; i < hi; i++)
            {
                var row = x.AsSpan(i * d, d);
                double m = y[i] * (Dot(row, w) + b);
                margins[i] = m;
                double ci = loss.Derivative(m) * y[i] / n;
                gb += ci;
                if (ci != 0) Axpy(ci, row, acc);
            }
            biasPartial[c] = gb;
        }
        // The same fixed partition either way, so the numbers do not depend on which path runs; small problems run
        // the chunks in turn (thread hand-off would cost more than the step).
        if ((long)n * d < SerialWork || maxDegreeOfParallelism == 1) for (int c = 0; c < Chunks; c++) Chunk(c);
        else Parallel.For(0, Chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 }, Chunk);
        double gbias = 0;
        for (int c = 0; c < Chunks; c++) gbias += biasPartial[c];
        for (int j = 0; j < d; j++)
        {
            double s = 0;
            for (int c = 0; c < Chunks; c++) s += partial[c][j];
            grad[j] = s;
        }
        grad[d] = gbias;
    }

    private static double Dot(ReadOnlySpan<double> a, double[] b)
    {
        int len = a.Length, i = 0;
        var acc = Vector<double>.Zero;
        int vw = Vector<double>.Count;
        for (; i <= len - vw; i += vw)
            acc += new Vector<double>(a.Slice(i, vw)) * new Vector<double>(b, i);
        double s = Vector.Dot(acc, Vector<double>.One);
        for (; i < len; i++) s += a[i] * b[i];
        return s;
    }

    // The dot products of rows start/d … start/d + 3 of x (row length d) with b, each summed exactly as Dot sums one row
    // (vector lanes in i order, the lanes' sum, then the scalar tail), so each equals Dot's result bit for bit; the four
    // independent sums keep the core's adders busy where one row's sum waits on its previous addition.
    private static void Dot4(double[] x, int start, int d, double[] b, out double s0, out double s1, out double s2, out double s3)
    {
        var a0 = x.AsSpan(start, d);
        var a1 = x.AsSpan(start + d, d);
        var a2 = x.AsSpan(start + 2 * d, d);
        var a3 = x.AsSpan(start + 3 * d, d);
        int i = 0, vw = Vector<double>.Count;
        Vector<double> c0 = Vector<double>.Zero, c1 = Vector<double>.Zero, c2 = Vector<double>.Zero, c3 = Vector<double>.Zero;
        for (; i <= d - vw; i += vw)
        {
            var bv = new Vector<double>(b, i);
            c0 += new Vector<double>(a0.Slice(i, vw)) * bv;
            c1 += new Vector<double>(a1.Slice(i, vw)) * bv;
            c2 += new Vector<double>(a2.Slice(i, vw)) * bv;
            c3 += new Vector<double>(a3.Slice(i, vw)) * bv;
        }
        s0 = Vector.Dot(c0, Vector<double>.One);
        s1 = Vector.Dot(c1, Vector<double>.One);
        s2 = Vector.Dot(c2, Vector<double>.One);
        s3 = Vector.Dot(c3, Vector<double>.One);
        for (; i < d; i++)
        {
            s0 += a0[i] * b[i];
            s1 += a1[i] * b[i];
            s2 += a2[i] * b[i];
            s3 += a3[i] * b[i];
        }
    }

    // acc += k0·row0, then k1·row1, k2·row2, k3·row3 (rows start/d … start/d + 3 of x), each entry's additions in that
    // order, so bit-identical to four Axpy calls; the entry stays in a register between the four rows.
    private static void Axpy4(double k0, double k1, double k2, double k3, double[] x, int start, int d, double[] acc)
    {
        var a0 = x.AsSpan(start, d);
        var a1 = x.AsSpan(start + d, d);
        var a2 = x.AsSpan(start + 2 * d, d);
        var a3 = x.AsSpan(start + 3 * d, d);
        int i = 0, vw = Vector<double>.Count;
        Vector<double> v0 = new(k0), v1 = new(k1), v2 = new(k2), v3 = new(k3);
        var span = acc.AsSpan();
        for (; i <= d - vw; i += vw)
        {
            var r = new Vector<double>(span.Slice(i, vw)) + v0 * new Vector<double>(a0.Slice(i, vw));
            r += v1 * new Vector<double>(a1.Slice(i, vw));
            r += v2 * new Vector<double>(a2.Slice(i, vw));
            r += v3 * new Vector<double>(a3.Slice(i, vw));
            r.CopyTo(span.Slice(i, vw));
        }
        for (; i < d; i++)
        {
            double r = acc[i] + k0 * a0[i];
            r += k1 * a1[i];
            r += k2 * a2[i];
            r += k3 * a3[i];
            acc[i] = r;
        }
    }

    private static void Axpy(double alpha, ReadOnlySpan<double> x, double[] acc)
    {
        int len = x.Length, i = 0;
        int vw = Vector<double>.Count;
        var va = new Vector<double>(alpha);
        var span = acc.AsSpan();
        for (; i <= len - vw; i += vw)
        {
            var r = new Vector<double>(span.Slice(i, vw)) + va * new Vector<double>(x.Slice(i, vw));
            r.CopyTo(span.Slice(i, vw));
        }
        for (; i < len; i++) acc[i] += alpha * x[i];
    }

    private sealed class LogisticTrajectoryBuilder(int count)
    {
        private readonly int[] _step = new int[count];
        private readonly double[] _time = new double[count], _tau = new double[count], _b = new double[count], _norm = new double[count],
            _w1 = new double[count], _loss = new double[count], _acc = new double[count], _testAcc = new double[count], _testLoss = new double[count];

        public void Add(int i, int step, double time, double tau, double b, double norm, double w1, double loss, double acc, double testAcc, double testLoss)
        {
            _step[i] = step; _time[i] = time; _tau[i] = tau; _b[i] = b; _norm[i] = norm; _w1[i] = w1;
            _loss[i] = loss; _acc[i] = acc; _testAcc[i] = testAcc; _testLoss[i] = testLoss;
        }

        public LogisticTrajectory Build(double[] w, double b, double[] schedule, double stabilityLimit, double largestStep) =>
            new(_step, _time, _tau, _b, _norm, _w1, _loss, _acc, _testAcc, _testLoss, (double[])w.Clone(), b, schedule, stabilityLimit, largestStep);
    }
}
