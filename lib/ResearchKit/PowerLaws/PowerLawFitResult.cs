namespace ResearchKit.PowerLaws;

/// <summary>
/// A power-law fit λ_i = C · i^(−s) of rank-ordered eigenvalues on a window, by least squares on log λ against
/// log i. In the paper's convention s = 1 + α.
/// </summary>
/// <param name="Slope">s, the magnitude of the log–log slope.</param>
/// <param name="Intercept">ln C, the intercept of the log–log line.</param>
/// <param name="RSquared">R² of the log–log regression (1 = a perfect power law).</param>
/// <param name="SlopeStandardError">The ordinary least-squares standard error of s. It treats the residuals as
/// independent, which ranked eigenvalues are not, so it understates the uncertainty; prefer
/// <see cref="PowerLawBootstrapResult.SlopeStandardError"/>.</param>
/// <param name="Window">The ranks fitted.</param>
/// <param name="Residuals">ln λ_i − (ln C − s ln i) at each rank of the window.</param>
/// <remarks>Levi &amp; Oz (arXiv 2306.14975 v3, eq. for the bulk λ_i ∝ i^(−1−α), Sec. 3). Used by notebook 01.</remarks>
public sealed record PowerLawFitResult(double Slope, double Intercept, double RSquared, double SlopeStandardError, RankWindow Window, double[] Residuals)
{
    /// <summary>α = s − 1, the paper's bulk exponent.</summary>
    public double Alpha => Slope - 1;

    /// <summary>The fitted line C · i^(−s) at rank <paramref name="rank"/>.</summary>
    /// <param name="rank">i. Range: i &gt; 0.</param>
    public double Evaluate(double rank) => Math.Exp(Intercept - Slope * Math.Log(rank));

    /// <summary>Root-mean-square of the log residuals.</summary>
    public double RmsResidual => Math.Sqrt(Residuals.Sum(r => r * r) / Residuals.Length);
}
