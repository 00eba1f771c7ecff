using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// One loss curve under a learning-rate schedule: the losses L observed at some steps s of <see cref="Schedule"/>, the
/// data of an annealing-law fit (<see cref="AnnealingLawFit"/>).
/// </summary>
/// <remarks>Tissue, Wang, Wang 2024 (arXiv 2408.11029) fit every point of one or two such curves. Notebook 24.</remarks>
public sealed class AnnealingCurve
{
    private readonly int[] steps;
    private readonly double[] losses;

    /// <summary>Creates a curve.</summary>
    /// <param name="name">A label (e.g. the schedule's name). Range: not null.</param>
    /// <param name="schedule">The schedule the run followed.</param>
    /// <param name="steps">Steps s (1-based) at which the loss was observed. Range: non-empty, each 1 ≤ s ≤ T; repeats allowed.</param>
    /// <param name="losses">L(s), one per step. Range: same length, each &gt; 0 and finite.</param>
    public AnnealingCurve(string name, LearningRateSchedule schedule, IReadOnlyList<int> steps, IReadOnlyList<double> losses)
    {
        Guard.NotNull(name);
        Guard.NotNull(schedule);
        Guard.NotEmpty(steps);
        Guard.NotNull(losses);
        Guard.SameLength(losses.Count, steps.Count, nameof(losses), nameof(steps));
        for (int i = 0; i < steps.Count; i++)
        {
            Guard.InRange(steps[i], 1, schedule.Steps, $"{nameof(steps)}[{i}]");
            Guard.Positive(losses[i], $"{nameof(losses)}[{i}]");
        }
        Name = name;
        Schedule = schedule;
        this.steps = steps.ToArray();
        this.losses = losses.ToArray();
    }

    /// <summary>The label.</summary>
    public string Name { get; }

    /// <summary>The schedule.</summary>
    public LearningRateSchedule Schedule { get; }

    /// <summary>The observed steps (1-based).</summary>
    public IReadOnlyList<int> Steps => steps;

    /// <summary>The observed losses.</summary>
    public IReadOnlyList<double> Losses => losses;

    /// <summary>Number of observations.</summary>
    public int Count => steps.Length;

    /// <summary>S₁ and S₂ at the observed steps.</summary>
    /// <param name="decay">λ. Range: 0 ≤ λ &lt; 1.</param>
    /// <param name="warmup">How warm-up enters the areas.</param>
    public (double[] Forward, double[] Annealing) AreasAtSteps(double decay = 0.999, WarmupTreatment warmup = WarmupTreatment.AsPeakRate)
    {
        var s1 = Schedule.ForwardArea(warmup);
        var s2 = Schedule.AnnealingArea(decay, warmup);
        return (steps.Select(s => s1[s - 1]).ToArray(), steps.Select(s => s2[s - 1]).ToArray());
    }

    /// <summary>The same schedule and steps with other losses (e.g. a noisy copy).</summary>
    /// <param name="newLosses">One loss per step, each &gt; 0.</param>
    public AnnealingCurve WithLosses(IReadOnlyList<double> newLosses) => new(Name, Schedule, steps, newLosses);
}
