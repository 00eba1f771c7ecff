using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// The accuracy jump times of simulated two-layer runs against Eq. 19, run by run (each run's theory uses that run's
/// own ‖D₀‖²), optionally also against the frozen-Gram refinement, with the drift of h(t) = (‖S⁽⁰⁾‖² + ‖S⁽¹⁾‖²)/2.
/// </summary>
/// <param name="Simulated">t*_tr and t*_gen of each run, at the accuracy level.</param>
/// <param name="Equation19">The same crossings of Eq. 19 (<see cref="TwoLayerLinearTheory"/>) with the run's ‖D₀‖².</param>
/// <param name="TrainRatio">Simulated / Eq. 19 t*_tr, per run.</param>
/// <param name="GeneralizationRatio">Simulated / Eq. 19 t*_gen, per run.</param>
/// <param name="FrozenGram">The crossings of <see cref="FrozenGramTwoLayerTheory"/> per run, or null when not asked for.</param>
/// <param name="FrozenTrainRatio">Simulated / frozen-Gram t*_tr per run, or null.</param>
/// <param name="FrozenGeneralizationRatio">Simulated / frozen-Gram t*_gen per run, or null.</param>
/// <param name="MaxHalfTraceDrift">max over runs and recorded steps of |h(t)/h(0) − 1| (Eq. 18 says h stays ≃ h₀).</param>
/// <remarks>Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441), Sec. 4, Eqs. 18–19, Fig. 5. Used in notebook 02.</remarks>
public sealed record TwoLayerJumpTimes(
    GrokkingTimes[] Simulated,
    GrokkingTimes[] Equation19,
    double[] TrainRatio,
    double[] GeneralizationRatio,
    GrokkingTimes[]? FrozenGram,
    double[]? FrozenTrainRatio,
    double[]? FrozenGeneralizationRatio,
    double MaxHalfTraceDrift)
{
    /// <summary>Compares the runs of one set-up with Eq. 19 (and, when <paramref name="frozenGramDraws"/> &gt; 0, with the frozen-Gram theory).</summary>
    /// <param name="setup">The runs' set-up (its λ, η and d_out enter the theories).</param>
    /// <param name="runs">The runs. Non-empty, no null, each with at least one recorded step.</param>
    /// <param name="errorThreshold">ε of the theories' accuracy. Range: ε &gt; 0.</param>
    /// <param name="level">The accuracy level of the crossings. Range: 0 &lt; level &lt; 1.</param>
    /// <param name="frozenGramDraws">χ² draws of <see cref="FrozenGramTwoLayerTheory"/> per run; 0 = no frozen-Gram comparison.
    /// Range: 0 or ≥ 100.</param>
    /// <param name="frozenGramSeed">Run i's frozen-Gram draws come from <c>new Random(frozenGramSeed + i)</c>.</param>
    public static TwoLayerJumpTimes Of(TwoLayerTeacherStudentSetup setup, IReadOnlyList<TwoLayerTeacherStudentTrajectory> runs, double errorThreshold, double level,
        int frozenGramDraws = 0, int frozenGramSeed = 0)
    {
        Guard.NotNull(setup);
        Guard.NotEmpty(runs);
        for (int i = 0; i < runs.Count; i++)
            Guard.NotNull(runs[i], $"runs[{i}]");
        Guard.Positive(errorThreshold);
        Guard.InOpenRange(level, 0, 1);
        if (frozenGramDraws != 0)
            Guard.AtLeast(frozenGramDraws, 100);
        if (frozenGramDraws > 0 && frozenGramSeed > int.MaxValue - runs.Count)
            throw new ArgumentOutOfRangeException(nameof(frozenGramSeed), frozenGramSeed, $"frozenGramSeed = {frozenGramSeed} overflows frozenGramSeed + i for {runs.Count} runs; allowed: ≤ {int.MaxValue - runs.Count}.");

        var sim = runs.Select(r => r.CrossingTimes(level)).ToArray();
        var eq19 = runs.Select(r => setup.Theory(r.InitialResidualNorm).CrossingTimes(errorThreshold)).ToArray();
        GrokkingTimes[]? frozen = null;
        if (frozenGramDraws > 0)
            frozen = runs.Select((r, i) => new FrozenGramTwoLayerTheory(setup.AspectRatio, setup.LearningRate, r.SecondLayerGramEigenvalues, r.InitialResidualNorm,
                frozenGramDraws, new Random(frozenGramSeed + i)).CrossingTimes(errorThreshold, level)).ToArray();
        double drift = runs.Max(r => r.HalfTrace.Max(h => Math.Abs(h / r.HalfTrace[0] - 1)));
        return new TwoLayerJumpTimes(sim, eq19,
            Ratios(sim, eq19, t => t.TrainCrossing), Ratios(sim, eq19, t => t.GeneralizationCrossing),
            frozen,
            frozen is null ? null : Ratios(sim, frozen, t => t.TrainCrossing),
            frozen is null ? null : Ratios(sim, frozen, t => t.GeneralizationCrossing),
            drift);
    }

    private static double[] Ratios(GrokkingTimes[] numerator, GrokkingTimes[] denominator, Func<GrokkingTimes, double> pick)
        => numerator.Select((s, i) => pick(s) / pick(denominator[i])).ToArray();
}
