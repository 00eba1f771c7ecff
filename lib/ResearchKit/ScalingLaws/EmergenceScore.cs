using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// The emergence score of BIG-Bench (Srivastava et al. 2022) as Schaeffer, Miranda and Koyejo use it (Sec. 4): with the
/// points sorted by scale x_i,
/// sign(argmax_i y_i − argmin_i y_i)·(max y − min y) / √Median({(y_i − y_{i−1})²}).
/// Large positive values flag a jump concentrated in a few steps; it is invariant under y → a·y + b with a &gt; 0.
/// </summary>
/// <remarks>
/// arXiv 2304.15004, Sec. 4 (used for Fig. 5A); Srivastava et al., arXiv 2206.04615. When the median squared step is 0
/// (at least half the steps are flat) and the range is not, the score is ±∞; a constant series scores 0. Notebook 12.
/// </remarks>
public static class EmergenceScore
{
    /// <summary>The emergence score of performance <paramref name="performance"/> at scales <paramref name="scales"/>.</summary>
    /// <param name="scales">x_i, e.g. parameter counts; any order, distinct. Range: each finite; at least two.</param>
    /// <param name="performance">y_i, same length. Range: each finite.</param>
    /// <returns>The score; ±∞ when the median squared step is 0 but the range is not; 0 for a constant series.</returns>
    /// <exception cref="ArgumentException">Fewer than two points, different lengths, a non-finite value, or repeated scales.</exception>
    public static double Compute(IReadOnlyList<double> scales, IReadOnlyList<double> performance)
    {
        Guard.AllFinite(scales);
        Guard.AllFinite(performance);
        Guard.SameLength(performance.Count, scales.Count, nameof(performance), nameof(scales));
        if (scales.Count < 2)
            throw new ArgumentException($"scales has {scales.Count} point; allowed: at least 2 (one step).", nameof(scales));
        int[] order = Enumerable.Range(0, scales.Count).OrderBy(i => scales[i]).ToArray();
        for (int j = 1; j < order.Length; j++)
        {
            if (scales[order[j]] == scales[order[j - 1]])
                throw new ArgumentException($"scales repeats the value {scales[order[j]]}; allowed: distinct scales.", nameof(scales));
        }
        double[] y = order.Select(i => performance[i]).ToArray();
        int argMax = 0, argMin = 0;
        for (int i = 1; i < y.Length; i++)
        {
            if (y[i] > y[argMax]) argMax = i;
            if (y[i] < y[argMin]) argMin = i;
        }
        double range = y[argMax] - y[argMin];
        if (range == 0)
            return 0;
        double[] squares = new double[y.Length - 1];
        for (int i = 1; i < y.Length; i++)
            squares[i - 1] = (y[i] - y[i - 1]) * (y[i] - y[i - 1]);
        Array.Sort(squares);
        int m = squares.Length;
        // The ordinary median: the middle value, or the mean of the two middle values.
        double median = m % 2 == 1 ? squares[m / 2] : 0.5 * (squares[m / 2 - 1] + squares[m / 2]);
        double sign = Math.Sign(argMax - argMin);
        return median > 0 ? sign * range / Math.Sqrt(median) : sign * double.PositiveInfinity;
    }
}
