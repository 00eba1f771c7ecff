using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>How the warm-up steps of a schedule enter the areas S₁ and S₂ of Tissue et al.'s annealing law.</summary>
public enum WarmupTreatment
{
    /// <summary>
    /// The authors' choice: every warm-up step counts as if it ran at the peak rate, so warm-up adds η_max per step to S₁
    /// and nothing to S₂ (the authors' fitting script: "we compute S1 and S2 regarding lr as max_lr in warmup stages (but
    /// linear warmup in real training)", citing Sec. 3.4 of the paper). The default.
    /// </summary>
    AsPeakRate,

    /// <summary>The rates as scheduled: the rising warm-up rates enter S₁ as they are and their increases enter S₂ as negative momentum.</summary>
    AsScheduled,

    /// <summary>Warm-up steps enter neither area: S₁ and S₂ start counting at the first step after warm-up (both are 0 before).</summary>
    Excluded,
}

/// <summary>
/// A learning-rate schedule η₁, …, η_T (one rate per optimiser step, the first <see cref="WarmupSteps"/> of them a
/// warm-up) with the two areas of Tissue et al.'s annealing law: the forward area S₁(s) = Σ_{i≤s} η_i and the annealing
/// area S₂(s) = Σ_{i≤s} m_i, with momentum m_i = λ·m_{i−1} + (η_{i−1} − η_i) and m₁ = 0.
/// </summary>
/// <remarks>
/// Tissue, Wang, Wang 2024 (arXiv 2408.11029), abstract and Sec. 3: L(s) = L₀ + A·S₁^−α − C·S₂, λ = 0.999 (the decay
/// factor of the authors' fitting script). m₁ = 0 as in that script (its momentum array starts at 0); a third-party
/// reproduction (zkshan2002/ScalingLaw) sets m₁ = η₁ instead, which adds ≈ η₁/(1 − λ) to S₂ even at constant η.
/// How warm-up enters the areas is a <see cref="WarmupTreatment"/>; the default is the authors' (warm-up at the peak
/// rate). Notebook 24.
/// </remarks>
public sealed class LearningRateSchedule
{
    private readonly double[] rates;

    /// <summary>Creates a schedule.</summary>
    /// <param name="rates">η_i, one per step. Range: non-empty, every η_i ≥ 0 and finite.</param>
    /// <param name="warmupSteps">How many of the first steps are a warm-up. Range: 0 ≤ W &lt; T.</param>
    /// <exception cref="ArgumentException">Empty, or an η_i negative, NaN or infinite (the message names the step).</exception>
    public LearningRateSchedule(IReadOnlyList<double> rates, int warmupSteps = 0)
    {
        Guard.AllFinite(rates);
        for (int i = 0; i < rates.Count; i++)
            Guard.NonNegative(rates[i], $"{nameof(rates)}[{i}]");
        Guard.InRange(warmupSteps, 0, rates.Count - 1);
        this.rates = rates.ToArray();
        WarmupSteps = warmupSteps;
    }

    /// <summary>T, the number of steps.</summary>
    public int Steps => rates.Length;

    /// <summary>W, the number of warm-up steps at the start of the schedule.</summary>
    public int WarmupSteps { get; }

    /// <summary>η_i for steps 1 … T (index 0 is step 1).</summary>
    public IReadOnlyList<double> Rates => rates;

    /// <summary>The peak rate max_i η_i.</summary>
    public double PeakRate => rates.Max();

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
        return new LearningRateSchedule(CosineRamp(maxRate, minRate, steps));
    }

    /// <summary>
    /// Warmup-stable-decay without its warm-up (add one with <see cref="WithLinearWarmup"/>): η_max for the first
    /// (1 − f)·T steps, then a cosine decay to η_min over the last f·T steps (rounded to whole steps, at least 2).
    /// </summary>
    /// <param name="maxRate">η_max. Range: ≥ 0.</param>
    /// <param name="minRate">η_min. Range: 0 ≤ η_min ≤ η_max.</param>
    /// <param name="steps">T. Range: ≥ 4.</param>
    /// <param name="decayFraction">f, the share of steps in the decay. Range: 0 &lt; f &lt; 1.</param>
    /// <remarks>The cosine shape of the decay is our choice (MiniCPM's WSD decays exponentially, others linearly).</remarks>
    public static LearningRateSchedule WarmupStableDecay(double maxRate, double minRate, int steps, double decayFraction)
    {
        Guard.NonNegative(maxRate);
        Guard.InRange(minRate, 0, maxRate);
        Guard.AtLeast(steps, 4);
        Guard.InOpenRange(decayFraction, 0, 1);
        int decay = Math.Clamp((int)Math.Round(decayFraction * steps), 2, steps - 1);
        var r = new double[steps];
        Array.Fill(r, maxRate, 0, steps - decay);
        CosineRamp(maxRate, minRate, decay).CopyTo(r, steps - decay);
        return new LearningRateSchedule(r);
    }

    /// <summary>
    /// A multi-step schedule: η_max·factor_j from the step at fraction boundary_j of T on (factor 1 before the first
    /// boundary). DeepSeek LLM's 80 % / 10 % / 10 % schedule is boundaries (0.8, 0.9), factors (1/√10, 1/10).
    /// </summary>
    /// <param name="maxRate">η_max. Range: ≥ 0.</param>
    /// <param name="steps">T. Range: ≥ 2.</param>
    /// <param name="boundaries">Fractions of T where the rate drops. Range: strictly increasing in (0, 1).</param>
    /// <param name="factors">The rate after each boundary as a multiple of η_max. Range: same length, each in [0, 1].</param>
    public static LearningRateSchedule MultiStep(double maxRate, int steps, IReadOnlyList<double> boundaries, IReadOnlyList<double> factors)
    {
        Guard.NonNegative(maxRate);
        Guard.AtLeast(steps, 2);
        Guard.NotEmpty(boundaries);
        Guard.SameLength(factors.Count, boundaries.Count, nameof(factors), nameof(boundaries));
        for (int j = 0; j < boundaries.Count; j++)
        {
            Guard.InOpenRange(boundaries[j], j == 0 ? 0 : boundaries[j - 1], 1, $"{nameof(boundaries)}[{j}]");
            Guard.InRange(factors[j], 0, 1, $"{nameof(factors)}[{j}]");
        }
        var r = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            double factor = 1;
            for (int j = 0; j < boundaries.Count; j++)
                if (i >= boundaries[j] * steps)
                    factor = factors[j];
            r[i] = maxRate * factor;
        }
        return new LearningRateSchedule(r);
    }

    /// <summary>
    /// This schedule preceded by a linear warm-up of <paramref name="warmupSteps"/> steps rising to its first rate:
    /// η_i = η₁·i/W for i = 1 … W, then this schedule. The result's <see cref="WarmupSteps"/> is W (plus any warm-up this
    /// schedule already had).
    /// </summary>
    /// <param name="warmupSteps">W. Range: ≥ 1.</param>
    public LearningRateSchedule WithLinearWarmup(int warmupSteps)
    {
        Guard.Positive(warmupSteps);
        double peak = rates[0];
        var r = new double[warmupSteps + rates.Length];
        for (int i = 0; i < warmupSteps; i++)
            r[i] = peak * (i + 1) / warmupSteps;
        rates.CopyTo(r, warmupSteps);
        return new LearningRateSchedule(r, warmupSteps + WarmupSteps);
    }

    /// <summary>The rates S₁ and S₂ are summed over under <paramref name="warmup"/> (0 for excluded warm-up steps).</summary>
    /// <param name="warmup">How warm-up enters the areas.</param>
    public double[] EffectiveRates(WarmupTreatment warmup = WarmupTreatment.AsPeakRate)
    {
        var r = rates.ToArray();
        if (WarmupSteps == 0 || warmup == WarmupTreatment.AsScheduled)
            return r;
        double fill = warmup == WarmupTreatment.AsPeakRate ? rates.Take(WarmupSteps + 1).Max() : 0;
        Array.Fill(r, fill, 0, WarmupSteps);
        return r;
    }

    /// <summary>S₁(s) for s = 1 … T (element s − 1).</summary>
    /// <param name="warmup">How warm-up enters S₁ (default: at the peak rate, as the authors do).</param>
    public double[] ForwardArea(WarmupTreatment warmup = WarmupTreatment.AsPeakRate)
    {
        var r = EffectiveRates(warmup);
        var s1 = new double[r.Length];
        double sum = 0;
        for (int i = 0; i < r.Length; i++)
            s1[i] = sum += r[i];
        return s1;
    }

    /// <summary>S₂(s) for s = 1 … T (element s − 1).</summary>
    /// <param name="decay">λ, the momentum of the annealing area. Range: 0 ≤ λ &lt; 1. Default 0.999 (Tissue et al.).</param>
    /// <param name="warmup">How warm-up enters S₂ (default: at the peak rate, i.e. no annealing during warm-up).</param>
    public double[] AnnealingArea(double decay = 0.999, WarmupTreatment warmup = WarmupTreatment.AsPeakRate)
    {
        Guard.InRange(decay, 0, 1);
        if (!(decay < 1))
            throw new ArgumentOutOfRangeException(nameof(decay), decay, $"decay = {decay} is out of range; allowed: 0 ≤ decay < 1.");
        var r = EffectiveRates(warmup);
        int first = warmup == WarmupTreatment.Excluded ? WarmupSteps : 0;
        var s2 = new double[r.Length];
        double m = 0, sum = 0;
        for (int i = first; i < r.Length; i++)
        {
            if (i > first)
                m = decay * m + (r[i - 1] - r[i]);
            s2[i] = sum += m;
        }
        return s2;
    }

    private static double[] CosineRamp(double maxRate, double minRate, int steps) => Enumerable.Range(0, steps)
        .Select(i => minRate + (maxRate - minRate) * 0.5 * (1 + Math.Cos(Math.PI * i / (steps - 1)))).ToArray();
}
