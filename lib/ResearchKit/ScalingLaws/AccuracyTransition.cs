namespace ResearchKit.ScalingLaws;

/// <summary>
/// Where and how fast exact-match accuracy Acc(N) = exp(−L·(N/c)^α) rises under <see cref="PerTokenLossLaw"/>:
/// Acc reaches a at N_a = c·(−ln a / L)^{1/α}, so log(−ln Acc) is linear in log N with slope α for every L, the
/// midpoint is N½ = c·(ln 2 / L)^{1/α}, and the 0.1 → 0.9 rise spans log₁₀(ln 10 / ln(10/9)) / |α| ≈ 1.339/|α|
/// decades of N whatever L: a longer target moves the rise to larger N by log₁₀(L)/|α| decades, it does not
/// narrow it.
/// </summary>
/// <param name="TargetLength">L, tokens in the target.</param>
/// <param name="Exponent">α of the law.</param>
/// <param name="Lower">N at which Acc = 0.1.</param>
/// <param name="Midpoint">N½, at which Acc = 0.5.</param>
/// <param name="Upper">N at which Acc = 0.9.</param>
/// <remarks>
/// Derived here from Sec. 2 of Schaeffer, Miranda, Koyejo 2023 (arXiv 2304.15004): Accuracy(N) ≈ exp(−(N/c)^α)^L.
/// The paper does not state these forms. Notebook 12.
/// </remarks>
public sealed record AccuracyTransition(int TargetLength, double Exponent, double Lower, double Midpoint, double Upper)
{
    /// <summary>log₁₀(ln 10 / ln(10/9)) = 1.3395…, the 0.1 → 0.9 width in decades times |α|.</summary>
    public static readonly double WidthTimesExponent = Math.Log10(Math.Log(10) / Math.Log(10.0 / 9.0));

    /// <summary>log₁₀(Upper/Lower) = 1.339/|α|, the decades of N over which Acc rises from 0.1 to 0.9.</summary>
    public double WidthDecades => Math.Log10(Upper) - Math.Log10(Lower);

    /// <summary>N at which the accuracy of an L-token target equals <paramref name="accuracy"/>: c·(−ln a / L)^{1/α}.</summary>
    /// <param name="law">The per-token law.</param>
    /// <param name="targetLength">L. Range: L ≥ 1.</param>
    /// <param name="accuracy">a. Range: 0 &lt; a &lt; 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public static double ParametersAtAccuracy(PerTokenLossLaw law, int targetLength, double accuracy)
    {
        ArgumentNullException.ThrowIfNull(law);
        Numerics.Guard.Positive(targetLength);
        Numerics.Guard.InOpenRange(accuracy, 0, 1);
        return law.ParametersAtCrossEntropy(-Math.Log(accuracy) / targetLength);
    }

    /// <summary>The transition of <paramref name="law"/> for L-token targets.</summary>
    /// <param name="law">The per-token law.</param>
    /// <param name="targetLength">L. Range: L ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetLength"/> &lt; 1.</exception>
    public static AccuracyTransition Of(PerTokenLossLaw law, int targetLength)
    {
        ArgumentNullException.ThrowIfNull(law);
        Numerics.Guard.Positive(targetLength);
        return new AccuracyTransition(targetLength, law.Exponent,
            ParametersAtAccuracy(law, targetLength, 0.1), ParametersAtAccuracy(law, targetLength, 0.5), ParametersAtAccuracy(law, targetLength, 0.9));
    }
}
