using System.Numerics;

namespace ResearchKit.Numerics;

/// <summary>
/// Numerical inversion of Laplace transforms on the fixed Talbot contour (Abate &amp; Valkó 2004, Int. J. Numer. Meth.
/// Engng 60, 979): f(t) ≈ Σ_k Re[c_k F(s_k)] with s_0 = r, s_k = rθ_k(cot θ_k + i), θ_k = kπ/M, r = 2M/(5t),
/// c_0 = (r/2M)e^(rt), c_k = (r/M)e^(ts_k)(1 + iσ_k), σ_k = θ_k + (θ_k cot θ_k − 1)cot θ_k.
/// </summary>
/// <remarks>
/// F must be analytic to the right of the contour (singularities on or near the negative real axis and at 0) and real on
/// the real axis (F(s̄) = conj F(s)). With M nodes the error falls roughly as 10^(−0.6M) until round-off, which is
/// amplified by e^(rt) = e^(0.4M): M = 32 gives about ten significant digits. Used by notebook 15's finite-(N, P) theory
/// (<see cref="LearningCurves.RandomFeatureFlowTheory"/>).
/// </remarks>
public static class TalbotInversion
{
    /// <summary>Nodes used when none are given.</summary>
    public const int DefaultNodes = 32;

    /// <summary>The contour nodes s_k and weights c_k for time <paramref name="t"/>.</summary>
    /// <param name="t">Time. Range: 0 &lt; t &lt; ∞.</param>
    /// <param name="nodes">M. Range: 4 ≤ M ≤ 100.</param>
    public static (Complex[] Nodes, Complex[] Weights) Contour(double t, int nodes = DefaultNodes)
    {
        Guard.Positive(t);
        Guard.Finite(t);
        Guard.InRange(nodes, 4, 100);
        double r = 2.0 * nodes / (5 * t);
        var s = new Complex[nodes];
        var c = new Complex[nodes];
        s[0] = r;
        c[0] = r / (2.0 * nodes) * Math.Exp(r * t);
        for (int k = 1; k < nodes; k++)
        {
            double theta = k * Math.PI / nodes;
            double cot = Math.Cos(theta) / Math.Sin(theta);
            s[k] = new Complex(r * theta * cot, r * theta);
            double sigma = theta + (theta * cot - 1) * cot;
            c[k] = r / nodes * Complex.Exp(t * s[k]) * new Complex(1, sigma);
        }
        return (s, c);
    }

    /// <summary>f(t) from its transform F(s).</summary>
    /// <param name="transform">F, real on the real axis.</param>
    /// <param name="t">Time. Range: 0 &lt; t &lt; ∞.</param>
    /// <param name="nodes">M. Range: 4 ≤ M ≤ 100.</param>
    public static double Invert(Func<Complex, Complex> transform, double t, int nodes = DefaultNodes)
    {
        Guard.NotNull(transform);
        var (s, c) = Contour(t, nodes);
        double sum = 0;
        for (int k = 0; k < nodes; k++) sum += (c[k] * transform(s[k])).Real;
        return sum;
    }

    /// <summary>
    /// The diagonal f(t, t) of a two-time function from its two-variable transform F(s, s′) (Laplace in both times):
    /// the rule applied in s′ (with F(s, s̄′) for the conjugate half, since F is complex for complex s) and then in s.
    /// </summary>
    /// <param name="transform">F(s, s′), with F(s̄, s̄′) = conj F(s, s′).</param>
    /// <param name="t">Time. Range: 0 &lt; t &lt; ∞.</param>
    /// <param name="nodes">M. Range: 4 ≤ M ≤ 100.</param>
    public static double InvertDiagonal(Func<Complex, Complex, Complex> transform, double t, int nodes = DefaultNodes)
    {
        Guard.NotNull(transform);
        var (s, c) = Contour(t, nodes);
        double sum = 0;
        for (int i = 0; i < nodes; i++)
        {
            Complex inner = 0;
            for (int j = 0; j < nodes; j++)
                inner += 0.5 * (c[j] * transform(s[i], s[j]) + Complex.Conjugate(c[j]) * transform(s[i], Complex.Conjugate(s[j])));
            sum += (c[i] * inner).Real;
        }
        return sum;
    }
}
