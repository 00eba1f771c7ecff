using System.Globalization;
using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// A linear regression task in the eigenbasis of the input covariance: mode k has eigenvalue λ_k (variance of the
/// k-th input coordinate) and target weight w̄_k, so that the target y = Σ_k w̄_k x_k carries power p_k = λ_k w̄_k²
/// in mode k. Immutable.
/// </summary>
/// <remarks>
/// The common set-up of Atanasov, Zavatone-Veth &amp; Pehlevan 2024 (arXiv:2405.00592, §2: η_k, w̄_k), Ruben et al.
/// 2024 (arXiv:2412.05418: σ_k, w̄_k) and Bordelon, Atanasov &amp; Pehlevan 2024 (arXiv:2402.01092: λ_k, w*_k);
/// notebooks 13–16 and 23. Modes are indexed by rank, so the eigenvalues must be sorted non-increasing.
/// </remarks>
public sealed class LinearTask
{
    private readonly double[] _eigenvalues;
    private readonly double[] _weights;

    /// <summary>Creates a task from its spectrum and target weights.</summary>
    /// <param name="eigenvalues">λ_k (13: η_k, 16: σ_k), k = 1 … M. Range: each finite and &gt; 0, sorted non-increasing.</param>
    /// <param name="weights">Target weights w̄_k, same length. Range: each finite.</param>
    /// <param name="description">A short label for tables and legends.</param>
    public LinearTask(IReadOnlyList<double> eigenvalues, IReadOnlyList<double> weights, string description = "")
    {
        _eigenvalues = ValidateSpectrum(eigenvalues, nameof(eigenvalues));
        Guard.AllFinite(weights);
        Guard.SameLength(weights.Count, eigenvalues.Count, nameof(weights), nameof(eigenvalues));
        _weights = weights.ToArray();
        Description = description ?? "";
    }

    /// <summary>Number of modes M (13: D, the input dimension).</summary>
    public int Modes => _eigenvalues.Length;

    /// <summary>The eigenvalues λ_k, non-increasing.</summary>
    public IReadOnlyList<double> Eigenvalues => _eigenvalues;

    /// <summary>The target weights w̄_k.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>Target power p_k = λ_k w̄_k² of each mode.</summary>
    public double[] TargetPower()
    {
        var p = new double[Modes];
        for (int k = 0; k < p.Length; k++)
            p[k] = _eigenvalues[k] * _weights[k] * _weights[k];
        return p;
    }

    /// <summary>Total target variance Σ_k λ_k w̄_k² (the error of the zero predictor).</summary>
    public double TargetVariance => TargetPower().Sum();

    /// <summary>A label for tables and legends.</summary>
    public string Description { get; }

    internal double[] EigenvalueArray => _eigenvalues;
    internal double[] WeightArray => _weights;

    /// <inheritdoc />
    public override string ToString() => string.IsNullOrEmpty(Description)
        ? string.Create(CultureInfo.InvariantCulture, $"LinearTask (M = {Modes})")
        : string.Create(CultureInfo.InvariantCulture, $"{Description} (M = {Modes})");

    internal static double[] ValidateSpectrum(IReadOnlyList<double>? eigenvalues, string name)
    {
        Guard.AllFinite(eigenvalues, name);
        var values = eigenvalues!.ToArray();
        for (int k = 0; k < values.Length; k++)
        {
            if (!(values[k] > 0))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{name}[{k}] = {values[k]:G6} is out of range; allowed: every eigenvalue finite and > 0."), name);
            if (k > 0 && values[k] > values[k - 1])
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{name}[{k}] = {values[k]:G6} > {name}[{k - 1}] = {values[k - 1]:G6}; allowed: eigenvalues sorted non-increasing (modes indexed by rank)."), name);
        }
        return values;
    }
}
