using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// The four ways Schaeffer, Levi et al. 2025 distort the parameter counts N_i before refitting the Chinchilla law:
/// multiplicative c·N, additive N + c, systematic μ_geo·(N/μ_geo)^s, and log-normal noise N·e^δ, δ ~ 𝒩(0, σ²).
/// </summary>
/// <remarks>Schaeffer, Levi et al. 2025 (arXiv 2509.23963), Sec. 3 and Fig. 3. Notebook 10.</remarks>
public static class ParameterPerturbation
{
    /// <summary>c_m·N_i.</summary>
    /// <param name="parameters">N_i, each &gt; 0.</param>
    /// <param name="factor">c_m. Range: c_m &gt; 0.</param>
    public static double[] Multiplicative(IReadOnlyList<double> parameters, double factor)
    {
        Check(parameters);
        Guard.Positive(factor);
        return parameters.Select(n => factor * n).ToArray();
    }

    /// <summary>N_i + c_a.</summary>
    /// <param name="parameters">N_i, each &gt; 0.</param>
    /// <param name="offset">c_a. Range: finite, with N_i + c_a &gt; 0 for every i.</param>
    public static double[] Additive(IReadOnlyList<double> parameters, double offset)
    {
        Check(parameters);
        Guard.Finite(offset);
        double min = parameters.Min();
        if (!(min + offset > 0))
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"offset = {offset:G6} is out of range; allowed: offset > −min N = {-min:G6}.");
        return parameters.Select(n => n + offset).ToArray();
    }

    /// <summary>μ_geo·(N_i/μ_geo)^s, μ_geo the geometric mean of the N_i given (or <paramref name="geometricMean"/>).</summary>
    /// <param name="parameters">N_i, each &gt; 0.</param>
    /// <param name="exponent">s. Range: s &gt; 0.</param>
    /// <param name="geometricMean">μ_geo; null = the geometric mean of <paramref name="parameters"/>. Range: &gt; 0.</param>
    public static double[] Systematic(IReadOnlyList<double> parameters, double exponent, double? geometricMean = null)
    {
        Check(parameters);
        Guard.Positive(exponent);
        double mu = geometricMean ?? GeometricMean(parameters);
        Guard.Positive(mu, nameof(geometricMean));
        return parameters.Select(n => mu * Math.Pow(n / mu, exponent)).ToArray();
    }

    /// <summary>N_i·e^{δ_i}, δ_i ~ 𝒩(0, σ²) independent, drawn from <paramref name="random"/>.</summary>
    /// <param name="parameters">N_i, each &gt; 0.</param>
    /// <param name="sigma">σ. Range: σ ≥ 0.</param>
    /// <param name="random">The generator.</param>
    public static double[] LogNormal(IReadOnlyList<double> parameters, double sigma, Random random)
    {
        Check(parameters);
        Guard.NonNegative(sigma);
        Guard.NotNull(random);
        return parameters.Select(n => n * Math.Exp(sigma * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1))).ToArray();
    }

    /// <summary>exp(mean ln N_i).</summary>
    /// <param name="parameters">N_i, each &gt; 0.</param>
    public static double GeometricMean(IReadOnlyList<double> parameters)
    {
        Check(parameters);
        return Math.Exp(parameters.Average(n => Math.Log(n)));
    }

    private static void Check(IReadOnlyList<double> parameters)
    {
        Guard.AllFinite(parameters);
        for (int i = 0; i < parameters.Count; i++)
            Guard.Positive(parameters[i], $"{nameof(parameters)}[{i}]");
    }
}
