using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// The renormalised ridge κ of a spectrum: the root of κ·(1 − Df₁(κ)/P)·(1 − Df₁(κ)/N) = λ with
/// Df₁(κ) = Σ_k λ_k/(λ_k + κ) (N = ∞ for plain ridge regression).
/// </summary>
/// <remarks>
/// <para>Atanasov, Zavatone-Veth &amp; Pehlevan 2024 (arXiv:2405.00592): ridge κ(1 − q·df₁) = λ with q·df₁ = Df₁/P;
/// linear random features κ₂(1 − q·df₁)(N/D − df₁) = λ₁₃, i.e. this equation at λ = λ₁₃·D/N
/// (<see cref="RidgeConvention"/>). Ruben et al. 2024 (arXiv:2412.05418): κ₂(1 − Df₁/P)(1 − Df₁/N) = λ₁₆/P.
/// Notebooks 13–16.</para>
/// <para>Method: ln κ + ln(1 − Df₁/P) + ln(1 − Df₁/N) − ln λ is strictly increasing on Df₁ &lt; min(P, N) (each term
/// increases with κ), so the root is unique. It is bracketed by [λ, λ + Σλ_k(1/P + 1/N)] and found by Newton steps on
/// F(κ) = κ(1 − Df₁/P)(1 − Df₁/N) − λ from the upper end (F′ = (1 − Df₁/P)(1 − Df₁/N) + (Df₁ − Df₂)((1 − Df₁/N)/P +
/// (1 − Df₁/P)/N)) that fall back to bisection whenever a step leaves the bracket; for ridge F is convex and Newton
/// descends monotonically (6–10 steps on power laws). Ridgeless (λ = 0): κ = 0 when M ≤ min(P, N), otherwise the root of
/// Df₁(κ) = min(P, N) (the limit λ → 0⁺ from the over-parameterised side), found the same way on ln min(P,N) − ln Df₁.</para>
/// </remarks>
public static class RenormalizedRidge
{
    private const int MaxIterations = 200;

    /// <summary>κ for ridge regression (N = ∞) or linear random features with N features.</summary>
    /// <param name="eigenvalues">λ_k, the population spectrum. Range: each finite and &gt; 0 (any order).</param>
    /// <param name="sampleSize">P. Range: 1 ≤ P &lt; ∞ (need not be an integer on a theory curve).</param>
    /// <param name="ridge">λ in the per-sample convention of <see cref="RidgeConvention"/>. Range: 0 ≤ λ &lt; ∞.</param>
    /// <param name="features">N, or +∞ for plain ridge regression. Range: 1 ≤ N ≤ ∞.</param>
    public static double Solve(IReadOnlyList<double> eigenvalues, double sampleSize, double ridge, double features = double.PositiveInfinity)
    {
        Guard.AllFinite(eigenvalues);
        var values = eigenvalues.ToArray();
        for (int k = 0; k < values.Length; k++)
            if (!(values[k] > 0))
                throw new ArgumentException(FormattableString.Invariant(
                    $"eigenvalues[{k}] = {values[k]:G6} is out of range; allowed: every eigenvalue finite and > 0."), nameof(eigenvalues));
        ValidateSizes(sampleSize, ridge, features);
        return SolveUnchecked(values, sampleSize, ridge, features);
    }

    internal static void ValidateSizes(double sampleSize, double ridge, double features)
    {
        Guard.InRange(sampleSize, 1, double.MaxValue, nameof(sampleSize));
        Guard.NonNegative(ridge, nameof(ridge));
        if (!(features >= 1))
            throw new ArgumentOutOfRangeException(nameof(features), features,
                FormattableString.Invariant($"features = {features:G6} is out of range; allowed: 1 ≤ features ≤ ∞."));
    }

    /// <summary>Df₁ = Σ λ/(λ+κ) and Df₂ = Σ λ²/(λ+κ)² at κ.</summary>
    /// <remarks>
    /// Compiled optimised from the first call (<see cref="System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization"/>):
    /// a grid of a hundred solves is over before tiered compilation would replace the unoptimised first version, whose
    /// vector arithmetic is several times slower. The arithmetic and its order are the same either way.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static (double Df1, double Df2) DegreesOfFreedom(double[] eigenvalues, double kappa)
    {
        int width = System.Numerics.Vector<double>.Count, k = 0;
        var s1 = System.Numerics.Vector<double>.Zero;
        var s2 = System.Numerics.Vector<double>.Zero;
        var kv = new System.Numerics.Vector<double>(kappa);
        var span = eigenvalues.AsSpan();
        for (; k <= eigenvalues.Length - width; k += width)
        {
            var e = new System.Numerics.Vector<double>(span.Slice(k, width));
            var f = e / (e + kv);
            s1 += f;
            s2 += f * f;
        }
        double d1 = System.Numerics.Vector.Sum(s1), d2 = System.Numerics.Vector.Sum(s2);
        for (; k < eigenvalues.Length; k++)
        {
            double f = eigenvalues[k] / (eigenvalues[k] + kappa);
            d1 += f;
            d2 += f * f;
        }
        return (d1, d2);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static double SolveUnchecked(double[] eigenvalues, double p, double ridge, double n)
    {
        double bottleneck = Math.Min(p, n);
        int modes = eigenvalues.Length;
        double trace = 0;
        for (int k = 0; k < modes; k++) trace += eigenvalues[k];

        if (ridge == 0)
        {
            if (modes <= bottleneck) return 0;
            // Df₁(κ) = B: g(u) = ln B − ln Df₁(e^u) increasing; g′ = (Df₁ − Df₂)/Df₁.
            double hiU = Math.Log(trace / bottleneck); // Df₁ ≤ trace/κ = B there, so g ≥ 0
            double loU = hiU;
            for (int i = 0; i < 400; i++)
            {
                loU -= Math.Log(10);
                if (DegreesOfFreedom(eigenvalues, Math.Exp(loU)).Df1 > bottleneck) break;
                if (i == 399 || Math.Exp(loU) == 0)
                    throw new InvalidOperationException("RenormalizedRidge: no lower bracket for the ridgeless κ (spectrum spans more than the double range).");
            }
            return Math.Exp(Newton(loU, hiU, u =>
            {
                var (d1, d2) = DegreesOfFreedom(eigenvalues, Math.Exp(u));
                return (Math.Log(bottleneck) - Math.Log(d1), (d1 - d2) / d1);
            }));
        }

        // λ > 0: F(κ) = κ(1 − Df₁/P)(1 − Df₁/N) − λ, increasing on the root's side, F(λ) ≤ 0 ≤ F(λ + Σλ_k(1/P + 1/N)).
        // For ridge (N = ∞) F is convex (F″ = (2/P)Σλ²/(λ+κ)³), so Newton from the upper end descends monotonically;
        // for random features the bracket safeguards it.
        double lo = ridge;
        double hi = ridge + trace * (1 / p + (double.IsPositiveInfinity(n) ? 0 : 1 / n));
        double kappa = hi;
        bool finiteN = !double.IsPositiveInfinity(n);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (d1, d2) = DegreesOfFreedom(eigenvalues, kappa);
            double next;
            if (!(d1 < bottleneck))
            {
                lo = kappa;
                next = 0.5 * (lo + hi);
            }
            else
            {
                double a = 1 - d1 / p, b = finiteN ? 1 - d1 / n : 1;
                double f = kappa * a * b - ridge;
                if (f == 0) return kappa;
                if (f > 0) hi = kappa; else lo = kappa;
                double slope = a * b + (d1 - d2) * (b / p + (finiteN ? a / n : 0));
                next = kappa - f / slope;
                if (f < 0 && !finiteN) return kappa; // convex F: below the root only by rounding
                if (Math.Abs(next - kappa) <= 1e-14 * kappa && next >= lo && next <= hi) return next;
                if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            }
            if (Math.Abs(next - kappa) <= 1e-14 * kappa || hi - lo <= 1e-15 * hi) return next;
            kappa = next;
        }
        throw new InvalidOperationException(FormattableString.Invariant(
            $"RenormalizedRidge: no convergence in {MaxIterations} iterations (bracket κ ∈ [{lo:G6}, {hi:G6}])."));
    }

    /// <summary>
    /// κ₂ for linear random features with structured columns (<see cref="FeatureCovariance"/>): the root of
    /// κ₂·(1 − Df₁/P)·(Df₁·κ_F/N) = λ, where κ_F solves Σ_j η_j/(η_j + κ_F) = Df₁(κ₂).
    /// </summary>
    /// <remarks>
    /// For η_j ≡ 1, Df₁·κ_F/N = 1 − Df₁/N and this is the equation of <see cref="Solve"/>. The factor Df₁·κ_F is the
    /// S-transform factor of the authors' solve_kappa2_structured (Pehlevan-Group/S_transform: df₁·κ_F(df₁·D/N), with
    /// κ_F from kappa_inv). Each factor increases with κ₂, so ln of the left side is increasing: bisection in ln κ₂.
    /// λ = 0: Df₁(κ₂) = min(P, N), as for white features.
    /// </remarks>
    internal static double SolveStructuredUnchecked(double[] eigenvalues, double p, double ridge, FeatureCovariance features)
    {
        int n = features.Features;
        double floor = SolveUnchecked(eigenvalues, p, 0, n);
        if (ridge == 0) return floor;
        double H(double u)
        {
            double kappa = Math.Exp(u);
            var (d1, _) = DegreesOfFreedom(eigenvalues, kappa);
            if (!(d1 < p) || !(d1 < n)) return double.NegativeInfinity;
            var (kf, _) = features.AtDegreesOfFreedom(d1);
            double g = d1 * kf / n;
            if (!(g > 0)) return double.NegativeInfinity;
            return u + Math.Log(1 - d1 / p) + Math.Log(g) - Math.Log(ridge);
        }
        double lo = floor > 0 ? Math.Log(floor) : Math.Log(ridge) - 1;
        for (int i = 0; floor == 0 && H(lo) > 0; i++)
        {
            lo -= Math.Log(10);
            if (i > 400) throw new InvalidOperationException("RenormalizedRidge: no lower bracket for the structured κ₂.");
        }
        double hi = Math.Max(lo, Math.Log(ridge)) + 1;
        for (int i = 0; !(H(hi) > 0); i++)
        {
            hi += Math.Log(10);
            if (i > 400) throw new InvalidOperationException("RenormalizedRidge: no upper bracket for the structured κ₂.");
        }
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            double mid = 0.5 * (lo + hi);
            if (H(mid) > 0) hi = mid; else lo = mid;
            if (hi - lo <= 1e-13) break;
        }
        return Math.Exp(0.5 * (lo + hi));
    }

    /// <summary>Safeguarded Newton on an increasing h(u) with h(lo) ≤ 0 ≤ h(hi); h = −∞ marks u below the domain.</summary>
    private static double Newton(double lo, double hi, Func<double, (double H, double Slope)> h)
    {
        double u = hi;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (value, slope) = h(u);
            if (value == 0) return u;
            if (value > 0) hi = u; else lo = u;
            double next = u - value / slope;
            if (double.IsFinite(value) && Math.Abs(next - u) <= 1e-14 * Math.Max(1, Math.Abs(u)) && next >= lo && next <= hi)
                return next;
            if (!(next > lo && next < hi) || !double.IsFinite(value))
                next = 0.5 * (lo + hi);
            if (Math.Abs(next - u) <= 1e-14 * Math.Max(1, Math.Abs(u)) || hi - lo <= 1e-15 * Math.Max(1, Math.Abs(u)))
                return next;
            u = next;
        }
        throw new InvalidOperationException(FormattableString.Invariant(
            $"RenormalizedRidge: no convergence in {MaxIterations} iterations (bracket ln κ ∈ [{lo:G6}, {hi:G6}])."));
    }
}
