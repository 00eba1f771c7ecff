using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>How a power-law task is scaled.</summary>
public enum PowerLawNormalization
{
    /// <summary>λ_k = k^(−α) exactly and Σ_k p_k = 1 (13's spectrum; unit target variance is our choice).</summary>
    UnitTargetVariance,

    /// <summary>Σ_k λ_k = 1 and Σ_k p_k = 1 (16's code: Σσ = 1, Σσw̄² = 1).</summary>
    UnitTrace,

    /// <summary>λ_k = k^(−α) and p_k = k^(−(1+2αr)) exactly (15's λ_k = k^(−b), p_k = k^(−a)).</summary>
    None,
}

/// <summary>Power-law source/capacity tasks truncated at M modes.</summary>
/// <remarks>
/// λ_k ∝ k^(−α), w̄_k ∝ k^(−(1+α(2r−1))/2), so p_k ∝ k^(−(1+2αr)) (Atanasov et al. 2024, arXiv:2405.00592, §5;
/// Ruben et al. 2024, arXiv:2412.05418, §3; Bordelon et al. 2024, arXiv:2402.01092, Eq. 13). See
/// <see cref="PowerLawExponents"/> for each paper's letters. Notebooks 13–16, 23.
/// </remarks>
public static class PowerLawTask
{
    /// <summary>The task with exponents <paramref name="exponents"/>, truncated at <paramref name="modes"/> modes.</summary>
    /// <param name="modes">M, number of modes kept. Range: ≥ 1.</param>
    /// <param name="exponents">Capacity α and source r (in any paper's letters through the factories of <see cref="PowerLawExponents"/>).</param>
    /// <param name="normalization">How λ and w̄ are scaled.</param>
    public static LinearTask Create(int modes, PowerLawExponents exponents, PowerLawNormalization normalization = PowerLawNormalization.UnitTargetVariance)
    {
        Guard.Positive(modes);
        Guard.NotNull(exponents);
        double alpha = exponents.Capacity, a = exponents.TargetPowerExponentA;
        var lambda = new double[modes];
        var power = new double[modes];
        for (int k = 0; k < modes; k++)
        {
            lambda[k] = Math.Pow(k + 1, -alpha);
            power[k] = Math.Pow(k + 1, -a);
        }
        if (normalization == PowerLawNormalization.UnitTrace)
        {
            double trace = lambda.Sum();
            for (int k = 0; k < modes; k++) lambda[k] /= trace;
        }
        if (normalization != PowerLawNormalization.None)
        {
            double total = power.Sum();
            for (int k = 0; k < modes; k++) power[k] /= total;
        }
        var w = new double[modes];
        for (int k = 0; k < modes; k++)
            w[k] = Math.Sqrt(power[k] / lambda[k]);
        return new LinearTask(lambda, w, FormattableString.Invariant($"power law α = {alpha:0.###}, r = {exponents.SourceR:0.###}"));
    }

    /// <summary>The isotropic task: M equal eigenvalues 1 and equal weights with Σ w̄² = 1 (13's unstructured regression).</summary>
    /// <param name="modes">M = D. Range: ≥ 1.</param>
    public static LinearTask Isotropic(int modes)
    {
        Guard.Positive(modes);
        var lambda = Enumerable.Repeat(1.0, modes).ToArray();
        var w = Enumerable.Repeat(1 / Math.Sqrt(modes), modes).ToArray();
        return new LinearTask(lambda, w, "isotropic");
    }
}
