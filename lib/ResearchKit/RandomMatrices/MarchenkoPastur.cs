using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// The Marchenko–Pastur law: the limiting eigenvalue density of Σ_M = XᵀX/M for M samples of d uncorrelated
/// features of variance σ², as d, M → ∞ with γ = d/M fixed.
/// </summary>
/// <remarks>
/// ρ(λ) = √((λ₊ − λ)(λ − λ₋)) / (2π σ² γ λ) on [λ₋, λ₊], λ± = σ²(1 ± √γ)². For γ &gt; 1 a fraction 1 − 1/γ of the
/// eigenvalues sits at 0; <see cref="Density"/> is the continuous part (it integrates to min(1, 1/γ)) and
/// <see cref="Cdf"/> includes the atom. Marchenko &amp; Pastur (1967); the UGD reference of Levi &amp; Oz
/// (arXiv 2306.14975 v3, Sec. 3). Used by notebook 01.
/// </remarks>
public sealed class MarchenkoPastur
{
    /// <summary>Creates the law for ratio γ and variance σ².</summary>
    /// <param name="ratio">γ = d/M. Range: γ &gt; 0.</param>
    /// <param name="variance">σ², the population variance of each feature. Range: σ² &gt; 0.</param>
    public MarchenkoPastur(double ratio, double variance = 1)
    {
        Guard.Positive(ratio);
        Guard.Positive(variance);
        Ratio = ratio;
        Variance = variance;
    }

    /// <summary>γ = d/M.</summary>
    public double Ratio { get; }

    /// <summary>σ².</summary>
    public double Variance { get; }

    /// <summary>λ₋ = σ²(1 − √γ)².</summary>
    public double LowerEdge => Variance * Math.Pow(1 - Math.Sqrt(Ratio), 2);

    /// <summary>λ₊ = σ²(1 + √γ)².</summary>
    public double UpperEdge => Variance * Math.Pow(1 + Math.Sqrt(Ratio), 2);

    /// <summary>Mass of the atom at λ = 0: max(0, 1 − 1/γ).</summary>
    public double AtomAtZero => Math.Max(0, 1 - 1 / Ratio);

    /// <summary>The continuous density ρ(λ); 0 outside [λ₋, λ₊].</summary>
    /// <param name="lambda">λ. Range: finite.</param>
    public double Density(double lambda)
    {
        Guard.Finite(lambda);
        double a = LowerEdge, b = UpperEdge;
        if (lambda <= a || lambda >= b || lambda <= 0) return 0;
        return Math.Sqrt((b - lambda) * (lambda - a)) / (2 * Math.PI * Variance * Ratio * lambda);
    }

    /// <summary>The distribution function F(λ) = P(eigenvalue ≤ λ), including the atom at 0 when γ &gt; 1.</summary>
    /// <param name="lambda">λ. Range: finite.</param>
    /// <remarks>Integrated numerically after the substitution λ = c − h cos θ (c, h the centre and half-width of the
    /// support), which turns the square-root edges into a smooth integrand; composite Simpson with 2000 panels.</remarks>
    public double Cdf(double lambda)
    {
        Guard.Finite(lambda);
        if (lambda < 0) return 0;
        double atom = AtomAtZero;
        double a = LowerEdge, b = UpperEdge;
        if (lambda <= a) return atom;
        if (lambda >= b) return 1;
        double c = 0.5 * (a + b), h = 0.5 * (b - a);
        double thetaMax = Math.Acos(Math.Clamp((c - lambda) / h, -1, 1));
        const int panels = 2000;
        double step = thetaMax / panels, sum = 0;
        for (int k = 0; k <= panels; k++)
        {
            double theta = k * step;
            // x written as (c − h) + 2h sin²(θ/2) keeps its accuracy near the lower edge; at γ = 1 (c = h) the
            // integrand at θ = 0 is the limit 0/0 = 2h/(2πσ²γ).
            double half = Math.Sin(theta / 2);
            double x = (c - h) + 2 * h * half * half;
            double s = Math.Sin(theta);
            double f = x > 0 ? h * h * s * s / (2 * Math.PI * Variance * Ratio * x) : 2 * h / (2 * Math.PI * Variance * Ratio);
            sum += f * (k == 0 || k == panels ? 1 : k % 2 == 1 ? 4 : 2);
        }
        return atom + sum * step / 3;
    }
}
