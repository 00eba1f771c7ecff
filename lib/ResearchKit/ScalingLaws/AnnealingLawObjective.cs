using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// The objective of Tissue et al.'s fit: Σ_i Huber_δ(ln L̂_i − ln L_i) <b>summed</b> over every point of every curve,
/// L̂ = L₀ + A·S₁^−α − C·S₂, with its analytic gradient in θ = (L₀, a = ln A, α, C).
/// </summary>
/// <remarks>
/// Tissue, Wang, Wang 2024 (arXiv 2408.11029); the authors' fitting script sums the Huber loss (δ = 10⁻³) of the log
/// residuals over the points of each fitted curve and adds the curves. A is fitted as ln A so that it stays positive.
/// Where L̂ falls below a floor ε (a tenth of the smallest observed loss) ln L̂ is continued linearly,
/// ln ε + (L̂ − ε)/ε, so that the objective stays finite and smooth when a line search tries a point with L̂ ≤ 0.
/// Notebook 24.
/// </remarks>
public sealed class AnnealingLawObjective
{
    private readonly double[] logS1, s2, logL;
    private readonly double floor;

    /// <summary>Creates the objective on <paramref name="curves"/>.</summary>
    /// <param name="curves">One or more curves (non-empty).</param>
    /// <param name="delta">δ. Range: &gt; 0. Default 10⁻³.</param>
    /// <param name="decay">λ. Range: 0 ≤ λ &lt; 1. Default 0.999.</param>
    /// <param name="warmup">How warm-up enters S₁, S₂. Default: at the peak rate (the authors').</param>
    /// <exception cref="ArgumentException">S₁ = 0 at an observed step (the message names the curve and the step).</exception>
    public AnnealingLawObjective(IReadOnlyList<AnnealingCurve> curves, double delta = 1e-3, double decay = 0.999,
        WarmupTreatment warmup = WarmupTreatment.AsPeakRate)
    {
        Guard.NotEmpty(curves);
        Guard.Positive(delta);
        var ls1 = new List<double>();
        var ls2 = new List<double>();
        var ll = new List<double>();
        for (int c = 0; c < curves.Count; c++)
        {
            var curve = Guard.NotNull(curves[c], $"{nameof(curves)}[{c}]");
            var (f, a) = curve.AreasAtSteps(decay, warmup);
            for (int i = 0; i < f.Length; i++)
            {
                if (!(f[i] > 0))
                    throw new ArgumentException(
                        $"{nameof(curves)}[{c}] ('{curve.Name}'): S₁ = {f[i]} at step {curve.Steps[i]}; allowed: S₁ > 0 at every observed step " +
                        $"(a zero rate before it, or a step inside an excluded warm-up).", nameof(curves));
                ls1.Add(Math.Log(f[i]));
                ls2.Add(a[i]);
                ll.Add(Math.Log(curve.Losses[i]));
            }
        }
        logS1 = ls1.ToArray();
        s2 = ls2.ToArray();
        logL = ll.ToArray();
        floor = 0.1 * Math.Exp(logL.Min());
        Delta = delta;
        Decay = decay;
        Warmup = warmup;
        Curves = curves.ToArray();
    }

    /// <summary>δ.</summary>
    public double Delta { get; }

    /// <summary>λ.</summary>
    public double Decay { get; }

    /// <summary>The warm-up treatment.</summary>
    public WarmupTreatment Warmup { get; }

    /// <summary>The curves.</summary>
    public IReadOnlyList<AnnealingCurve> Curves { get; }

    /// <summary>Number of points (all curves).</summary>
    public int Count => logL.Length;

    /// <summary>The objective at θ = (L₀, ln A, α, C).</summary>
    /// <param name="theta">Four finite numbers.</param>
    public double Value(IReadOnlyList<double> theta)
    {
        Check(theta);
        return Evaluate(theta.ToArray(), default);
    }

    /// <summary>The objective at θ = (L₀, ln A, α, C) and its gradient.</summary>
    /// <param name="theta">Four finite numbers.</param>
    /// <param name="gradient">Receives ∂/∂(L₀, ln A, α, C).</param>
    public double ValueAndGradient(IReadOnlyList<double> theta, out double[] gradient)
    {
        Check(theta);
        gradient = new double[4];
        return Evaluate(theta.ToArray(), gradient);
    }

    /// <summary>The residuals r_i = ln L̂_i − ln L_i at θ (natural ln; the floor continuation below ε).</summary>
    internal double[] Residuals(ReadOnlySpan<double> theta)
    {
        var r = new double[logL.Length];
        for (int i = 0; i < r.Length; i++)
            r[i] = LogPrediction(theta, i, out _, out _) - logL[i];
        return r;
    }

    /// <summary>∂ ln L̂_i/∂(L₀, A, α, C) at θ, in the natural parameters (for the standard errors).</summary>
    internal double[,] NaturalJacobian(ReadOnlySpan<double> theta)
    {
        var j = new double[logL.Length, 4];
        double a = Math.Exp(theta[1]);
        for (int i = 0; i < logL.Length; i++)
        {
            LogPrediction(theta, i, out double slope, out double power);
            j[i, 0] = slope;
            j[i, 1] = slope * power / a;
            j[i, 2] = -slope * power * logS1[i];
            j[i, 3] = -slope * s2[i];
        }
        return j;
    }

    internal double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double delta = Delta, sum = 0, g0 = 0, g1 = 0, g2 = 0, g3 = 0;
        bool want = !gradient.IsEmpty;
        for (int i = 0; i < logL.Length; i++)
        {
            double r = LogPrediction(theta, i, out double slope, out double power) - logL[i];
            sum += HuberPenalty.Value(r, delta, out double psi);
            if (want)
            {
                double w = psi * slope;
                g0 += w;
                g1 += w * power;
                g2 -= w * power * logS1[i];
                g3 -= w * s2[i];
            }
        }
        if (want)
        {
            gradient[0] = g0;
            gradient[1] = g1;
            gradient[2] = g2;
            gradient[3] = g3;
        }
        return sum;
    }

    /// <summary>ln L̂_i (continued below the floor), with d ln L̂/dL̂ in <paramref name="slope"/> and A·S₁^−α in <paramref name="power"/>.</summary>
    private double LogPrediction(ReadOnlySpan<double> theta, int i, out double slope, out double power)
    {
        power = Math.Exp(theta[1] - theta[2] * logS1[i]);
        double l = theta[0] + power - theta[3] * s2[i];
        if (l >= floor)
        {
            slope = 1 / l;
            return Math.Log(l);
        }
        slope = 1 / floor;
        return Math.Log(floor) + (l - floor) / floor;
    }

    private static void Check(IReadOnlyList<double> theta)
    {
        Guard.AllFinite(theta);
        if (theta.Count != 4)
            throw new ArgumentException($"theta has {theta.Count} elements; allowed: 4 (L₀, ln A, α, C).", nameof(theta));
    }
}
