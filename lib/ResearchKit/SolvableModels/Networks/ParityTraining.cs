using System.Numerics;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>Minibatch SGD with coupled weight decay on a <see cref="ParityNetwork"/>, recording both accuracies every epoch.</summary>
/// <remarks>
/// The training loop of the reference code of Miller et al. (arXiv 2310.17247, 2402.08946 Sec. 4): cross-entropy,
/// SGD, θ ← θ − η(∇L_batch + λ_wd θ) for every parameter, batches drawn from a fresh shuffle each epoch. Used in notebook 04.
/// </remarks>
public static class ParityTraining
{
    /// <summary>Trains a freshly initialised network on <paramref name="data"/>.</summary>
    /// <param name="data">Training and validation sets.</param>
    /// <param name="options">Hyper-parameters and stopping rule.</param>
    /// <param name="random">Source of randomness: the initialisation, then the shuffles.</param>
    public static ParityTrainingResult Run(ParityDataset data, ParityTrainingOptions options, Random random)
    {
        Guard.NotNull(data);
        Guard.NotNull(options);
        Guard.NotNull(random);
        var initial = ParityNetwork.Initialize(data.InputDimension, options.HiddenUnits, random);
        return Run(data, options, initial, random);
    }

    /// <summary>Trains from a given network (its parameters are copied, it is not changed).</summary>
    /// <param name="data">Training and validation sets; n must match the network's.</param>
    /// <param name="options">Hyper-parameters and stopping rule (its h must match the network's).</param>
    /// <param name="initial">Starting network.</param>
    /// <param name="random">Source of randomness for the shuffles.</param>
    public static ParityTrainingResult Run(ParityDataset data, ParityTrainingOptions options, ParityNetwork initial, Random random)
    {
        Guard.NotNull(data);
        Guard.NotNull(options);
        Guard.NotNull(initial);
        Guard.NotNull(random);
        if (initial.InputDimension != data.InputDimension)
            throw new ArgumentException($"initial has n = {initial.InputDimension} but data has n = {data.InputDimension}; allowed: equal.", nameof(initial));
        if (initial.HiddenUnits != options.HiddenUnits)
            throw new ArgumentException($"initial has h = {initial.HiddenUnits} but options.HiddenUnits = {options.HiddenUnits}; allowed: equal.", nameof(initial));

        int n = data.InputDimension, h = options.HiddenUnits;
        var theta = initial.Parameters.ToArray();
        var grad = new double[theta.Length];
        var kernel = new ParityNetwork.Kernel(n, h);
        var order = Enumerable.Range(0, data.TrainCount).ToArray();
        var epochs = new List<double>();
        var trainAcc = new List<double>();
        var validAcc = new List<double>();
        var trainLoss = new List<double>();
        int? trainEpoch = null, validEpoch = null;
        int stopAt = options.MaxEpochs;

        var activeTrain = new ParityNetwork.Kernel.ActiveInputs(data.TrainX, n);
        var activeValidation = new ParityNetwork.Kernel.ActiveInputs(data.ValidationX, n);
        kernel.EnsureBatch(Math.Min(options.BatchSize, data.TrainCount));

        void Record(int epoch)
        {
            epochs.Add(epoch);
            double tr = kernel.Accuracy(theta, activeTrain, data.TrainY, out double loss);
            double va = kernel.Accuracy(theta, activeValidation, data.ValidationY, out _);
            trainAcc.Add(tr);
            validAcc.Add(va);
            trainLoss.Add(loss);
            if (trainEpoch is null && tr >= options.Threshold) trainEpoch = epoch;
            if (validEpoch is null && va >= options.Threshold)
            {
                validEpoch = epoch;
                if (double.IsFinite(options.StopFactor))
                    stopAt = (int)Math.Min(options.MaxEpochs, Math.Ceiling(options.StopFactor * Math.Max(epoch, 1)));
            }
        }

        Record(0);
        double eta = options.LearningRate, decay = options.WeightDecay;
        for (int epoch = 1; epoch <= stopAt; epoch++)
        {
            Shuffle(order, random);
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                var batch = order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start));
                Array.Clear(grad);
                kernel.BatchLossAndGradient(theta, data.TrainX, data.TrainY, activeTrain, batch, grad);
                Step(theta, grad, eta, decay);
            }
            if (!theta.All(double.IsFinite))
                throw new InvalidOperationException($"training diverged at epoch {epoch} (non-finite parameters); lower the learning rate {eta}.");
            Record(epoch);
        }
        return new ParityTrainingResult(epochs.ToArray(), trainAcc.ToArray(), validAcc.ToArray(), trainLoss.ToArray(),
            trainEpoch, validEpoch, new ParityNetwork(n, h, theta));
    }

    // θ_k ← θ_k − η(g_k + λ_wd θ_k), a vector register at a time (the same operations on each entry as a scalar loop).
    private static void Step(double[] theta, double[] grad, double eta, double decay)
    {
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<double>.Count;
            var ve = new Vector<double>(eta);
            var vd = new Vector<double>(decay);
            for (; k <= theta.Length - w; k += w)
            {
                var t = new Vector<double>(theta, k);
                (t - ve * (new Vector<double>(grad, k) + vd * t)).CopyTo(theta, k);
            }
        }
        for (; k < theta.Length; k++)
            theta[k] -= eta * (grad[k] + decay * theta[k]);
    }

    private static void Shuffle(int[] order, Random random)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
