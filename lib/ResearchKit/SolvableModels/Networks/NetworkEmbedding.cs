using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Penultimate-layer embeddings of a <see cref="TwoLayerNetwork"/>: train the network by full-batch gradient descent
/// on the mean squared error, then read its hidden activations φ(W₁x) as features for a new linear read-out.
/// </summary>
/// <remarks>
/// Beck, Bar Sinai &amp; Levi (arXiv 2602.12039) validate their linear theory (logit regularisation aligns the read-out
/// with Fisher's discriminant) on neural-network penultimate embeddings; notebook 05 uses this class for a small
/// version of that check on Fashion-MNIST.
/// </remarks>
public static class NetworkEmbedding
{
    /// <summary>Full-batch gradient descent W ← W − η ∂ℒ/∂W on the mean squared error, <paramref name="steps"/> times.</summary>
    /// <param name="network">The initial network.</param>
    /// <param name="inputs">X, N × d_in, finite.</param>
    /// <param name="targets">Y, N × d_out, finite.</param>
    /// <param name="learningRate">η. Range: η &gt; 0.</param>
    /// <param name="steps">Number of steps. Range: ≥ 1.</param>
    /// <exception cref="InvalidOperationException">The loss became non-finite (η too large).</exception>
    public static NetworkTrainingResult TrainMeanSquared(TwoLayerNetwork network, Matrix<double> inputs, Matrix<double> targets, double learningRate, int steps)
    {
        Guard.NotNull(network);
        Guard.NotNull(inputs);
        Guard.NotNull(targets);
        Guard.Positive(learningRate);
        Guard.Positive(steps);
        var losses = new double[steps + 1];
        var net = network;
        for (int k = 0; ; k++)
        {
            var g = net.Gradient(inputs, targets);
            losses[k] = g.Loss;
            if (!double.IsFinite(g.Loss))
                throw new InvalidOperationException($"NetworkEmbedding: the loss is {g.Loss} at step {k} (η = {learningRate}); use a smaller learning rate.");
            if (k == steps) break;
            net = net.Step(g, learningRate);
        }
        return new NetworkTrainingResult(net, losses);
    }

    /// <summary>The hidden activations φ(W₁x) of each row x of <paramref name="inputs"/>: an N × d_h matrix.</summary>
    /// <param name="network">The network.</param>
    /// <param name="inputs">X, N × d_in.</param>
    public static Matrix<double> Hidden(TwoLayerNetwork network, Matrix<double> inputs)
    {
        Guard.NotNull(network);
        Guard.NotNull(inputs);
        Guard.SameLength(inputs.ColumnCount, network.InputDimension, "inputs columns", "input dimension");
        var pre = inputs.TransposeAndMultiply(network.FirstLayer);
        return network.Activation == HiddenActivation.Tanh ? pre.Map(Math.Tanh) : pre;
    }
}
