using System.Numerics;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// A two-layer ReLU classifier with two logits, z = W₂ ReLU(W₁ x + b₁) (first-layer bias, no second-layer bias),
/// trained with the softmax cross-entropy. Immutable: training works on its own copy of the parameters.
/// </summary>
/// <remarks>
/// The "TinyModel" of the reference code of Miller et al. (arXiv 2310.17247 and 2402.08946, Sec. 4): n → h → 2,
/// Xavier-uniform weights, PyTorch's default uniform first-layer bias. Parameters are one flat vector θ laid out as
/// W₁ input-major (θ[j·h + u] = W₁[u, j]), then b₁ (h values), then W₂ row by row (θ[n·h + h + c·h + u] = W₂[c, u]),
/// so that an input bit that is 0 skips a whole contiguous row of W₁. Used in notebook 04.
/// </remarks>
public sealed class ParityNetwork
{
    /// <summary>Number of logits (classes).</summary>
    public const int Classes = 2;

    private readonly double[] parameters;

    /// <summary>Creates a network from its flat parameter vector (copied).</summary>
    /// <param name="inputDimension">n. Range: ≥ 1.</param>
    /// <param name="hiddenUnits">h. Range: ≥ 1.</param>
    /// <param name="parameters">θ, finite, of length n·h + h + 2h (layout in the remarks).</param>
    public ParityNetwork(int inputDimension, int hiddenUnits, IReadOnlyList<double> parameters)
    {
        Guard.Positive(inputDimension);
        Guard.Positive(hiddenUnits);
        Guard.AllFinite(parameters);
        Guard.SameLength(parameters.Count, ParameterCount(inputDimension, hiddenUnits), nameof(parameters), "n·h + h + 2h");
        InputDimension = inputDimension;
        HiddenUnits = hiddenUnits;
        this.parameters = parameters.ToArray();
    }

    /// <summary>Xavier-uniform weights (U(±√(6/(fan_in + fan_out)))) and a U(±1/√n) first-layer bias, as in the reference code.</summary>
    /// <param name="inputDimension">n. Range: ≥ 1.</param>
    /// <param name="hiddenUnits">h. Range: ≥ 1.</param>
    /// <param name="random">Source of randomness.</param>
    public static ParityNetwork Initialize(int inputDimension, int hiddenUnits, Random random)
    {
        Guard.Positive(inputDimension);
        Guard.Positive(hiddenUnits);
        Guard.NotNull(random);
        int n = inputDimension, h = hiddenUnits;
        var theta = new double[ParameterCount(n, h)];
        double a1 = Math.Sqrt(6.0 / (n + h)), ab = 1 / Math.Sqrt(n), a2 = Math.Sqrt(6.0 / (h + Classes));
        for (int i = 0; i < n * h; i++)
            theta[i] = a1 * (2 * random.NextDouble() - 1);
        for (int u = 0; u < h; u++)
            theta[n * h + u] = ab * (2 * random.NextDouble() - 1);
        for (int i = 0; i < Classes * h; i++)
            theta[n * h + h + i] = a2 * (2 * random.NextDouble() - 1);
        return new ParityNetwork(n, h, theta);
    }

    /// <summary>Length of θ for n inputs and h hidden units: n·h + h + 2h.</summary>
    /// <param name="inputDimension">n. Range: ≥ 1.</param>
    /// <param name="hiddenUnits">h. Range: ≥ 1.</param>
    public static int ParameterCount(int inputDimension, int hiddenUnits)
    {
        Guard.Positive(inputDimension);
        Guard.Positive(hiddenUnits);
        long count = ((long)inputDimension + 1 + Classes) * hiddenUnits;
        if (count > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(hiddenUnits), hiddenUnits,
                $"n = {inputDimension} inputs and h = {hiddenUnits} hidden units need n·h + {1 + Classes}h = {count} parameters; allowed: n·h + {1 + Classes}h ≤ {int.MaxValue} (θ is one array).");
        return (int)count;
    }

    /// <summary>n.</summary>
    public int InputDimension { get; }

    /// <summary>h.</summary>
    public int HiddenUnits { get; }

    /// <summary>θ (layout in the remarks).</summary>
    public IReadOnlyList<double> Parameters => Array.AsReadOnly(parameters);

    /// <summary>The two logits for one input.</summary>
    /// <param name="input">x, n finite values.</param>
    public double[] Logits(IReadOnlyList<double> input)
    {
        Guard.AllFinite(input);
        Guard.SameLength(input.Count, InputDimension, nameof(input), "n");
        var x = input.ToArray();
        var kernel = new Kernel(InputDimension, HiddenUnits);
        var z = new double[Classes];
        kernel.Forward(parameters, x, z);
        return z;
    }

    /// <summary>Mean cross-entropy −(1/N) Σ log softmax(z_i)[y_i] over a set.</summary>
    /// <param name="inputs">N × n row-major, finite.</param>
    /// <param name="labels">N labels in {0, 1}.</param>
    public double Loss(IReadOnlyList<double> inputs, IReadOnlyList<int> labels)
    {
        var (x, y) = CheckSet(inputs, labels);
        return new Kernel(InputDimension, HiddenUnits).LossAndGradient(parameters, x, y, default, null);
    }

    /// <summary>∂Loss/∂θ of the mean cross-entropy over a set (same layout as θ).</summary>
    /// <param name="inputs">N × n row-major, finite.</param>
    /// <param name="labels">N labels in {0, 1}.</param>
    public double[] Gradient(IReadOnlyList<double> inputs, IReadOnlyList<int> labels)
    {
        var (x, y) = CheckSet(inputs, labels);
        var g = new double[parameters.Length];
        new Kernel(InputDimension, HiddenUnits).LossAndGradient(parameters, x, y, default, g);
        return g;
    }

    /// <summary>Fraction of a set whose larger logit is its label (ties count as class 0).</summary>
    /// <param name="inputs">N × n row-major, finite.</param>
    /// <param name="labels">N labels in {0, 1}.</param>
    public double Accuracy(IReadOnlyList<double> inputs, IReadOnlyList<int> labels)
    {
        var (x, y) = CheckSet(inputs, labels);
        return new Kernel(InputDimension, HiddenUnits).Accuracy(parameters, x, y, out _);
    }

    private (double[] X, int[] Y) CheckSet(IReadOnlyList<double> inputs, IReadOnlyList<int> labels)
    {
        Guard.AllFinite(inputs);
        Guard.NotEmpty(labels);
        Guard.SameLength(inputs.Count, labels.Count * InputDimension, nameof(inputs), "labels.Count × n");
        for (int i = 0; i < labels.Count; i++)
            if (labels[i] != 0 && labels[i] != 1)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"labels[{i}] = {labels[i]} is out of range; allowed: 0 or 1.");
        return (inputs.ToArray(), labels.ToArray());
    }

    /// <summary>
    /// Forward and backward pass on flat arrays, with scratch buffers owned by one caller (one per training run),
    /// so that the training loop allocates nothing per step.
    /// </summary>
    internal sealed class Kernel
    {
        private readonly int n, h;
        private readonly double[] pre, hidden, hiddenGrad;

        internal Kernel(int inputDimension, int hiddenUnits)
        {
            n = inputDimension;
            h = hiddenUnits;
            pre = new double[h];
            hidden = new double[h];
            hiddenGrad = new double[h];
        }

        /// <summary>z = W₂ ReLU(W₁x + b₁); leaves the pre-activations and activations in the scratch buffers.</summary>
        internal void Forward(double[] theta, ReadOnlySpan<double> x, Span<double> z)
        {
            var bias = theta.AsSpan(n * h, h);
            bias.CopyTo(pre);
            for (int j = 0; j < n; j++)
            {
                double xj = x[j];
                if (xj != 0)
                    AddScaled(xj, theta.AsSpan(j * h, h), pre);
            }
            for (int u = 0; u < h; u++)
                hidden[u] = pre[u] > 0 ? pre[u] : 0;
            for (int c = 0; c < Classes; c++)
                z[c] = Dot(theta.AsSpan(n * h + h + c * h, h), hidden);
        }

        /// <summary>
        /// Mean cross-entropy over the rows <paramref name="rows"/> of (x, y) (all rows if null); adds its gradient
        /// to <paramref name="gradient"/> when that is not null (the caller zeroes it).
        /// </summary>
        internal double LossAndGradient(double[] theta, double[] x, int[] y, ReadOnlySpan<int> rows, double[]? gradient)
        {
            int count = rows.IsEmpty ? y.Length : rows.Length;
            double loss = 0, inv = 1.0 / count;
            Span<double> z = stackalloc double[Classes];
            for (int r = 0; r < count; r++)
            {
                int i = rows.IsEmpty ? r : rows[r];
                var xi = x.AsSpan(i * n, n);
                Forward(theta, xi, z);
                // log-sum-exp of two logits, stably
                double zMax = Math.Max(z[0], z[1]);
                double e0 = Math.Exp(z[0] - zMax), e1 = Math.Exp(z[1] - zMax);
                double logSum = zMax + Math.Log(e0 + e1);
                loss += logSum - z[y[i]];
                if (gradient is null)
                    continue;
                double p1 = e1 / (e0 + e1);
                // dL/dz = softmax − onehot; for two classes g0 = −g1
                double g1 = (p1 - y[i]) * inv, g0 = -g1;
                var w2a = theta.AsSpan(n * h + h, h);
                var w2b = theta.AsSpan(n * h + 2 * h, h);
                AddScaled(g0, hidden, gradient.AsSpan(n * h + h, h));
                AddScaled(g1, hidden, gradient.AsSpan(n * h + 2 * h, h));
                for (int u = 0; u < h; u++)
                    hiddenGrad[u] = pre[u] > 0 ? g0 * w2a[u] + g1 * w2b[u] : 0;
                AddScaled(1, hiddenGrad, gradient.AsSpan(n * h, h));
                for (int j = 0; j < n; j++)
                {
                    double xj = xi[j];
                    if (xj != 0)
                        AddScaled(xj, hiddenGrad, gradient.AsSpan(j * h, h));
                }
            }
            return loss * inv;
        }

        /// <summary>
        /// The non-zero inputs of every row of a row-major N × n set (column index and value, in column order): the
        /// training loop visits only these rows of W₁, as <see cref="Forward"/> does.
        /// </summary>
        internal sealed class ActiveInputs
        {
            internal ActiveInputs(double[] x, int n)
            {
                int rows = x.Length / n;
                Start = new int[rows + 1];
                var cols = new List<int>();
                var vals = new List<double>();
                for (int i = 0; i < rows; i++)
                {
                    Start[i] = cols.Count;
                    for (int j = 0; j < n; j++)
                    {
                        double v = x[i * n + j];
                        if (v != 0) { cols.Add(j); vals.Add(v); }
                    }
                }
                Start[rows] = cols.Count;
                Columns = cols.ToArray();
                Values = vals.ToArray();
            }

            internal int[] Start { get; }
            internal int[] Columns { get; }
            internal double[] Values { get; }
        }

        /// <summary>
        /// pre = b₁ + Σ_j x_j W₁[·, j] over the active inputs in column order, several vector registers at a time: each
        /// entry gets the same additions in the same order as in <see cref="Forward"/>, so the same value.
        /// </summary>
        private void PreActivation(double[] theta, ReadOnlySpan<int> cols, ReadOnlySpan<double> vals, Span<double> output)
        {
            int w = Vector.IsHardwareAccelerated ? Vector<double>.Count : 1 << 30;
            int vectorEnd = h >= w ? h - h % w : 0, u = 0, biasAt = n * h;
            for (; u + 4 * w <= vectorEnd; u += 4 * w)
            {
                var a0 = new Vector<double>(theta, biasAt + u);
                var a1 = new Vector<double>(theta, biasAt + u + w);
                var a2 = new Vector<double>(theta, biasAt + u + 2 * w);
                var a3 = new Vector<double>(theta, biasAt + u + 3 * w);
                for (int q = 0; q < cols.Length; q++)
                {
                    var va = new Vector<double>(vals[q]);
                    int at = cols[q] * h + u;
                    a0 += va * new Vector<double>(theta, at);
                    a1 += va * new Vector<double>(theta, at + w);
                    a2 += va * new Vector<double>(theta, at + 2 * w);
                    a3 += va * new Vector<double>(theta, at + 3 * w);
                }
                a0.CopyTo(output.Slice(u, w));
                a1.CopyTo(output.Slice(u + w, w));
                a2.CopyTo(output.Slice(u + 2 * w, w));
                a3.CopyTo(output.Slice(u + 3 * w, w));
            }
            for (; u < vectorEnd; u += w)
            {
                var a = new Vector<double>(theta, biasAt + u);
                for (int q = 0; q < cols.Length; q++)
                    a += new Vector<double>(vals[q]) * new Vector<double>(theta, cols[q] * h + u);
                a.CopyTo(output.Slice(u, w));
            }
            for (; u < h; u++)
            {
                double a = theta[biasAt + u];
                for (int q = 0; q < cols.Length; q++)
                    a += vals[q] * theta[cols[q] * h + u];
                output[u] = a;
            }
        }

        /// <summary>
        /// The minibatch loss and gradient of <see cref="LossAndGradient"/> (same numbers, bit for bit): the forward
        /// passes first, keeping each row's activations and back-propagated hidden gradient, then every gradient entry
        /// summed over the rows in their order, a block of entries in registers at a time. Needs scratch sized by
        /// <see cref="EnsureBatch"/>.
        /// </summary>
        internal double BatchLossAndGradient(double[] theta, double[] x, int[] y, ActiveInputs active, ReadOnlySpan<int> rows, double[] gradient)
        {
            int count = rows.Length;
            EnsureBatch(count);
            double loss = 0, inv = 1.0 / count;
            Span<double> z = stackalloc double[Classes];
            int w2aAt = n * h + h, w2bAt = n * h + 2 * h;
            for (int r = 0; r < count; r++)
            {
                int i = rows[r];
                int s0 = active.Start[i], s1 = active.Start[i + 1];
                var hid = batchHidden.AsSpan(r * h, h);
                PreActivation(theta, active.Columns.AsSpan(s0, s1 - s0), active.Values.AsSpan(s0, s1 - s0), pre);
                Relu(pre, hid);
                for (int c = 0; c < Classes; c++)
                    z[c] = Dot(theta.AsSpan(n * h + h + c * h, h), hid);
                double zMax = Math.Max(z[0], z[1]);
                double e0 = Math.Exp(z[0] - zMax), e1 = Math.Exp(z[1] - zMax);
                double logSum = zMax + Math.Log(e0 + e1);
                loss += logSum - z[y[i]];
                double p1 = e1 / (e0 + e1);
                double g1 = (p1 - y[i]) * inv, g0 = -g1;
                batchG0[r] = g0;
                batchG1[r] = g1;
                HiddenGradient(theta, w2aAt, w2bAt, g0, g1, batchHiddenGrad.AsSpan(r * h, h));
            }
            // W₂ rows: Σ_r g_c,r · hidden_r; b₁: Σ_r 1 · hg_r; W₁ row j: Σ_{r: x_rj ≠ 0} x_rj · hg_r — rows in order.
            AccumulateRows(gradient, w2aAt, batchG0, null, batchHidden, count);
            AccumulateRows(gradient, w2bAt, batchG1, null, batchHidden, count);
            AccumulateRows(gradient, n * h, null, null, batchHiddenGrad, count);
            for (int j = 0; j < n; j++)
            {
                int m = 0;
                for (int r = 0; r < count; r++)
                {
                    double v = x[rows[r] * n + j];
                    if (v != 0) { batchMembers[m] = r; batchScale[m] = v; m++; }
                }
                if (m > 0)
                    AccumulateRows(gradient, j * h, batchScale, batchMembers, batchHiddenGrad, m);
            }
            return loss * inv;
        }

        // hidden = pre > 0 ? pre : 0 entry by entry, a vector register at a time (a select, not a branch per unit).
        private void Relu(ReadOnlySpan<double> preActivation, Span<double> output)
        {
            int u = 0;
            if (Vector.IsHardwareAccelerated && h >= Vector<double>.Count)
            {
                int w = Vector<double>.Count;
                for (; u <= h - w; u += w)
                {
                    var p = new Vector<double>(preActivation.Slice(u, w));
                    Vector.ConditionalSelect(Vector.GreaterThan(p, Vector<double>.Zero), p, Vector<double>.Zero).CopyTo(output.Slice(u, w));
                }
            }
            for (; u < h; u++)
                output[u] = preActivation[u] > 0 ? preActivation[u] : 0;
        }

        // hg = pre > 0 ? g₀W₂[0, ·] + g₁W₂[1, ·] : 0 entry by entry (the same products and sum, then a select).
        private void HiddenGradient(double[] theta, int w2aAt, int w2bAt, double g0, double g1, Span<double> output)
        {
            int u = 0;
            if (Vector.IsHardwareAccelerated && h >= Vector<double>.Count)
            {
                int w = Vector<double>.Count;
                var v0 = new Vector<double>(g0);
                var v1 = new Vector<double>(g1);
                for (; u <= h - w; u += w)
                {
                    var p = new Vector<double>(pre, u);
                    var g = v0 * new Vector<double>(theta, w2aAt + u) + v1 * new Vector<double>(theta, w2bAt + u);
                    Vector.ConditionalSelect(Vector.GreaterThan(p, Vector<double>.Zero), g, Vector<double>.Zero).CopyTo(output.Slice(u, w));
                }
            }
            for (; u < h; u++)
                output[u] = pre[u] > 0 ? g0 * theta[w2aAt + u] + g1 * theta[w2bAt + u] : 0;
        }

        // target[at + u] += a_k · source[row_k · h + u] for k = 0 … count − 1 in order (a_k = 1 when scales is null,
        // row_k = k when rows is null), the same operations as AddScaled once per k.
        private void AccumulateRows(double[] target, int at, double[]? scales, int[]? rowsOf, double[] source, int count)
        {
            int w = Vector.IsHardwareAccelerated ? Vector<double>.Count : 1 << 30;
            int vectorEnd = h >= w ? h - h % w : 0, u = 0;
            for (; u + 2 * w <= vectorEnd; u += 2 * w)
            {
                var a0 = new Vector<double>(target, at + u);
                var a1 = new Vector<double>(target, at + u + w);
                for (int k = 0; k < count; k++)
                {
                    var va = new Vector<double>(scales is null ? 1.0 : scales[k]);
                    int from = (rowsOf is null ? k : rowsOf[k]) * h + u;
                    a0 += va * new Vector<double>(source, from);
                    a1 += va * new Vector<double>(source, from + w);
                }
                a0.CopyTo(target, at + u);
                a1.CopyTo(target, at + u + w);
            }
            for (; u < vectorEnd; u += w)
            {
                var a = new Vector<double>(target, at + u);
                for (int k = 0; k < count; k++)
                    a += new Vector<double>(scales is null ? 1.0 : scales[k]) * new Vector<double>(source, (rowsOf is null ? k : rowsOf[k]) * h + u);
                a.CopyTo(target, at + u);
            }
            for (; u < h; u++)
            {
                double a = target[at + u];
                for (int k = 0; k < count; k++)
                    a += (scales is null ? 1.0 : scales[k]) * source[(rowsOf is null ? k : rowsOf[k]) * h + u];
                target[at + u] = a;
            }
        }

        private double[] batchHidden = [], batchHiddenGrad = [], batchG0 = [], batchG1 = [], batchScale = [];
        private int[] batchMembers = [];

        /// <summary>Sizes the minibatch scratch for <paramref name="count"/> rows.</summary>
        internal void EnsureBatch(int count)
        {
            if (batchG0.Length >= count) return;
            batchHidden = new double[count * h];
            batchHiddenGrad = new double[count * h];
            batchG0 = new double[count];
            batchG1 = new double[count];
            batchScale = new double[count];
            batchMembers = new int[count];
        }

        /// <summary>The accuracy and mean cross-entropy of <see cref="Accuracy(double[], double[], int[], out double)"/> (same numbers), from the active inputs.</summary>
        internal double Accuracy(double[] theta, ActiveInputs active, int[] y, out double loss)
        {
            Span<double> z = stackalloc double[Classes];
            int correct = 0;
            double sum = 0;
            for (int i = 0; i < y.Length; i++)
            {
                int s0 = active.Start[i], s1 = active.Start[i + 1];
                PreActivation(theta, active.Columns.AsSpan(s0, s1 - s0), active.Values.AsSpan(s0, s1 - s0), pre);
                Relu(pre, hidden);
                for (int c = 0; c < Classes; c++)
                    z[c] = Dot(theta.AsSpan(n * h + h + c * h, h), hidden);
                int predicted = z[1] > z[0] ? 1 : 0;
                if (predicted == y[i]) correct++;
                double zMax = Math.Max(z[0], z[1]);
                sum += zMax + Math.Log(Math.Exp(z[0] - zMax) + Math.Exp(z[1] - zMax)) - z[y[i]];
            }
            loss = sum / y.Length;
            return (double)correct / y.Length;
        }

        /// <summary>Accuracy over all rows of (x, y) (ties count as class 0); the mean cross-entropy in the same pass.</summary>
        internal double Accuracy(double[] theta, double[] x, int[] y, out double loss)
        {
            Span<double> z = stackalloc double[Classes];
            int correct = 0;
            double sum = 0;
            for (int i = 0; i < y.Length; i++)
            {
                Forward(theta, x.AsSpan(i * n, n), z);
                int predicted = z[1] > z[0] ? 1 : 0;
                if (predicted == y[i]) correct++;
                double zMax = Math.Max(z[0], z[1]);
                sum += zMax + Math.Log(Math.Exp(z[0] - zMax) + Math.Exp(z[1] - zMax)) - z[y[i]];
            }
            loss = sum / y.Length;
            return (double)correct / y.Length;
        }

        private static void AddScaled(double a, ReadOnlySpan<double> source, Span<double> target)
        {
            int i = 0;
            if (Vector.IsHardwareAccelerated && source.Length >= Vector<double>.Count)
            {
                var va = new Vector<double>(a);
                int w = Vector<double>.Count;
                for (; i <= source.Length - w; i += w)
                {
                    var t = new Vector<double>(target.Slice(i, w)) + va * new Vector<double>(source.Slice(i, w));
                    t.CopyTo(target.Slice(i, w));
                }
            }
            for (; i < source.Length; i++)
                target[i] += a * source[i];
        }

        private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        {
            int i = 0;
            double sum = 0;
            if (Vector.IsHardwareAccelerated && a.Length >= Vector<double>.Count)
            {
                var acc = Vector<double>.Zero;
                int w = Vector<double>.Count;
                for (; i <= a.Length - w; i += w)
                    acc += new Vector<double>(a.Slice(i, w)) * new Vector<double>(b.Slice(i, w));
                sum = Vector.Dot(acc, Vector<double>.One);
            }
            for (; i < a.Length; i++)
                sum += a[i] * b[i];
            return sum;
        }
    }
}
