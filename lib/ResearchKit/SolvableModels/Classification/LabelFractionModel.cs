using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// The constant-label model with a minority of opposite labels: xᵢ ~ N(0, σ² I_d), independent of the label; a
/// fraction r of the points is labelled +1 and the rest −1. The labels carry no information about x, so the best
/// classifier predicts the majority label everywhere (w = 0, b &gt; 0 for r &gt; ½) and its accuracy is r. For a
/// classifier (w, b) the fraction of fresh points given the label +1 is a = Φ(b/(σ‖w‖)) and the test accuracy is
/// r·a + (1 − r)(1 − a).
/// </summary>
/// <remarks>
/// Beck, Levi &amp; Bar-Sinai (arXiv 2410.04489), Fig. 16 (label fraction r ∈ {1, 0.99, 0.95} at λ = 0.48); r = 1 is
/// <see cref="ConstantLabelModel"/>. Same sign convention as <see cref="ConstantLabelModel"/> (a point is correct
/// when y(w·x + b) &gt; 0). Notebook 03.
/// </remarks>
public sealed class LabelFractionModel : ILinearClassificationTask
{
    // The points (and so the margin's spread) are the constant-label model's; only the labels differ.
    private readonly ConstantLabelModel _points;

    /// <summary>Creates the model.</summary>
    /// <param name="dimension">d. Range: d ≥ 1.</param>
    /// <param name="noiseScale">σ, the per-coordinate standard deviation. Range: σ &gt; 0.</param>
    /// <param name="labelFraction">r, the fraction of points labelled +1. Range: ½ ≤ r ≤ 1 (+1 is the majority label).</param>
    public LabelFractionModel(int dimension, double noiseScale, double labelFraction)
    {
        Guard.Positive(dimension);
        Guard.Positive(noiseScale);
        Guard.InRange(labelFraction, 0.5, 1);
        Dimension = dimension;
        NoiseScale = noiseScale;
        LabelFraction = labelFraction;
        _points = new ConstantLabelModel(dimension, noiseScale);
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>σ.</summary>
    public double NoiseScale { get; }

    /// <summary>r.</summary>
    public double LabelFraction { get; }

    /// <summary>The accuracy of the best classifier (always the majority label): r.</summary>
    public double BayesAccuracy => LabelFraction;

    /// <summary>The number of minority (−1) labels in a training set of N points: N − round(rN).</summary>
    /// <param name="count">N. Range: N ≥ 1.</param>
    public int MinorityCount(int count)
    {
        Guard.Positive(count);
        return count - (int)Math.Round(LabelFraction * count, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Draws N points; exactly <see cref="MinorityCount"/> of them, chosen at random, carry the label −1 (so the
    /// training set's label fraction is r up to rounding, not a binomial draw).
    /// </summary>
    public ClassificationSample Sample(int count, Random random)
    {
        var sample = _points.Sample(count, random);
        var y = sample.Labels;
        // Partial Fisher–Yates: the first m positions of a random permutation get the minority label.
        var order = Enumerable.Range(0, count).ToArray();
        int m = MinorityCount(count);
        for (int k = 0; k < m; k++)
        {
            int pick = k + random.Next(count - k);
            (order[k], order[pick]) = (order[pick], order[k]);
            y[order[k]] = -1;
        }
        return sample;
    }

    /// <summary>a = P[w·x + b &gt; 0] = Φ(b/(σ‖w‖)): the fraction of fresh points given the majority label.</summary>
    /// <param name="weights">w, length d, finite.</param>
    /// <param name="bias">b, finite.</param>
    public double MajorityRate(IReadOnlyList<double> weights, double bias)
        => GaussianMargin.PositiveProbability(bias, _points.MarginScale(weights, bias));

    /// <inheritdoc />
    public double TestAccuracy(IReadOnlyList<double> weights, double bias)
    {
        double a = MajorityRate(weights, bias);
        return LabelFraction * a + (1 - LabelFraction) * (1 - a);
    }

    /// <inheritdoc />
    public double TestLoss(IReadOnlyList<double> weights, double bias, MarginLoss loss)
    {
        Guard.NotNull(loss);
        double sd = _points.MarginScale(weights, bias);
        // The margin y(w·x + b) is N(b, σ²‖w‖²) for y = +1 and N(−b, σ²‖w‖²) for y = −1.
        double majority = GaussianMargin.ExpectedLoss(bias, sd, loss);
        double minority = LabelFraction < 1 ? GaussianMargin.ExpectedLoss(-bias, sd, loss) : 0;
        return LabelFraction * majority + (1 - LabelFraction) * minority;
    }
}
