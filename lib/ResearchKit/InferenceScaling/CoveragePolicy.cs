using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// How a fixed budget of attempts is spread over a finite set of questions. Solve-to-completion keeps sampling one
/// question until it is solved and only then moves to the next; Reset-and-Discard (ReD) gives each question at most
/// τ consecutive attempts, then resets to the next unsolved question in round-robin order, and discards a question
/// from the queue as soon as it is solved. Solve-to-completion is ReD with τ = ∞.
/// </summary>
/// <remarks>
/// Meir, Keidar, Levi, Reuveni, Hirshberg, "More Bang for the Buck … Reset and Discard (ReD)", arXiv 2601.21522
/// (Sec. 3–4). The round-robin reading of the reset follows the project's spec (the paper body could not be read
/// here; see notebook 07). Used by notebook 07.
/// </remarks>
public sealed record CoveragePolicy
{
    private CoveragePolicy(int resetInterval) => ResetInterval = resetInterval;

    /// <summary>τ, the number of consecutive attempts a question gets before a reset; <see cref="int.MaxValue"/> for never.</summary>
    public int ResetInterval { get; }

    /// <summary>True for solve-to-completion (τ = ∞).</summary>
    public bool NeverResets => ResetInterval == int.MaxValue;

    /// <summary>Solve-to-completion: one question at a time until it is solved.</summary>
    public static CoveragePolicy SolveToCompletion { get; } = new(int.MaxValue);

    /// <summary>Reset-and-Discard with reset interval τ.</summary>
    /// <param name="resetInterval">τ, consecutive attempts per visit. Range: τ ≥ 1 (τ = 1 is round-robin over unsolved questions).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resetInterval"/> &lt; 1.</exception>
    public static CoveragePolicy ResetAndDiscard(int resetInterval = 1)
    {
        Guard.Positive(resetInterval);
        return new CoveragePolicy(resetInterval);
    }

    /// <summary>A short label for legends: "solve-to-completion" or "ReD τ = …".</summary>
    public string Name => NeverResets ? "solve-to-completion" : $"ReD τ = {ResetInterval}";

    /// <inheritdoc />
    public override string ToString() => Name;
}
