namespace ResearchKit.Numerics;

/// <summary>The quasi-Newton method <see cref="QuasiNewton"/> runs.</summary>
public enum QuasiNewtonMethod
{
    /// <summary>Limited-memory BFGS (MathNet's LimitedMemoryBfgsMinimizer).</summary>
    LimitedMemoryBfgs,

    /// <summary>Dense BFGS (MathNet's BfgsMinimizer).</summary>
    Bfgs,
}

/// <summary>Settings of a <see cref="QuasiNewton"/> minimisation.</summary>
/// <param name="Method">L-BFGS or BFGS.</param>
/// <param name="GradientTolerance">MathNet's stopping tolerance on the scaled gradient. Range: &gt; 0.</param>
/// <param name="AcceptanceTolerance">The scaled gradient below which the result counts as converged, whatever stopped the optimiser. Range: ≥ GradientTolerance.</param>
/// <param name="ParameterTolerance">MathNet's stopping tolerance on the relative step. Range: ≥ 0.</param>
/// <param name="MaxIterations">Iteration limit. Range: ≥ 1.</param>
/// <param name="DivergenceBound">|x_k| beyond which a parameter counts as run off. Range: &gt; 0.</param>
/// <param name="Memory">L-BFGS memory (ignored by BFGS). Range: ≥ 1.</param>
public sealed record QuasiNewtonOptions(
    QuasiNewtonMethod Method = QuasiNewtonMethod.LimitedMemoryBfgs,
    double GradientTolerance = 1e-10,
    double AcceptanceTolerance = 1e-6,
    double ParameterTolerance = 1e-14,
    int MaxIterations = 1000,
    double DivergenceBound = 1e3,
    int Memory = 10)
{
    /// <summary>Checks every field; throws naming the field.</summary>
    public void Validate()
    {
        Guard.Positive(GradientTolerance, nameof(GradientTolerance));
        Guard.Positive(AcceptanceTolerance, nameof(AcceptanceTolerance));
        if (AcceptanceTolerance < GradientTolerance)
            throw new ArgumentOutOfRangeException(nameof(AcceptanceTolerance), AcceptanceTolerance,
                $"AcceptanceTolerance = {AcceptanceTolerance} is out of range; allowed: AcceptanceTolerance ≥ GradientTolerance = {GradientTolerance}.");
        Guard.NonNegative(ParameterTolerance, nameof(ParameterTolerance));
        Guard.Positive(MaxIterations, nameof(MaxIterations));
        Guard.Positive(DivergenceBound, nameof(DivergenceBound));
        Guard.Positive(Memory, nameof(Memory));
    }
}
