using ResearchKit.Numerics;
using ResearchKit.ScalingLaws;

namespace ResearchKit.SolvableModels;

/// <summary>A loss curve of <see cref="PowerLawSgdRegression"/>: population losses at the requested steps.</summary>
/// <param name="Steps">The steps s (1-based), increasing.</param>
/// <param name="Losses">L(w_s) = ½Σλ_k(w_{s,k} − w*_k)² + ½σ² after step s.</param>
public sealed record SgdLossCurve(IReadOnlyList<int> Steps, IReadOnlyList<double> Losses);

/// <summary>
/// Online mini-batch SGD on a linear regression whose feature covariance has a power-law spectrum, under any
/// learning-rate schedule: x_k = √λ_k·z_k with independent random signs z_k = ±1 (so E xxᵀ = diag λ), λ_k = κ_k^−a with
/// κ_k = 1 + (k − 1)/k₀
/// (k = 1 … d), y = x·w* + σε with a random sign ε, w*_k = κ_k^{−(b−a)/2} so that mode k starts with loss ½κ_k^−b; w₀ = 0;
/// each step draws a fresh batch of B samples and takes
/// w ← w − η_s·(1/B)Σ x(x·w − y). The population loss L(w) = ½Σλ_k(w_k − w*_k)² + ½σ² is computed exactly after each
/// requested step, so a curve's only randomness is SGD's.
/// </summary>
/// <remarks>
/// The workbook's synthetic truth for Tissue, Wang, Wang 2024 (arXiv 2408.11029), notebook 24: a model whose loss
/// depends on the whole schedule (the bias of mode k falls like Π(1 − η_iλ_k)², the SGD-noise floor follows the current η
/// with a lag of ≈ 1/(2ηλ_k) steps), not a model from the paper. <see cref="ExpectedLoss"/> is the exact mean over SGD's
/// noise: with c_k = E(w_k − w*_k)² and E z⁴ = 1 for signs,
/// c_k ← c_k[1 − 2ηλ_k + η²(1 − 1/B)λ_k²] + (η²/B)λ_k(Σ_j λ_j c_j + σ²)
/// (for Gaussian z, E z⁴ = 3, the factor would be 1 + 1/B). Random signs rather than Gaussian features are our choice:
/// Gaussian features make rare samples with large |x|² and so loss spikes of 10–20 % at rates a tenth of the stable
/// bound, which swamp the few-per-cent effect of annealing. The offset k₀ (k₀ = 1: λ_k = k^−a) spreads the top of the
/// spectrum over ≈ k₀ modes: SGD's loss fluctuation relative to the annealing gain is ≈ √(2Σλ²)/Σλ whatever η and B, and
/// it falls like 1/√k₀.
/// </remarks>
public sealed class PowerLawSgdRegression
{
    private readonly double[] eigenvalues, target, sqrtEigenvalues;

    /// <summary>Creates the model.</summary>
    /// <param name="dimension">d. Range: ≥ 1.</param>
    /// <param name="spectrumExponent">a in λ_k = k^−a. Range: &gt; 0.</param>
    /// <param name="targetExponent">b: mode k starts with loss ½k^−b. Range: &gt; 0.</param>
    /// <param name="noise">σ, the label-noise standard deviation. Range: ≥ 0.</param>
    /// <param name="batchSize">B. Range: ≥ 1.</param>
    /// <param name="spectrumOffset">k₀ in κ_k = 1 + (k − 1)/k₀. Range: ≥ 1. Default 1.</param>
    public PowerLawSgdRegression(int dimension, double spectrumExponent, double targetExponent, double noise, int batchSize, double spectrumOffset = 1)
    {
        if (!(spectrumOffset >= 1 && double.IsFinite(spectrumOffset)))
            throw new ArgumentOutOfRangeException(nameof(spectrumOffset), spectrumOffset, $"spectrumOffset = {spectrumOffset} is out of range; allowed: 1 ≤ spectrumOffset < ∞.");
        Guard.Positive(dimension);
        Guard.Positive(spectrumExponent);
        Guard.Positive(targetExponent);
        Guard.NonNegative(noise);
        Guard.Positive(batchSize);
        Dimension = dimension;
        SpectrumExponent = spectrumExponent;
        TargetExponent = targetExponent;
        Noise = noise;
        BatchSize = batchSize;
        SpectrumOffset = spectrumOffset;
        var kappa = Enumerable.Range(1, dimension).Select(k => 1 + (k - 1) / spectrumOffset).ToArray();
        eigenvalues = kappa.Select(x => Math.Pow(x, -spectrumExponent)).ToArray();
        sqrtEigenvalues = eigenvalues.Select(Math.Sqrt).ToArray();
        target = kappa.Select(x => Math.Pow(x, -(targetExponent - spectrumExponent) / 2)).ToArray();
    }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>a.</summary>
    public double SpectrumExponent { get; }

    /// <summary>b.</summary>
    public double TargetExponent { get; }

    /// <summary>σ.</summary>
    public double Noise { get; }

    /// <summary>B.</summary>
    public int BatchSize { get; }

    /// <summary>k₀.</summary>
    public double SpectrumOffset { get; }

    /// <summary>λ_k, k = 1 … d.</summary>
    public IReadOnlyList<double> Eigenvalues => eigenvalues;

    /// <summary>The loss at w = 0: ½Σ_k κ_k^−b + ½σ².</summary>
    public double InitialLoss => 0.5 * Enumerable.Range(0, Dimension).Sum(k => eigenvalues[k] * target[k] * target[k]) + 0.5 * Noise * Noise;

    /// <summary>
    /// The largest constant rate for which the expected loss stays bounded: the mean dynamics are stable when every
    /// mode contracts and the noise feedback Σ_k (η²/B)λ_k²/(2ηλ_k − η²(1 − 1/B)λ_k²) stays below 1; returned by bisection.
    /// </summary>
    public double StableRateBound()
    {
        double q = 1 - 1.0 / BatchSize;
        double lo = 0, hi = q > 0 ? 2 / (q * eigenvalues[0]) : 2 * BatchSize / eigenvalues.Sum();
        for (int it = 0; it < 100; it++)
        {
            double eta = 0.5 * (lo + hi);
            double feedback = 0;
            bool ok = true;
            foreach (double l in eigenvalues)
            {
                double den = 2 * eta * l - eta * eta * q * l * l;
                if (!(den > 0)) { ok = false; break; }
                feedback += eta * eta / BatchSize * l * l / den;
            }
            if (ok && feedback < 1) lo = eta; else hi = eta;
        }
        return lo;
    }

    /// <summary>One SGD run under <paramref name="schedule"/>, recording the population loss after each of <paramref name="steps"/>.</summary>
    /// <param name="schedule">η_s for s = 1 … T (its warm-up, if any, is run as scheduled).</param>
    /// <param name="steps">Steps to record, strictly increasing, each in 1 … T.</param>
    /// <param name="seed">The seed of the run's batches.</param>
    /// <exception cref="ArithmeticException">The loss overflowed (a rate beyond <see cref="StableRateBound"/>).</exception>
    public SgdLossCurve Simulate(LearningRateSchedule schedule, IReadOnlyList<int> steps, int seed)
    {
        CheckSteps(schedule, steps);
        var random = new Random(seed);
        int d = Dimension, b = BatchSize;
        var error = new double[d];              // e = w − w*
        for (int k = 0; k < d; k++)
            error[k] = -target[k];
        var signs = new double[d];
        var gradient = new double[d];
        var losses = new double[steps.Count];
        int next = 0;
        for (int s = 1; s <= steps[^1]; s++)
        {
            Array.Clear(gradient);
            for (int i = 0; i < b; i++)
            {
                double residual = 0;             // x·e − σε with x_k = √λ_k z_k, z_k = ±1
                ulong bits = 0;
                for (int k = 0; k < d; k++)
                {
                    if ((k & 63) == 0)
                        bits = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
                    double x = (bits & 1) == 0 ? sqrtEigenvalues[k] : -sqrtEigenvalues[k];
                    bits >>= 1;
                    signs[k] = x;
                    residual += x * error[k];
                }
                residual -= random.Next(2) == 0 ? Noise : -Noise;
                for (int k = 0; k < d; k++)
                    gradient[k] += residual * signs[k];
            }
            double step = schedule.Rates[s - 1] / b;
            for (int k = 0; k < d; k++)
                error[k] -= step * gradient[k];
            if (s == steps[next])
            {
                losses[next] = Loss(error);
                if (!double.IsFinite(losses[next]))
                    throw new ArithmeticException($"The loss overflowed at step {s} (η = {schedule.Rates[s - 1]}); stable constant rates are below {StableRateBound():G4}.");
                next++;
            }
        }
        return new SgdLossCurve(steps.ToArray(), losses);
    }

    /// <summary>
    /// The mean of <paramref name="runs"/> independent SGD runs (seeds derived from <paramref name="seed"/> and the run's
    /// index), run in parallel; the result does not depend on the thread count.
    /// </summary>
    /// <param name="schedule">η_s for s = 1 … T.</param>
    /// <param name="steps">Steps to record, strictly increasing.</param>
    /// <param name="runs">Number of runs. Range: ≥ 1.</param>
    /// <param name="seed">The root seed.</param>
    /// <param name="maxDegreeOfParallelism">Most threads; null = all cores.</param>
    public SgdLossCurve SimulateMean(LearningRateSchedule schedule, IReadOnlyList<int> steps, int runs, int seed, int? maxDegreeOfParallelism = null)
    {
        CheckSteps(schedule, steps);
        Guard.Positive(runs);
        var curves = Sweep.Run(runs, seed, (r, _) => Simulate(schedule, steps, SeedSequence.Derive(seed, r)), maxDegreeOfParallelism);
        var mean = new double[steps.Count];
        foreach (var c in curves)
            for (int i = 0; i < mean.Length; i++)
                mean[i] += c.Losses[i] / runs;
        return new SgdLossCurve(steps.ToArray(), mean);
    }

    /// <summary>The expected loss E L(w_s) over SGD's noise after each of <paramref name="steps"/> (exact for the random-sign features).</summary>
    /// <param name="schedule">η_s for s = 1 … T.</param>
    /// <param name="steps">Steps to record, strictly increasing, each in 1 … T.</param>
    public SgdLossCurve ExpectedLoss(LearningRateSchedule schedule, IReadOnlyList<int> steps)
    {
        CheckSteps(schedule, steps);
        int d = Dimension;
        double inv = 1.0 / BatchSize, noise2 = Noise * Noise;
        var c = target.Select(t => t * t).ToArray();
        var losses = new double[steps.Count];
        int next = 0;
        for (int s = 1; s <= steps[^1]; s++)
        {
            double eta = schedule.Rates[s - 1], weighted = noise2;
            for (int k = 0; k < d; k++)
                weighted += eigenvalues[k] * c[k];
            for (int k = 0; k < d; k++)
            {
                double l = eigenvalues[k];
                c[k] = c[k] * (1 - 2 * eta * l + eta * eta * (1 - inv) * l * l) + eta * eta * inv * l * weighted;
            }
            if (s == steps[next])
            {
                double loss = 0.5 * noise2;
                for (int k = 0; k < d; k++)
                    loss += 0.5 * eigenvalues[k] * c[k];
                losses[next++] = loss;
            }
        }
        return new SgdLossCurve(steps.ToArray(), losses);
    }

    private double Loss(double[] error)
    {
        double loss = 0.5 * Noise * Noise;
        for (int k = 0; k < error.Length; k++)
            loss += 0.5 * eigenvalues[k] * error[k] * error[k];
        return loss;
    }

    private static void CheckSteps(LearningRateSchedule schedule, IReadOnlyList<int> steps)
    {
        Guard.NotNull(schedule);
        Guard.NotEmpty(steps);
        for (int i = 0; i < steps.Count; i++)
        {
            Guard.InRange(steps[i], 1, schedule.Steps, $"{nameof(steps)}[{i}]");
            if (i > 0 && steps[i] <= steps[i - 1])
                throw new ArgumentException($"steps[{i}] = {steps[i]} does not exceed steps[{i - 1}] = {steps[i - 1]}; allowed: strictly increasing.", nameof(steps));
        }
    }
}
