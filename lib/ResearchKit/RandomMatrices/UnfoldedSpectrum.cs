namespace ResearchKit.RandomMatrices;

/// <summary>A spectrum mapped by its smoothed counting function so that the mean level spacing is 1.</summary>
/// <param name="Levels">The unfolded levels e_i = N̄(x_i) of the levels kept, ascending.</param>
/// <param name="Degree">Degree of the polynomial fit of the counting function.</param>
/// <param name="LogScale">Whether the fit variable was log x (true) or x.</param>
/// <param name="RmsResidual">Root-mean-square of N(x_i) − N̄(x_i), in units of levels: how far the smooth fit
/// strays from the staircase (well below 1 for a good unfolding), over the levels kept.</param>
/// <param name="TrimmedBelow">How many of the lowest levels were dropped to make the smoothed counting function
/// monotone (<see cref="SpectrumUnfolding"/>).</param>
/// <param name="TrimmedAbove">How many of the highest levels were dropped for the same reason.</param>
/// <remarks>Used by notebook 01; built by <see cref="SpectrumUnfolding.Unfold"/>.</remarks>
public sealed record UnfoldedSpectrum(double[] Levels, int Degree, bool LogScale, double RmsResidual, int TrimmedBelow = 0, int TrimmedAbove = 0)
{
    /// <summary>Levels dropped at the two ends together.</summary>
    public int Trimmed => TrimmedBelow + TrimmedAbove;

    /// <summary>Nearest-neighbour spacings e_{i+1} − e_i (not renormalised).</summary>
    public double[] Spacings()
    {
        if (Levels is null || Levels.Length < 2)
            throw new InvalidOperationException($"Levels has {Levels?.Length ?? 0} values; allowed: at least 2 for a spacing.");
        var s = new double[Levels.Length - 1];
        for (int i = 0; i < s.Length; i++) s[i] = Levels[i + 1] - Levels[i];
        return s;
    }
}
