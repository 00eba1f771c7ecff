using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// The sufficient statistics of a covariance, kept per block of samples: for each block b its Gram matrix
/// G_b = X_bᵀX_b, its column sums and its row count. The full covariance is their sum; a bootstrap over samples
/// is a re-weighting of the blocks, so it costs d² additions and one eigendecomposition per replicate instead of
/// a new Gram matrix.
/// </summary>
/// <remarks>
/// The covariance is Σ_M = (1/M) Σ_b w_b G_b − μμᵀ with μ = (1/M) Σ_b w_b s_b, M = Σ_b w_b n_b (w_b = 1 for the data
/// as drawn). Samples are assigned to blocks in a random order when the caller asks for it, so that the blocks are
/// exchangeable even if the file is sorted (e.g. by label). Levi &amp; Oz (arXiv 2306.14975 v3), Sec. 2. Used by
/// notebook 01.
/// </remarks>
public sealed class BlockedCovariance
{
    private readonly Matrix<double>[] _grams;
    private readonly double[][] _sums;
    private readonly int[] _counts;

    private BlockedCovariance(Matrix<double>[] grams, double[][] sums, int[] counts)
    {
        _grams = grams;
        _sums = sums;
        _counts = counts;
    }

    /// <summary>Number of blocks.</summary>
    public int BlockCount => _grams.Length;

    /// <summary>d, the number of features.</summary>
    public int Dimension => _grams[0].RowCount;

    /// <summary>M, the total number of samples.</summary>
    public int SampleCount => _counts.Sum();

    /// <summary>Splits the rows of <paramref name="data"/> into <paramref name="blockCount"/> nearly equal blocks,
    /// in row order, or in a random order when <paramref name="shuffle"/> is given.</summary>
    /// <param name="data">X, M×d (rows = samples). Range: M ≥ 2·blockCount, finite.</param>
    /// <param name="blockCount">B, the number of blocks. Range: 1 ≤ B ≤ M/2.</param>
    /// <param name="shuffle">Optional random order of the rows before they are cut into blocks.</param>
    public static BlockedCovariance FromRows(Matrix<double> data, int blockCount, Random? shuffle = null)
    {
        Guard.NotNull(data);
        Guard.Positive(blockCount);
        Guard.InRange(blockCount, 1, data.RowCount / 2, nameof(blockCount));
        int rows = data.RowCount, cols = data.ColumnCount;
        int[] order = Enumerable.Range(0, rows).ToArray();
        if (shuffle is not null)
            shuffle.Shuffle(order);
        var grams = new Matrix<double>[blockCount];
        var sums = new double[blockCount][];
        var counts = new int[blockCount];
        for (int b = 0; b < blockCount; b++)
        {
            int start = (int)((long)rows * b / blockCount), end = (int)((long)rows * (b + 1) / blockCount);
            var block = Matrix<double>.Build.Dense(end - start, cols);
            for (int r = start; r < end; r++)
                for (int c = 0; c < cols; c++)
                {
                    double v = data[order[r], c];
                    if (!double.IsFinite(v))
                        throw new ArgumentException($"data[{order[r]}, {c}] = {v} is not finite; allowed: finite entries.", nameof(data));
                    block[r - start, c] = v;
                }
            (grams[b], sums[b], counts[b]) = (Linalg.Gram(block), ColumnSums(block), end - start);
            RequireFiniteMoments(grams[b], nameof(data));
        }
        return new BlockedCovariance(grams, sums, counts);
    }

    /// <summary>Draws M samples from <paramref name="sampler"/> in blocks of <paramref name="blockSize"/> rows, so
    /// that the M×d data matrix never has to be held at once.</summary>
    /// <param name="sampler">The Gaussian model to draw from.</param>
    /// <param name="sampleCount">M. Range: M ≥ 2.</param>
    /// <param name="blockSize">Rows per block (the last block takes the remainder). Range: ≥ 1.</param>
    /// <param name="seed">Seed of the sample stream; block b uses its own generator derived from it.</param>
    public static BlockedCovariance FromSampler(GaussianSampler sampler, int sampleCount, int blockSize, int seed)
    {
        Guard.NotNull(sampler);
        Guard.AtLeast(sampleCount, 2);
        Guard.Positive(blockSize);
        // One block is a Math.Min(blockSize, sampleCount) × d matrix: it must fit one .NET array.
        long blockEntries = (long)Math.Min(blockSize, sampleCount) * sampler.Dimension;
        if (blockEntries > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(blockSize), blockSize,
                $"blockSize = {blockSize} (with sampleCount = {sampleCount}, d = {sampler.Dimension}) makes blocks of {blockEntries} entries; allowed: min(blockSize, sampleCount)·d ≤ {int.MaxValue}.");
        // Without the wrap of sampleCount + blockSize − 1 in int.
        int blockCount = (int)(((long)sampleCount + blockSize - 1) / blockSize);
        var grams = new Matrix<double>[blockCount];
        var sums = new double[blockCount][];
        var counts = new int[blockCount];
        for (int b = 0; b < blockCount; b++)
        {
            int n = Math.Min(blockSize, sampleCount - b * blockSize);
            var block = sampler.Sample(n, new Random(unchecked(seed * 7919 + b)));
            (grams[b], sums[b], counts[b]) = (Linalg.Gram(block), ColumnSums(block), n);
        }
        return new BlockedCovariance(grams, sums, counts);
    }

    /// <summary>The covariance Σ_M of all samples (every block weight 1).</summary>
    public Matrix<double> Covariance(FeatureScaling scaling) => Covariance(scaling, null, out _);

    /// <summary>The spectrum of Σ_M of all samples.</summary>
    public EmpiricalSpectrum Spectrum(FeatureScaling scaling)
    {
        var cov = Covariance(scaling, null, out int constant);
        return EmpiricalSpectrum.FromCovariance(cov, SampleCount, scaling, constant);
    }

    /// <summary>The spectrum of one bootstrap replicate: blocks drawn with replacement (B draws out of B).</summary>
    /// <param name="scaling">Feature normalisation, re-estimated on the replicate.</param>
    /// <param name="random">Source of the draw.</param>
    public EmpiricalSpectrum BootstrapSpectrum(FeatureScaling scaling, Random random)
    {
        Guard.NotNull(random);
        if (BlockCount < 2)
            throw new InvalidOperationException($"BlockCount = {BlockCount}; a bootstrap over blocks needs at least 2 blocks.");
        var weights = new int[BlockCount];
        for (int i = 0; i < BlockCount; i++)
            weights[random.Next(BlockCount)]++;
        var cov = Covariance(scaling, weights, out int constant);
        int m = 0;
        for (int b = 0; b < BlockCount; b++) m += weights[b] * _counts[b];
        return EmpiricalSpectrum.FromCovariance(cov, m, scaling, constant);
    }

    /// <summary>The spectra of <paramref name="groups"/> disjoint groups of consecutive blocks (block b goes to group
    /// ⌊b·groups/B⌋): independent realisations from one data set, e.g. to average a form factor.</summary>
    /// <param name="scaling">Feature normalisation, estimated within each group.</param>
    /// <param name="groups">Number of groups. Range: 1 ≤ groups ≤ <see cref="BlockCount"/>.</param>
    public IReadOnlyList<EmpiricalSpectrum> GroupSpectra(FeatureScaling scaling, int groups)
    {
        Guard.InRange(groups, 1, BlockCount);
        var spectra = new List<EmpiricalSpectrum>();
        for (int g = 0; g < groups; g++)
        {
            var weights = new int[BlockCount];
            int m = 0;
            for (int b = 0; b < BlockCount; b++)
                if ((long)b * groups / BlockCount == g)
                {
                    weights[b] = 1;
                    m += _counts[b];
                }
            var cov = Covariance(scaling, weights, out int constant);
            spectra.Add(EmpiricalSpectrum.FromCovariance(cov, m, scaling, constant));
        }
        return spectra;
    }

    private Matrix<double> Covariance(FeatureScaling scaling, int[]? weights, out int constantFeatures)
    {
        int d = Dimension;
        var total = Matrix<double>.Build.Dense(d, d);
        var mean = new double[d];
        double m = 0;
        for (int b = 0; b < BlockCount; b++)
        {
            int w = weights is null ? 1 : weights[b];
            if (w == 0) continue;
            total.Add(w == 1 ? _grams[b] : _grams[b] * w, total);
            for (int j = 0; j < d; j++) mean[j] += w * _sums[b][j];
            m += w * _counts[b];
        }
        for (int j = 0; j < d; j++) mean[j] /= m;
        var cov = total / m;
        for (int j = 0; j < d; j++)
            for (int i = 0; i < d; i++)
                cov[i, j] -= mean[i] * mean[j];
        constantFeatures = 0;
        if (scaling == FeatureScaling.Standardise)
        {
            var scale = new double[d];
            for (int j = 0; j < d; j++)
            {
                // A variance at round-off level relative to the raw second moment is a constant feature.
                double raw = total[j, j] / m;
                double v = cov[j, j];
                bool constant = !(v > 1e-12 * Math.Max(raw, double.Epsilon));
                if (constant) constantFeatures++;
                scale[j] = constant ? 0 : 1 / Math.Sqrt(v);
            }
            for (int j = 0; j < d; j++)
                for (int i = 0; i < d; i++)
                    cov[i, j] *= scale[i] * scale[j];
        }
        return cov;
    }

    // Finite entries can still overflow the second moments Σ x²: say so in terms of the caller's data.
    private static void RequireFiniteMoments(Matrix<double> gram, string name)
    {
        for (int j = 0; j < gram.RowCount; j++)
        {
            if (!double.IsFinite(gram[j, j]))
                throw new ArgumentOutOfRangeException(name, gram[j, j],
                    $"column {j} of {name}: the sum of squares overflows (Σ x² = {gram[j, j]}); allowed: |entries| small enough that Σ x² < {double.MaxValue:G3} (about 1e150 and below; rescale the data).");
        }
    }

    private static double[] ColumnSums(Matrix<double> block)
    {
        var s = new double[block.ColumnCount];
        for (int c = 0; c < block.ColumnCount; c++)
        {
            double acc = 0;
            for (int r = 0; r < block.RowCount; r++) acc += block[r, c];
            s[c] = acc;
        }
        return s;
    }
}
