namespace ResearchKit.SolvableModels;

/// <summary>Why the S-curve fit stopped.</summary>
public enum SCurveFitExit
{
    /// <summary>
    /// The relative parameter change or the relative change of the residual fell below the tolerance, or no
    /// damped step reduces the residual any more (a minimum to working precision).
    /// </summary>
    Converged,

    /// <summary>The iteration limit was reached first; the parameters are the best found.</summary>
    MaxIterations,
}

/// <summary>
/// A least-squares fit of A(t) = a·erf(s(t − t*)) + b with diagnostics.
/// </summary>
/// <param name="Amplitude">a, half the height of the jump.</param>
/// <param name="Sharpness">s, the inverse width of the jump (in units of 1/t).</param>
/// <param name="JumpTime">t*, the centre of the jump.</param>
/// <param name="Offset">b, the mid-level.</param>
/// <param name="AmplitudeError">Standard error of a (from σ²(JᵀJ)⁻¹).</param>
/// <param name="SharpnessError">Standard error of s.</param>
/// <param name="JumpTimeError">Standard error of t*.</param>
/// <param name="OffsetError">Standard error of b.</param>
/// <param name="ResidualRms">Root-mean-square residual of the fit.</param>
/// <param name="Iterations">Levenberg–Marquardt iterations used.</param>
/// <param name="Exit">Why the fit stopped.</param>
/// <remarks>Miller et al. (arXiv 2402.08946), Sec. 2. Produced by <see cref="SCurveFit"/>. Used in notebook 04.</remarks>
public sealed record SCurveFitResult(
    double Amplitude,
    double Sharpness,
    double JumpTime,
    double Offset,
    double AmplitudeError,
    double SharpnessError,
    double JumpTimeError,
    double OffsetError,
    double ResidualRms,
    int Iterations,
    SCurveFitExit Exit)
{
    /// <summary>The fitted curve at <paramref name="time"/>.</summary>
    /// <param name="time">t.</param>
    public double Evaluate(double time) => SCurveFit.Evaluate(Amplitude, Sharpness, JumpTime, Offset, time);
}
