using MathNet.Numerics.Distributions;
using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// A stand-in for the CIFAR-10H experiment of the LID paper that needs no images and no network: each image's
/// intrinsic difficulty is its human label distribution (counts of annotators per class), the reference answer is
/// the plurality label, and the "model" is a student that has seen N annotator votes of the image (drawn without
/// replacement) and answers by sampling from its additively smoothed vote frequencies. A student that has seen few
/// votes is confidently wrong on some images (its training bias); as N grows its distribution approaches the human
/// one and the failure curve 1 − pass@k approaches the intrinsic, human-disagreement curve.
/// </summary>
/// <remarks>
/// <para>
/// Substitute for Levi, arXiv 2601.03764, CIFAR-10H proxy (frozen ResNet-18 + linear head trained on N images, not
/// available here). What differs: the learning axis is votes per image, not training images; there are no
/// features; the reference label is the human plurality (CIFAR-10's own labels are not in the data files).
/// 1 − pass@k is computed exactly: mean over images of Σ_m Hyp(m; n_i, c_i, N) (1 − (m + a)/(N + 10a))^k, with
/// c_i the plurality count, n_i the annotators and a the smoothing.
/// </para>
/// <para>Used by notebook 08.</para>
/// </remarks>
public sealed class LatentInstanceDifficultyLabelNoiseProxy
{
    private readonly int[] _annotators;
    private readonly int[] _plurality;

    private LatentInstanceDifficultyLabelNoiseProxy(int[] annotators, int[] plurality, int classCount)
    {
        _annotators = annotators;
        _plurality = plurality;
        ClassCount = classCount;
    }

    /// <summary>The number of images.</summary>
    public int ImageCount => _annotators.Length;

    /// <summary>The number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>The smallest number of annotators of any image: the largest N a student can see.</summary>
    public int MaxVotes => _annotators.Min();

    /// <summary>The share of images whose annotators were unanimous.</summary>
    public double UnanimousFraction => Enumerable.Range(0, ImageCount).Count(i => _plurality[i] == _annotators[i]) / (double)ImageCount;

    /// <summary>Builds the proxy from per-image annotator counts.</summary>
    /// <param name="counts">counts[i, j]: annotators choosing class j for image i. Range: each ≥ 0; every row sum ≥ 1; at least 2 classes.</param>
    /// <exception cref="ArgumentException">Null, fewer than 2 classes, a negative count or an empty row (the message names the row).</exception>
    public static LatentInstanceDifficultyLabelNoiseProxy FromCounts(int[,] counts)
    {
        Guard.NotNull(counts);
        int images = counts.GetLength(0), classes = counts.GetLength(1);
        if (images < 1 || classes < 2)
            throw new ArgumentException($"counts is {images}×{classes}; allowed: at least 1 image and 2 classes.", nameof(counts));
        var annotators = new int[images];
        var plurality = new int[images];
        for (int i = 0; i < images; i++)
        {
            for (int j = 0; j < classes; j++)
            {
                int c = counts[i, j];
                if (c < 0)
                    throw new ArgumentOutOfRangeException(nameof(counts), c, $"counts[{i}, {j}] = {c} is negative; allowed: counts ≥ 0.");
                annotators[i] += c;
                plurality[i] = Math.Max(plurality[i], c);
            }
            if (annotators[i] == 0)
                throw new ArgumentException($"counts row {i} sums to 0; allowed: every image has at least one annotator.", nameof(counts));
        }
        return new LatentInstanceDifficultyLabelNoiseProxy(annotators, plurality, classes);
    }

    /// <summary>1 − pass@k of the student that has seen N votes per image (exact expectation over which votes it saw).</summary>
    /// <param name="votesSeen">N. Range: 0 ≤ N ≤ <see cref="MaxVotes"/>.</param>
    /// <param name="ks">Attempt budgets. Range: each k ≥ 1; at least one.</param>
    /// <param name="smoothing">a, the additive (Dirichlet) smoothing per class. Range: a &gt; 0.</param>
    /// <exception cref="ArgumentException">An argument outside its range.</exception>
    public double[] FailureCurve(int votesSeen, IReadOnlyList<int> ks, double smoothing = 1)
    {
        Guard.InRange(votesSeen, 0, MaxVotes);
        ValidateKs(ks);
        Guard.Positive(smoothing);
        var result = new double[ks.Count];
        // Images with the same (annotators, plurality count) have the same curve: evaluate each pair once.
        foreach (var group in Enumerable.Range(0, ImageCount).GroupBy(i => (_annotators[i], _plurality[i])))
        {
            int n = group.Key.Item1, c = group.Key.Item2, weight = group.Count();
            var hyper = new MathNet.Numerics.Distributions.Hypergeometric(n, c, votesSeen);
            for (int m = Math.Max(0, votesSeen - (n - c)); m <= Math.Min(votesSeen, c); m++)
            {
                double pm = hyper.Probability(m);
                double success = (m + smoothing) / (votesSeen + ClassCount * smoothing);
                for (int t = 0; t < ks.Count; t++)
                    result[t] += weight * pm * Math.Pow(1 - success, ks[t]);
            }
        }
        for (int t = 0; t < ks.Count; t++)
            result[t] /= ImageCount;
        return result;
    }

    /// <summary>The intrinsic (human) curve: 1 − pass@k when attempts are draws from the full human label distribution, mean of (1 − c_i/n_i)^k.</summary>
    /// <param name="ks">Attempt budgets. Range: each k ≥ 1; at least one.</param>
    public double[] HumanFailureCurve(IReadOnlyList<int> ks)
    {
        ValidateKs(ks);
        var result = new double[ks.Count];
        for (int i = 0; i < ImageCount; i++)
        {
            double miss = 1 - (double)_plurality[i] / _annotators[i];
            for (int t = 0; t < ks.Count; t++)
                result[t] += Math.Pow(miss, ks[t]);
        }
        for (int t = 0; t < ks.Count; t++)
            result[t] /= ImageCount;
        return result;
    }

    private static void ValidateKs(IReadOnlyList<int>? ks)
    {
        Guard.NotEmpty(ks);
        for (int m = 0; m < ks!.Count; m++)
        {
            if (ks[m] < 1)
                throw new ArgumentOutOfRangeException(nameof(ks), ks[m], $"ks[{m}] = {ks[m]} is out of range; allowed: k ≥ 1.");
        }
    }
}
