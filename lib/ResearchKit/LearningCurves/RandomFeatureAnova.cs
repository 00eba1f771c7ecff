using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// One data draw of <see cref="RandomFeatureSimulation.RunFeatureDraws"/>: its errors averaged over the F draws and the
/// within-X statistics of the nested X → F design. Errors are exact population errors (Σ-metric), without test label noise.
/// </summary>
/// <param name="SampleSize">P.</param>
/// <param name="Features">N.</param>
/// <param name="Ridge">λ (library convention).</param>
/// <param name="NoiseVariance">σ².</param>
/// <param name="FeatureDraws">m, the number of F for this X.</param>
/// <param name="TestError">E_g averaged over the F draws.</param>
/// <param name="SignalError">Error of the clean-label fit, averaged over the F draws.</param>
/// <param name="NoiseError">Error of the noise-only fit (Var_Xε + Var_XFε), averaged over the F draws.</param>
/// <param name="TrainError">(1/P)|y − Φa|², averaged over the F draws.</param>
/// <param name="MeanCleanResidual">√λ ⊙ (mean over F of the clean effective weights − w̄): the F-averaged predictor's error vector.</param>
/// <param name="FeatureVariance">Unbiased variance over F of the clean predictor at this X (Σ-metric): an estimate of Var_F + Var_XF.</param>
/// <param name="NoiseDataVariance">|mean over F of the noise predictor|² − its within-X variance/m: an unbiased estimate of Var_Xε.</param>
public sealed record RandomFeatureDataDraw(
    int SampleSize, int Features, double Ridge, double NoiseVariance, int FeatureDraws, double TestError, double SignalError,
    double NoiseError, double TrainError, IReadOnlyList<double> MeanCleanResidual, double FeatureVariance, double NoiseDataVariance);

/// <summary>The simulated error terms of linear random features from a nested X → F design, with standard errors over the X draws.</summary>
/// <param name="DataDraws">n, the number of X draws.</param>
/// <param name="FeatureDraws">m, F draws per X.</param>
/// <param name="Bias">Bias² = |E f − f*|² (unbiased: |ē|² − B/n, B the between-X mean square).</param>
/// <param name="VarianceX">Var_X = B − (Var_F + Var_XF)/m.</param>
/// <param name="VarianceFeatures">Var_F + Var_XF = E_X Var_F(f | X): mean of the within-X variances.</param>
/// <param name="VarianceFeaturesStandardError">Its standard error over the X draws.</param>
/// <param name="Signal">Clean-label error = Bias² + Var_X + Var_F + Var_XF (mean over all fits).</param>
/// <param name="SignalStandardError">Standard error over the X draws.</param>
/// <param name="VarianceNoiseX">Var_Xε (mean of the per-X unbiased estimates).</param>
/// <param name="VarianceNoiseXStandardError">Its standard error over the X draws.</param>
/// <param name="NoiseError">Var_Xε + Var_XFε (mean over all fits).</param>
/// <param name="TestError">E_g (mean over all fits).</param>
/// <param name="TestErrorStandardError">Standard error over the X draws.</param>
/// <param name="TrainError">E_tr (mean over all fits).</param>
public sealed record RandomFeatureAnovaResult(
    int DataDraws, int FeatureDraws, double Bias, double VarianceX, double VarianceFeatures, double VarianceFeaturesStandardError,
    double Signal, double SignalStandardError, double VarianceNoiseX, double VarianceNoiseXStandardError, double NoiseError,
    double TestError, double TestErrorStandardError, double TrainError);

/// <summary>
/// Unbiased split of the simulated linear-random-feature error into Bias², Var_X and Var_F + Var_XF from a nested design
/// (m feature draws within each of n data draws).
/// </summary>
/// <remarks>
/// The terms of Atanasov, Zavatone-Veth &amp; Pehlevan 2024 (arXiv:2405.00592, §4: Bias², Var_X, Var_F, Var_XF). With e_ab the
/// error vector of fit (a, b), ē_a its mean over b and ē the grand mean: W_a = Σ_b|e_ab − ē_a|²/(m − 1) estimates
/// Var_F + Var_XF; B = Σ_a|ē_a − ē|²/(n − 1) has mean Var_X + (Var_F + Var_XF)/m; |ē|² has mean Bias² + B̄/n. The authors'
/// code (seed means over a crossed X × F grid) carries extra 1/n_seeds terms. The nested design cannot split Var_F from
/// Var_XF (that needs the same F across X). Ours; notebook 13.
/// </remarks>
public static class RandomFeatureAnova
{
    /// <summary>Combines data draws of one (P, N, λ, σ²).</summary>
    /// <param name="draws">The data draws. Range: at least 2, all with the same P, N, λ, σ², number of F draws and mode count.</param>
    public static RandomFeatureAnovaResult Nested(IReadOnlyList<RandomFeatureDataDraw> draws)
    {
        Guard.NotNull(draws);
        if (draws.Count < 2)
            throw new ArgumentException($"draws has {draws.Count} element(s); allowed: at least 2 data draws.", nameof(draws));
        var first = draws[0];
        foreach (var d in draws)
        {
            Guard.NotNull(d, nameof(draws));
            if (d.SampleSize != first.SampleSize || d.Features != first.Features || d.Ridge != first.Ridge
                || d.NoiseVariance != first.NoiseVariance || d.FeatureDraws != first.FeatureDraws
                || d.MeanCleanResidual.Count != first.MeanCleanResidual.Count)
                throw new ArgumentException("draws differ in P, N, λ, σ², the number of F draws or the number of modes; allowed: draws of one setting.", nameof(draws));
        }
        int n = draws.Count, m = first.FeatureDraws, modes = first.MeanCleanResidual.Count;
        var grand = new double[modes];
        foreach (var d in draws)
            for (int k = 0; k < modes; k++) grand[k] += d.MeanCleanResidual[k] / n;
        double between = 0;
        foreach (var d in draws)
            for (int k = 0; k < modes; k++)
            {
                double diff = d.MeanCleanResidual[k] - grand[k];
                between += diff * diff;
            }
        between /= n - 1;
        var (vf, vfSe) = MeanSe(draws.Select(d => d.FeatureVariance));
        var (signal, signalSe) = MeanSe(draws.Select(d => d.SignalError));
        var (vxe, vxeSe) = MeanSe(draws.Select(d => d.NoiseDataVariance));
        var (test, testSe) = MeanSe(draws.Select(d => d.TestError));
        double bias = grand.Sum(value => value * value) - between / n;
        return new RandomFeatureAnovaResult(n, m, bias, between - vf / m, vf, vfSe, signal, signalSe, vxe, vxeSe,
            draws.Average(d => d.NoiseError), test, testSe, draws.Average(d => d.TrainError));
    }

    private static (double Mean, double Se) MeanSe(IEnumerable<double> values)
    {
        var a = values.ToArray();
        double mean = a.Average();
        double ss = a.Sum(v => (v - mean) * (v - mean));
        return (mean, Math.Sqrt(ss / (a.Length - 1) / a.Length));
    }
}
