namespace ResearchKit.SolvableModels;

/// <summary>Pointwise mean, minimum and maximum of one series over an ensemble of runs (a seed band).</summary>
/// <param name="Mean">Mean over runs at each recorded step.</param>
/// <param name="Min">Minimum over runs.</param>
/// <param name="Max">Maximum over runs.</param>
public sealed record SeriesBand(double[] Mean, double[] Min, double[] Max)
{
    /// <summary>The band of one series picked from each run.</summary>
    /// <param name="runs">Series of equal length, one per run (at least one).</param>
    public static SeriesBand Of(IReadOnlyList<double[]> runs)
    {
        Numerics.Guard.NotEmpty(runs);
        for (int i = 0; i < runs.Count; i++)
            Numerics.Guard.NotNull(runs[i], $"runs[{i}]");
        int m = runs[0].Length;
        var mean = new double[m];
        var min = Enumerable.Repeat(double.PositiveInfinity, m).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, m).ToArray();
        foreach (var r in runs)
        {
            Numerics.Guard.SameLength(r.Length, m, "run", "first run");
            for (int i = 0; i < m; i++)
            {
                mean[i] += r[i] / runs.Count;
                min[i] = Math.Min(min[i], r[i]);
                max[i] = Math.Max(max[i], r[i]);
            }
        }
        return new SeriesBand(mean, min, max);
    }
}
