using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// The fitting coordinates θ = (a, b, e, α, β) of the Chinchilla law, a = ln A, b = ln B, e = ln E, in which
/// ln L̂ = LSE(a − α ln N, b − β ln D, e).
/// </summary>
/// <param name="LogParameterCoefficient">a = ln A.</param>
/// <param name="LogDataCoefficient">b = ln B.</param>
/// <param name="LogIrreducibleLoss">e = ln E.</param>
/// <param name="ParameterExponent">α.</param>
/// <param name="DataExponent">β.</param>
/// <remarks>Hoffmann et al. 2022 (arXiv 2203.15556), Approach 3, Eq. 10 of App. D.2. Notebook 10.</remarks>
public sealed record ChinchillaLogParameters(double LogParameterCoefficient, double LogDataCoefficient, double LogIrreducibleLoss,
    double ParameterExponent, double DataExponent)
{
    /// <summary>The five components in the order (a, b, e, α, β).</summary>
    public double[] ToArray() => [LogParameterCoefficient, LogDataCoefficient, LogIrreducibleLoss, ParameterExponent, DataExponent];

    /// <summary>θ from five components (a, b, e, α, β), all finite.</summary>
    /// <param name="values">Five finite numbers.</param>
    public static ChinchillaLogParameters FromArray(IReadOnlyList<double> values)
    {
        Guard.AllFinite(values);
        Guard.SameLength(values.Count, 5, nameof(values), "5 (a, b, e, α, β)");
        return new(values[0], values[1], values[2], values[3], values[4]);
    }

    /// <summary>The names of the components, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["a = ln A", "b = ln B", "e = ln E", "α", "β"];
}
