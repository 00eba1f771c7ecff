using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// A no-repetition reference law in compute, L(C) = E + K·C^−γ, and the compute-equivalent accounting built on it:
/// the clean compute C*(L) = (K/(L − E))^{1/γ} that reaches a loss L, the Compute-Equivalent Gain CEG = C*(L)/C and
/// the Compute-Equivalent Loss CEL = 1 − CEG.
/// </summary>
/// <remarks>
/// Chudnovsky, Kazdan, Levi, Schaeffer et al. 2026, "Internal Data Repetition Destroys Language Models"
/// (arXiv 2606.24998), Eqs. (6)–(7) as read in secondary course notes on v1 (the project spec's [S] source): the law is
/// fitted to six clean runs at OT = 1, and when both runs sit on it CEG = ((L_base − E)/(L_rep − E))^{1/γ}. Notebook 11.
/// </remarks>
public sealed record CleanComputeLaw
{
    /// <summary>A law L(C) = E + K·C^−γ.</summary>
    /// <param name="irreducibleLoss">E. Range: finite.</param>
    /// <param name="coefficient">K. Range: finite, &gt; 0.</param>
    /// <param name="exponent">γ. Range: finite, &gt; 0.</param>
    public CleanComputeLaw(double irreducibleLoss, double coefficient, double exponent)
    {
        Guard.Finite(irreducibleLoss);
        Guard.Positive(coefficient);
        Guard.Positive(exponent);
        Guard.Finite(coefficient);
        Guard.Finite(exponent);
        IrreducibleLoss = irreducibleLoss;
        Coefficient = coefficient;
        Exponent = exponent;
    }

    /// <summary>The paper's fit to its six clean Qwen3-style runs: E = 2.365, K = 6.647·10⁵, γ = 0.317 (Eq. 6, secondary source).</summary>
    public static CleanComputeLaw Chudnovsky2026 { get; } = new(2.365, 6.647e5, 0.317);

    /// <summary>E, the loss floor.</summary>
    public double IrreducibleLoss { get; }

    /// <summary>K.</summary>
    public double Coefficient { get; }

    /// <summary>γ.</summary>
    public double Exponent { get; }

    /// <summary>L(C) = E + K·C^−γ.</summary>
    /// <param name="compute">C in FLOP. Range: finite, &gt; 0.</param>
    public double Loss(double compute)
    {
        Guard.Positive(compute);
        Guard.Finite(compute);
        return IrreducibleLoss + Coefficient * Math.Pow(compute, -Exponent);
    }

    /// <summary>C*(L) = (K/(L − E))^{1/γ}, the clean compute that reaches loss L.</summary>
    /// <param name="loss">L. Range: finite, &gt; E.</param>
    public double ComputeFor(double loss)
    {
        RequireAboveFloor(loss, nameof(loss));
        return Math.Pow(Coefficient / (loss - IrreducibleLoss), 1 / Exponent);
    }

    /// <summary>CEG = C*(L)/C: the share of the spent compute that a clean run would have needed for the same loss.</summary>
    /// <param name="loss">The run's loss L. Range: finite, &gt; E.</param>
    /// <param name="compute">The compute the run spent. Range: finite, &gt; 0.</param>
    public double ComputeEquivalentGain(double loss, double compute)
    {
        Guard.Positive(compute);
        Guard.Finite(compute);
        return ComputeFor(loss) / compute;
    }

    /// <summary>CEL = 1 − CEG.</summary>
    /// <param name="loss">The run's loss L. Range: finite, &gt; E.</param>
    /// <param name="compute">The compute the run spent. Range: finite, &gt; 0.</param>
    public double ComputeEquivalentLoss(double loss, double compute) => 1 - ComputeEquivalentGain(loss, compute);

    /// <summary>
    /// The reducible loss L_rep − E of a run with the given CEG at a budget whose clean loss is L(C):
    /// (L(C) − E)·CEG^−γ (the inverse of CEG = ((L(C) − E)/(L_rep − E))^{1/γ}).
    /// </summary>
    /// <param name="gain">CEG. Range: finite, &gt; 0.</param>
    /// <param name="compute">C. Range: finite, &gt; 0.</param>
    public double ReducibleLossAtGain(double gain, double compute)
    {
        Guard.Positive(gain);
        Guard.Finite(gain);
        return (Loss(compute) - IrreducibleLoss) * Math.Pow(gain, -Exponent);
    }

    /// <summary>
    /// The amplifier L/((L − E)·γ): how many per cent of compute one per cent of total loss costs near L
    /// (−d ln C*/d ln L).
    /// </summary>
    /// <param name="loss">L. Range: finite, &gt; E.</param>
    public double Amplifier(double loss)
    {
        RequireAboveFloor(loss, nameof(loss));
        return loss / ((loss - IrreducibleLoss) * Exponent);
    }

    private void RequireAboveFloor(double loss, string name)
    {
        Guard.Finite(loss, name);
        if (!(loss > IrreducibleLoss))
            throw new ArgumentOutOfRangeException(name, loss, FormattableString.Invariant(
                $"{name} = {loss:G6} is not above the floor E = {IrreducibleLoss:G6}; allowed: L > E."));
    }
}
