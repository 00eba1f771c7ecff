using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// Final losses L_i of training runs with N_i parameters and D_i tokens, the data a Chinchilla-type law is fitted to.
/// The logarithms the fit needs are computed once here.
/// </summary>
/// <remarks>Hoffmann et al. 2022 (arXiv 2203.15556), Fig. 4 data as re-extracted by Besiroglu et al. 2024. Notebooks 10, 25.</remarks>
public sealed class LossObservations
{
    private readonly double[] parameters, tokens, losses;

    /// <summary>Creates the observations.</summary>
    /// <param name="parameters">N_i. Range: every N_i &gt; 0, finite.</param>
    /// <param name="tokens">D_i. Range: every D_i &gt; 0, finite; same length as N.</param>
    /// <param name="losses">L_i (nats per token). Range: every L_i &gt; 0, finite; same length as N.</param>
    /// <exception cref="ArgumentException">Empty or mismatched arrays, or an element out of range (the message names the array and the index).</exception>
    public LossObservations(IReadOnlyList<double> parameters, IReadOnlyList<double> tokens, IReadOnlyList<double> losses)
    {
        Guard.NotEmpty(parameters);
        Guard.NotNull(tokens);
        Guard.NotNull(losses);
        Guard.SameLength(tokens.Count, parameters.Count, nameof(tokens), nameof(parameters));
        Guard.SameLength(losses.Count, parameters.Count, nameof(losses), nameof(parameters));
        this.parameters = Checked(parameters, nameof(parameters));
        this.tokens = Checked(tokens, nameof(tokens));
        this.losses = Checked(losses, nameof(losses));
        LogParameters = this.parameters.Select(v => Math.Log(v)).ToArray();
        LogTokens = this.tokens.Select(v => Math.Log(v)).ToArray();
        LogLosses = this.losses.Select(v => Math.Log(v)).ToArray();
    }

    /// <summary>Number of runs.</summary>
    public int Count => parameters.Length;

    /// <summary>N_i.</summary>
    public IReadOnlyList<double> Parameters => parameters;

    /// <summary>D_i.</summary>
    public IReadOnlyList<double> Tokens => tokens;

    /// <summary>L_i.</summary>
    public IReadOnlyList<double> Losses => losses;

    internal double[] LogParameters { get; }

    internal double[] LogTokens { get; }

    internal double[] LogLosses { get; }

    /// <summary>The same runs with every N_i replaced by <paramref name="parameters"/>[i] (D_i and L_i kept), as in the parameter-count studies of notebook 10.</summary>
    /// <param name="parameters">The new N_i, same length, each &gt; 0.</param>
    public LossObservations WithParameters(IReadOnlyList<double> parameters) => new(parameters, tokens, losses);

    private static double[] Checked(IReadOnlyList<double> values, string name)
    {
        var copy = new double[values.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            double v = values[i];
            if (!(v > 0 && double.IsFinite(v)))
                throw new ArgumentOutOfRangeException(name, v, $"{name}[{i}] = {v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)} is out of range; allowed: 0 < {name}[i] < ∞.");
            copy[i] = v;
        }
        return copy;
    }
}
