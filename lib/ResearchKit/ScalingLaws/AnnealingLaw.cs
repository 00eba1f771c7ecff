using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// Tissue et al.'s loss curve under a learning-rate schedule: L(s) = L₀ + A·S₁(s)^−α − C·S₂(s), with S₁ the forward area
/// and S₂ the annealing area of the schedule (<see cref="LearningRateSchedule"/>).
/// </summary>
/// <param name="IrreducibleLoss">L₀. Range: finite.</param>
/// <param name="Coefficient">A. Range: A ≥ 0.</param>
/// <param name="Exponent">α. Range: α &gt; 0.</param>
/// <param name="AnnealingCoefficient">C. Range: C ≥ 0.</param>
/// <remarks>Tissue, Wang, Wang 2024 (arXiv 2408.11029), Eq. 1 (abstract). Notebook 24.</remarks>
public sealed record AnnealingLaw(double IrreducibleLoss, double Coefficient, double Exponent, double AnnealingCoefficient)
{
    /// <summary>L(s) for s = 1 … T under <paramref name="schedule"/>.</summary>
    /// <param name="schedule">η_i; the first rate must be &gt; 0 so that S₁ &gt; 0.</param>
    /// <param name="decay">λ of the annealing area. Range: 0 ≤ λ &lt; 1.</param>
    public double[] Evaluate(LearningRateSchedule schedule, double decay = 0.999)
    {
        Guard.NotNull(schedule);
        Guard.Finite(IrreducibleLoss, nameof(IrreducibleLoss));
        Guard.NonNegative(Coefficient, nameof(Coefficient));
        Guard.Positive(Exponent, nameof(Exponent));
        Guard.NonNegative(AnnealingCoefficient, nameof(AnnealingCoefficient));
        Guard.Positive(schedule.Rates[0], "schedule.Rates[0]");
        var s1 = schedule.ForwardArea();
        var s2 = schedule.AnnealingArea(decay);
        return s1.Select((a, i) => IrreducibleLoss + Coefficient * Math.Pow(a, -Exponent) - AnnealingCoefficient * s2[i]).ToArray();
    }
}
