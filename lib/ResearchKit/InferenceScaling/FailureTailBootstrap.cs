using ResearchKit.Numerics;
using ResearchKit.PowerLaws;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// The log–log slope of the benchmark failure 1 − pass@k in one or more windows of k, with a bootstrap over problems:
/// each replicate redraws the problems with replacement, rebuilds the mean unbiased failure curve and refits every
/// window, so the intervals (and the interval of a difference between two windows) carry the sampling error of the
/// benchmark's problems, not only the scatter of the points about the line.
/// </summary>
/// <remarks>
/// Levi, arXiv 2410.16377, Sec. 3 (the inference loss decays as k^(−β)); a constant slope across windows is what "a
/// power law in k" means, so comparing the windows is a test of that form. Used by notebook 06.
/// </remarks>
public static class FailureTailBootstrap
{
    /// <summary>Fits the slope in each window on the full data and on <paramref name="replicates"/> bootstrap redraws.</summary>
    /// <param name="problems">Per-problem counts. Range: at least one; each valid for the largest k.</param>
    /// <param name="ks">The budgets. Range: each 1 ≤ k ≤ n of every problem; at least three inside every window.</param>
    /// <param name="windows">The windows [kMin, kMax] of k. Range: at least one; 0 &lt; kMin ≤ kMax.</param>
    /// <param name="replicates">Bootstrap replicates. Range: ≥ 2.</param>
    /// <param name="seed">Seed of the resampling; replicate r uses its own generator seeded from it.</param>
    /// <exception cref="ArgumentException">Bad input (the message names the parameter, its value and the allowed range), or a
    /// replicate whose failure curve leaves (0, 1] inside a window.</exception>
    public static FailureTailBootstrapResult Run(IReadOnlyList<ProblemOutcomes> problems, IReadOnlyList<int> ks,
        IReadOnlyList<(double KMin, double KMax)> windows, int replicates, int seed)
    {
        Guard.NotEmpty(problems);
        Guard.NotEmpty(ks);
        Guard.NotEmpty(windows);
        Guard.AtLeast(replicates, 2);
        for (int w = 0; w < windows.Count; w++)
        {
            Guard.Positive(windows[w].KMin, $"windows[{w}].KMin");
            if (!(windows[w].KMax >= windows[w].KMin) || double.IsInfinity(windows[w].KMax))
                throw new ArgumentOutOfRangeException(nameof(windows), windows[w].KMax,
                    $"windows[{w}].KMax = {windows[w].KMax} is not a finite value ≥ KMin = {windows[w].KMin}; allowed: KMin ≤ KMax < ∞.");
        }
        double[] kx = ks.Select(k => (double)k).ToArray();
        var rows = new double[problems.Count][];
        for (int i = 0; i < problems.Count; i++)
        {
            PassAtK.ValidateProblem(problems[i]);
            rows[i] = PassAtK.MeanFailureCurve(new[] { problems[i] }, ks);
        }
        double[] Slopes(int[] pick)
        {
            var curve = new double[ks.Count];
            foreach (int i in pick)
                for (int j = 0; j < curve.Length; j++)
                    curve[j] += rows[i][j] / pick.Length;
            var slopes = new double[windows.Count];
            for (int w = 0; w < windows.Count; w++)
                slopes[w] = FailureTailFit.Fit(kx, curve, windows[w].KMin, windows[w].KMax).Exponent;
            return slopes;
        }
        double[] full = Slopes(Enumerable.Range(0, problems.Count).ToArray());
        var draws = new double[replicates][];
        Parallel.For(0, replicates, r =>
        {
            var random = new Random(unchecked(seed * 1_000_003 + r));
            var pick = new int[problems.Count];
            for (int i = 0; i < pick.Length; i++)
                pick[i] = random.Next(problems.Count);
            draws[r] = Slopes(pick);
        });
        return new FailureTailBootstrapResult(windows.ToArray(), full, draws);
    }
}

/// <summary>Slopes of 1 − pass@k per window on the full data and on each bootstrap replicate.</summary>
public sealed class FailureTailBootstrapResult
{
    private readonly double[][] _draws;

    internal FailureTailBootstrapResult((double KMin, double KMax)[] windows, double[] full, double[][] draws)
    {
        Windows = windows;
        Exponents = full;
        _draws = draws;
    }

    /// <summary>The windows [kMin, kMax], in the order given.</summary>
    public IReadOnlyList<(double KMin, double KMax)> Windows { get; }

    /// <summary>The slope (exponent, positive for a decaying failure) in each window on the full data.</summary>
    public IReadOnlyList<double> Exponents { get; }

    /// <summary>The number of bootstrap replicates.</summary>
    public int Replicates => _draws.Length;

    /// <summary>The exponent of window <paramref name="window"/> with its 95 % percentile interval and bootstrap standard error.</summary>
    /// <param name="window">Index of the window. Range: 0 ≤ window &lt; Windows.Count.</param>
    public BootstrapInterval Exponent(int window)
    {
        Guard.InRange(window, 0, Windows.Count - 1);
        return BootstrapInterval.FromReplicates(Exponents[window], _draws.Select(d => d[window]).ToArray());
    }

    /// <summary>The difference exponent(<paramref name="second"/>) − exponent(<paramref name="first"/>), bootstrapped
    /// jointly (the two windows share each replicate's problems).</summary>
    /// <param name="first">Index of the first window. Range: 0 ≤ first &lt; Windows.Count.</param>
    /// <param name="second">Index of the second window. Range: 0 ≤ second &lt; Windows.Count.</param>
    public BootstrapInterval Difference(int first, int second)
    {
        Guard.InRange(first, 0, Windows.Count - 1);
        Guard.InRange(second, 0, Windows.Count - 1);
        return BootstrapInterval.FromReplicates(Exponents[second] - Exponents[first], _draws.Select(d => d[second] - d[first]).ToArray());
    }
}
