using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// Row bootstrap of a Chinchilla fit: each refit draws the rows with replacement (as multiplicity weights of the summed
/// Huber objective) from its own generator and refits from the given start(s), in parallel.
/// </summary>
/// <remarks>
/// Besiroglu et al. 2024 (arXiv 2404.10102), Sec. 3: 4000 resamples, refitted from Hoffmann's TeX θ. Refit i uses
/// <c>new Random(Sweep.DeriveSeed(seed, i))</c>, so the refits are the same at any thread count. Notebook 10.
/// </remarks>
public static class ChinchillaBootstrap
{
    /// <summary>Runs <paramref name="refits"/> bootstrap refits.</summary>
    /// <param name="data">The runs.</param>
    /// <param name="estimate">θ̂, the full-data fit (the centre of <see cref="ChinchillaBootstrapResult.Band"/>).</param>
    /// <param name="starts">Where each refit starts (e.g. <see cref="StartGrid.Single"/>(Hoffmann's TeX θ)).</param>
    /// <param name="refits">Number of resamples. Range: ≥ 2.</param>
    /// <param name="seed">Master seed.</param>
    /// <param name="options">δ and optimiser; null = defaults.</param>
    public static ChinchillaBootstrapResult Run(LossObservations data, ChinchillaLogParameters estimate, StartGrid starts, int refits, int seed,
        ChinchillaFitOptions? options = null)
    {
        Guard.NotNull(data);
        Guard.NotNull(estimate);
        Guard.NotNull(starts);
        Guard.AtLeast(refits, 2);
        options ??= new ChinchillaFitOptions();
        options.Validate();
        int n = data.Count;
        var fits = Sweep.Run(refits, seed, (_, random) =>
        {
            var weights = new double[n];
            for (int k = 0; k < n; k++)
                weights[random.Next(n)] += 1;
            // Starts run serially inside a refit: the refits themselves are the parallel tasks.
            return ChinchillaFit.FitWeighted(new HuberLogLossObjective(data, options.HuberDelta, weights), starts, options, threads: 1);
        }, options.MaxDegreeOfParallelism);
        return new ChinchillaBootstrapResult(estimate, fits.Select(f => f.Theta).ToArray(), fits.Select(f => f.Exit).ToArray());
    }
}
