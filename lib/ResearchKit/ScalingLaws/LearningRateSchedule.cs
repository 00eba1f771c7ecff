using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// A learning-rate schedule η₁, …, η_T (one rate per optimiser step) with the two areas of Tissue et al.'s annealing law:
/// the forward area S₁(s) = Σ_{i≤s} η_i and the annealing area S₂(s) = Σ_{i≤s} m_i, with momentum
/// m_i = λ·m_{i−1} + (η_{i−1} − η_i) and m₁ = 0.
/// </summary>
/// <remarks>
/// Tissue, Wang, Wang 2024 (arXiv 2408.11029), abstract and Sec. 3: L(s) = L₀ + A·S₁^−α − C·S₂, λ typically 0.999.
/// m₁ = 0 (no rate before the first step) is our reading; a third-party reproduction (zkshan2002/ScalingLaw) sets
/// m₀ = η₀, which adds ≈ η₀/(1 − λ) to S₂ even at constant η. Warm-up: pass the schedule from the end of warm-up if the
/// warm-up should not enter S₁ and S₂ (during warm-up η rises, so its m_i are negative). Notebook 24.
/// </remarks>
public sealed class LearningRateSchedule
{
    private readonly double[] rates;

    /// <summary>Creates a schedule.</summary>
    /// <param name="rates">η_i, one per step. Range: non-empty, every η_i ≥ 0 and finite.</param>
    /// <exception cref="ArgumentException">Empty, or an η_i negative, NaN or infinite (the message names the step).</exception>
    public LearningRateSchedule(IReadOnlyList<double> rates)
    {
        Guard.AllFinite(rates);
        for (int i = 0; i < rates.Count; i++)
            Guard.NonNegative(rates[i], $"{nameof(rates)}[{i}]");
        this.rates = rates.ToArray();
    }

    /// <summary>T, the number of steps.</summary>
    public int Steps => rates.Length;

    /// <summary>η_i for steps 1 … T (index 0 is step 1).</summary>
    public IReadOnlyList<double> Rates => rates;

    /// <summary>A constant rate η for <paramref name="steps"/> steps.</summary>
    /// <param name="rate">η. Range: η ≥ 0.</param>
    /// <param name="steps">T. Range: ≥ 1.</param>
    public static LearningRateSchedule Constant(double rate, int steps)
    {
        Guard.NonNegative(rate);
        Guard.Positive(steps);
        return new LearningRateSchedule(Enumerable.Repeat(rate, steps).ToArray());
    }

    /// <summary>Cosine decay from η_max to η_min over T steps: η_i = η_min + (η_max − η_min)(1 + cos(π(i−1)/(T−1)))/2.</summary>
    /// <param name="maxRate">η_max. Range: ≥ 0.</param>
    /// <param name="minRate">η_min. Range: 0 ≤ η_min ≤ η_max.</param>
    /// <param name="steps">T. Range: ≥ 2.</param>
    public static LearningRateSchedule Cosine(double maxRate, double minRate, int steps)
    {
        Guard.NonNegative(maxRate);
        Guard.InRange(minRate, 0, maxRate);
        Guard.AtLeast(steps, 2);
        return new LearningRateSchedule(Enumerable.Range(0, steps)
            .Select(i => minRate + (maxRate - minRate) * 0.5 * (1 + Math.Cos(Math.PI * i / (steps - 1)))).ToArray());
    }

    /// <summary>S₁(s) for s = 1 … T (element s − 1).</summary>
    public double[] ForwardArea()
    {
        var s1 = new double[rates.Length];
        double sum = 0;
        for (int i = 0; i < rates.Length; i++)
            s1[i] = sum += rates[i];
        return s1;
    }

    /// <summary>S₂(s) for s = 1 … T (element s − 1).</summary>
    /// <param name="decay">λ, the momentum of the annealing area. Range: 0 ≤ λ &lt; 1. Default 0.999 (Tissue et al.).</param>
    public double[] AnnealingArea(double decay = 0.999)
    {
        Guard.InRange(decay, 0, 1);
        if (!(decay < 1))
            throw new ArgumentOutOfRangeException(nameof(decay), decay, $"decay = {decay} is out of range; allowed: 0 ≤ decay < 1.");
        var s2 = new double[rates.Length];
        double m = 0, sum = 0;
        for (int i = 0; i < rates.Length; i++)
        {
            if (i > 0)
                m = decay * m + (rates[i - 1] - rates[i]);
            s2[i] = sum += m;
        }
        return s2;
    }
}
