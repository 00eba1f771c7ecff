using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// The objective of Hoffmann et al.'s Approach 3: Σ_i w_i·Huber_δ(LSE(a − α ln N_i, b − β ln D_i, e) − ln L_i), the Huber
/// loss <b>summed</b> (not averaged) over runs, with its analytic gradient in θ = (a, b, e, α, β).
/// Huber_δ(r) = r²/2 for |r| ≤ δ, δ(|r| − δ/2) otherwise.
/// </summary>
/// <remarks>
/// Hoffmann et al. 2022 (arXiv 2203.15556), App. D.2, Eq. 10 (δ = 10⁻³); Besiroglu et al. 2024 (arXiv 2404.10102),
/// Sec. 3, who stress that the sum, not the mean, is minimised (with the mean, L-BFGS stops early on its absolute
/// tolerances). Optional integer weights w_i are row multiplicities, so a bootstrap resample is a weight vector.
/// Notebooks 10 and 25.
/// </remarks>
public sealed class HuberLogLossObjective
{
    private readonly double[] logN, logD, logL;
    private readonly double[]? weights;

    /// <summary>Creates the objective on <paramref name="data"/>.</summary>
    /// <param name="data">The runs.</param>
    /// <param name="delta">δ, the Huber threshold on the log-loss residual. Range: δ &gt; 0. Default 10⁻³ (Hoffmann et al.).</param>
    /// <param name="weights">Optional w_i ≥ 0 (row multiplicities of a resample); null = all 1. Same length as the data.</param>
    public HuberLogLossObjective(LossObservations data, double delta = 1e-3, IReadOnlyList<double>? weights = null)
    {
        Guard.NotNull(data);
        Guard.Positive(delta);
        if (weights is not null)
        {
            Guard.SameLength(weights.Count, data.Count, nameof(weights), nameof(data));
            for (int i = 0; i < weights.Count; i++)
                Guard.NonNegative(weights[i], $"{nameof(weights)}[{i}]");
            this.weights = weights.ToArray();
        }
        logN = data.LogParameters;
        logD = data.LogTokens;
        logL = data.LogLosses;
        Delta = delta;
        Data = data;
    }

    /// <summary>δ.</summary>
    public double Delta { get; }

    /// <summary>The runs.</summary>
    public LossObservations Data { get; }

    /// <summary>The objective at θ.</summary>
    /// <param name="theta">θ = (a, b, e, α, β).</param>
    public double Value(ChinchillaLogParameters theta)
    {
        Guard.NotNull(theta);
        return Evaluate(theta.ToArray(), null);
    }

    /// <summary>The objective at θ and its gradient (in the order a, b, e, α, β).</summary>
    /// <param name="theta">θ = (a, b, e, α, β).</param>
    /// <param name="gradient">Receives the five partial derivatives.</param>
    public double ValueAndGradient(ChinchillaLogParameters theta, out double[] gradient)
    {
        Guard.NotNull(theta);
        gradient = new double[5];
        return Evaluate(theta.ToArray(), gradient);
    }

    /// <summary>Objective at θ (array a, b, e, α, β); fills <paramref name="gradient"/> when it is not null.</summary>
    internal double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double a = theta[0], b = theta[1], e = theta[2], alpha = theta[3], beta = theta[4];
        double delta = Delta, sum = 0;
        double ga = 0, gb = 0, ge = 0, gAlpha = 0, gBeta = 0;
        bool wantGradient = !gradient.IsEmpty;
        for (int i = 0; i < logN.Length; i++)
        {
            double w = weights is null ? 1.0 : weights[i];
            if (w == 0)
                continue;
            double t1 = a - alpha * logN[i], t2 = b - beta * logD[i];
            double m = Math.Max(Math.Max(t1, t2), e);
            double x1 = Math.Exp(t1 - m), x2 = Math.Exp(t2 - m), x3 = Math.Exp(e - m);
            double total = x1 + x2 + x3;
            double r = m + Math.Log(total) - logL[i];
            double abs = Math.Abs(r);
            double psi;
            if (abs <= delta)
            {
                sum += w * 0.5 * r * r;
                psi = r;
            }
            else
            {
                sum += w * delta * (abs - 0.5 * delta);
                psi = r > 0 ? delta : -delta;
            }
            if (wantGradient)
            {
                double s = w * psi / total;
                double s1 = s * x1, s2 = s * x2;
                ga += s1;
                gb += s2;
                ge += s * x3;
                gAlpha -= s1 * logN[i];
                gBeta -= s2 * logD[i];
            }
        }
        if (wantGradient)
        {
            gradient[0] = ga;
            gradient[1] = gb;
            gradient[2] = ge;
            gradient[3] = gAlpha;
            gradient[4] = gBeta;
        }
        return sum;
    }
}
