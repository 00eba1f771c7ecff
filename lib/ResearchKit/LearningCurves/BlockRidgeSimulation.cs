using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// One block of a piecewise-constant spectrum: <paramref name="Modes"/> modes, each with eigenvalue
/// <paramref name="Eigenvalue"/> and target weight <paramref name="Weight"/>.
/// </summary>
/// <param name="Modes">d_b, the number of modes. Range: ≥ 1.</param>
/// <param name="Eigenvalue">η_b. Range: finite, &gt; 0.</param>
/// <param name="Weight">w̄ of each mode of the block. Range: finite.</param>
public sealed record SpectralBlock(int Modes, double Eigenvalue, double Weight);

/// <summary>One simulated ridge fit on a block spectrum (exact population errors, without test label noise).</summary>
/// <param name="SampleSize">P.</param>
/// <param name="Ridge">λ.</param>
/// <param name="NoiseVariance">σ².</param>
/// <param name="TestError">E_g = Σ_b η_b|ŵ_b − w̄_b|².</param>
/// <param name="SignalError">The error of the fit to the clean labels.</param>
/// <param name="NoiseError">The error of the fit to the noise alone (Var_Xε).</param>
/// <param name="TrainError">(1/P)|y − Xŵ|².</param>
/// <param name="BlockErrors">The clean-fit error of each block, in block order (they sum to <paramref name="SignalError"/>).</param>
public sealed record BlockRidgeSimulationResult(
    int SampleSize, double Ridge, double NoiseVariance, double TestError, double SignalError, double NoiseError, double TrainError,
    IReadOnlyList<double> BlockErrors);

/// <summary>
/// Ridge regression ŵ = (XᵀX/P + λ)⁻¹Xᵀy/P on a spectrum made of blocks of equal eigenvalues and equal target weights
/// (the three-level spectrum of Atanasov, Zavatone-Veth &amp; Pehlevan 2024, arXiv:2405.00592, multiple descent; code
/// Pehlevan-Group/S_transform, linear_regression.ipynb, "Gapped Linear Regression"), simulated exactly in law at the cost
/// of P×P matrices, whatever the number of modes.
/// </summary>
/// <remarks>
/// Within a block the law of X is rotation invariant, so the block's coordinates may be rotated to put its target
/// w̄_b = w_b·1 on the first axis: X_b = √η_b·[z_b | Z_b], target |w_b|√d_b·e₁. The dual fit c = (G/P + λ)⁻¹y with
/// G = Σ_b X_bX_bᵀ needs only G_b = η_b(z_bz_bᵀ + Z_bZ_bᵀ) and u_b = X_bw̄_b = √η_b|w_b|√d_b·z_b; the block's error is
/// η_b(cᵀG_bc/P² − 2c·u_b/P + w_b²d_b) and the train residual y − Gc/P. Z_bZ_bᵀ ~ Wishart_P(d_b − 1, I) is drawn by
/// Bartlett's decomposition when d_b − 1 ≥ P (O(P²) normals and one P×P product) and from its d_b − 1 columns otherwise.
/// The solve is a Cholesky (native <see cref="Linalg"/>), hence λ &gt; 0. Ours; notebook 13, Fig. (c).
/// </remarks>
public static class BlockRidgeSimulation
{
    /// <summary>One draw of X and ε and the fit.</summary>
    /// <param name="blocks">The blocks. Range: at least one; each with Modes ≥ 1, Eigenvalue finite &gt; 0, Weight finite.</param>
    /// <param name="sampleSize">P. Range: 1 … 20 000 (P×P matrices are formed).</param>
    /// <param name="ridge">λ. Range: 0 &lt; λ &lt; ∞.</param>
    /// <param name="noiseVariance">σ². Range: 0 ≤ σ² &lt; ∞.</param>
    /// <param name="random">Source of randomness (each block's z_b and Z_b in block order, then ε).</param>
    public static BlockRidgeSimulationResult Run(IReadOnlyList<SpectralBlock> blocks, int sampleSize, double ridge, double noiseVariance, Random random)
    {
        Validate(blocks);
        Guard.InRange(sampleSize, 1, 20000);
        Guard.Positive(ridge);
        Guard.NonNegative(noiseVariance);
        Guard.NotNull(random);
        int p = sampleSize, nb = blocks.Count;
        var grams = new Matrix<double>[nb];
        var us = new double[nb][];
        var clean = new double[p];
        for (int b = 0; b < nb; b++)
        {
            var block = blocks[b];
            var z = new double[p];
            Normal.Samples(random, z, 0, 1);
            var g = RestGram(block.Modes - 1, p, random); // Z_bZ_bᵀ, or null when the block has one mode
            g ??= Matrix<double>.Build.Dense(p, p);
            var gs = g.AsColumnMajorArray();
            double eta = block.Eigenvalue;
            for (int j = 0; j < p; j++)
                for (int i = 0; i < p; i++) gs[j * p + i] = eta * (gs[j * p + i] + z[i] * z[j]);
            grams[b] = g;
            double scale = Math.Sqrt(eta) * Math.Abs(block.Weight) * Math.Sqrt(block.Modes);
            var u = new double[p];
            for (int i = 0; i < p; i++) { u[i] = scale * z[i]; clean[i] += u[i]; }
            us[b] = u;
        }
        var noise = new double[p];
        Normal.Samples(random, noise, 0, Math.Sqrt(noiseVariance));

        var total = Matrix<double>.Build.Dense(p, p);
        var ts = total.AsColumnMajorArray();
        foreach (var g in grams)
        {
            var gs = g.AsColumnMajorArray();
            for (int i = 0; i < ts.Length; i++) ts[i] += gs[i];
        }
        var system = total / p;
        var ss = system.AsColumnMajorArray();
        for (int i = 0; i < p; i++) ss[i * p + i] += ridge;
        var rhs = Matrix<double>.Build.Dense(p, 2);
        for (int i = 0; i < p; i++) { rhs[i, 0] = clean[i]; rhs[i, 1] = noise[i]; }
        var c = Linalg.CholeskySolve(system, rhs);
        var cc = c.Column(0);
        var cn = c.Column(1);
        var ct = cc + cn;

        double signal = 0, noiseError = 0, test = 0;
        var blockErrors = new double[nb];
        for (int b = 0; b < nb; b++)
        {
            var block = blocks[b];
            var u = Vector<double>.Build.DenseOfArray(us[b]);
            double target = block.Weight * block.Weight * block.Modes;
            double eta = block.Eigenvalue;
            var gcc = grams[b].Multiply(cc);
            var gcn = grams[b].Multiply(cn);
            double eClean = eta * (cc.DotProduct(gcc) / ((double)p * p) - 2 * cc.DotProduct(u) / p + target);
            double eNoise = eta * cn.DotProduct(gcn) / ((double)p * p);
            double eTotal = eta * (ct.DotProduct(gcc + gcn) / ((double)p * p) - 2 * ct.DotProduct(u) / p + target);
            blockErrors[b] = Math.Max(0, eClean);
            signal += blockErrors[b];
            noiseError += Math.Max(0, eNoise);
            test += Math.Max(0, eTotal);
        }
        var fitted = total.Multiply(ct) / p;
        double train = 0;
        for (int i = 0; i < p; i++)
        {
            double r = clean[i] + noise[i] - fitted[i];
            train += r * r;
        }
        return new BlockRidgeSimulationResult(p, ridge, noiseVariance, test, signal, noiseError, train / p, blockErrors);
    }

    /// <summary>
    /// Z Zᵀ for Z ∈ ℝ^(P×dof) standard Gaussian (Wishart_P(dof, I)): Bartlett's decomposition when dof ≥ P
    /// (A lower triangular, A_ii = √χ²(dof − i), A_ij ~ N(0, 1) below the diagonal, AAᵀ), from Z itself otherwise; null when dof = 0.
    /// </summary>
    internal static Matrix<double>? RestGram(int dof, int p, Random random)
    {
        if (dof == 0) return null;
        if (dof >= p)
        {
            // Aᵀ (upper triangular) column by column; Gram(Aᵀ) = AAᵀ.
            var at = new double[p * p];
            var below = new double[p * (p - 1) / 2];
            Normal.Samples(random, below, 0, 1);
            int next = 0;
            for (int i = 0; i < p; i++)
            {
                // row i of A = column i of Aᵀ: entries (j, i) for j ≤ i
                at[i * p + i] = Math.Sqrt(Gamma.Sample(random, 0.5 * (dof - i), 0.5)); // χ²(k) = Gamma(k/2, rate 1/2)
                for (int j = 0; j < i; j++) at[i * p + j] = below[next++];
            }
            return Linalg.Gram(Matrix<double>.Build.Dense(p, p, at));
        }
        var zt = new double[dof * p]; // Zᵀ, dof × P, column-major: column i = sample i
        Normal.Samples(random, zt, 0, 1);
        return Linalg.Gram(Matrix<double>.Build.Dense(dof, p, zt));
    }

    private static void Validate(IReadOnlyList<SpectralBlock> blocks)
    {
        Guard.NotNull(blocks);
        if (blocks.Count == 0)
            throw new ArgumentException("blocks is empty; allowed: at least one block.", nameof(blocks));
        for (int b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (block is null)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"blocks[{b}] is null; allowed: every block set."), nameof(blocks));
            if (block.Modes < 1)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"blocks[{b}].Modes = {block.Modes} is out of range; allowed: ≥ 1."), nameof(blocks));
            if (!(block.Eigenvalue > 0) || double.IsInfinity(block.Eigenvalue))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"blocks[{b}].Eigenvalue = {block.Eigenvalue:G6} is out of range; allowed: finite and > 0."), nameof(blocks));
            if (!double.IsFinite(block.Weight))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"blocks[{b}].Weight = {block.Weight:G6} is out of range; allowed: finite."), nameof(blocks));
        }
    }

    /// <summary>The same spectrum as a <see cref="LinearTask"/> (blocks sorted by eigenvalue, largest first), for the equivalents.</summary>
    /// <param name="blocks">The blocks (as <see cref="Run"/>).</param>
    /// <param name="description">A label.</param>
    public static LinearTask ToTask(IReadOnlyList<SpectralBlock> blocks, string description = "")
    {
        Validate(blocks);
        var sorted = blocks.OrderByDescending(b => b.Eigenvalue).ToArray();
        var eig = sorted.SelectMany(b => Enumerable.Repeat(b.Eigenvalue, b.Modes)).ToArray();
        var w = sorted.SelectMany(b => Enumerable.Repeat(b.Weight, b.Modes)).ToArray();
        return new LinearTask(eig, w, description);
    }
}
