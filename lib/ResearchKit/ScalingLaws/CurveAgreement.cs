using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>How well predicted losses match observed ones, on ln L (as the annealing law is fitted) and relatively.</summary>
/// <param name="Points">Number of points compared.</param>
/// <param name="MeanAbsoluteLogError">MAE of ln L: mean |ln L̂ − ln L|.</param>
/// <param name="RootMeanSquareLogError">RMSE of ln L.</param>
/// <param name="LogRSquared">R² of ln L: 1 − Σ(ln L − ln L̂)²/Σ(ln L − mean ln L)² (about the mean of the observations).</param>
/// <param name="MeanRelativeError">Mean |L̂ − L|/L.</param>
/// <param name="MaxRelativeError">Max |L̂ − L|/L.</param>
/// <remarks>
/// The metrics of Luo et al. 2025 (arXiv 2503.12811), who compare the annealing ("momentum") law with theirs; the
/// zkshan2002/ScalingLaw reproduction's R² centres the total sum of squares on the predictions' mean, we centre it on the
/// observations'. Notebook 24.
/// </remarks>
public sealed record CurveAgreement(int Points, double MeanAbsoluteLogError, double RootMeanSquareLogError, double LogRSquared,
    double MeanRelativeError, double MaxRelativeError)
{
    /// <summary>Compares <paramref name="predicted"/> with <paramref name="observed"/>.</summary>
    /// <param name="observed">L, each &gt; 0 and finite (at least 2).</param>
    /// <param name="predicted">L̂, same length, each &gt; 0 and finite.</param>
    public static CurveAgreement Of(IReadOnlyList<double> observed, IReadOnlyList<double> predicted)
    {
        Guard.NotEmpty(observed);
        Guard.NotNull(predicted);
        Guard.SameLength(predicted.Count, observed.Count, nameof(predicted), nameof(observed));
        if (observed.Count < 2)
            throw new ArgumentException($"observed has {observed.Count} point; allowed: at least 2.", nameof(observed));
        int n = observed.Count;
        double mean = 0;
        for (int i = 0; i < n; i++)
        {
            Guard.Positive(observed[i], $"{nameof(observed)}[{i}]");
            Guard.Positive(predicted[i], $"{nameof(predicted)}[{i}]");
            mean += Math.Log(observed[i]) / n;
        }
        double abs = 0, sq = 0, tot = 0, rel = 0, maxRel = 0;
        for (int i = 0; i < n; i++)
        {
            double y = Math.Log(observed[i]), r = Math.Log(predicted[i]) - y;
            abs += Math.Abs(r);
            sq += r * r;
            tot += (y - mean) * (y - mean);
            double e = Math.Abs(predicted[i] - observed[i]) / observed[i];
            rel += e;
            maxRel = Math.Max(maxRel, e);
        }
        return new CurveAgreement(n, abs / n, Math.Sqrt(sq / n), tot > 0 ? 1 - sq / tot : double.NaN, rel / n, maxRel);
    }
}
