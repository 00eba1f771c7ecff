using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Several seeded runs of one linear teacher–student set-up (seeds seed, seed + 1000, …), with seed bands and
/// per-run crossing times.
/// </summary>
/// <param name="Setup">The experiment.</param>
/// <param name="Runs">One trajectory per seed.</param>
/// <remarks>Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441), Figs. 1–3. Used in notebooks 02 and 04.</remarks>
public sealed record LinearTeacherStudentEnsemble(LinearTeacherStudentSetup Setup, IReadOnlyList<LinearTeacherStudentTrajectory> Runs)
{
    /// <summary>Runs <paramref name="count"/> seeds, by default one after the other (optionally side by side, <see cref="Sweep.Map"/>).</summary>
    /// <param name="setup">The experiment.</param>
    /// <param name="steps">Recorded GD steps (non-negative integers, ascending).</param>
    /// <param name="errorThreshold">ε. Range: ε &gt; 0.</param>
    /// <param name="testSamples">Held-out samples per run. Range: ≥ 1.</param>
    /// <param name="seed">Base seed; run i uses seed + 1000·i.</param>
    /// <param name="count">Number of runs. Range: ≥ 1.</param>
    /// <param name="maxDegreeOfParallelism">Most runs at once. Range: ≥ 1; null = all cores; default 1, because each run's
    /// eigendecomposition and products already use the native library's threads: in notebook 02 (load ≈ 5–10) seeds
    /// side by side made Fig. 2 (d_out = 700) slower, not faster. Each run draws from its own seed and does the same
    /// arithmetic on any thread, so the ensemble is bit-identical whatever this is.</param>
    public static LinearTeacherStudentEnsemble Run(LinearTeacherStudentSetup setup, IReadOnlyList<double> steps, double errorThreshold, int testSamples, int seed, int count,
        int? maxDegreeOfParallelism = 1)
    {
        Guard.NotNull(setup);
        Guard.Positive(count);
        var runs = Sweep.Map(Enumerable.Range(0, count).ToArray(),
            i => LinearTeacherStudentSimulation.Run(setup, steps, errorThreshold, testSamples, seed + 1000 * i), maxDegreeOfParallelism);
        return new LinearTeacherStudentEnsemble(setup, runs);
    }

    /// <summary>The recorded steps.</summary>
    public double[] Steps => Runs[0].Steps;

    /// <summary>Seed band of L_tr.</summary>
    public SeriesBand TrainLoss => SeriesBand.Of(Runs.Select(r => r.TrainLoss).ToList());

    /// <summary>Seed band of L_gen.</summary>
    public SeriesBand GeneralizationLoss => SeriesBand.Of(Runs.Select(r => r.GeneralizationLoss).ToList());

    /// <summary>Seed band of the training accuracy.</summary>
    public SeriesBand TrainAccuracy => SeriesBand.Of(Runs.Select(r => r.TrainAccuracy).ToList());

    /// <summary>Seed band of the test accuracy.</summary>
    public SeriesBand TestAccuracy => SeriesBand.Of(Runs.Select(r => r.TestAccuracy).ToList());

    /// <summary>t*_tr and t*_gen of each run at <paramref name="level"/>.</summary>
    /// <param name="level">Accuracy level. Range: 0 &lt; level &lt; 1.</param>
    public IReadOnlyList<GrokkingTimes> CrossingTimes(double level) => Runs.Select(r => AccuracyCrossing.Of(r, level)).ToList();
}
