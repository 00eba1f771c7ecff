using MathNet.Numerics;
using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// The negative log-likelihood of the log-losses under a Huber density with a learned scale s = e^σ:
/// −ℓ(θ, σ) = Σ_i [Huber_δ((ln L_i − ℓ̂_i)/s) + ln Z_δ + σ], ℓ̂_i = LSE(a − α ln N_i, b − β ln D_i, e), with
/// Z_δ = √(2π)(2Φ(δ) − 1) + 2e^{−δ²/2}/δ the normaliser of e^{−Huber_δ(x)}; analytic gradient in (a, b, e, α, β, σ).
/// </summary>
/// <remarks>
/// Besiroglu, Erdil, Barnett, You 2024, "Chinchilla Scaling: A replication attempt" (arXiv 2404.10102): the
/// likelihood fit of their `data_analysis.ipynb` (`huber_logpdf`, `objective`), minimised by BFGS from Hoffmann et al.'s
/// unrounded θ with σ = 0. Because the fitted scale is far below the residuals (s ≈ 5·10⁻⁶ against δ = 10⁻³ in units of
/// s), almost every residual lies on the linear arm of the Huber function and the fit is close to least absolute
/// deviations on ln L. Notebook 10.
/// </remarks>
public sealed class HuberLikelihoodObjective
{
    private readonly double[] logN, logD, logL;
    private readonly double logNormaliser;

    /// <summary>Creates the objective on <paramref name="data"/>.</summary>
    /// <param name="data">The runs.</param>
    /// <param name="delta">δ, in units of the scale. Range: &gt; 0. Default 10⁻³ (Besiroglu et al.).</param>
    public HuberLikelihoodObjective(LossObservations data, double delta = 1e-3)
    {
        Guard.NotNull(data);
        Guard.Positive(delta);
        logN = data.LogParameters;
        logD = data.LogTokens;
        logL = data.LogLosses;
        Delta = delta;
        Data = data;
        logNormaliser = Math.Log(Math.Sqrt(2 * Math.PI) * SpecialFunctions.Erf(delta / Math.Sqrt(2)) + 2 * Math.Exp(-0.5 * delta * delta) / delta);
    }

    /// <summary>δ.</summary>
    public double Delta { get; }

    /// <summary>The runs.</summary>
    public LossObservations Data { get; }

    /// <summary>ln Z_δ.</summary>
    public double LogNormaliser => logNormaliser;

    /// <summary>−ℓ at θ and log-scale σ.</summary>
    /// <param name="theta">θ = (a, b, e, α, β).</param>
    /// <param name="logScale">σ = ln s. Range: finite.</param>
    public double Value(ChinchillaLogParameters theta, double logScale)
    {
        Guard.NotNull(theta);
        Guard.Finite(logScale);
        var p = theta.ToArray().Append(logScale).ToArray();
        return Evaluate(p, Span<double>.Empty);
    }

    /// <summary>−ℓ and its gradient at x = (a, b, e, α, β, σ); fills <paramref name="gradient"/> when it is not empty.</summary>
    internal double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double a = x[0], b = x[1], e = x[2], alpha = x[3], beta = x[4], sigma = x[5];
        double s = Math.Exp(sigma), delta = Delta, sum = 0;
        double ga = 0, gb = 0, ge = 0, gAlpha = 0, gBeta = 0, gSigma = 0;
        bool wantGradient = !gradient.IsEmpty;
        for (int i = 0; i < logN.Length; i++)
        {
            double t1 = a - alpha * logN[i], t2 = b - beta * logD[i];
            double m = Math.Max(Math.Max(t1, t2), e);
            double x1 = Math.Exp(t1 - m), x2 = Math.Exp(t2 - m), x3 = Math.Exp(e - m);
            double total = x1 + x2 + x3;
            double u = (m + Math.Log(total) - logL[i]) / s;     // (ℓ̂ − ln L)/s; Huber is even, so the sign does not matter
            sum += HuberPenalty.Value(u, delta, out double psi);
            if (wantGradient)
            {
                double w = psi / (s * total);                    // ∂/∂ℓ̂ of Huber(u) is ψ(u)/s
                double w1 = w * x1, w2 = w * x2;
                ga += w1;
                gb += w2;
                ge += w * x3;
                gAlpha -= w1 * logN[i];
                gBeta -= w2 * logD[i];
                gSigma += 1 - psi * u;                           // ∂u/∂σ = −u, plus the Jacobian term 1
            }
        }
        sum += logN.Length * (logNormaliser + sigma);
        if (wantGradient)
        {
            gradient[0] = ga;
            gradient[1] = gb;
            gradient[2] = ge;
            gradient[3] = gAlpha;
            gradient[4] = gBeta;
            gradient[5] = gSigma;
        }
        return sum;
    }
}
