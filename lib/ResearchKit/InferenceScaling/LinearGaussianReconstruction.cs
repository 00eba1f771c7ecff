using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Distributions;
using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// A linear-Gaussian stand-in for Levi's VAE reconstruction experiment: data x = W z + σ ε (z ∈ ℝ^m, x ∈ ℝ^d,
/// z, ε standard normal); the "trained model" is the exact Gaussian posterior q(z | x) = N(μ(x), Σ), and an inference
/// attempt on x samples z from N(μ(x), T² Σ) at latent temperature T, decodes x̂ = W z and succeeds when the mean
/// squared reconstruction error ‖x̂ − x‖²/d is below a tolerance δ. Each data point is a "problem" whose success
/// probability is set by its own residual, so the data set has a spread of difficulties as in the memorising ansatz.
/// </summary>
/// <remarks>
/// Stand-in, not the paper's model: Levi (arXiv 2410.16377) trains a VAE on images; no trained generative network is
/// available here, so the decoder is linear and the posterior exact (probabilistic PCA). Used by notebook 06.
/// </remarks>
public sealed class LinearGaussianReconstruction
{
    /// <summary>Creates the model with a random decoder W (entries N(0, 1/m)).</summary>
    /// <param name="dataDimension">d. Range: d ≥ 1.</param>
    /// <param name="latentDimension">m. Range: 1 ≤ m ≤ d.</param>
    /// <param name="noise">σ, the data noise. Range: 1e-100 ≤ σ ≤ 1e100 (σ² and the posterior covariance must stay
    /// normal doubles; beyond, σ² under- or overflows and the posterior Cholesky factor does not exist).</param>
    /// <param name="seed">Seed of the decoder.</param>
    public LinearGaussianReconstruction(int dataDimension, int latentDimension, double noise, int seed)
    {
        Guard.Positive(dataDimension);
        Guard.InRange(latentDimension, 1, dataDimension);
        Guard.InRange(noise, 1e-100, 1e100);
        DataDimension = dataDimension;
        LatentDimension = latentDimension;
        Noise = noise;
        var random = new Random(seed);
        Decoder = Matrix<double>.Build.Dense(dataDimension, latentDimension, (_, _) => Normal.Sample(random, 0, 1 / Math.Sqrt(latentDimension)));
        // Posterior of z given x: Σ = σ²(WᵀW + σ² I)⁻¹, μ(x) = Σ Wᵀ x / σ².
        var precision = Decoder.TransposeThisAndMultiply(Decoder) + Matrix<double>.Build.DenseIdentity(latentDimension) * (noise * noise);
        PosteriorCovariance = precision.Inverse() * (noise * noise);
        posteriorFactor = PosteriorCovariance.Cholesky().Factor;
    }

    private readonly Matrix<double> posteriorFactor;

    /// <summary>d, the data dimension.</summary>
    public int DataDimension { get; }

    /// <summary>m, the latent dimension.</summary>
    public int LatentDimension { get; }

    /// <summary>σ, the data noise.</summary>
    public double Noise { get; }

    /// <summary>W, the decoder (d × m).</summary>
    public Matrix<double> Decoder { get; }

    /// <summary>Σ, the posterior covariance of z given x (the same for every x).</summary>
    public Matrix<double> PosteriorCovariance { get; }

    /// <summary>
    /// Draws <paramref name="points"/> data points and makes <paramref name="attempts"/> reconstruction attempts on
    /// each; returns each point's (attempts, successes).
    /// </summary>
    /// <param name="points">Data points (problems). Range: ≥ 1.</param>
    /// <param name="attempts">Attempts per point, n. Range: ≥ 1.</param>
    /// <param name="temperature">T, the latent temperature. Range: T ≥ 0.</param>
    /// <param name="tolerance">δ, the largest mean squared error that counts as a success. Range: δ &gt; 0.</param>
    /// <param name="seed">Seed of the data and the attempts.</param>
    public IReadOnlyList<ProblemOutcomes> Attempt(int points, int attempts, double temperature, double tolerance, int seed)
    {
        Guard.Positive(points);
        Guard.Positive(attempts);
        Guard.NonNegative(temperature);
        Guard.Positive(tolerance);
        var random = new Random(seed);
        var result = new ProblemOutcomes[points];
        int d = DataDimension, m = LatentDimension;
        var sigmaInverse = PosteriorCovariance / (Noise * Noise);
        for (int i = 0; i < points; i++)
        {
            var z = Vector<double>.Build.Dense(m, _ => Normal.Sample(random, 0, 1));
            var x = Decoder * z + Vector<double>.Build.Dense(d, _ => Normal.Sample(random, 0, Noise));
            var mean = sigmaInverse * Decoder.TransposeThisAndMultiply(x);
            var residual = Decoder * mean - x;
            var mapped = Decoder * posteriorFactor; // x̂ − x = residual + T·(W L) ε
            int successes = 0;
            var eps = new double[m];
            for (int t = 0; t < attempts; t++)
            {
                for (int j = 0; j < m; j++)
                    eps[j] = Normal.Sample(random, 0, 1);
                double error = 0;
                for (int r = 0; r < d; r++)
                {
                    double v = residual[r];
                    for (int j = 0; j < m; j++)
                        v += temperature * mapped[r, j] * eps[j];
                    error += v * v;
                }
                if (error / d < tolerance)
                    successes++;
            }
            result[i] = new ProblemOutcomes($"x{i}", attempts, successes);
        }
        return result;
    }
}
