using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// One data draw of <see cref="RandomFeatureSimulation.RunFeatureDraws(LinearTask, int, FeatureCovariance, double, double, int, Random)"/>: its errors averaged over the F draws and the
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
/// <param name="BiasStandardError">Jackknife standard error of Bias² over the X draws (NaN for n &lt; 3).</param>
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
    int DataDraws, int FeatureDraws, double Bias, double BiasStandardError, double VarianceX, double VarianceFeatures, double VarianceFeaturesStandardError,
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
        Validate(draws);
        int n = draws.Count, m = draws[0].FeatureDraws;
        double between = Between(draws, Enumerable.Range(0, n).ToArray(), out var grand);
        var (vf, vfSe) = MeanSe(draws.Select(d => d.FeatureVariance));
        var (signal, signalSe) = MeanSe(draws.Select(d => d.SignalError));
        var (vxe, vxeSe) = MeanSe(draws.Select(d => d.NoiseDataVariance));
        var (test, testSe) = MeanSe(draws.Select(d => d.TestError));
        double bias = grand.Sum(value => value * value) - between / n;
        double biasSe = double.NaN;
        if (n >= 3)
        {
            var loo = LeaveOneOutBias(draws);
            double mean = loo.Average();
            biasSe = Math.Sqrt((n - 1.0) / n * loo.Sum(b => (b - mean) * (b - mean)));
        }
        return new RandomFeatureAnovaResult(n, m, bias, biasSe, between - vf / m, vf, vfSe, signal, signalSe, vxe, vxeSe,
            draws.Average(d => d.NoiseError), test, testSe, draws.Average(d => d.TrainError));
    }

    /// <summary>The Bias² estimate with each X draw left out in turn (for jackknife errors of Bias² and of fits to it).</summary>
    /// <param name="draws">The data draws. Range: at least 3, of one setting (as <see cref="Nested"/>).</param>
    public static double[] LeaveOneOutBias(IReadOnlyList<RandomFeatureDataDraw> draws)
    {
        Validate(draws);
        int n = draws.Count;
        if (n < 3)
            throw new ArgumentException($"draws has {n} elements; allowed: at least 3 data draws for a leave-one-out estimate.", nameof(draws));
        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            var keep = Enumerable.Range(0, n).Where(a => a != i).ToArray();
            double between = Between(draws, keep, out var grand);
            result[i] = grand.Sum(value => value * value) - between / keep.Length;
        }
        return result;
    }

    private static double Between(IReadOnlyList<RandomFeatureDataDraw> draws, int[] keep, out double[] grand)
    {
        int modes = draws[0].MeanCleanResidual.Count, n = keep.Length;
        grand = new double[modes];
        foreach (int a in keep)
            for (int k = 0; k < modes; k++) grand[k] += draws[a].MeanCleanResidual[k] / n;
        double between = 0;
        foreach (int a in keep)
            for (int k = 0; k < modes; k++)
            {
                double diff = draws[a].MeanCleanResidual[k] - grand[k];
                between += diff * diff;
            }
        return between / (n - 1);
    }

    private static void Validate(IReadOnlyList<RandomFeatureDataDraw> draws)
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
    }

    private static (double Mean, double Se) MeanSe(IEnumerable<double> values)
    {
        var a = values.ToArray();
        double mean = a.Average();
        double ss = a.Sum(v => (v - mean) * (v - mean));
        return (mean, Math.Sqrt(ss / (a.Length - 1) / a.Length));
    }
}

/// <summary>The simulated error terms of linear random features from one crossed X × F design (every F with every X).</summary>
/// <param name="DataDraws">n, the number of X (and ε) draws.</param>
/// <param name="FeatureDraws">m, the number of F draws.</param>
/// <param name="Bias">Bias² = |E f − f*|².</param>
/// <param name="VarianceX">Var_X, the main effect of the data.</param>
/// <param name="VarianceF">Var_F, the main effect of the features.</param>
/// <param name="VarianceXF">Var_XF, their interaction.</param>
/// <param name="VarianceNoiseX">Var_Xε = E_X|E_F f_ε|², f_ε the fit to the noise alone.</param>
/// <param name="VarianceNoiseXF">Var_XFε = the rest of the noise error.</param>
/// <param name="Signal">Mean clean-label error over the n·m fits.</param>
/// <param name="TestError">Mean E_g over the n·m fits.</param>
/// <param name="TrainError">Mean E_tr over the n·m fits.</param>
public sealed record RandomFeatureCrossedAnova(
    int DataDraws, int FeatureDraws, double Bias, double VarianceX, double VarianceF, double VarianceXF,
    double VarianceNoiseX, double VarianceNoiseXF, double Signal, double TestError, double TrainError)
{
    /// <summary>
    /// Unbiased two-way random-effects split of n × m error vectors (Σ-metric, e_ab = √λ ⊙ (w_ab − w̄)):
    /// MS_X = mΣ|ē_a − ē|²/(n−1), MS_F = nΣ|ē_b − ē|²/(m−1), MS_XF = Σ|e_ab − ē_a − ē_b + ē|²/((n−1)(m−1));
    /// Var_XF = MS_XF, Var_X = (MS_X − MS_XF)/m, Var_F = (MS_F − MS_XF)/n, Bias² = |ē|² − Var_X/n − Var_F/m − Var_XF/(nm).
    /// </summary>
    /// <remarks>The terms of Atanasov, Zavatone-Veth &amp; Pehlevan 2024 (arXiv:2405.00592, §4); the authors' seed means carry
    /// extra 1/n_seeds terms. Ours; notebook 13, Fig. (d).</remarks>
    /// <param name="clean">clean[a][b]: the clean-fit error vector of data draw a and feature draw b. Range: n ≥ 2, m ≥ 2, one length.</param>
    /// <param name="noise">noise[a][b]: √λ ⊙ the noise-only fit's weights, same shape.</param>
    /// <param name="testErrors">E_g of each fit, same shape.</param>
    /// <param name="trainErrors">E_tr of each fit, same shape.</param>
    public static RandomFeatureCrossedAnova Split(double[][][] clean, double[][][] noise, double[][] testErrors, double[][] trainErrors)
    {
        Guard.NotNull(clean);
        Guard.NotNull(noise);
        Guard.NotNull(testErrors);
        Guard.NotNull(trainErrors);
        int n = clean.Length;
        if (n < 2 || clean[0].Length < 2)
            throw new ArgumentException($"clean is {n} × {(n > 0 ? clean[0].Length : 0)}; allowed: at least 2 × 2 draws.", nameof(clean));
        int m = clean[0].Length, modes = clean[0][0].Length;
        if (noise.Length != n || testErrors.Length != n || trainErrors.Length != n
            || clean.Any(r => r.Length != m || r.Any(v => v.Length != modes)) || noise.Any(r => r.Length != m || r.Any(v => v.Length != modes))
            || testErrors.Any(r => r.Length != m) || trainErrors.Any(r => r.Length != m))
            throw new ArgumentException("clean, noise, testErrors and trainErrors differ in shape; allowed: n × m draws of one mode count.", nameof(noise));
        var rowMean = new double[n][];
        var colMean = new double[m][];
        var grand = new double[modes];
        for (int a = 0; a < n; a++) rowMean[a] = new double[modes];
        for (int b = 0; b < m; b++) colMean[b] = new double[modes];
        double signal = 0;
        for (int a = 0; a < n; a++)
            for (int b = 0; b < m; b++)
                for (int k = 0; k < modes; k++)
                {
                    double v = clean[a][b][k];
                    rowMean[a][k] += v / m;
                    colMean[b][k] += v / n;
                    grand[k] += v / (n * m);
                    signal += v * v / (n * m);
                }
        double ssX = 0, ssF = 0, ssXF = 0;
        for (int k = 0; k < modes; k++)
        {
            for (int a = 0; a < n; a++) ssX += m * Math.Pow(rowMean[a][k] - grand[k], 2);
            for (int b = 0; b < m; b++) ssF += n * Math.Pow(colMean[b][k] - grand[k], 2);
            for (int a = 0; a < n; a++)
                for (int b = 0; b < m; b++) ssXF += Math.Pow(clean[a][b][k] - rowMean[a][k] - colMean[b][k] + grand[k], 2);
        }
        double msX = ssX / (n - 1), msF = ssF / (m - 1), msXF = ssXF / ((n - 1) * (m - 1));
        double varXF = msXF, varX = (msX - msXF) / m, varF = (msF - msXF) / n;
        double bias = grand.Sum(v => v * v) - varX / n - varF / m - varXF / (n * m);
        // Noise: Var_Xε = E_X|E_F f_ε|², per X the squared F-mean less its within-X variance / m.
        double noiseTotal = 0, noiseX = 0;
        for (int a = 0; a < n; a++)
        {
            var mean = new double[modes];
            double sumSq = 0;
            for (int b = 0; b < m; b++)
                for (int k = 0; k < modes; k++)
                {
                    mean[k] += noise[a][b][k] / m;
                    sumSq += noise[a][b][k] * noise[a][b][k];
                }
            double norm = mean.Sum(v => v * v);
            double within = (sumSq - m * norm) / (m - 1);
            noiseX += (norm - within / m) / n;
            noiseTotal += sumSq / (n * m);
        }
        return new RandomFeatureCrossedAnova(n, m, bias, varX, varF, varXF, noiseX, noiseTotal - noiseX, signal,
            testErrors.Average(r => r.Average()), trainErrors.Average(r => r.Average()));
    }
}
