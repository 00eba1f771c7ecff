using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// The Chinchilla loss law L(N, D) = E + A·N^−α + B·D^−β of a language model with N parameters trained on D tokens,
/// as an immutable value, with its compute-optimal allocation under C = 6·N·D.
/// </summary>
/// <remarks>
/// Hoffmann et al. 2022 (arXiv 2203.15556), Eq. 2 and Approach 3 (Eq. 4 for the optimum); Besiroglu et al. 2024
/// (arXiv 2404.10102) refit it on the same data. The fitted form uses log parameters a = ln A, b = ln B, e = ln E
/// (<see cref="FromLogParameters"/>). Used by notebooks 10 and 11.
/// </remarks>
public sealed record ChinchillaLaw
{
    /// <summary>Creates the law from its five parameters.</summary>
    /// <param name="irreducibleLoss">E, the loss of an infinite model on infinite data. Range: E &gt; 0.</param>
    /// <param name="parameterCoefficient">A. Range: A &gt; 0.</param>
    /// <param name="dataCoefficient">B. Range: B &gt; 0.</param>
    /// <param name="parameterExponent">α. Range: α &gt; 0.</param>
    /// <param name="dataExponent">β. Range: β &gt; 0.</param>
    public ChinchillaLaw(double irreducibleLoss, double parameterCoefficient, double dataCoefficient, double parameterExponent, double dataExponent)
    {
        Guard.Positive(irreducibleLoss);
        Guard.Positive(parameterCoefficient);
        Guard.Positive(dataCoefficient);
        Guard.Positive(parameterExponent);
        Guard.Positive(dataExponent);
        IrreducibleLoss = irreducibleLoss;
        ParameterCoefficient = parameterCoefficient;
        DataCoefficient = dataCoefficient;
        ParameterExponent = parameterExponent;
        DataExponent = dataExponent;
    }

    /// <summary>E.</summary>
    public double IrreducibleLoss { get; }

    /// <summary>A.</summary>
    public double ParameterCoefficient { get; }

    /// <summary>B.</summary>
    public double DataCoefficient { get; }

    /// <summary>α.</summary>
    public double ParameterExponent { get; }

    /// <summary>β.</summary>
    public double DataExponent { get; }

    /// <summary>
    /// Hoffmann et al.'s Approach-3 parameters as unrounded in the paper's TeX source (log A, log B, log E, α, β) =
    /// (6.0073404, 6.0179186, 0.5267228, 0.33917084, 0.2849083), as quoted by Besiroglu et al.'s notebook
    /// (epoch-research/analyzing-chinchilla, data_analysis.ipynb). The printed, rounded values are A 406.4, B 410.7,
    /// E 1.69, α 0.34, β 0.28.
    /// </summary>
    public static ChinchillaLaw HoffmannTex { get; } = FromLogParameters(new(6.0073404, 6.0179186, 0.5267228, 0.33917084, 0.2849083));

    /// <summary>Besiroglu et al.'s refit (arXiv 2404.10102, Table 1 / their notebook): A 482.01, B 2085.43, E 1.81686, α 0.34781, β 0.36585.</summary>
    public static ChinchillaLaw Besiroglu { get; } = FromLogParameters(new(6.17795598, 7.64273236, 0.59711196, 0.34781303, 0.36585412));

    /// <summary>The law with A = eᵃ, B = eᵇ, E = eᵉ.</summary>
    /// <param name="theta">θ = (a, b, e, α, β): every component finite, α, β &gt; 0.</param>
    public static ChinchillaLaw FromLogParameters(ChinchillaLogParameters theta)
    {
        Guard.NotNull(theta);
        return new ChinchillaLaw(Math.Exp(theta.LogIrreducibleLoss), Math.Exp(theta.LogParameterCoefficient),
            Math.Exp(theta.LogDataCoefficient), theta.ParameterExponent, theta.DataExponent);
    }

    /// <summary>θ = (ln A, ln B, ln E, α, β).</summary>
    public ChinchillaLogParameters LogParameters => new(Math.Log(ParameterCoefficient), Math.Log(DataCoefficient),
        Math.Log(IrreducibleLoss), ParameterExponent, DataExponent);

    /// <summary>L(N, D) = E + A·N^−α + B·D^−β.</summary>
    /// <param name="parameters">N, model parameters. Range: N &gt; 0.</param>
    /// <param name="tokens">D, training tokens. Range: D &gt; 0.</param>
    public double Evaluate(double parameters, double tokens)
    {
        Guard.Positive(parameters);
        Guard.Positive(tokens);
        return IrreducibleLoss + ParameterCoefficient * Math.Pow(parameters, -ParameterExponent) + DataCoefficient * Math.Pow(tokens, -DataExponent);
    }

    /// <summary>
    /// The allocation minimising L at compute C = 6·N·D: N* = G·(C/6)^{β/(α+β)}, D* = G⁻¹·(C/6)^{α/(α+β)},
    /// G = (αA/(βB))^{1/(α+β)} (Hoffmann et al. 2022, Eq. 4). Computed in log space, so large A, B do not overflow.
    /// </summary>
    /// <param name="compute">C in FLOP. Range: C &gt; 0.</param>
    public ComputeOptimalAllocation ComputeOptimal(double compute)
    {
        Guard.Positive(compute);
        var (logN, logD) = LogOptimum(LogParameters, Math.Log(compute / 6.0));
        return new ComputeOptimalAllocation(compute, Math.Exp(logN), Math.Exp(logD));
    }

    /// <summary>D*/N* at compute C; independent of C when α = β.</summary>
    /// <param name="compute">C in FLOP. Range: C &gt; 0.</param>
    public double TokensPerParameter(double compute) => ComputeOptimal(compute).TokensPerParameter;

    /// <summary>(ln N*, ln D*) at ln(C/6) for θ; shared with the bootstrap band, which must not allocate per draw.</summary>
    internal static (double LogN, double LogD) LogOptimum(ChinchillaLogParameters theta, double logHalfSixth)
    {
        double alpha = theta.ParameterExponent, beta = theta.DataExponent, sum = alpha + beta;
        double logG = (Math.Log(alpha) + theta.LogParameterCoefficient - Math.Log(beta) - theta.LogDataCoefficient) / sum;
        return (logG + beta / sum * logHalfSixth, -logG + alpha / sum * logHalfSixth);
    }

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant(
        $"L = {IrreducibleLoss:G5} + {ParameterCoefficient:G5}·N^-{ParameterExponent:G4} + {DataCoefficient:G5}·D^-{DataExponent:G4}");
}
