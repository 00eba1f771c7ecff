using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>How a Chinchilla law is fitted: the Huber threshold δ and the optimiser's settings.</summary>
/// <param name="HuberDelta">δ on the log-loss residual. Range: &gt; 0. Default 10⁻³ (Hoffmann et al. 2022, App. D.2).</param>
/// <param name="Optimizer">The quasi-Newton settings (default L-BFGS, as Besiroglu et al. use SciPy's L-BFGS-B for the grid).</param>
/// <param name="MaxDegreeOfParallelism">Most threads over starts and refits; null = all cores. Results do not depend on it.</param>
/// <param name="Polish">Settings of a final run from the best grid point (tighter tolerance than the grid runs); null = the default
/// (L-BFGS, scaled gradient 10⁻¹⁰, accepted at 10⁻⁶). Not used when the grid has one start.</param>
/// <remarks>
/// The grid runs default to a scaled-gradient tolerance of 10⁻⁷ (accepted at 10⁻⁵), comparable to SciPy's L-BFGS-B
/// defaults (gtol 10⁻⁵, ftol 2.2·10⁻⁹) that Besiroglu et al. used; the winner is then polished to 10⁻¹⁰.
/// </remarks>
public sealed record ChinchillaFitOptions(double HuberDelta = 1e-3, QuasiNewtonOptions? Optimizer = null, int? MaxDegreeOfParallelism = null,
    QuasiNewtonOptions? Polish = null)
{
    internal QuasiNewtonOptions OptimizerOrDefault => Optimizer ?? new QuasiNewtonOptions(GradientTolerance: 1e-7, AcceptanceTolerance: 1e-5, DivergenceBound: 200);

    internal QuasiNewtonOptions PolishOrDefault => Polish ?? new QuasiNewtonOptions(DivergenceBound: 200);

    internal void Validate()
    {
        Guard.Positive(HuberDelta, nameof(HuberDelta));
        OptimizerOrDefault.Validate();
        PolishOrDefault.Validate();
        if (MaxDegreeOfParallelism is { } t)
            Guard.Positive(t, nameof(MaxDegreeOfParallelism));
    }
}
