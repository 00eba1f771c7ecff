using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>Which checkpoints of each training model enter a <see cref="ColPretProtocol"/> fit.</summary>
public enum CheckpointSelection
{
    /// <summary>Every checkpoint that passes the cuts (the paper's default: intermediate checkpoints included).</summary>
    AllCheckpoints,
    /// <summary>Only the last checkpoint of each model that passes the cuts (a fit to "final losses" only).</summary>
    FinalOnly,
}

/// <summary>
/// One prediction of a target model's loss from a scaling law fitted to (parts of) other runs, and its absolute relative
/// error on the end of the target's run.
/// </summary>
/// <param name="Family">The family's name.</param>
/// <param name="Target">The model predicted.</param>
/// <param name="TrainModels">The models whose checkpoints were fitted, by increasing N.</param>
/// <param name="Fraction">q: checkpoints with tokens &lt; q·(longest fitted run) were fitted.</param>
/// <param name="MinimumTokens">Checkpoints with tokens ≤ this were left out of the fit.</param>
/// <param name="Fit">The least-squares fit with its exit reason.</param>
/// <param name="TestPoints">The target's checkpoints the error is averaged over.</param>
/// <param name="AbsoluteRelativeError">ARE = mean |L − L̂|/L over the test points; NaN when the fit did not converge.</param>
/// <param name="TargetFinalLoss">The target's last released loss.</param>
/// <param name="PredictedFinalLoss">L̂ at the target's last checkpoint; NaN when the fit did not converge.</param>
/// <remarks>Choshen, Zhang, Andreas 2024 (arXiv 2410.11840), Sec. 3 and Fig. 2. Notebook 25.</remarks>
public sealed record ColPretPrediction(string Family, string Target, IReadOnlyList<string> TrainModels, double Fraction, double MinimumTokens,
    ChinchillaLeastSquaresResult Fit, int TestPoints, double AbsoluteRelativeError, double TargetFinalLoss, double PredictedFinalLoss)
{
    /// <summary>Number of models fitted.</summary>
    public int ModelCount => TrainModels.Count;

    /// <summary>True when the fit converged and the error is defined.</summary>
    public bool HasPrediction => Fit.IsConverged && double.IsFinite(AbsoluteRelativeError);
}

/// <summary>
/// The estimation protocol of "A Hitchhiker's Guide to Scaling Law Estimation": fit L = E + A·N^−α + B·D^−β (D = tokens
/// seen) by least squares on L to the checkpoints of the k smallest models of a family, all cut at tokens &lt; q·(the
/// longest fitted run) and with checkpoints ≤ 10¹⁰ tokens dropped, then predict the largest model and score the
/// prediction by the mean absolute relative error over the target's checkpoints from 70 % of its run on.
/// </summary>
/// <remarks>
/// Choshen, Zhang, Andreas 2024 (arXiv 2410.11840 v2, ICML 2025), Sec. 3 and Figs. 2, 5, 6; written from the set-up of
/// the authors' repository IBM/ColPret (<c>util/fit_utils.py</c>: <c>hist_fit</c>, <c>hist_one_model_fit</c>,
/// <c>get_model_data</c>; <c>fitting_funcs.py</c>: the start and the bounds). The fit is
/// <see cref="ChinchillaLeastSquares"/>. Deterministic; the grid runs in parallel with the same result at any thread
/// count. Notebook 25.
/// </remarks>
public static class ColPretProtocol
{
    /// <summary>
    /// The starting point (a, b, e, α, β) = (6.255414, 7.3049974, 0.6254804, 0.3526596, 0.3526596) of the authors' fits
    /// (<c>fitting_funcs.py</c>, <c>ChinchillaFit.guess</c>; Muennighoff et al.'s data-constrained fit, huggingface/datablations).
    /// </summary>
    public static ChinchillaLogParameters Start { get; } = new(6.255414, 7.3049974, 0.6254804, 0.3526596, 0.3526596);

    /// <summary>Checkpoints with at most this many tokens are left out of the fits (10¹⁰, <c>cut_beginning</c>).</summary>
    public const double DefaultMinimumTokens = 1e10;

    /// <summary>The error is averaged over the target's checkpoints with tokens ≥ this fraction of its run (0.7).</summary>
    public const double TestFraction = 0.7;

    /// <summary>The training fractions q of the paper's heatmaps: 0.1, 0.2, …, 1.</summary>
    public static IReadOnlyList<double> Fractions { get; } = Enumerable.Range(1, 10).Select(i => i / 10.0).ToArray();

    /// <summary>The one-model fit's fixed components: a and α held at <see cref="Start"/>, b, e, β fitted.</summary>
    public static IReadOnlyList<bool> OneModelFixed { get; } = [true, false, false, true, false];

    /// <summary>ARE = mean |Lᵢ − L̂ᵢ| / Lᵢ.</summary>
    /// <param name="actual">Lᵢ, each &gt; 0 and finite (non-empty).</param>
    /// <param name="predicted">L̂ᵢ, same length; finite.</param>
    public static double AbsoluteRelativeError(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        Guard.NotEmpty(actual);
        Guard.NotNull(predicted);
        Guard.SameLength(predicted.Count, actual.Count, nameof(predicted), nameof(actual));
        Guard.AllFinite(predicted);
        double s = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            double l = actual[i];
            if (!(l > 0 && double.IsFinite(l)))
                throw new ArgumentOutOfRangeException(nameof(actual), l, $"actual[{i}] = {l}; allowed: 0 < L < ∞.");
            s += Math.Abs(l - predicted[i]) / l;
        }
        return s / actual.Count;
    }

    /// <summary>
    /// The fit input: checkpoints of <paramref name="models"/> with tokens &gt; <paramref name="minimumTokens"/> and tokens &lt;
    /// q·T_max, T_max the longest run among <paramref name="models"/> (one cut for all, as in the authors' <c>get_model_data</c>).
    /// </summary>
    /// <param name="models">The training models (non-empty).</param>
    /// <param name="fraction">q. Range: 0 &lt; q ≤ 1.</param>
    /// <param name="minimumTokens">Range: ≥ 0.</param>
    /// <param name="selection">All checkpoints, or each model's last one that passes the cuts.</param>
    /// <returns>The points, or null when none passes.</returns>
    public static LossObservations? TrainingPoints(IReadOnlyList<LossTrajectory> models, double fraction, double minimumTokens = DefaultMinimumTokens,
        CheckpointSelection selection = CheckpointSelection.AllCheckpoints)
    {
        Guard.NotEmpty(models);
        Guard.InRange(fraction, double.Epsilon, 1);
        Guard.NonNegative(minimumTokens);
        Guard.Finite(minimumTokens);
        double cut = fraction * models.Max(m => m.MaxTokens);
        var n = new List<double>();
        var d = new List<double>();
        var l = new List<double>();
        foreach (var m in models)
        {
            var kept = m.Checkpoints.Where(c => c.Tokens > minimumTokens && c.Tokens < cut).ToList();
            if (selection == CheckpointSelection.FinalOnly && kept.Count > 0)
                kept = [kept[^1]];
            foreach (var c in kept)
            {
                n.Add(m.Parameters);
                d.Add(c.Tokens);
                l.Add(c.Loss);
            }
        }
        return n.Count == 0 ? null : new LossObservations(n, d, l);
    }

    /// <summary>The target's test checkpoints: tokens ≥ 0.7·(its run) and tokens &gt; <paramref name="minimumTokens"/>.</summary>
    /// <param name="target">The target model.</param>
    /// <param name="minimumTokens">0 in the multi-model protocol (the authors do not cut the target there), 10¹⁰ in the one-model one.</param>
    public static IReadOnlyList<TrainingCheckpoint> TestPoints(LossTrajectory target, double minimumTokens = 0)
    {
        Guard.NotNull(target);
        Guard.NonNegative(minimumTokens);
        double from = TestFraction * target.MaxTokens;
        return target.Checkpoints.Where(c => c.Tokens >= from && c.Tokens > minimumTokens).ToArray();
    }

    /// <summary>Fits the law to <paramref name="train"/> cut at <paramref name="fraction"/> and scores it on <paramref name="target"/>.</summary>
    /// <param name="familyName">The family's name (for the record).</param>
    /// <param name="train">The training models.</param>
    /// <param name="target">The model predicted.</param>
    /// <param name="fraction">q. Range: 0 &lt; q ≤ 1.</param>
    /// <param name="minimumTokens">The early-checkpoint cut of the fit. Range: ≥ 0.</param>
    /// <param name="testMinimumTokens">The early-checkpoint cut of the test points. Range: ≥ 0.</param>
    /// <param name="fixedComponents">Components of θ held at <see cref="Start"/> (null: none).</param>
    /// <param name="selection">All checkpoints or final ones only.</param>
    public static ColPretPrediction Predict(string familyName, IReadOnlyList<LossTrajectory> train, LossTrajectory target, double fraction,
        double minimumTokens = DefaultMinimumTokens, double testMinimumTokens = 0, IReadOnlyList<bool>? fixedComponents = null,
        CheckpointSelection selection = CheckpointSelection.AllCheckpoints)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(familyName);
        Guard.NotEmpty(train);
        Guard.NotNull(target);
        var points = TrainingPoints(train, fraction, minimumTokens, selection);
        var test = TestPoints(target, testMinimumTokens);
        int free = fixedComponents?.Count(f => !f) ?? 5;
        var fit = points is null
            ? new ChinchillaLeastSquaresResult(Start, 0, 0, LeastSquaresExit.TooFewPoints, 0, free)
            : ChinchillaLeastSquares.Fit(points, Start, fixedComponents);
        double are = double.NaN, last = double.NaN;
        if (fit.IsConverged && test.Count > 0)
        {
            var predicted = test.Select(c => fit.Predict(target.Parameters, c.Tokens)).ToArray();
            if (predicted.All(double.IsFinite))
                are = AbsoluteRelativeError(test.Select(c => c.Loss).ToArray(), predicted);
            last = fit.Predict(target.Parameters, target.MaxTokens);
        }
        return new ColPretPrediction(familyName, target.Model, train.Select(m => m.Model).ToArray(), fraction, minimumTokens, fit, test.Count, are,
            target.FinalLoss, last);
    }

    /// <summary>Predicts the family's largest model from its <paramref name="modelCount"/> smallest.</summary>
    /// <param name="family">The family (at least two models).</param>
    /// <param name="modelCount">k. Range: 1 ≤ k ≤ (models − 1).</param>
    /// <param name="fraction">q. Range: 0 &lt; q ≤ 1.</param>
    /// <param name="minimumTokens">The early-checkpoint cut (10¹⁰ in the paper; 0 = none). Range: ≥ 0.</param>
    /// <param name="selection">All checkpoints or final ones only.</param>
    public static ColPretPrediction PredictLargest(TrajectoryFamily family, int modelCount, double fraction, double minimumTokens = DefaultMinimumTokens,
        CheckpointSelection selection = CheckpointSelection.AllCheckpoints)
    {
        Guard.NotNull(family);
        if (family.Models.Count < 2)
            throw new ArgumentException($"Family '{family.Name}' has {family.Models.Count} model; allowed: at least 2 (a target and a smaller one).", nameof(family));
        Guard.InRange(modelCount, 1, family.Models.Count - 1);
        return Predict(family.Name, family.Models.Take(modelCount).ToArray(), family.Target, fraction, minimumTokens, 0, null, selection);
    }

    /// <summary>
    /// The paper's heatmap (Fig. 2): every k from 2 to (models − 1) and every q of <paramref name="fractions"/>, in the
    /// order k ascending, then q ascending. Families with fewer than 3 models give an empty list.
    /// </summary>
    /// <param name="family">The family.</param>
    /// <param name="fractions">The q values (default <see cref="Fractions"/>), each in (0, 1].</param>
    /// <param name="minimumTokens">The early-checkpoint cut. Range: ≥ 0.</param>
    /// <param name="selection">All checkpoints or final ones only.</param>
    /// <param name="maxDegreeOfParallelism">Threads (null: all cores); the result does not depend on it.</param>
    public static IReadOnlyList<ColPretPrediction> Grid(TrajectoryFamily family, IReadOnlyList<double>? fractions = null, double minimumTokens = DefaultMinimumTokens,
        CheckpointSelection selection = CheckpointSelection.AllCheckpoints, int? maxDegreeOfParallelism = null)
    {
        Guard.NotNull(family);
        fractions ??= Fractions;
        Guard.NotEmpty(fractions);
        foreach (double q in fractions)
            Guard.InRange(q, double.Epsilon, 1, nameof(fractions));
        var cells = new List<(int K, double Q)>();
        for (int k = 2; k <= family.Models.Count - 1; k++)
            foreach (double q in fractions)
                cells.Add((k, q));
        return Sweep.Run(cells, 0, (c, _) => PredictLargest(family, c.K, c.Q, minimumTokens, selection), maxDegreeOfParallelism);
    }

    /// <summary>
    /// The one-model variant (Fig. 6): a and α fixed at <see cref="Start"/>, b, e, β fitted to one model's checkpoints
    /// (tokens &gt; 10¹⁰ and &lt; q·its run), scored on the largest model's checkpoints from 70 % of its run with tokens &gt; 10¹⁰
    /// (<c>hist_one_model_fit</c>). The model may be the target itself.
    /// </summary>
    /// <param name="family">The family.</param>
    /// <param name="modelIndex">The fitted model's index by size. Range: 0 ≤ i &lt; models.</param>
    /// <param name="fraction">q. Range: 0 &lt; q ≤ 1.</param>
    public static ColPretPrediction PredictFromOneModel(TrajectoryFamily family, int modelIndex, double fraction)
    {
        Guard.NotNull(family);
        Guard.InRange(modelIndex, 0, family.Models.Count - 1);
        return Predict(family.Name, [family.Models[modelIndex]], family.Target, fraction, DefaultMinimumTokens, DefaultMinimumTokens, OneModelFixed);
    }

    /// <summary>The one-model heatmap: every model (target included) × every q, model ascending then q ascending.</summary>
    /// <param name="family">The family.</param>
    /// <param name="fractions">The q values (default <see cref="Fractions"/>).</param>
    /// <param name="maxDegreeOfParallelism">Threads (null: all cores); the result does not depend on it.</param>
    public static IReadOnlyList<ColPretPrediction> OneModelGrid(TrajectoryFamily family, IReadOnlyList<double>? fractions = null, int? maxDegreeOfParallelism = null)
    {
        Guard.NotNull(family);
        fractions ??= Fractions;
        Guard.NotEmpty(fractions);
        foreach (double q in fractions)
            Guard.InRange(q, double.Epsilon, 1, nameof(fractions));
        var cells = new List<(int I, double Q)>();
        for (int i = 0; i < family.Models.Count; i++)
            foreach (double q in fractions)
                cells.Add((i, q));
        return Sweep.Run(cells, 0, (c, _) => PredictFromOneModel(family, c.I, c.Q), maxDegreeOfParallelism);
    }
}
