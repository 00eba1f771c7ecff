using System.Numerics;
using MathNet.Numerics.Distributions;
using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>The shape d → n₁ → n₂ → 1 of a <see cref="ReluMlp"/>.</summary>
/// <param name="InputDimension">d. Range: 1 … 4096.</param>
/// <param name="FirstWidth">n₁, the first hidden layer's width. Range: 1 … 4096.</param>
/// <param name="SecondWidth">n₂, the second hidden layer's width. Range: 1 … 4096.</param>
public sealed record ReluMlpShape(int InputDimension, int FirstWidth, int SecondWidth)
{
    /// <summary>Largest d, n₁ or n₂ accepted (keeps the parameter count far from overflow).</summary>
    public const int MaxSize = 4096;

    /// <summary>Number of parameters: d·n₁ + n₁ + n₁·n₂ + n₂ + n₂ + 1.</summary>
    public int ParameterCount => InputDimension * FirstWidth + FirstWidth + FirstWidth * SecondWidth + 2 * SecondWidth + 1;

    /// <summary>Throws unless every size is in 1 … <see cref="MaxSize"/>.</summary>
    public void Validate()
    {
        Guard.InRange(InputDimension, 1, MaxSize, nameof(InputDimension));
        Guard.InRange(FirstWidth, 1, MaxSize, nameof(FirstWidth));
        Guard.InRange(SecondWidth, 1, MaxSize, nameof(SecondWidth));
    }
}

/// <summary>
/// A fully connected network with two ReLU hidden layers and biases, f(x) = w₃·φ(W₂ᵀφ(W₁ᵀx + b₁) + b₂) + b₃,
/// φ = max(0, ·), with its mean-squared-error loss and exact gradient. Immutable: its parameters are copied in.
/// </summary>
/// <remarks>
/// The teacher and student of Bahri, Dyer, Kaplan, Lee &amp; Sharma (arXiv 2102.06701), Fig. 1b: two hidden layers
/// (widths 96/192 in the paper), one output; notebook 14. Parameters are one flat vector in the order
/// W₁ (d × n₁, row-major: W₁[i·n₁ + j] connects input i to unit j), b₁, W₂ (n₁ × n₂, row-major), b₂, w₃ (n₂), b₃.
/// Batches are row-major N × d arrays. The products are at most a few hundred wide, where a managed loop over
/// <see cref="System.Numerics.Vector{T}"/> lanes costs less than a BLAS call's set-up, and the arithmetic is the same
/// on every thread (so sweeps are bit-identical however they are scheduled).
/// </remarks>
public sealed class ReluMlp
{
    private readonly double[] _parameters;

    /// <summary>Creates a network from its flat parameter vector.</summary>
    /// <param name="shape">The shape. Range: see <see cref="ReluMlpShape"/>.</param>
    /// <param name="parameters">θ in the order of the remarks; length <see cref="ReluMlpShape.ParameterCount"/>, finite.</param>
    public ReluMlp(ReluMlpShape shape, IReadOnlyList<double> parameters)
    {
        Guard.NotNull(shape);
        shape.Validate();
        Guard.AllFinite(parameters);
        Guard.SameLength(parameters.Count, shape.ParameterCount, nameof(parameters), "shape.ParameterCount");
        Shape = shape;
        _parameters = parameters.ToArray();
    }

    private ReluMlp(ReluMlpShape shape, double[] parameters, bool _)
    {
        Shape = shape;
        _parameters = parameters;
    }

    /// <summary>
    /// A network with He-normal weights (entries of W₁, W₂, w₃ ~ N(0, 2/fan-in)) and Gaussian biases N(0, σ_b²).
    /// </summary>
    /// <param name="shape">The shape.</param>
    /// <param name="random">Source of randomness.</param>
    /// <param name="biasScale">σ_b. Range: ≥ 0 (0: zero biases).</param>
    public static ReluMlp Random(ReluMlpShape shape, Random random, double biasScale = 0)
    {
        Guard.NotNull(shape);
        shape.Validate();
        Guard.NotNull(random);
        Guard.NonNegative(biasScale);
        int d = shape.InputDimension, n1 = shape.FirstWidth, n2 = shape.SecondWidth;
        var p = new double[shape.ParameterCount];
        int o = 0;
        Fill(p.AsSpan(o, d * n1), random, Math.Sqrt(2.0 / d)); o += d * n1;
        Fill(p.AsSpan(o, n1), random, biasScale); o += n1;
        Fill(p.AsSpan(o, n1 * n2), random, Math.Sqrt(2.0 / n1)); o += n1 * n2;
        Fill(p.AsSpan(o, n2), random, biasScale); o += n2;
        Fill(p.AsSpan(o, n2), random, Math.Sqrt(2.0 / n2)); o += n2;
        Fill(p.AsSpan(o, 1), random, biasScale);
        return new ReluMlp(shape, p, true);
    }

    private static void Fill(Span<double> target, Random random, double scale)
    {
        if (scale == 0) { target.Clear(); return; }
        for (int i = 0; i < target.Length; i++) target[i] = Normal.Sample(random, 0, scale);
    }

    /// <summary>The shape.</summary>
    public ReluMlpShape Shape { get; }

    /// <summary>A copy of θ.</summary>
    public double[] Parameters => (double[])_parameters.Clone();

    internal ReadOnlySpan<double> ParameterSpan => _parameters;

    internal static ReluMlp Wrap(ReluMlpShape shape, double[] parameters) => new(shape, parameters, true);

    /// <summary>Outputs f(x) for the rows of <paramref name="inputs"/>.</summary>
    /// <param name="inputs">X, row-major N × d (length a positive multiple of d), finite.</param>
    public double[] Predict(IReadOnlyList<double> inputs)
    {
        int n = RequireBatch(inputs, nameof(inputs));
        var x = inputs as double[] ?? inputs.ToArray();
        var output = new double[n];
        var work = new Workspace(Shape, Math.Min(n, ChunkRows));
        for (int start = 0; start < n; start += ChunkRows)
        {
            int rows = Math.Min(ChunkRows, n - start);
            work.Forward(_parameters, x.AsSpan(start * Shape.InputDimension, rows * Shape.InputDimension), rows);
            work.Output.AsSpan(0, rows).CopyTo(output.AsSpan(start));
        }
        return output;
    }

    /// <summary>The mean squared error (1/N)·Σ (f(xₙ) − yₙ)² on a batch.</summary>
    /// <param name="inputs">X, row-major N × d, finite.</param>
    /// <param name="targets">y, length N, finite.</param>
    public double MeanSquaredError(IReadOnlyList<double> inputs, IReadOnlyList<double> targets)
    {
        int n = RequireBatch(inputs, nameof(inputs));
        Guard.AllFinite(targets);
        Guard.SameLength(targets.Count, n, nameof(targets), "the rows of inputs");
        var f = Predict(inputs);
        double sum = 0;
        for (int i = 0; i < n; i++) { double e = f[i] - targets[i]; sum += e * e; }
        return sum / n;
    }

    /// <summary>The mean squared error on a batch and its exact gradient ∂L/∂θ (backpropagation).</summary>
    /// <param name="inputs">X, row-major N × d, finite.</param>
    /// <param name="targets">y, length N, finite.</param>
    /// <returns>L = (1/N)·Σ (f(xₙ) − yₙ)² and ∂L/∂θ in the parameter order of the remarks.</returns>
    public (double Loss, double[] Gradient) LossAndGradient(IReadOnlyList<double> inputs, IReadOnlyList<double> targets)
    {
        int n = RequireBatch(inputs, nameof(inputs));
        Guard.AllFinite(targets);
        Guard.SameLength(targets.Count, n, nameof(targets), "the rows of inputs");
        var work = new Workspace(Shape, n);
        var gradient = new double[Shape.ParameterCount];
        double loss = work.LossAndGradient(_parameters, (inputs as double[] ?? inputs.ToArray()).AsSpan(0, n * Shape.InputDimension),
            (targets as double[] ?? targets.ToArray()).AsSpan(0, n), n, gradient);
        return (loss, gradient);
    }

    private const int ChunkRows = 512;

    private int RequireBatch(IReadOnlyList<double> inputs, string name)
    {
        Guard.AllFinite(inputs, name);
        if (inputs.Count % Shape.InputDimension != 0)
            throw new ArgumentException(FormattableString.Invariant(
                $"{name} has {inputs.Count} entries; allowed: a positive multiple of the input dimension d = {Shape.InputDimension} (row-major N × d)."), name);
        return inputs.Count / Shape.InputDimension;
    }

    /// <summary>Buffers for the forward and backward pass of up to <c>capacity</c> rows (one per thread).</summary>
    internal sealed class Workspace
    {
        private readonly int _d, _n1, _n2, _capacity;
        private readonly double[] _z1, _z2, _dz1, _dz2;
        internal readonly double[] Output;

        internal Workspace(ReluMlpShape shape, int capacity)
        {
            _d = shape.InputDimension; _n1 = shape.FirstWidth; _n2 = shape.SecondWidth; _capacity = capacity;
            _z1 = new double[capacity * _n1];
            _z2 = new double[capacity * _n2];
            _dz1 = new double[capacity * _n1];
            _dz2 = new double[capacity * _n2];
            Output = new double[capacity];
        }

        // Forward pass: _z1, _z2 hold the post-activation values φ(z) (z > 0 ⇔ φ(z) > 0, which is all backprop needs).
        internal void Forward(ReadOnlySpan<double> p, ReadOnlySpan<double> x, int rows)
        {
            System.Diagnostics.Debug.Assert(rows <= _capacity);
            int d = _d, n1 = _n1, n2 = _n2;
            var w1 = p.Slice(0, d * n1);
            var b1 = p.Slice(d * n1, n1);
            int o = d * n1 + n1;
            var w2 = p.Slice(o, n1 * n2);
            var b2 = p.Slice(o + n1 * n2, n2);
            var w3 = p.Slice(o + n1 * n2 + n2, n2);
            double b3 = p[o + n1 * n2 + 2 * n2];
            for (int r = 0; r < rows; r++)
            {
                var h1 = _z1.AsSpan(r * n1, n1);
                b1.CopyTo(h1);
                var xr = x.Slice(r * d, d);
                for (int i = 0; i < d; i++) Axpy(xr[i], w1.Slice(i * n1, n1), h1);
                Relu(h1);
                var h2 = _z2.AsSpan(r * n2, n2);
                b2.CopyTo(h2);
                for (int j = 0; j < n1; j++)
                {
                    double a = h1[j];
                    if (a != 0) Axpy(a, w2.Slice(j * n2, n2), h2);
                }
                Relu(h2);
                Output[r] = b3 + Dot(h2, w3);
            }
        }

        // Mean squared error of rows of (x, y) and its gradient, written into `gradient` (overwritten).
        internal double LossAndGradient(ReadOnlySpan<double> p, ReadOnlySpan<double> x, ReadOnlySpan<double> y, int rows, Span<double> gradient)
        {
            Forward(p, x, rows);
            int d = _d, n1 = _n1, n2 = _n2;
            int o = d * n1 + n1;
            var w2 = p.Slice(o, n1 * n2);
            var w3 = p.Slice(o + n1 * n2 + n2, n2);
            gradient.Clear();
            var gw1 = gradient.Slice(0, d * n1);
            var gb1 = gradient.Slice(d * n1, n1);
            var gw2 = gradient.Slice(o, n1 * n2);
            var gb2 = gradient.Slice(o + n1 * n2, n2);
            var gw3 = gradient.Slice(o + n1 * n2 + n2, n2);
            double loss = 0, gb3 = 0, scale = 2.0 / rows;
            for (int r = 0; r < rows; r++)
            {
                double e = Output[r] - y[r];
                loss += e * e;
                double dy = scale * e;
                gb3 += dy;
                var h2 = _z2.AsSpan(r * n2, n2);
                Axpy(dy, h2, gw3);
                var dz2 = _dz2.AsSpan(r * n2, n2);
                for (int k = 0; k < n2; k++) dz2[k] = h2[k] > 0 ? dy * w3[k] : 0;
                Axpy(1.0, dz2, gb2);
                var h1 = _z1.AsSpan(r * n1, n1);
                var dz1 = _dz1.AsSpan(r * n1, n1);
                for (int j = 0; j < n1; j++)
                {
                    if (h1[j] > 0)
                    {
                        Axpy(h1[j], dz2, gw2.Slice(j * n2, n2));
                        dz1[j] = Dot(dz2, w2.Slice(j * n2, n2));
                    }
                    else dz1[j] = 0;
                }
                Axpy(1.0, dz1, gb1);
                var xr = x.Slice(r * d, d);
                for (int i = 0; i < d; i++) Axpy(xr[i], dz1, gw1.Slice(i * n1, n1));
            }
            gradient[o + n1 * n2 + 2 * n2] = gb3;
            return loss / rows;
        }

        private static void Relu(Span<double> v)
        {
            for (int i = 0; i < v.Length; i++) if (!(v[i] > 0)) v[i] = 0;
        }
    }

    // y += a·x, lane-wise (the same operation order on every thread and every call).
    internal static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var va = new Vector<double>(a);
            var vx = System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vector<double>>(y);
            for (int k = 0; k < vx.Length; k++) vy[k] += va * vx[k];
            i = vx.Length * Vector<double>.Count;
        }
        for (; i < x.Length; i++) y[i] += a * x[i];
    }

    internal static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            var vx = System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vector<double>>(y);
            for (int k = 0; k < vx.Length; k++) acc += vx[k] * vy[k];
            sum = Vector.Sum(acc);
            i = vx.Length * Vector<double>.Count;
        }
        for (; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }
}
