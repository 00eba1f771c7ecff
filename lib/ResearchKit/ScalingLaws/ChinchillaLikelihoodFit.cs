using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// Besiroglu et al.'s second Chinchilla fit: BFGS (MathNet's <c>BfgsMinimizer</c>, through <see cref="QuasiNewton"/>)
/// on the Huber log-likelihood with a learned scale, <see cref="HuberLikelihoodObjective"/>, from one start — by
/// default Hoffmann et al.'s unrounded θ with σ = 0, as in their notebook.
/// </summary>
/// <remarks>
/// Besiroglu, Erdil, Barnett, You 2024 (arXiv 2404.10102), `data_analysis.ipynb` cell 24: BFGS from
/// θ_TeX = (6.0073404, 6.0179186, 0.5267228, 0.33917084, 0.2849083), σ = 0, on the 240 runs left after dropping the
/// 5 highest losses; it reports A 482.01, B 2085.43, E 1.81686, α 0.34781, β 0.36585, σ −12.27 (SciPy: "Desired error
/// not necessarily achieved due to precision loss"). Notebook 10.
/// </remarks>
public static class ChinchillaLikelihoodFit
{
    /// <summary>The default optimiser: dense BFGS, a parameter beyond ±200 counts as run off.</summary>
    public static QuasiNewtonOptions DefaultOptions { get; } = new(QuasiNewtonMethod.Bfgs, DivergenceBound: 200);

    /// <summary>
    /// Fits θ and σ by BFGS from θ₀ = <paramref name="start"/> and σ₀ = <paramref name="startLogScale"/>, or, when
    /// <paramref name="profileStartScale"/> is set, from σ₀ = the scale that maximises the likelihood at θ₀ (the root of
    /// Σ_i [1 − ψ(u_i)u_i] = 0 in σ, found by Brent's method).
    /// </summary>
    /// <param name="data">The runs.</param>
    /// <param name="start">θ₀; null = Hoffmann et al.'s unrounded θ (<see cref="ChinchillaLaw.HoffmannTex"/>).</param>
    /// <param name="startLogScale">σ₀ when <paramref name="profileStartScale"/> is false. Range: finite. Default 0 (Besiroglu et al.).</param>
    /// <param name="profileStartScale">Start σ at its profile optimum given θ₀ instead of <paramref name="startLogScale"/>.
    /// Our choice, off by default: from σ₀ = 0 the residuals are ~10³ times the Huber threshold and MathNet's first line
    /// search runs σ off (SciPy scales its first step to unit length and gets through).</param>
    /// <param name="delta">δ. Range: &gt; 0. Default 10⁻³.</param>
    /// <param name="options">Optimiser settings; null = <see cref="DefaultOptions"/>.</param>
    public static ChinchillaLikelihoodFitResult Fit(LossObservations data, ChinchillaLogParameters? start = null, double startLogScale = 0,
        bool profileStartScale = false, double delta = 1e-3, QuasiNewtonOptions? options = null)
    {
        Guard.NotNull(data);
        Guard.Finite(startLogScale);
        var objective = new HuberLikelihoodObjective(data, delta);
        var theta0 = start ?? ChinchillaLaw.HoffmannTex.LogParameters;
        Guard.AllFinite(theta0.ToArray(), nameof(start));
        double sigma0 = profileStartScale ? ProfileLogScale(objective, theta0) : startLogScale;
        var x0 = theta0.ToArray().Append(sigma0).ToArray();
        // BFGS minimises −ℓ/n, the same optimum: MathNet's first step is the whole −∇f (SciPy's is scaled to unit
        // length), and ∂(−ℓ)/∂σ ≈ n at σ = 0 would throw the first line search hundreds of units out in σ.
        double perRun = 1.0 / data.Count;
        var run = QuasiNewton.Minimize((x, g) =>
        {
            double f = objective.Evaluate(x, g);
            for (int k = 0; k < g.Length; k++)
                g[k] *= perRun;
            return f * perRun;
        }, x0, options ?? DefaultOptions);
        var p = run.Point;
        return new ChinchillaLikelihoodFitResult(new ChinchillaLogParameters(p[0], p[1], p[2], p[3], p[4]), p[5], -run.Value * data.Count,
            run.Iterations, run.Evaluations, run.Exit, run.ScaledGradient, data.Count, sigma0);
    }

    /// <summary>
    /// The log-scale that maximises the likelihood at fixed θ: the root of ∂(−ℓ)/∂σ = Σ_i [1 − ψ(u_i)u_i], which rises
    /// monotonically from −∞ (σ → −∞) to n (σ → ∞).
    /// </summary>
    /// <param name="objective">The likelihood.</param>
    /// <param name="theta">θ.</param>
    /// <exception cref="ArgumentException">All residuals are zero at θ (no finite optimum).</exception>
    public static double ProfileLogScale(HuberLikelihoodObjective objective, ChinchillaLogParameters theta)
    {
        Guard.NotNull(objective);
        Guard.NotNull(theta);
        Guard.AllFinite(theta.ToArray(), nameof(theta));
        var x = theta.ToArray().Append(0.0).ToArray();
        var g = new double[6];
        double Score(double sigma) { x[5] = sigma; objective.Evaluate(x, g); return g[5]; }
        double lo = -5, hi = 5;
        while (Score(lo) > 0 && lo > -700) lo -= 20;
        while (Score(hi) < 0 && hi < 700) hi += 20;
        if (!(Score(lo) <= 0 && Score(hi) >= 0))
            throw new ArgumentException("The residuals at θ are all zero (or not finite): the likelihood has no finite scale.", nameof(theta));
        return MathNet.Numerics.RootFinding.Brent.FindRoot(Score, lo, hi, 1e-12, 200);
    }
}

/// <summary>The result of a <see cref="ChinchillaLikelihoodFit"/>.</summary>
/// <param name="Theta">θ̂ = (a, b, e, α, β) at the best point evaluated.</param>
/// <param name="LogScale">σ̂ = ln ŝ.</param>
/// <param name="LogLikelihood">ℓ(θ̂, σ̂) (the maximised log-likelihood; NaN when no finite point was found).</param>
/// <param name="Iterations">BFGS iterations.</param>
/// <param name="Evaluations">Objective evaluations.</param>
/// <param name="Exit">Why BFGS stopped: only <see cref="QuasiNewtonExit.Converged"/> is a converged fit; a parameter that ran
/// beyond the divergence bound gives <see cref="QuasiNewtonExit.ParameterDiverged"/>, never Converged.</param>
/// <param name="ScaledGradient">The final scaled gradient max_k |g_k|·max(|x_k|, 1)/max(|f|, 1) of f = −ℓ/n.</param>
/// <param name="Observations">Runs fitted.</param>
/// <param name="StartLogScale">σ₀, the log-scale BFGS started from.</param>
public sealed record ChinchillaLikelihoodFitResult(ChinchillaLogParameters Theta, double LogScale, double LogLikelihood, int Iterations,
    int Evaluations, QuasiNewtonExit Exit, double ScaledGradient, int Observations, double StartLogScale)
{
    /// <summary>True when BFGS converged (scaled gradient below the acceptance tolerance, no parameter run off).</summary>
    public bool IsConverged => Exit == QuasiNewtonExit.Converged;

    /// <summary>True when θ̂ defines a law (α̂ &gt; 0 and β̂ &gt; 0).</summary>
    public bool HasLaw => Theta.ParameterExponent > 0 && Theta.DataExponent > 0;

    /// <summary>The fitted law.</summary>
    /// <exception cref="InvalidOperationException">α̂ ≤ 0 or β̂ ≤ 0.</exception>
    public ChinchillaLaw Law => HasLaw
        ? ChinchillaLaw.FromLogParameters(Theta)
        : throw new InvalidOperationException($"The fit ended at α = {Theta.ParameterExponent}, β = {Theta.DataExponent}: not a Chinchilla law (needs α, β > 0).");
}
