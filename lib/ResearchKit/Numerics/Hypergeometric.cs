using System.Numerics;
using MathNet.Numerics;

namespace ResearchKit.Numerics;

/// <summary>
/// The regularised confluent hypergeometric limit function ₀F̃₁(; b; z) = Σₖ zᵏ / (k! Γ(b + k)) for real z ≥ 0,
/// plainly and scaled by e^(−2√z) so that products with decaying exponentials do not overflow.
/// </summary>
/// <remarks>
/// Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441) Eq. 9 writes the training loss of the linear teacher–student model
/// with ₀F̃₁(2; 16η₀²t²λ). Used in notebooks 02 and 04.
/// </remarks>
public static class Hypergeometric
{
    // Below this argument the power series converges in a few dozen terms without cancellation (all terms are
    // positive); above it the Bessel-function representation z^((1−b)/2) I_{b−1}(2√z) is used.
    private const double SeriesLimit = 25.0;

    /// <summary>₀F̃₁(; b; z), the regularised confluent hypergeometric limit function.</summary>
    /// <param name="b">Lower parameter b. Range: b &gt; 0.</param>
    /// <param name="z">Argument z. Range: z ≥ 0, finite.</param>
    /// <returns>The function value (may be +∞ for very large z; use <see cref="Regularized0F1Scaled"/> then).</returns>
    public static double Regularized0F1(double b, double z)
    {
        Guard.Positive(b);
        Guard.NonNegative(z);
        double scaled = Regularized0F1Scaled(b, z);
        return scaled * Math.Exp(2 * Math.Sqrt(z));
    }

    /// <summary>e^(−2√z) · ₀F̃₁(; b; z): finite for every finite z ≥ 0.</summary>
    /// <param name="b">Lower parameter b. Range: b &gt; 0.</param>
    /// <param name="z">Argument z. Range: z ≥ 0, finite.</param>
    public static double Regularized0F1Scaled(double b, double z)
    {
        Guard.Positive(b);
        Guard.NonNegative(z);
        if (z <= SeriesLimit)
            return Series(b, z) * Math.Exp(-2 * Math.Sqrt(z));
        double x = 2 * Math.Sqrt(z);
        // I_ν(x)·e^(−x) from MathNet's scaled modified Bessel function; ₀F̃₁(b; z) = z^((1−b)/2) I_{b−1}(2√z).
        double besselScaled = SpecialFunctions.BesselIScaled(b - 1, new Complex(x, 0)).Real;
        if (!double.IsFinite(besselScaled))
            besselScaled = LargeArgumentBesselIScaled(b - 1, x, b, z);
        return Math.Pow(z, (1 - b) / 2) * besselScaled;
    }

    // MathNet's scaled Bessel function returns NaN for x ≳ 1.3e9. There the Hankel expansion
    // e^(−x) I_ν(x) ~ (2πx)^(−1/2) Σ_k (−1)^k a_k(ν)/x^k, a_k = Π_{j=1..k} (4ν² − (2j − 1)²) / (k! 8^k), converges to
    // full precision in a few terms unless ν² is comparable to x.
    private static double LargeArgumentBesselIScaled(double nu, double x, double b, double z)
    {
        double mu = 4 * nu * nu, term = 1, sum = 1;
        for (int k = 1; k < 60; k++)
        {
            double next = -term * (mu - (2 * k - 1) * (2.0 * k - 1)) / (k * 8 * x);
            if (Math.Abs(next) >= Math.Abs(term))
                break; // the asymptotic series has started to diverge
            term = next;
            sum += term;
            if (Math.Abs(term) < 1e-17 * Math.Abs(sum))
                return sum / Math.Sqrt(2 * Math.PI * x);
        }
        throw new ArgumentOutOfRangeException(nameof(b), b,
            FormattableString.Invariant($"b = {b:G6} at z = {z:G6}: beyond MathNet's Bessel range (2√z > 1.3e9) the large-argument series did not converge; allowed there: (b − 1)² well below 2√z = {2 * Math.Sqrt(z):G3}."));
    }

    private static double Series(double b, double z)
    {
        double term = 1.0 / SpecialFunctions.Gamma(b);
        double sum = term;
        for (int k = 1; k < 500; k++)
        {
            term *= z / (k * (b + k - 1));
            sum += term;
            if (term < 1e-17 * sum)
                break;
        }
        return sum;
    }
}
