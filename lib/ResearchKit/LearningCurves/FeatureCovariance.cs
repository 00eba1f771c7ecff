using System.Globalization;
using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// The covariance of the columns of a structured random-feature matrix: F ∈ ℝ^(M×N) with independent entries
/// F_kj ~ N(0, η_j), features φ = Fᵀx/√N. η_j ≡ 1 is the unstructured (white) case of <see cref="RandomFeatureEquivalent"/>.
/// Immutable.
/// </summary>
/// <remarks>
/// Atanasov, Zavatone-Veth &amp; Pehlevan 2024 (arXiv:2405.00592), structured linear random features: F_ij ~ N(0, j^(−α₁)/D)
/// (code Pehlevan-Group/S_transform, structured_linear_random_features.ipynb). 13's 1/D is a rescaling of the
/// ridge (<see cref="RidgeConvention.FromAtanasov"/>); at λ = 0 it does not matter. Notebook 13, Fig. (g).
/// </remarks>
public sealed class FeatureCovariance
{
    private readonly double[] _variances;

    /// <summary>Creates the covariance from the column variances.</summary>
    /// <param name="variances">η_j, j = 1 … N. Range: at least one; each finite and &gt; 0 (any order).</param>
    /// <param name="description">A short label for tables and legends.</param>
    public FeatureCovariance(IReadOnlyList<double> variances, string description = "")
    {
        Guard.AllFinite(variances);
        _variances = variances!.ToArray();
        for (int j = 0; j < _variances.Length; j++)
            if (!(_variances[j] > 0))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"variances[{j}] = {_variances[j]:G6} is out of range; allowed: every variance finite and > 0."), nameof(variances));
        Description = description ?? "";
    }

    /// <summary>N, the number of features.</summary>
    public int Features => _variances.Length;

    /// <summary>The column variances η_j.</summary>
    public IReadOnlyList<double> Variances => _variances;

    /// <summary>A label for tables and legends.</summary>
    public string Description { get; }

    internal double[] VarianceArray => _variances;

    /// <summary>True when every η_j = 1 (the unstructured features).</summary>
    public bool IsIsotropic => _variances.All(v => v == 1);

    /// <summary>Unstructured features: η_j = 1.</summary>
    /// <param name="features">N. Range: ≥ 1.</param>
    public static FeatureCovariance Isotropic(int features)
    {
        Guard.Positive(features);
        return new FeatureCovariance(Enumerable.Repeat(1.0, features).ToArray(), "isotropic");
    }

    /// <summary>Power-law features: η_j = j^(−α₁) (13's structured F).</summary>
    /// <param name="features">N. Range: ≥ 1.</param>
    /// <param name="exponent">α₁. Range: 0 ≤ α₁ ≤ 20 (beyond, the variances of the last columns underflow for large N).</param>
    public static FeatureCovariance PowerLaw(int features, double exponent)
    {
        Guard.Positive(features);
        Guard.InRange(exponent, 0, 20);
        var v = new double[features];
        for (int j = 0; j < features; j++) v[j] = Math.Pow(j + 1, -exponent);
        return new FeatureCovariance(v, string.Create(CultureInfo.InvariantCulture, $"η_j = j^(−{exponent:0.###})"));
    }

    /// <summary>
    /// κ_F and Σ_j (η_j/(η_j + κ_F))² at the κ_F where Σ_j η_j/(η_j + κ_F) = <paramref name="df"/> (κ_F = 0 when df ≥ N).
    /// </summary>
    internal (double KappaF, double Df2) AtDegreesOfFreedom(double df)
    {
        if (df >= _variances.Length) return (0, _variances.Length);
        double kappa = RenormalizedRidge.SolveUnchecked(_variances, df, 0, double.PositiveInfinity);
        var (_, d2) = RenormalizedRidge.DegreesOfFreedom(_variances, kappa);
        return (kappa, d2);
    }

    /// <inheritdoc />
    public override string ToString() => string.IsNullOrEmpty(Description)
        ? string.Create(CultureInfo.InvariantCulture, $"FeatureCovariance (N = {Features})")
        : string.Create(CultureInfo.InvariantCulture, $"{Description} (N = {Features})");
}
