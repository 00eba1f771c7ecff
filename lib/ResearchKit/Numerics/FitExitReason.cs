namespace ResearchKit.Numerics;

/// <summary>Why an iterative fit of the inference-scaling models stopped.</summary>
public enum FitExitReason
{
    /// <summary>The gradient (or simplex spread) fell below the tolerance: a maximum of the likelihood / minimum of the loss was reached.</summary>
    Converged,

    /// <summary>The iteration limit (for the Nelder–Mead fits: the budget of objective evaluations) was reached before the tolerance; the parameters are the best found.</summary>
    MaxIterations,

    /// <summary>A shape parameter ran off towards 0 or ∞ (ln &gt; 25 in absolute value, or the likelihood still rising along a ray out to there after the gradient test passed): the maximum lies on the boundary, e.g. no over-dispersion (binomial limit) or all-or-nothing problems (a, b → 0).</summary>
    ParameterDiverged,
}
