namespace ResearchKit.Numerics;

/// <summary>Why a <see cref="QuasiNewton"/> minimisation stopped.</summary>
public enum QuasiNewtonExit
{
    /// <summary>The scaled gradient at the final point is below the acceptance tolerance: a stationary point was reached.</summary>
    Converged,

    /// <summary>The optimiser stopped for lack of progress (parameter or function change below tolerance) while the scaled gradient was still above the acceptance tolerance.</summary>
    Stalled,

    /// <summary>The line search failed; the result is the best point evaluated and its gradient is above the acceptance tolerance.</summary>
    LineSearchFailed,

    /// <summary>The iteration limit was reached first; the result is the best point evaluated.</summary>
    MaxIterations,

    /// <summary>A parameter ran beyond the divergence bound (|x_k| &gt; bound): no finite minimiser was found from this start.</summary>
    ParameterDiverged,

    /// <summary>The objective or its gradient was not finite at the best point.</summary>
    NonFinite,

    /// <summary>
    /// The scaled gradient passed the acceptance test, but the objective keeps decreasing along a ray from the point out to
    /// the divergence bound (it flattens towards an asymptote, e.g. exp(−x), or is unbounded below): a run-off, not a
    /// minimiser. The point is the best the run evaluated before the probe of the ray.
    /// </summary>
    Unbounded,
}
