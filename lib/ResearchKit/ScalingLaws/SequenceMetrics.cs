using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>What a multiple-choice grade scores when the correct option does not hold the most probability mass.</summary>
public enum MultipleChoiceFloor
{
    /// <summary>0, the paper's definition (Sec. 1): "1 if highest probability mass on correct option, 0 otherwise".</summary>
    Zero,

    /// <summary>1/K, chance over K options: how the paper's Fig. 2D draws the grade below the step (our reading of the figure).</summary>
    Chance,
}

/// <summary>
/// The metrics of Schaeffer, Miranda and Koyejo's mathematical model as functions of the per-token probability p of
/// the correct token: exact match (Accuracy) p^L, token edit distance L(1 − p), multiple-choice grade (a step in p)
/// and Brier score (1 − p)².
/// </summary>
/// <remarks>
/// Schaeffer, Miranda, Koyejo 2023 (arXiv 2304.15004): Sec. 1 (Multiple Choice Grade, Exact String Match), Sec. 2 and
/// App. A.2–A.3 (Accuracy ≈ p^L, Token Edit Distance ≈ L(1 − p), both with tokens independent), Sec. 4 (Brier score of
/// a binary outcome: the squared error between 1 and the mass on the outcome). Notebook 12.
/// </remarks>
public static class SequenceMetrics
{
    /// <summary>Accuracy (exact string match) of an L-token target with independent tokens: p^L (Sec. 2, App. A.3).</summary>
    /// <param name="tokenProbability">p. Range: 0 ≤ p ≤ 1.</param>
    /// <param name="targetLength">L. Range: L ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public static double ExactMatch(double tokenProbability, int targetLength)
    {
        Guard.InRange(tokenProbability, 0, 1);
        Guard.Positive(targetLength);
        return Math.Pow(tokenProbability, targetLength);
    }

    /// <summary>Expected token edit distance with substitutions only: L(1 − p) (Sec. 2, App. A.2, Eq. 8 read as L·ϵ).</summary>
    /// <param name="tokenProbability">p. Range: 0 ≤ p ≤ 1.</param>
    /// <param name="targetLength">L. Range: L ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public static double TokenEditDistance(double tokenProbability, int targetLength)
    {
        Guard.InRange(tokenProbability, 0, 1);
        Guard.Positive(targetLength);
        return targetLength * (1 - tokenProbability);
    }

    /// <summary>
    /// Multiple-choice grade of one question with K options, the correct one carrying mass p and the other K − 1
    /// sharing 1 − p evenly (our assumption; the paper does not say how the rest is spread): 1 when the correct option
    /// holds the most mass (p &gt; 1/K), otherwise <paramref name="floor"/> (0 by the paper's definition, 1/K as Fig. 2D
    /// draws it).
    /// </summary>
    /// <param name="correctProbability">p, mass on the correct option. Range: 0 ≤ p ≤ 1.</param>
    /// <param name="choices">K, the number of options. Range: K ≥ 2.</param>
    /// <param name="floor">What the grade is below the step.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public static double MultipleChoiceGrade(double correctProbability, int choices, MultipleChoiceFloor floor = MultipleChoiceFloor.Zero)
    {
        Guard.InRange(correctProbability, 0, 1);
        Guard.AtLeast(choices, 2);
        if (floor is not (MultipleChoiceFloor.Zero or MultipleChoiceFloor.Chance))
            throw new ArgumentOutOfRangeException(nameof(floor), floor, $"floor = {floor} is out of range; allowed: Zero or Chance.");
        // p > (1 − p)/(K − 1)  ⇔  p > 1/K; ties (p = 1/K) are not a win.
        if (correctProbability * choices > 1)
            return 1;
        return floor == MultipleChoiceFloor.Zero ? 0 : 1.0 / choices;
    }

    /// <summary>Brier score of a binary outcome: (1 − p)², the squared error between 1 and the mass on the correct outcome (Sec. 4).</summary>
    /// <param name="correctProbability">p. Range: 0 ≤ p ≤ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public static double BrierScore(double correctProbability)
    {
        Guard.InRange(correctProbability, 0, 1);
        return (1 - correctProbability) * (1 - correctProbability);
    }
}
