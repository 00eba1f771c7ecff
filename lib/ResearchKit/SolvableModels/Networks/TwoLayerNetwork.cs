using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// A bias-free two-layer network f(x) = W₂ φ(W₁ x), d_in → d_h → d_out, with its forward and backward pass.
/// Immutable: a gradient step returns a new network.
/// </summary>
/// <remarks>
/// Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441), Sec. 5 and Fig. 5 (a 1000–d_h–5 MLP, linear or tanh); the
/// two-layer linear case is the one Eqs. 18–19 map onto the one-layer theory. Used in notebook 02.
/// </remarks>
public sealed class TwoLayerNetwork
{
    /// <summary>Creates a network from its weights.</summary>
    /// <param name="firstLayer">W₁, d_h × d_in, finite.</param>
    /// <param name="secondLayer">W₂, d_out × d_h, finite.</param>
    /// <param name="activation">φ.</param>
    public TwoLayerNetwork(Matrix<double> firstLayer, Matrix<double> secondLayer, HiddenActivation activation)
    {
        Guard.NotNull(firstLayer);
        Guard.NotNull(secondLayer);
        Guard.SameLength(secondLayer.ColumnCount, firstLayer.RowCount, "secondLayer columns", "firstLayer rows");
        RequireFinite(firstLayer, nameof(firstLayer));
        RequireFinite(secondLayer, nameof(secondLayer));
        FirstLayer = firstLayer;
        SecondLayer = secondLayer;
        Activation = activation;
    }

    /// <summary>A network with Gaussian weights W₁ ~ N(0, σ₁²/d_in), W₂ ~ N(0, σ₂²/d_h).</summary>
    /// <param name="inputDimension">d_in. Range: ≥ 1.</param>
    /// <param name="hiddenDimension">d_h. Range: ≥ 1.</param>
    /// <param name="outputDimension">d_out. Range: ≥ 1.</param>
    /// <param name="activation">φ.</param>
    /// <param name="random">Source of randomness.</param>
    /// <param name="firstScale">σ₁. Range: ≥ 0.</param>
    /// <param name="secondScale">σ₂. Range: ≥ 0.</param>
    public static TwoLayerNetwork Random(int inputDimension, int hiddenDimension, int outputDimension, HiddenActivation activation, Random random, double firstScale = 1, double secondScale = 1)
    {
        Guard.Positive(inputDimension);
        Guard.Positive(hiddenDimension);
        Guard.Positive(outputDimension);
        Guard.NotNull(random);
        Guard.NonNegative(firstScale);
        Guard.NonNegative(secondScale);
        double s1 = firstScale / Math.Sqrt(inputDimension), s2 = secondScale / Math.Sqrt(hiddenDimension);
        var w1 = Matrix<double>.Build.Dense(hiddenDimension, inputDimension);
        for (int i = 0; i < hiddenDimension; i++)
            for (int j = 0; j < inputDimension; j++)
                w1[i, j] = Normal.Sample(random, 0, s1);
        var w2 = Matrix<double>.Build.Dense(outputDimension, hiddenDimension);
        for (int i = 0; i < outputDimension; i++)
            for (int j = 0; j < hiddenDimension; j++)
                w2[i, j] = Normal.Sample(random, 0, s2);
        return new TwoLayerNetwork(w1, w2, activation);
    }

    /// <summary>W₁ (d_h × d_in).</summary>
    public Matrix<double> FirstLayer { get; }

    /// <summary>W₂ (d_out × d_h).</summary>
    public Matrix<double> SecondLayer { get; }

    /// <summary>φ.</summary>
    public HiddenActivation Activation { get; }

    /// <summary>d_in.</summary>
    public int InputDimension => FirstLayer.ColumnCount;

    /// <summary>d_h.</summary>
    public int HiddenDimension => FirstLayer.RowCount;

    /// <summary>d_out.</summary>
    public int OutputDimension => SecondLayer.RowCount;

    /// <summary>Outputs for a batch: rows of <paramref name="inputs"/> (N × d_in) → N × d_out.</summary>
    /// <param name="inputs">X, N × d_in.</param>
    public Matrix<double> Forward(Matrix<double> inputs)
    {
        RequireInputs(inputs);
        return Activate(inputs.TransposeAndMultiply(FirstLayer)).TransposeAndMultiply(SecondLayer);
    }

    /// <summary>Mean squared error and its gradients (backward pass).</summary>
    /// <param name="inputs">X, N × d_in.</param>
    /// <param name="targets">Y, N × d_out.</param>
    public TwoLayerGradient Gradient(Matrix<double> inputs, Matrix<double> targets)
    {
        RequireInputs(inputs);
        Guard.NotNull(targets);
        Guard.SameLength(targets.RowCount, inputs.RowCount, "targets rows", "inputs rows");
        Guard.SameLength(targets.ColumnCount, OutputDimension, "targets columns", "output dimension");
        int n = inputs.RowCount;
        var pre = inputs.TransposeAndMultiply(FirstLayer);          // N × d_h
        var hidden = Activate(pre);
        var outputs = hidden.TransposeAndMultiply(SecondLayer);     // N × d_out
        var error = outputs - targets;
        double scale = 1.0 / (n * OutputDimension);
        double loss = error.PointwisePower(2).RowSums().Sum() * scale;
        var gOut = error * (2 * scale);                              // ∂ℒ/∂outputs
        var gW2 = gOut.TransposeThisAndMultiply(hidden);             // d_out × d_h
        var gHidden = gOut * SecondLayer;                            // N × d_h
        if (Activation == HiddenActivation.Tanh)
            gHidden = gHidden.PointwiseMultiply(hidden.Map(h => 1 - h * h));
        var gW1 = gHidden.TransposeThisAndMultiply(inputs);          // d_h × d_in
        return new TwoLayerGradient(loss, gW1, gW2);
    }

    /// <summary>The network after one gradient step W ← W − η ∂ℒ/∂W.</summary>
    /// <param name="gradient">Gradients from <see cref="Gradient"/>.</param>
    /// <param name="learningRate">η. Range: η &gt; 0.</param>
    public TwoLayerNetwork Step(TwoLayerGradient gradient, double learningRate)
    {
        Guard.NotNull(gradient);
        Guard.Positive(learningRate);
        return new TwoLayerNetwork(FirstLayer - gradient.FirstLayer * learningRate, SecondLayer - gradient.SecondLayer * learningRate, Activation);
    }

    private Matrix<double> Activate(Matrix<double> pre) => Activation == HiddenActivation.Tanh ? pre.Map(Math.Tanh) : pre;

    private void RequireInputs(Matrix<double> inputs)
    {
        Guard.NotNull(inputs);
        Guard.SameLength(inputs.ColumnCount, InputDimension, "inputs columns", "input dimension");
    }

    private static void RequireFinite(Matrix<double> m, string name)
    {
        foreach (var v in m.Enumerate())
            if (!double.IsFinite(v))
                throw new ArgumentException($"{name} has a non-finite entry {v}; allowed: finite weights.", name);
    }
}
