namespace ResearchKit.ScalingLaws;

/// <summary>Bootstrap standard errors of the five Chinchilla parameters (of A, B, E themselves, not of their logs).</summary>
/// <param name="IrreducibleLoss">SE of E.</param>
/// <param name="ParameterCoefficient">SE of A.</param>
/// <param name="DataCoefficient">SE of B.</param>
/// <param name="ParameterExponent">SE of α.</param>
/// <param name="DataExponent">SE of β.</param>
/// <remarks>Besiroglu et al. 2024 (arXiv 2404.10102), Table 1: standard deviations over bootstrap refits. Notebook 10.</remarks>
public sealed record ChinchillaStandardErrors(double IrreducibleLoss, double ParameterCoefficient, double DataCoefficient,
    double ParameterExponent, double DataExponent);
