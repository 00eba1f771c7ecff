using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// Levi's memorising ansatz in the <b>failure</b>-probability convention: each problem fails a single attempt with
/// probability p ~ Beta(α, β), attempts are independent, and the benchmark's pass@k is
/// A·[1 − E(p^k)] with E(p^k) = B(α + k, β)/B(α, β). For large k, E(p^k) ≈ Γ(α+β)/Γ(α) · k^(−β): the failure
/// ("inference loss") decays as a power law with exponent β, set by the density of p near 1 (the hardest problems).
/// </summary>
/// <remarks>
/// <para>
/// Source: N. Levi, "A Simple Model of Inference Scaling Laws", arXiv 2410.16377 (ICML 2025), Sec. 3; the prefactor
/// A (maximal pass@k) follows the project's spec [D]: the stored copies of the paper did not let us confirm where A
/// enters, so A = 1 (no prefactor) is the default and the fits report A separately.
/// The mirror image in the success convention is <see cref="SuccessBetaPassAtK"/> (Kazdan et al.): α ↔ b, β ↔ a.
/// Evaluated in log-gamma form, so k up to 10⁴ and beyond is stable. Used by notebooks 06 and 07.
/// </para>
/// </remarks>
public sealed class FailureBetaPassAtK
{
    /// <summary>Creates the model.</summary>
    /// <param name="alpha">α, first shape of the failure-probability Beta (density ∝ p^(α−1) near p = 0). Range: α &gt; 0.</param>
    /// <param name="beta">β, second shape (density ∝ (1 − p)^(β−1) near p = 1): the tail exponent. Range: β &gt; 0.</param>
    /// <param name="ceiling">A, the maximal pass@k as k → ∞. Range: 0 &lt; A ≤ 1; default 1.</param>
    public FailureBetaPassAtK(double alpha, double beta, double ceiling = 1)
    {
        Guard.Positive(alpha);
        Guard.Positive(beta);
        Guard.InRange(ceiling, double.Epsilon, 1);
        Alpha = alpha;
        Beta = beta;
        Ceiling = ceiling;
    }

    /// <summary>α, the first shape of the failure-probability Beta.</summary>
    public double Alpha { get; }

    /// <summary>β, the second shape and the power-law exponent of the failure.</summary>
    public double Beta { get; }

    /// <summary>A, the maximal pass@k.</summary>
    public double Ceiling { get; }

    /// <summary>E(p^k) = B(α + k, β)/B(α, β), the probability that k independent attempts all fail (before A).</summary>
    /// <param name="k">k, attempts (real). Range: k ≥ 0.</param>
    public double ExpectedFailure(double k)
    {
        Guard.NonNegative(k);
        return Math.Exp(BetaFunctions.LogBetaRatio(Alpha, Beta, k));
    }

    /// <summary>pass@k = A·[1 − E(p^k)].</summary>
    /// <param name="k">k, attempts (real). Range: k ≥ 0.</param>
    public double PassAtK(double k) => Ceiling * -BetaFunctions.ExpMinusOne(BetaFunctions.LogBetaRatio(Alpha, Beta, CheckK(k)));

    /// <summary>1 − pass@k = 1 − A + A·E(p^k).</summary>
    /// <param name="k">k, attempts (real). Range: k ≥ 0.</param>
    public double Failure(double k) => 1 - Ceiling + Ceiling * ExpectedFailure(k);

    /// <summary>The large-k form of E(p^k): Γ(α+β)/Γ(α) · k^(−β).</summary>
    /// <param name="k">k. Range: k &gt; 0.</param>
    public double AsymptoticExpectedFailure(double k)
    {
        Guard.Positive(k);
        return Math.Exp(TailLogPrefactor - Beta * Math.Log(k));
    }

    /// <summary>ln[Γ(α+β)/Γ(α)], the log prefactor of the power-law tail.</summary>
    public double TailLogPrefactor
        => MathNet.Numerics.SpecialFunctions.GammaLn(Alpha + Beta) - MathNet.Numerics.SpecialFunctions.GammaLn(Alpha);

    /// <summary>The same distribution in the success convention: success probability 1 − p ~ Beta(a = β, b = α).</summary>
    /// <exception cref="InvalidOperationException">A ≠ 1 (the success-convention model has no prefactor).</exception>
    public SuccessBetaPassAtK ToSuccessConvention()
    {
        if (Ceiling != 1)
            throw new InvalidOperationException($"Ceiling A = {Ceiling} ≠ 1 has no counterpart in the success convention.");
        return new SuccessBetaPassAtK(Beta, Alpha);
    }

    /// <inheritdoc />
    public override string ToString() => $"FailureBeta(α = {Alpha:G4}, β = {Beta:G4}, A = {Ceiling:G4})";

    private static double CheckK(double k)
    {
        Guard.NonNegative(k);
        return k;
    }
}
