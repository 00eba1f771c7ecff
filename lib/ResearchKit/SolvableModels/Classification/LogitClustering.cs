using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// How tightly a K-class linear classifier's logit vectors cluster: the within-class spread against the distance
/// between class centres, and the largest distance of a sample's logits from its class's simplex vertex.
/// </summary>
/// <remarks>Beck, Bar Sinai &amp; Levi (arXiv 2602.12039), Sec. 7.2, Figs. 7–8 and Prop. D.2: with a logit penalty the
/// logits of every class collapse to the vertex z*_(c) (<see cref="SoftmaxDynamics.VertexTarget"/>); without one they
/// scatter. Notebook 05.</remarks>
public static class LogitClustering
{
    /// <summary>
    /// The root-mean-square distance of each sample's logit vector from its class centre, divided by the mean
    /// Euclidean distance between two class centres (over the K(K − 1)/2 pairs). 0 when every class sits at one point.
    /// </summary>
    /// <param name="logits">z, one row per sample, one column per class. Range: finite, K ≥ 2 columns.</param>
    /// <param name="labels">The samples' classes. Range: one per row, each in 0 … K − 1, every class present.</param>
    public static double WithinToBetweenSpread(Matrix<double> logits, IReadOnlyList<int> labels)
    {
        int k = Validate(logits, labels);
        double within = 0, between = 0;
        var centres = new double[k][];
        for (int c = 0; c < k; c++)
        {
            var idx = Enumerable.Range(0, labels.Count).Where(i => labels[i] == c).ToArray();
            centres[c] = Enumerable.Range(0, k).Select(j => idx.Average(i => logits[i, j])).ToArray();
            within += idx.Sum(i => Enumerable.Range(0, k).Sum(j => Math.Pow(logits[i, j] - centres[c][j], 2)));
        }
        within = Math.Sqrt(within / labels.Count);
        for (int a = 0; a < k; a++)
            for (int b = a + 1; b < k; b++)
                between += Math.Sqrt(Enumerable.Range(0, k).Sum(j => Math.Pow(centres[a][j] - centres[b][j], 2)));
        return within / (between / (k * (k - 1) / 2));
    }

    /// <summary>
    /// max over samples i and classes j of |z_ij − z*_(y_i), j| / z_high, where the vertex z*_(c) has z_high at index c
    /// and z_low elsewhere (<see cref="SoftmaxDynamics.VertexTarget"/> for the loss's α): 0 when every logit sits at
    /// its vertex.
    /// </summary>
    /// <param name="logits">z, one row per sample, one column per class. Range: finite, K ≥ 2 columns.</param>
    /// <param name="labels">The samples' classes. Range: one per row, each in 0 … K − 1, every class present.</param>
    /// <param name="alpha">The penalty α of the loss (1 − α) CE + α ‖z‖². Range: 0 &lt; α &lt; 1.</param>
    public static double LargestVertexError(Matrix<double> logits, IReadOnlyList<int> labels, double alpha)
    {
        int k = Validate(logits, labels);
        var vertex = SoftmaxDynamics.VertexTarget(alpha, k);
        return Enumerable.Range(0, labels.Count).Max(i => Enumerable.Range(0, k).Max(j => Math.Abs(logits[i, j] - (j == labels[i] ? vertex.High : vertex.Low)))) / vertex.High;
    }

    private static int Validate(Matrix<double> logits, IReadOnlyList<int> labels)
    {
        Guard.NotNull(logits);
        Guard.NotNull(labels);
        int k = logits.ColumnCount;
        if (k < 2)
            throw new ArgumentException($"logits has {k} column(s); allowed: one column per class, K ≥ 2.", nameof(logits));
        Guard.SameLength(labels.Count, logits.RowCount, nameof(labels), "logits rows");
        var seen = new bool[k];
        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i] < 0 || labels[i] >= k)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"labels[{i}] = {labels[i]}; allowed: a class 0 … {k - 1} (one per logits column).");
            seen[labels[i]] = true;
            for (int j = 0; j < k; j++)
                if (!double.IsFinite(logits[i, j]))
                    throw new ArgumentException($"logits[{i}, {j}] = {logits[i, j]} is not finite; allowed: finite logits.", nameof(logits));
        }
        int missing = Array.IndexOf(seen, false);
        if (missing >= 0)
            throw new ArgumentException($"class {missing} has no sample; allowed: labels with every class 0 … {k - 1} present (a class centre needs a sample).", nameof(labels));
        return k;
    }
}
