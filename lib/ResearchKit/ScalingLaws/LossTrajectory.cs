using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>One evaluated checkpoint of a training run: tokens seen so far and the loss there.</summary>
/// <param name="Tokens">Tokens seen at the checkpoint, D. Range: &gt; 0.</param>
/// <param name="Loss">The loss (or the performance measure fitted in its place). Range: &gt; 0.</param>
/// <param name="Line">The 1-based line of the source file the point came from (0 when not from a file).</param>
/// <remarks>Choshen, Zhang, Andreas 2024 (arXiv 2410.11840) fit scaling laws to such intermediate checkpoints. Notebook 25.</remarks>
public sealed record TrainingCheckpoint(double Tokens, double Loss, int Line);

/// <summary>
/// The loss curve of one model of a family: its parameter count and its checkpoints in increasing order of tokens.
/// </summary>
/// <remarks>Choshen, Zhang, Andreas 2024 (arXiv 2410.11840), Sec. 2 (the released per-checkpoint losses). Notebook 25.</remarks>
public sealed class LossTrajectory
{
    /// <summary>Creates the trajectory; the checkpoints are sorted by tokens (ties keep their order).</summary>
    /// <param name="model">The model's name (non-empty).</param>
    /// <param name="parameters">N. Range: 0 &lt; N &lt; ∞.</param>
    /// <param name="checkpoints">At least one checkpoint, each with finite positive tokens and loss.</param>
    public LossTrajectory(string model, double parameters, IReadOnlyList<TrainingCheckpoint> checkpoints)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        Guard.Positive(parameters);
        Guard.Finite(parameters);
        Guard.NotEmpty(checkpoints);
        for (int i = 0; i < checkpoints.Count; i++)
        {
            var c = checkpoints[i] ?? throw new ArgumentNullException(nameof(checkpoints), $"checkpoints[{i}] is null.");
            if (!(c.Tokens > 0 && double.IsFinite(c.Tokens)))
                throw new ArgumentOutOfRangeException(nameof(checkpoints), c.Tokens, $"checkpoints[{i}].Tokens = {c.Tokens}; allowed: 0 < tokens < ∞.");
            if (!(c.Loss > 0 && double.IsFinite(c.Loss)))
                throw new ArgumentOutOfRangeException(nameof(checkpoints), c.Loss, $"checkpoints[{i}].Loss = {c.Loss}; allowed: 0 < loss < ∞.");
        }
        Model = model;
        Parameters = parameters;
        Checkpoints = checkpoints.Select((c, i) => (c, i)).OrderBy(t => t.c.Tokens).ThenBy(t => t.i).Select(t => t.c).ToArray();
    }

    /// <summary>The model's name.</summary>
    public string Model { get; }

    /// <summary>N.</summary>
    public double Parameters { get; }

    /// <summary>The checkpoints, by increasing tokens.</summary>
    public IReadOnlyList<TrainingCheckpoint> Checkpoints { get; }

    /// <summary>The largest number of tokens seen (the end of the run as released).</summary>
    public double MaxTokens => Checkpoints[^1].Tokens;

    /// <summary>The loss at the last checkpoint.</summary>
    public double FinalLoss => Checkpoints[^1].Loss;
}

/// <summary>
/// A scaling family: models of one architecture and data, different sizes, each with its loss trajectory, sorted by
/// increasing parameter count. The largest is the target a scaling law is asked to predict.
/// </summary>
/// <remarks>Choshen, Zhang, Andreas 2024 (arXiv 2410.11840), Sec. 3 ("scaled set" in their code). Notebook 25.</remarks>
public sealed class TrajectoryFamily
{
    /// <summary>Creates the family; the models are sorted by N (ties keep their order).</summary>
    /// <param name="name">The family's name (non-empty).</param>
    /// <param name="models">At least one model; names must be distinct.</param>
    public TrajectoryFamily(string name, IReadOnlyList<LossTrajectory> models)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Guard.NotEmpty(models);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in models)
        {
            ArgumentNullException.ThrowIfNull(m, nameof(models));
            if (!names.Add(m.Model))
                throw new ArgumentException($"Model '{m.Model}' appears twice in family '{name}'.", nameof(models));
        }
        Name = name;
        Models = models.Select((m, i) => (m, i)).OrderBy(t => t.m.Parameters).ThenBy(t => t.i).Select(t => t.m).ToArray();
    }

    /// <summary>The family's name.</summary>
    public string Name { get; }

    /// <summary>The models by increasing N.</summary>
    public IReadOnlyList<LossTrajectory> Models { get; }

    /// <summary>The largest model (the target).</summary>
    public LossTrajectory Target => Models[^1];

    /// <summary>The model called <paramref name="model"/>.</summary>
    /// <param name="model">A model name of this family.</param>
    /// <exception cref="ArgumentException">No such model (the message lists the family's models).</exception>
    public LossTrajectory this[string model]
        => Models.FirstOrDefault(m => m.Model == model)
           ?? throw new ArgumentException($"Family '{Name}' has no model '{model}'; it has: {string.Join(", ", Models.Select(m => m.Model))}.", nameof(model));
}
