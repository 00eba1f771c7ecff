using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// A sampled binary classification data set: inputs stored row-major (one row of n values per example), labels 0/1.
/// </summary>
/// <remarks>Made by <see cref="ParityTask.Sample"/>; trained on by <see cref="ParityTraining"/>. Used in notebook 04.</remarks>
public sealed class ParityDataset
{
    /// <summary>Creates a data set from its arrays (copied).</summary>
    /// <param name="inputDimension">n, values per example. Range: ≥ 1.</param>
    /// <param name="trainInputs">Training inputs, N_train × n row-major, finite.</param>
    /// <param name="trainLabels">Training labels, N_train values in {0, 1}.</param>
    /// <param name="validationInputs">Validation inputs, N_val × n row-major, finite.</param>
    /// <param name="validationLabels">Validation labels, N_val values in {0, 1}.</param>
    public ParityDataset(int inputDimension, IReadOnlyList<double> trainInputs, IReadOnlyList<int> trainLabels,
        IReadOnlyList<double> validationInputs, IReadOnlyList<int> validationLabels)
    {
        Guard.Positive(inputDimension);
        Guard.AllFinite(trainInputs);
        Guard.AllFinite(validationInputs);
        Guard.NotNull(trainLabels);
        Guard.NotNull(validationLabels);
        Guard.Positive(trainLabels.Count, "trainLabels.Count");
        Guard.Positive(validationLabels.Count, "validationLabels.Count");
        Guard.SameLength(trainInputs.Count, trainLabels.Count * inputDimension, nameof(trainInputs), "trainLabels.Count × inputDimension");
        Guard.SameLength(validationInputs.Count, validationLabels.Count * inputDimension, nameof(validationInputs), "validationLabels.Count × inputDimension");
        RequireBinary(trainLabels, nameof(trainLabels));
        RequireBinary(validationLabels, nameof(validationLabels));
        InputDimension = inputDimension;
        TrainX = trainInputs.ToArray();
        TrainY = trainLabels.ToArray();
        ValidationX = validationInputs.ToArray();
        ValidationY = validationLabels.ToArray();
    }

    internal double[] TrainX { get; }
    internal int[] TrainY { get; }
    internal double[] ValidationX { get; }
    internal int[] ValidationY { get; }

    /// <summary>n, values per example.</summary>
    public int InputDimension { get; }

    /// <summary>Training inputs, row-major.</summary>
    public IReadOnlyList<double> TrainInputs => Array.AsReadOnly(TrainX);

    /// <summary>Training labels (0/1).</summary>
    public IReadOnlyList<int> TrainLabels => Array.AsReadOnly(TrainY);

    /// <summary>Validation inputs, row-major.</summary>
    public IReadOnlyList<double> ValidationInputs => Array.AsReadOnly(ValidationX);

    /// <summary>Validation labels (0/1).</summary>
    public IReadOnlyList<int> ValidationLabels => Array.AsReadOnly(ValidationY);

    /// <summary>Number of training examples.</summary>
    public int TrainCount => TrainY.Length;

    /// <summary>Number of validation examples.</summary>
    public int ValidationCount => ValidationY.Length;

    private static void RequireBinary(IReadOnlyList<int> labels, string name)
    {
        for (int i = 0; i < labels.Count; i++)
            if (labels[i] != 0 && labels[i] != 1)
                throw new ArgumentOutOfRangeException(name, labels[i], $"{name}[{i}] = {labels[i]} is out of range; allowed: 0 or 1.");
    }
}
