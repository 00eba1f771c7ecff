using ResearchKit.Numerics;
namespace ResearchKit.InferenceScaling;

/// <summary>A failure-Beta curve fit with bootstrap intervals (over problems) for its parameters.</summary>
/// <param name="Fit">The fit on all problems.</param>
/// <param name="Alpha">α with its 95 % percentile interval.</param>
/// <param name="Beta">β (the tail exponent) with its interval.</param>
/// <param name="Ceiling">A with its interval (degenerate at 1 when A is held fixed).</param>
/// <remarks>Levi, arXiv 2410.16377, Sec. 3. Used by notebook 06.</remarks>
public sealed record FailureBetaCurveBootstrap(FailureBetaCurveFitResult Fit, BootstrapInterval Alpha, BootstrapInterval Beta, BootstrapInterval Ceiling);
