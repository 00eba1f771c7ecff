using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// The budget identities of a repetition sweep: tokens T = 20·OT·N, compute C = 6·N·T = 120·OT·N², and the unique
/// tokens of the repeated pool D_r = f·T/R when a share f of the tokens comes from a pool replayed R times.
/// </summary>
/// <remarks>
/// Chudnovsky, Kazdan, Levi, Schaeffer et al. 2026 (arXiv 2606.24998), Eqs. (1)–(2) as read in secondary course notes
/// on v1; f = 0.1 throughout the paper. Notebook 11.
/// </remarks>
public static class RepetitionBudget
{
    /// <summary>The paper's repeated-token share f = 0.1.</summary>
    public const double PaperRepeatedFraction = 0.1;

    /// <summary>T = 20·OT·N.</summary>
    /// <param name="parameters">N. Range: finite, &gt; 0.</param>
    /// <param name="overtraining">OT (1 = Chinchilla's 20 tokens per parameter). Range: finite, &gt; 0.</param>
    public static double Tokens(double parameters, double overtraining = 1)
    {
        Guard.Positive(parameters);
        Guard.Finite(parameters);
        Guard.Positive(overtraining);
        Guard.Finite(overtraining);
        return 20 * overtraining * parameters;
    }

    /// <summary>C = 6·N·T = 120·OT·N².</summary>
    /// <param name="parameters">N. Range: finite, &gt; 0.</param>
    /// <param name="overtraining">OT. Range: finite, &gt; 0.</param>
    public static double Compute(double parameters, double overtraining = 1) => 6 * parameters * Tokens(parameters, overtraining);

    /// <summary>D_r = f·T/R, the unique tokens of a pool that fills a share f of the run when replayed R times.</summary>
    /// <param name="parameters">N. Range: finite, &gt; 0.</param>
    /// <param name="repeats">R. Range: finite, ≥ 1.</param>
    /// <param name="overtraining">OT. Range: finite, &gt; 0.</param>
    /// <param name="repeatedFraction">f. Range: (0, 1].</param>
    public static double RepeatedPool(double parameters, double repeats, double overtraining = 1, double repeatedFraction = PaperRepeatedFraction)
    {
        Guard.Finite(repeats);
        if (!(repeats >= 1))
            throw new ArgumentOutOfRangeException(nameof(repeats), repeats, FormattableString.Invariant($"repeats = {repeats:G6}; allowed: R ≥ 1."));
        Guard.Positive(repeatedFraction);
        Guard.InRange(repeatedFraction, 0, 1);
        return repeatedFraction * Tokens(parameters, overtraining) / repeats;
    }
}
