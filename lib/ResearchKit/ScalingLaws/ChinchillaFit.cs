using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// Fits L(N, D) = E + A·N^−α + B·D^−β by minimising the summed Huber loss on ln L (<see cref="HuberLogLossObjective"/>) with
/// a quasi-Newton method from every start of a grid, in parallel; the lowest objective wins (ties: the lowest index).
/// </summary>
/// <remarks>
/// Hoffmann et al. 2022 (arXiv 2203.15556), Approach 3; Besiroglu et al. 2024 (arXiv 2404.10102), Sec. 3 and their
/// notebook, whose grid is <see cref="StartGrid.Besiroglu"/>. Runs need no randomness, so the result is the same at any
/// thread count. Notebook 10.
/// </remarks>
public static class ChinchillaFit
{
    /// <summary>Fits the law to <paramref name="data"/> from every start of <paramref name="grid"/>.</summary>
    /// <param name="data">The runs (N, D, L).</param>
    /// <param name="grid">The starting points (non-empty).</param>
    /// <param name="options">δ and the optimiser; null = defaults.</param>
    public static ChinchillaFitResult Fit(LossObservations data, StartGrid grid, ChinchillaFitOptions? options = null)
    {
        Guard.NotNull(data);
        Guard.NotNull(grid);
        options ??= new ChinchillaFitOptions();
        options.Validate();
        return FitWeighted(new HuberLogLossObjective(data, options.HuberDelta), grid, options, options.MaxDegreeOfParallelism);
    }

    /// <summary>One run of the optimiser on <paramref name="objective"/> from θ₀.</summary>
    /// <param name="objective">The summed Huber objective.</param>
    /// <param name="start">θ₀.</param>
    /// <param name="optimizer">Optimiser settings.</param>
    public static QuasiNewtonResult Run(HuberLogLossObjective objective, ChinchillaLogParameters start, QuasiNewtonOptions optimizer)
    {
        Guard.NotNull(objective);
        Guard.NotNull(start);
        Guard.NotNull(optimizer);
        return QuasiNewton.Minimize((x, g) => objective.Evaluate(x, g), start.ToArray(), optimizer);
    }

    internal static ChinchillaFitResult FitWeighted(HuberLogLossObjective objective, StartGrid grid, ChinchillaFitOptions options, int? threads)
    {
        var optimizer = options.OptimizerOrDefault;
        var runs = grid.Count == 1
            ? [Run(objective, grid.Points[0], optimizer)]
            : Sweep.Run(grid.Count, 0, (i, _) => Run(objective, grid.Points[i], optimizer), threads);
        int bestIndex = -1, converged = 0;
        for (int i = 0; i < runs.Length; i++)
        {
            if (runs[i].IsConverged)
                converged++;
            if (!double.IsFinite(runs[i].Value) || runs[i].Exit is QuasiNewtonExit.ParameterDiverged or QuasiNewtonExit.NonFinite)
                continue;
            if (bestIndex < 0 || runs[i].Value < runs[bestIndex].Value)
                bestIndex = i;
        }
        if (bestIndex < 0)
        {
            // Every start ran off or produced non-finite values: report the first run as it is, not a fake optimum.
            var r = runs[0];
            return new ChinchillaFitResult(ChinchillaLogParameters.FromArray(r.Point), r.Value, r.Iterations, r.Exit, r.ScaledGradient, 0,
                runs.Length, converged, objective.Data.Count);
        }
        var b = runs[bestIndex];
        if (runs.Length > 1)
        {
            var polished = Run(objective, ChinchillaLogParameters.FromArray(b.Point), options.PolishOrDefault);
            if (polished.Value <= b.Value && polished.Exit is not (QuasiNewtonExit.ParameterDiverged or QuasiNewtonExit.NonFinite))
                b = polished with { Iterations = b.Iterations + polished.Iterations };
        }
        return new ChinchillaFitResult(ChinchillaLogParameters.FromArray(b.Point), b.Value, b.Iterations, b.Exit, b.ScaledGradient,
            bestIndex, runs.Length, converged, objective.Data.Count);
    }
}
