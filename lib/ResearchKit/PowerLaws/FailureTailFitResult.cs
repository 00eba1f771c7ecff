namespace ResearchKit.PowerLaws;

/// <summary>A power-law fit 1 − pass@k ≈ C·k^(−β) on a window of budgets, by least squares on the logarithms.</summary>
/// <param name="Exponent">β̂, minus the log–log slope.</param>
/// <param name="ExponentStandardError">The ordinary least-squares standard error of β̂ (treats the points as independent,
/// which points of one cumulative curve are not; a bootstrap over problems is the honest uncertainty).</param>
/// <param name="LogPrefactor">ln Ĉ.</param>
/// <param name="RSquared">R² of the log–log regression.</param>
/// <param name="Points">The number of budgets in the window.</param>
/// <param name="MinK">The smallest budget used.</param>
/// <param name="MaxK">The largest budget used.</param>
/// <remarks>Levi, arXiv 2410.16377 (inference loss ∝ k^(−β)); Meir et al., arXiv 2601.21522. Used by notebooks 06–09.</remarks>
public sealed record FailureTailFitResult(double Exponent, double ExponentStandardError, double LogPrefactor, double RSquared,
    int Points, double MinK, double MaxK)
{
    /// <summary>The fitted law Ĉ·k^(−β̂).</summary>
    /// <param name="k">k. Range: k &gt; 0.</param>
    public double Evaluate(double k) => Math.Exp(LogPrefactor - Exponent * Math.Log(k));
}
