using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// The per-token cross-entropy power law of Schaeffer, Miranda and Koyejo's mathematical model,
/// 𝓛_CE(N) = (N/c)^α with c &gt; 0 and α &lt; 0, and the per-token probability of the correct token it implies,
/// p(N) = exp(−𝓛_CE(N)).
/// </summary>
/// <remarks>
/// Schaeffer, Miranda, Koyejo 2023, "Are Emergent Abilities of Large Language Models a Mirage?" (arXiv 2304.15004),
/// Sec. 2 and Fig. 2A–B. The paper gives the form, not the constants of its Fig. 2; notebook 12 reads them off the
/// figure. Scored with <see cref="SequenceMetrics"/>; the accuracy transition it implies is
/// <see cref="AccuracyTransition"/>. Notebook 12.
/// </remarks>
public sealed class PerTokenLossLaw
{
    /// <summary>Creates the law 𝓛_CE(N) = (N/c)^α.</summary>
    /// <param name="scale">c, the parameter count at which 𝓛_CE = 1 nat. Range: 0 &lt; c &lt; ∞.</param>
    /// <param name="exponent">α, the power-law exponent. Range: −∞ &lt; α &lt; 0 (the loss falls with N).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range (the message names it and the value).</exception>
    public PerTokenLossLaw(double scale, double exponent)
    {
        Guard.Positive(scale);
        if (!(exponent < 0 && double.IsFinite(exponent)))
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent,
                $"exponent = {exponent.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)} is out of range; allowed: −∞ < exponent < 0 (α < 0, Sec. 2).");
        Scale = scale;
        Exponent = exponent;
    }

    /// <summary>c, the parameter count at which the per-token cross entropy is 1 nat.</summary>
    public double Scale { get; }

    /// <summary>α &lt; 0, the exponent of the power law.</summary>
    public double Exponent { get; }

    /// <summary>𝓛_CE(N) = (N/c)^α, in nats per token.</summary>
    /// <param name="parameters">N, the number of model parameters. Range: 0 &lt; N &lt; ∞.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parameters"/> not positive and finite.</exception>
    public double CrossEntropy(double parameters)
    {
        Guard.Positive(parameters);
        return Math.Exp(Exponent * (Math.Log(parameters) - Math.Log(Scale)));
    }

    /// <summary>p(N) = exp(−𝓛_CE(N)), the probability that one token is correct (Sec. 2, Fig. 2B).</summary>
    /// <param name="parameters">N. Range: 0 &lt; N &lt; ∞.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parameters"/> not positive and finite.</exception>
    public double TokenProbability(double parameters) => Math.Exp(-CrossEntropy(parameters));

    /// <summary>The parameter count at which 𝓛_CE(N) equals <paramref name="crossEntropy"/>: N = c·𝓛^{1/α}.</summary>
    /// <param name="crossEntropy">𝓛, nats per token. Range: 0 &lt; 𝓛 &lt; ∞.</param>
    /// <returns>N; +∞ or 0 where the power overflows or underflows the double range.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="crossEntropy"/> not positive and finite.</exception>
    public double ParametersAtCrossEntropy(double crossEntropy)
    {
        Guard.Positive(crossEntropy);
        return Scale * Math.Exp(Math.Log(crossEntropy) / Exponent);
    }

    /// <summary>The 0.1 → 0.9 transition of exact-match accuracy p^L for targets of <paramref name="targetLength"/> tokens.</summary>
    /// <param name="targetLength">L, tokens in the target. Range: L ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetLength"/> &lt; 1.</exception>
    public AccuracyTransition Transition(int targetLength) => AccuracyTransition.Of(this, targetLength);

    /// <summary>
    /// Fits 𝓛_CE = (N/c)^α by least squares of ln 𝓛 on ln N (a straight line on the log–log axes of Fig. 2A).
    /// </summary>
    /// <param name="parameters">N of each model. Range: each 0 &lt; N &lt; ∞; at least three, not all equal.</param>
    /// <param name="crossEntropies">𝓛_CE of each model, same length. Range: each 0 &lt; 𝓛 &lt; ∞.</param>
    /// <returns>The law, the slope's standard error and the residuals in decades.</returns>
    /// <exception cref="ArgumentException">Fewer than three points, different lengths, all N equal, a non-positive or non-finite value, or a fitted slope that is not negative.</exception>
    public static PerTokenLossFit Fit(IReadOnlyList<double> parameters, IReadOnlyList<double> crossEntropies)
    {
        Guard.NotEmpty(parameters);
        Guard.NotEmpty(crossEntropies);
        Guard.SameLength(crossEntropies.Count, parameters.Count, nameof(crossEntropies), nameof(parameters));
        if (parameters.Count < 3)
            throw new ArgumentException($"parameters has {parameters.Count} points; allowed: at least 3 (a line and its standard error).", nameof(parameters));
        var lx = new double[parameters.Count];
        var ly = new double[parameters.Count];
        for (int i = 0; i < lx.Length; i++)
        {
            if (!(parameters[i] > 0 && double.IsFinite(parameters[i])))
                throw new ArgumentOutOfRangeException(nameof(parameters), parameters[i], $"parameters[{i}] = {parameters[i]} is out of range; allowed: 0 < N < ∞.");
            if (!(crossEntropies[i] > 0 && double.IsFinite(crossEntropies[i])))
                throw new ArgumentOutOfRangeException(nameof(crossEntropies), crossEntropies[i], $"crossEntropies[{i}] = {crossEntropies[i]} is out of range; allowed: 0 < 𝓛 < ∞.");
            lx[i] = Math.Log10(parameters[i]);
            ly[i] = Math.Log10(crossEntropies[i]);
        }
        var line = PowerLaws.LogLogLine.Fit(lx, ly, nameof(parameters));
        if (!(line.Slope < 0))
            throw new ArgumentException($"The fitted exponent α = {line.Slope:G6} is not negative; the law needs 𝓛_CE falling with N.", nameof(crossEntropies));
        // log10 𝓛 = α (log10 N − log10 c)  ⇒  log10 c = −intercept/α.
        double scale = Math.Pow(10, -line.Intercept / line.Slope);
        return new PerTokenLossFit(new PerTokenLossLaw(scale, line.Slope), line.SlopeStandardError, line.RSquared, line.Residuals);
    }
}

/// <summary>A least-squares fit of <see cref="PerTokenLossLaw"/> on log–log axes.</summary>
/// <param name="Law">The fitted law (c, α).</param>
/// <param name="ExponentStandardError">The OLS standard error of α.</param>
/// <param name="RSquared">R² of log₁₀ 𝓛 on log₁₀ N.</param>
/// <param name="ResidualsDecades">log₁₀ 𝓛 − fitted, per point, in decades.</param>
public sealed record PerTokenLossFit(PerTokenLossLaw Law, double ExponentStandardError, double RSquared, IReadOnlyList<double> ResidualsDecades)
{
    /// <summary>The largest |residual| in decades.</summary>
    public double MaxAbsResidualDecades => ResidualsDecades.Max(Math.Abs);
}
