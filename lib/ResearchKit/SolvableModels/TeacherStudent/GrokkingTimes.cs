namespace ResearchKit.SolvableModels;

/// <summary>Times at which the training and the generalisation accuracy first reach a level, and their gap.</summary>
/// <param name="TrainCrossing">t*_tr (GD steps); +∞ if never reached.</param>
/// <param name="GeneralizationCrossing">t*_gen (GD steps); +∞ if never reached.</param>
/// <remarks>Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441), Sec. 3 and Fig. 1 (right). Used in notebooks 02 and 04.</remarks>
public sealed record GrokkingTimes(double TrainCrossing, double GeneralizationCrossing)
{
    /// <summary>The grokking time Δt = t*_gen − t*_tr (+∞ if the generalisation accuracy never reaches the level).</summary>
    public double Gap => GeneralizationCrossing - TrainCrossing;
}
