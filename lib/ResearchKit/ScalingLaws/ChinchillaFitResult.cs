using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>The best of a Chinchilla fit's runs from a grid of starts, with the diagnostics of that run and of the grid.</summary>
/// <param name="Theta">θ̂ = (a, b, e, α, β) at the best end point.</param>
/// <param name="Objective">The summed Huber objective at θ̂.</param>
/// <param name="Iterations">Iterations of the winning run.</param>
/// <param name="Exit">Why the winning run stopped (only <see cref="QuasiNewtonExit.Converged"/> is a converged fit).</param>
/// <param name="ScaledGradient">The winning run's final scaled gradient.</param>
/// <param name="StartIndex">Index of the winning start in the grid.</param>
/// <param name="Starts">Number of starts tried.</param>
/// <param name="ConvergedStarts">How many runs ended <see cref="QuasiNewtonExit.Converged"/>.</param>
/// <param name="Observations">Number of runs (rows) fitted.</param>
/// <remarks>Notebook 10. Standard errors come from <see cref="ChinchillaBootstrap"/>.</remarks>
public sealed record ChinchillaFitResult(ChinchillaLogParameters Theta, double Objective, int Iterations, QuasiNewtonExit Exit,
    double ScaledGradient, int StartIndex, int Starts, int ConvergedStarts, int Observations)
{
    /// <summary>True when the winning run converged.</summary>
    public bool IsConverged => Exit == QuasiNewtonExit.Converged;

    /// <summary>True when θ̂ defines a law (α̂ &gt; 0 and β̂ &gt; 0).</summary>
    public bool HasLaw => Theta.ParameterExponent > 0 && Theta.DataExponent > 0;

    /// <summary>The fitted law E = eᵉ, A = eᵃ, B = eᵇ, α, β.</summary>
    /// <exception cref="InvalidOperationException">α̂ ≤ 0 or β̂ ≤ 0: the fit has no Chinchilla law (see <see cref="HasLaw"/>).</exception>
    public ChinchillaLaw Law => HasLaw
        ? ChinchillaLaw.FromLogParameters(Theta)
        : throw new InvalidOperationException($"The fit ended at α = {Theta.ParameterExponent}, β = {Theta.DataExponent}: not a Chinchilla law (needs α, β > 0).");
}
