using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Where logit regularisation starts to help: the noise level σ_n* at which the unregularised test accuracy, falling
/// with σ_n, drops below the regularised one, and the slope of an accuracy against ln σ_n with its standard error.
/// </summary>
/// <remarks>Beck, Bar Sinai &amp; Levi (arXiv 2602.12039), Sec. 6.2, Prop. 6.1 and Fig. 6: for α &gt; 0 and λ &lt; 1 the
/// optimal accuracy does not depend on σ_n, the unregularised one falls with σ_n, and the two cross at σ_n*(σ_f)
/// (the benefit boundary). Notebook 05.</remarks>
public static class RegularizationBenefit
{
    /// <summary>
    /// σ_n*: the first grid interval where the unregularised accuracy goes from ≥ <paramref name="regularised"/> to
    /// below it, interpolated linearly in ln σ_n; 0 when it is below already at the first σ_n, +∞ when it never falls
    /// below.
    /// </summary>
    /// <param name="sigmaN">The σ_n grid. Range: at least two, positive, strictly increasing.</param>
    /// <param name="unregularised">The unregularised (α = 0) accuracy at each σ_n. Range: finite, one per σ_n.</param>
    /// <param name="regularised">The regularised accuracy (one level, independent of σ_n). Range: finite.</param>
    public static double Crossing(IReadOnlyList<double> sigmaN, IReadOnlyList<double> unregularised, double regularised)
    {
        RequireGrid(sigmaN);
        Guard.AllFinite(unregularised);
        Guard.SameLength(unregularised.Count, sigmaN.Count, nameof(unregularised), nameof(sigmaN));
        Guard.Finite(regularised);
        for (int j = 1; j < sigmaN.Count; j++)
            if (unregularised[j - 1] >= regularised && unregularised[j] < regularised)
            {
                double u = (unregularised[j - 1] - regularised) / (unregularised[j - 1] - unregularised[j]);
                return Math.Exp(Math.Log(sigmaN[j - 1]) + u * (Math.Log(sigmaN[j]) - Math.Log(sigmaN[j - 1])));
            }
        return unregularised[0] < regularised ? 0 : double.PositiveInfinity;
    }

    /// <summary>
    /// The least-squares slope b₁ of y = b₀ + b₁ ln σ over all (σ, y) pairs, with its standard error
    /// √(RSS/(n − 2) / Σ(ln σ − mean)²) from the scatter about the line.
    /// </summary>
    /// <param name="sigma">σ of each point (repeats allowed: several seeds at one σ). Range: positive, at least two distinct.</param>
    /// <param name="values">y of each point. Range: finite, one per σ, at least three points.</param>
    public static (double Slope, double StandardError) SlopeAgainstLog(IReadOnlyList<double> sigma, IReadOnlyList<double> values)
    {
        Guard.AllFinite(sigma);
        Guard.AllFinite(values);
        Guard.SameLength(values.Count, sigma.Count, nameof(values), nameof(sigma));
        if (sigma.Count < 3)
            throw new ArgumentException($"sigma has {sigma.Count} points; allowed: at least 3 (a slope and its standard error).", nameof(sigma));
        for (int i = 0; i < sigma.Count; i++)
            if (!(sigma[i] > 0))
                throw new ArgumentOutOfRangeException(nameof(sigma), sigma[i], $"sigma[{i}] = {sigma[i]}; allowed: > 0 (its logarithm is the regressor).");
        if (sigma.All(v => v == sigma[0]))
            throw new ArgumentException("sigma has one distinct value; allowed: at least two distinct σ (otherwise the slope is undefined).", nameof(sigma));
        var xs = sigma.Select(s => Math.Log(s)).ToArray();
        var ys = values.ToArray();
        var (b0, b1) = MathNet.Numerics.Fit.Line(xs, ys);
        double rss = xs.Select((x, i) => Math.Pow(ys[i] - b0 - b1 * x, 2)).Sum(), xm = xs.Average();
        return (b1, Math.Sqrt(rss / (xs.Length - 2) / xs.Sum(x => (x - xm) * (x - xm))));
    }

    private static void RequireGrid(IReadOnlyList<double> sigmaN)
    {
        Guard.AllFinite(sigmaN);
        if (sigmaN.Count < 2)
            throw new ArgumentException($"sigmaN has {sigmaN.Count} value(s); allowed: at least 2 (a crossing lies between grid points).", nameof(sigmaN));
        for (int j = 0; j < sigmaN.Count; j++)
        {
            if (!(sigmaN[j] > 0))
                throw new ArgumentOutOfRangeException(nameof(sigmaN), sigmaN[j], $"sigmaN[{j}] = {sigmaN[j]}; allowed: > 0 (interpolated in ln σ_n).");
            if (j > 0 && !(sigmaN[j] > sigmaN[j - 1]))
                throw new ArgumentException($"sigmaN[{j}] = {sigmaN[j]} ≤ sigmaN[{j - 1}] = {sigmaN[j - 1]}; allowed: strictly increasing.", nameof(sigmaN));
        }
    }
}
