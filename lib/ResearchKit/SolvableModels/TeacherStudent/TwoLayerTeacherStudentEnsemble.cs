using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Seeded runs of several two-layer teacher–student set-ups (Fig. 5's widths and activations), each set-up over its
/// own number of seeds, all of them side by side on the cores.
/// </summary>
/// <param name="Setups">The set-ups, in the order given.</param>
/// <param name="Runs">Runs[c][i]: set-up c's run i, drawn from seed + 1000·i (so run i of every set-up with the same
/// input dimension and sample count sees the same data).</param>
/// <remarks>Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441), Sec. 4 and Fig. 5. Used in notebook 02.</remarks>
public sealed record TwoLayerTeacherStudentEnsemble(IReadOnlyList<TwoLayerTeacherStudentSetup> Setups, IReadOnlyList<TwoLayerTeacherStudentTrajectory[]> Runs)
{
    /// <summary>
    /// Runs every set-up over its seeds through <see cref="Sweep.Map"/>, the costliest runs first (a tanh step costs
    /// N·d_in·d_h, a linear one d_in·d_h·d_out), so that a long run does not start last. Each run draws from its own seed
    /// and does the same arithmetic on any thread: the results are bit-identical whatever the thread count or order.
    /// </summary>
    /// <param name="setups">The set-ups. Non-empty, no null.</param>
    /// <param name="runsPerSetup">Seeds per set-up, one count per set-up. Range: each ≥ 1.</param>
    /// <param name="steps">GD steps to record: integers 0 ≤ t ≤ 10⁷, ascending, at least one.</param>
    /// <param name="errorThreshold">ε. Range: ε &gt; 0.</param>
    /// <param name="testSamples">Held-out samples per run. Range: ≥ 1.</param>
    /// <param name="seed">Base seed; run i of each set-up uses seed + 1000·i.</param>
    /// <param name="maxDegreeOfParallelism">Most runs at once. Range: ≥ 1; null = all cores.</param>
    public static TwoLayerTeacherStudentEnsemble Run(IReadOnlyList<TwoLayerTeacherStudentSetup> setups, IReadOnlyList<int> runsPerSetup, IReadOnlyList<double> steps,
        double errorThreshold, int testSamples, int seed, int? maxDegreeOfParallelism = null)
    {
        Guard.NotEmpty(setups);
        for (int c = 0; c < setups.Count; c++)
            Guard.NotNull(setups[c], $"setups[{c}]");
        Guard.NotNull(runsPerSetup);
        Guard.SameLength(runsPerSetup.Count, setups.Count, nameof(runsPerSetup), nameof(setups));
        for (int c = 0; c < runsPerSetup.Count; c++)
            Guard.Positive(runsPerSetup[c], $"runsPerSetup[{c}]");
        LinearTeacherStudentSimulation.ValidateSteps(steps, maxStep: 1e7);
        Guard.Positive(errorThreshold);
        Guard.Positive(testSamples);
        if (maxDegreeOfParallelism is int threads)
            Guard.Positive(threads, nameof(maxDegreeOfParallelism));
        long maxSeed = seed + 1000L * (runsPerSetup.Max() - 1);
        if (maxSeed > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(seed), seed, $"seed = {seed} with {runsPerSetup.Max()} runs overflows seed + 1000·i; allowed: seed + 1000·(runs − 1) ≤ {int.MaxValue}.");

        var jobs = (from c in Enumerable.Range(0, setups.Count) from i in Enumerable.Range(0, runsPerSetup[c]) select (Setup: c, Index: i))
            .OrderByDescending(j => StepCost(setups[j.Setup])).ThenBy(j => j.Setup).ThenBy(j => j.Index).ToArray();
        var done = Sweep.Map(jobs, j => TwoLayerTeacherStudentSimulation.Run(setups[j.Setup], steps, errorThreshold, testSamples, seed + 1000 * j.Index), maxDegreeOfParallelism);
        var runs = Enumerable.Range(0, setups.Count).Select(c => new TwoLayerTeacherStudentTrajectory[runsPerSetup[c]]).ToArray();
        for (int k = 0; k < jobs.Length; k++)
            runs[jobs[k].Setup][jobs[k].Index] = done[k];
        return new TwoLayerTeacherStudentEnsemble(setups.ToArray(), runs);
    }

    /// <summary>The runs of the set-up <paramref name="setup"/> (compared by reference).</summary>
    /// <param name="setup">One of <see cref="Setups"/>.</param>
    public TwoLayerTeacherStudentTrajectory[] RunsOf(TwoLayerTeacherStudentSetup setup)
    {
        Guard.NotNull(setup);
        for (int c = 0; c < Setups.Count; c++)
            if (ReferenceEquals(Setups[c], setup))
                return Runs[c];
        throw new ArgumentException("setup is not one of this ensemble's set-ups; allowed: an element of Setups.", nameof(setup));
    }

    // Multiply–adds of one GD step (the order of the runs only, never their numbers).
    private static double StepCost(TwoLayerTeacherStudentSetup s)
        => s.Activation == HiddenActivation.Tanh
            ? 2.0 * s.TrainSamples * s.InputDimension * s.HiddenDimension
            : 3.0 * s.InputDimension * s.HiddenDimension * s.OutputDimension;
}
