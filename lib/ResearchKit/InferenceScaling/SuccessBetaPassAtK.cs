using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// The beta-binomial model of pass@k in the <b>success</b>-probability convention of Kazdan, Schaeffer et al.: each
/// problem's single-attempt success probability U ~ Beta(a, b), and E[pass@k] = 1 − B(a, b + k)/B(a, b). For large
/// k, 1 − pass@k ≈ Γ(a+b)/Γ(b) · k^(−a): the exponent is a, set by the density of U near 0 (the hardest problems).
/// </summary>
/// <remarks>
/// Source: J. Kazdan, R. Schaeffer et al., "Efficient Prediction of Pass@k Scaling in Large Language Models",
/// arXiv 2510.05197, Eqs. 15–17 (beta-binomial likelihood) and the pass@k expectation. The mirror image in the failure
/// convention is <see cref="FailureBetaPassAtK"/> (Levi): a ↔ β, b ↔ α. Log-gamma form, stable for k up to 10⁴
/// and beyond. Used by notebooks 07 and 09.
/// </remarks>
public sealed class SuccessBetaPassAtK
{
    /// <summary>Creates the model.</summary>
    /// <param name="a">a, first shape of the success-probability Beta (density ∝ u^(a−1) near u = 0): the tail exponent. Range: a &gt; 0.</param>
    /// <param name="b">b, second shape. Range: b &gt; 0.</param>
    public SuccessBetaPassAtK(double a, double b)
    {
        Guard.Positive(a);
        Guard.Positive(b);
        A = a;
        B = b;
    }

    /// <summary>a, the first shape and the power-law exponent of 1 − pass@k.</summary>
    public double A { get; }

    /// <summary>b, the second shape.</summary>
    public double B { get; }

    /// <summary>The mean single-attempt success probability a/(a + b) = pass@1.</summary>
    public double MeanSuccess => A / (A + B);

    /// <summary>1 − pass@k = B(a, b + k)/B(a, b).</summary>
    /// <param name="k">k, attempts (real). Range: k ≥ 0.</param>
    public double Failure(double k)
    {
        Guard.NonNegative(k);
        return Math.Exp(BetaFunctions.LogBetaRatio(B, A, k));
    }

    /// <summary>E[pass@k] = 1 − B(a, b + k)/B(a, b).</summary>
    /// <param name="k">k, attempts (real). Range: k ≥ 0.</param>
    public double PassAtK(double k)
    {
        Guard.NonNegative(k);
        return -BetaFunctions.ExpMinusOne(BetaFunctions.LogBetaRatio(B, A, k));
    }

    /// <summary>The large-k form Γ(a+b)/Γ(b) · k^(−a).</summary>
    /// <param name="k">k. Range: k &gt; 0.</param>
    public double AsymptoticFailure(double k)
    {
        Guard.Positive(k);
        return Math.Exp(TailLogPrefactor - A * Math.Log(k));
    }

    /// <summary>ln[Γ(a+b)/Γ(b)], the log prefactor of the power-law tail.</summary>
    public double TailLogPrefactor
        => MathNet.Numerics.SpecialFunctions.GammaLn(A + B) - MathNet.Numerics.SpecialFunctions.GammaLn(B);

    /// <summary>The same distribution in the failure convention: p = 1 − U ~ Beta(α = b, β = a), A = 1.</summary>
    public FailureBetaPassAtK ToFailureConvention() => new(B, A);

    /// <inheritdoc />
    public override string ToString() => $"SuccessBeta(a = {A:G4}, b = {B:G4})";
}
