using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// The exponents of a power-law source/capacity task, λ_k ∝ k^(−α) and target power p_k = λ_k w̄_k² ∝ k^(−(1+2αr)),
/// held in one canonical pair (capacity α, source r) and readable in every paper's convention under an explicit name.
/// </summary>
/// <remarks>
/// The papers of this family use colliding letters (spec 13-16-23, "Names that collide"):
/// <list type="bullet">
/// <item>Atanasov et al. 2024 (13) and Ruben et al. 2024 (16): capacity α, source r (<see cref="Capacity"/>, <see cref="SourceR"/>).</item>
/// <item>Bordelon et al. 2024, ICML (15): λ_k = k^(−b), p_k = k^(−a) (<see cref="EigenvalueExponentB"/> = α, <see cref="TargetPowerExponentA"/> = 1 + 2αr).</item>
/// <item>Bordelon et al. 2024, ICLR 2025 (23): source β with Σ_{l&gt;k} p_l ∝ k^(−αβ) (<see cref="SourceBeta"/> = 2r); hard tasks β &lt; 1.</item>
/// <item>Bahri et al. 2021 (14): λ_i = i^(−(1+α_K)) (<see cref="KernelAlphaK"/> = α − 1).</item>
/// </list>
/// Range where the power series Σ p_k converges (infinite M): α &gt; 0 and r &gt; 0.
/// </remarks>
public sealed record PowerLawExponents
{
    /// <summary>Creates the exponents from the capacity/source pair of 13 and 16.</summary>
    /// <param name="capacity">Capacity α, λ_k ∝ k^(−α). Range: 0 &lt; α &lt; ∞.</param>
    /// <param name="sourceR">Source r, p_k ∝ k^(−(1+2αr)). Range: 0 &lt; r &lt; ∞ (Σ p_k converges).</param>
    public PowerLawExponents(double capacity, double sourceR)
    {
        Guard.Positive(capacity);
        Guard.Positive(sourceR);
        Capacity = capacity;
        SourceR = sourceR;
    }

    /// <summary>Capacity α of 13, 16 and 23: λ_k ∝ k^(−α).</summary>
    public double Capacity { get; }

    /// <summary>Source r of 13 and 16: p_k ∝ k^(−(1+2αr)).</summary>
    public double SourceR { get; }

    /// <summary>15's a: p_k = k^(−a), a = 1 + 2αr.</summary>
    public double TargetPowerExponentA => 1 + 2 * Capacity * SourceR;

    /// <summary>15's b: λ_k = k^(−b), b = α.</summary>
    public double EigenvalueExponentB => Capacity;

    /// <summary>23's source β = 2r = (a − 1)/b; hard tasks β &lt; 1.</summary>
    public double SourceBeta => 2 * SourceR;

    /// <summary>14's α_K with λ_i = i^(−(1+α_K)): α_K = α − 1 (may be ≤ 0 for α ≤ 1).</summary>
    public double KernelAlphaK => Capacity - 1;

    /// <summary>From 15's exponents λ_k = k^(−b), p_k = k^(−a).</summary>
    /// <param name="targetPowerExponentA">a. Range: 1 &lt; a &lt; ∞.</param>
    /// <param name="eigenvalueExponentB">b. Range: 0 &lt; b &lt; ∞.</param>
    public static PowerLawExponents FromDecay(double targetPowerExponentA, double eigenvalueExponentB)
    {
        Guard.Positive(eigenvalueExponentB);
        if (!(targetPowerExponentA > 1 && double.IsFinite(targetPowerExponentA)))
            throw new ArgumentOutOfRangeException(nameof(targetPowerExponentA), targetPowerExponentA,
                $"{nameof(targetPowerExponentA)} = {targetPowerExponentA:G6} is out of range; allowed: 1 < {nameof(targetPowerExponentA)} < ∞ (Σ k^(−a) converges).");
        return new PowerLawExponents(eigenvalueExponentB, (targetPowerExponentA - 1) / (2 * eigenvalueExponentB));
    }

    /// <summary>From 23's capacity α and source β (p_k ∝ k^(−αβ−1)).</summary>
    /// <param name="capacity">α. Range: 0 &lt; α &lt; ∞.</param>
    /// <param name="sourceBeta">β. Range: 0 &lt; β &lt; ∞.</param>
    public static PowerLawExponents FromSourceBeta(double capacity, double sourceBeta)
    {
        Guard.Positive(capacity);
        Guard.Positive(sourceBeta);
        return new PowerLawExponents(capacity, sourceBeta / 2);
    }

    /// <summary>From 14's α_K (λ_i = i^(−(1+α_K))) with an isotropic teacher (w̄_i² constant), i.e. r = α_K/(2(1+α_K)).</summary>
    /// <param name="kernelAlphaK">α_K. Range: 0 &lt; α_K &lt; ∞.</param>
    public static PowerLawExponents FromKernelAlphaK(double kernelAlphaK)
    {
        Guard.Positive(kernelAlphaK);
        double capacity = 1 + kernelAlphaK;
        return new PowerLawExponents(capacity, kernelAlphaK / (2 * capacity));
    }
}
