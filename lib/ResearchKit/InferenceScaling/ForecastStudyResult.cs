using ResearchKit.Numerics;
namespace ResearchKit.InferenceScaling;

/// <summary>
/// Replicated small-budget forecasts of pass@k against the ground truth from every recorded attempt, for each
/// <see cref="ForecastMethod"/>.
/// </summary>
/// <param name="Ks">The budgets k forecast.</param>
/// <param name="Truth">The ground-truth pass@k at each k (unbiased estimator on all recorded attempts).</param>
/// <param name="Budget">The total sampling budget of each replicate.</param>
/// <param name="Predictions">Per method, predictions indexed [replicate][k].</param>
/// <param name="FailedFits">Per method, replicates where the fit was undefined (no success in the sample); their prediction is 0, as a user of the method would have to report.</param>
/// <param name="RegressionAboveOne">Per k, how many replicates' uncapped regression extrapolation exceeded 1.</param>
/// <remarks>Kazdan, Schaeffer et al., arXiv 2510.05197 (Figs. on MATH/CodeContests). Used by notebook 09.</remarks>
public sealed record ForecastStudyResult(
    IReadOnlyList<int> Ks, IReadOnlyList<double> Truth, int Budget,
    IReadOnlyDictionary<ForecastMethod, double[][]> Predictions,
    IReadOnlyDictionary<ForecastMethod, int> FailedFits,
    IReadOnlyList<int> RegressionAboveOne)
{
    /// <summary>The number of replicates.</summary>
    public int Replicates => Predictions.Values.First().Length;

    /// <summary>Mean over replicates of |prediction − truth| at budget index <paramref name="kIndex"/>, with a percentile bootstrap interval over replicates.</summary>
    /// <param name="method">The method.</param>
    /// <param name="kIndex">Index into <see cref="Ks"/>.</param>
    /// <param name="bootstrapReplicates">Resamples of the replicates. Range: ≥ 2.</param>
    /// <param name="seed">Seed of the resampling.</param>
    public BootstrapInterval MeanAbsoluteError(ForecastMethod method, int kIndex, int bootstrapReplicates, int seed)
        => Interval(method, kIndex, bootstrapReplicates, seed, absolute: true);

    /// <summary>Mean over replicates of prediction − truth (the bias), with a percentile bootstrap interval over replicates.</summary>
    /// <param name="method">The method.</param>
    /// <param name="kIndex">Index into <see cref="Ks"/>.</param>
    /// <param name="bootstrapReplicates">Resamples of the replicates. Range: ≥ 2.</param>
    /// <param name="seed">Seed of the resampling.</param>
    public BootstrapInterval MeanSignedError(ForecastMethod method, int kIndex, int bootstrapReplicates, int seed)
        => Interval(method, kIndex, bootstrapReplicates, seed, absolute: false);

    /// <summary>Mean over replicates of (prediction − truth)², the paper's error measure (its Figs. 1, 5, 7), without an interval.</summary>
    /// <param name="method">The method.</param>
    /// <param name="kIndex">Index into <see cref="Ks"/>.</param>
    public double MeanSquaredError(ForecastMethod method, int kIndex)
    {
        Numerics.Guard.InRange(kIndex, 0, Ks.Count - 1);
        double truth = Truth[kIndex];
        return Rows(method).Average(r => (r[kIndex] - truth) * (r[kIndex] - truth));
    }

    /// <summary>
    /// The mean over replicates of err(<paramref name="method"/>) − err(<paramref name="baseline"/>) at budget index
    /// <paramref name="kIndex"/>, with its standard error over replicates; err is the squared error (the paper's MSE)
    /// or, with <paramref name="absolute"/>, the absolute error. Negative means <paramref name="method"/> is better.
    /// </summary>
    /// <param name="method">The method judged.</param>
    /// <param name="baseline">The method it is compared with.</param>
    /// <param name="kIndex">Index into <see cref="Ks"/>.</param>
    /// <param name="absolute">Absolute instead of squared errors.</param>
    /// <returns>(mean difference, its standard error = sample s.d. of the per-replicate differences / √replicates).</returns>
    public (double Mean, double StandardError) ErrorDifference(ForecastMethod method, ForecastMethod baseline, int kIndex, bool absolute = false)
    {
        Numerics.Guard.InRange(kIndex, 0, Ks.Count - 1);
        double[][] a = Rows(method), b = Rows(baseline);
        double truth = Truth[kIndex];
        double Err(double v) => absolute ? Math.Abs(v - truth) : (v - truth) * (v - truth);
        double[] d = a.Select((r, i) => Err(r[kIndex]) - Err(b[i][kIndex])).ToArray();
        double mean = d.Average();
        double sd = Math.Sqrt(d.Sum(v => (v - mean) * (v - mean)) / (d.Length - 1));
        return (mean, sd / Math.Sqrt(d.Length));
    }

    private BootstrapInterval Interval(ForecastMethod method, int kIndex, int bootstrapReplicates, int seed, bool absolute)
    {
        Numerics.Guard.InRange(kIndex, 0, Ks.Count - 1);
        Numerics.Guard.AtLeast(bootstrapReplicates, 2);
        double[][] rows = Rows(method);
        double truth = Truth[kIndex];
        double[] errors = rows.Select(r => absolute ? Math.Abs(r[kIndex] - truth) : r[kIndex] - truth).ToArray();
        var random = new Random(seed);
        var means = new double[bootstrapReplicates];
        for (int b = 0; b < bootstrapReplicates; b++)
        {
            double sum = 0;
            for (int i = 0; i < errors.Length; i++)
                sum += errors[random.Next(errors.Length)];
            means[b] = sum / errors.Length;
        }
        return BootstrapInterval.FromReplicates(errors.Average(), means);
    }

    private double[][] Rows(ForecastMethod method)
        => Predictions.TryGetValue(method, out var rows) ? rows
            : throw new ArgumentException($"method = {method} was not run in this study; allowed: {string.Join(", ", Predictions.Keys)}.", nameof(method));
}
