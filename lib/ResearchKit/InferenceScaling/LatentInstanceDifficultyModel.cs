using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// The Latent Instance Difficulty (LID) model of last-layer fine-tuning: frozen Gaussian features x ∈ ℝ^d with a
/// power-law spectrum σ_j² = j^(−(1+α)), a teacher θ* with i.i.d. N(0, 1) components, and for each instance a
/// latent precision τ_x ~ Gamma(shape β/2, rate 1) so that Y = xᵀθ* + η/√τ_x, η ~ N(0, σ_η²). A ridge (or, for
/// λ → 0, least-squares) fit θ̂ on N samples has training bias B_N(x) = xᵀ(θ̂ − θ*). At inference an attempt is a
/// draw ŷ ~ N(xᵀθ̂, σ_η²/τ_x) and a perfect verifier accepts it when |ŷ − xᵀθ*| ≤ δ, so an instance is solved per
/// attempt with probability p(B, τ) = Φ((δ − B)√τ/σ_η) − Φ((−δ − B)√τ/σ_η), and 1 − pass@k = E[(1 − p)^k].
/// </summary>
/// <remarks>
/// <para>
/// Levi, "Learning Shrinks the Hard Tail: Training-Dependent Inference Scaling in a Solvable Linear Model",
/// arXiv 2601.03764 (ICLR 2026). Only the abstract and introduction could be read here; the set-up follows the
/// project spec ([S]) and the attempt/verifier reading above is ours (notebook 08 says so). Derived here and
/// checked in notebook 08:
/// </para>
/// <list type="bullet">
/// <item>η/√τ_x = σ_η √(2/β) t_β (Student-t with β degrees of freedom), so the mean target noise variance
/// σ_η² E[1/τ] = 2σ_η²/(β − 2) is finite only for β &gt; 2.</item>
/// <item>With no training bias, hard instances (τ → 0) have p ≈ c√τ, c = 2δ/(σ_η√(2π)), and
/// 1 − pass@k → 2Γ(β)/Γ(β/2) · (c k)^(−β): the intrinsic exponent is β.</item>
/// <item>A bias B makes easy instances (large τ) confidently wrong, p ~ e^(−τB²/2σ_η²); averaged over
/// B ~ N(0, s²) this adds a tail ≈ exp(−2(σ_η/s)√(ln k)), whose local exponent (σ_η/s)/√(ln k) is small while the
/// excess risk s² is large: β_eff rises with N and saturates at β once s ≪ σ_η.</item>
/// <item>The excess risk s² follows the ridge deterministic equivalent (κ = λ + (κ/N)Σ σ_j²/(σ_j²+κ)): ∝ N^(−α)
/// for N ≪ d and σ_ε² d/(N − d) for N &gt; d.</item>
/// </list>
/// <para>Used by notebook 08.</para>
/// </remarks>
public sealed class LatentInstanceDifficultyModel
{
    private const int PrecisionNodes = 1200;
    private const int BiasNodes = 400;
    private const int BinningThreshold = 4096;
    private const int AverageBlock = 64;
    private const int SimulationBlock = 1 << 16;
    private static readonly double[] NoBias = { 0.0 };
    private static readonly double[] OneWeight = { 1.0 };
    private readonly double[] _precisionNodes;
    private readonly double[] _precisionWeights;

    /// <summary>Creates the model.</summary>
    /// <param name="dimension">d, the number of frozen features. Range: d ≥ 1.</param>
    /// <param name="spectrumExponent">α in σ_j² = j^(−(1+α)). Range: α &gt; 0.</param>
    /// <param name="tailExponent">β, twice the shape of the precision's Gamma law. Range: β &gt; 0.</param>
    /// <param name="noiseScale">σ_η. Range: σ_η &gt; 0.</param>
    /// <param name="tolerance">δ, the verifier's tolerance. Range: δ &gt; 0.</param>
    /// <param name="ridge">λ, in (XᵀX + NλI)θ̂ = Xᵀy. Range: λ &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public LatentInstanceDifficultyModel(int dimension, double spectrumExponent, double tailExponent, double noiseScale, double tolerance, double ridge)
    {
        Guard.Positive(dimension);
        Guard.Positive(spectrumExponent);
        Guard.Positive(tailExponent);
        Guard.Positive(noiseScale);
        Guard.Positive(tolerance);
        Guard.Positive(ridge);
        Dimension = dimension;
        SpectrumExponent = spectrumExponent;
        TailExponent = tailExponent;
        NoiseScale = noiseScale;
        Tolerance = tolerance;
        Ridge = ridge;
        (_precisionNodes, _precisionWeights) = PrecisionQuadrature(tailExponent / 2);
    }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>α.</summary>
    public double SpectrumExponent { get; }

    /// <summary>β.</summary>
    public double TailExponent { get; }

    /// <summary>σ_η.</summary>
    public double NoiseScale { get; }

    /// <summary>δ.</summary>
    public double Tolerance { get; }

    /// <summary>λ.</summary>
    public double Ridge { get; }

    /// <summary>σ_j² = j^(−(1+α)) for j = 1 … d.</summary>
    public double[] Spectrum => Enumerable.Range(1, Dimension).Select(j => Math.Pow(j, -(1 + SpectrumExponent))).ToArray();

    /// <summary>σ_ε² = σ_η² E[1/τ] = 2σ_η²/(β − 2), the mean target noise variance; +∞ for β ≤ 2.</summary>
    public double MeanNoiseVariance => TailExponent > 2 ? 2 * NoiseScale * NoiseScale / (TailExponent - 2) : double.PositiveInfinity;

    /// <summary>The per-attempt success probability p(B, τ) of an instance with training bias B and precision τ.</summary>
    /// <param name="bias">B. Range: finite.</param>
    /// <param name="precision">τ. Range: τ &gt; 0.</param>
    public double SuccessProbability(double bias, double precision)
    {
        Guard.Finite(bias);
        Guard.Positive(precision);
        return -ExpM1(LogFailure(Math.Abs(bias), precision));
    }

    /// <summary>Draws instance noise variances σ_η²/τ_x, τ_x ~ Gamma(β/2, 1): the targets' heteroscedastic difficulty.</summary>
    /// <param name="count">The number of draws. Range: ≥ 1.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> &lt; 1.</exception>
    public double[] SampleNoiseVariances(int count, int seed)
    {
        Guard.Positive(count);
        var gamma = new Gamma(TailExponent / 2, 1, new Random(SeedSequence.Derive(seed, 0x5a)));
        var result = new double[count];
        for (int i = 0; i < count; i++)
            result[i] = NoiseScale * NoiseScale / Math.Max(gamma.Sample(), double.Epsilon);
        return result;
    }

    /// <summary>Draws the teacher θ* (i.i.d. N(0, 1)) from <paramref name="teacherSeed"/>.</summary>
    public double[] Teacher(int teacherSeed)
    {
        var random = new Random(SeedSequence.Derive(teacherSeed, 0x7eac));
        var teacher = new double[Dimension];
        Normal.Samples(random, teacher, 0, 1);
        return teacher;
    }

    /// <summary>
    /// Fits θ̂ on N fresh samples and draws the training bias of fresh test inputs (B ~ N(0, s²) exactly, since the
    /// inputs are Gaussian).
    /// </summary>
    /// <param name="trainingSize">N. Range: N ≥ 1.</param>
    /// <param name="testSize">The number of test inputs. Range: ≥ 1.</param>
    /// <param name="teacherSeed">Seed of θ* (keep it fixed across N).</param>
    /// <param name="seed">Seed of the training and test draws.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size &lt; 1.</exception>
    public LatentInstanceDifficultyFit Train(int trainingSize, int testSize, int teacherSeed, int seed)
    {
        Guard.Positive(trainingSize);
        Guard.Positive(testSize);
        int n = trainingSize, d = Dimension;
        double[] teacher = Teacher(teacherSeed);
        double[] scale = Spectrum.Select(Math.Sqrt).ToArray();
        var random = new Random(SeedSequence.Derive(seed, 0x1d));
        var gamma = new Gamma(TailExponent / 2, 1, random);

        var x = Matrix<double>.Build.Dense(n, d);
        var y = Vector<double>.Build.Dense(n);
        double noiseSum = 0;
        for (int i = 0; i < n; i++)
        {
            double signal = 0;
            for (int j = 0; j < d; j++)
            {
                double v = scale[j] * Normal.Sample(random, 0, 1);
                x[i, j] = v;
                signal += v * teacher[j];
            }
            double precision = Math.Max(gamma.Sample(), double.Epsilon);
            double variance = NoiseScale * NoiseScale / precision;
            noiseSum += variance;
            y[i] = signal + Math.Sqrt(variance) * Normal.Sample(random, 0, 1);
        }

        Vector<double> estimate;
        if (n >= d)
        {
            var a = Linalg.Gram(x);
            for (int j = 0; j < d; j++) a[j, j] += n * Ridge;
            estimate = Linalg.CholeskySolve(a, (x.TransposeThisAndMultiply(y)).ToColumnMatrix()).Column(0);
        }
        else
        {
            // Dual form θ̂ = Xᵀ(XXᵀ + NλI)⁻¹y: an N×N solve, well posed below the interpolation threshold.
            var k = Linalg.Gram(x.Transpose());
            for (int i = 0; i < n; i++) k[i, i] += n * Ridge;
            var alpha = Linalg.CholeskySolve(k, y.ToColumnMatrix()).Column(0);
            estimate = x.TransposeThisAndMultiply(alpha);
        }

        var delta = new double[d];
        double excess = 0;
        for (int j = 0; j < d; j++)
        {
            delta[j] = estimate[j] - teacher[j];
            excess += scale[j] * scale[j] * delta[j] * delta[j];
        }
        // For a Gaussian test input x ~ N(0, Σ), B = xᵀ(θ̂ − θ*) is exactly N(0, s²): draw it directly (cost M, not M·d).
        double s = Math.Sqrt(excess);
        var biases = new double[testSize];
        for (int t = 0; t < testSize; t++)
            biases[t] = s * Normal.Sample(random, 0, 1);
        return new LatentInstanceDifficultyFit(n, excess, biases, noiseSum / n);
    }

    /// <summary>
    /// The simulated failure curve 1 − pass@k = mean over the given test biases of E_τ[(1 − p(B, τ))^k], the
    /// average over the Gamma precision done by quadrature (τ is independent of x and of training). Above 4 096
    /// biases the mean over biases is taken on a histogram of |B| with logarithmic bins of relative width 1 %.
    /// </summary>
    /// <param name="biases">B_N(x) of the test inputs. Range: finite; at least one.</param>
    /// <param name="ks">Attempt budgets. Range: each k ≥ 1; at least one.</param>
    /// <exception cref="ArgumentException">Empty or non-finite inputs, or k &lt; 1.</exception>
    public double[] FailureCurve(IReadOnlyList<double> biases, IReadOnlyList<int> ks)
    {
        Guard.AllFinite(biases);
        ValidateKs(ks);
        return FailureCurveOf(biases, ks, parallel: true);
    }

    /// <summary>
    /// <see cref="FailureCurve"/> for many sets of test biases at once (e.g. every fit of a sweep over N and seeds):
    /// the sets run side by side, each on one thread, so that the cores synchronise once per set instead of every few
    /// dozen bias nodes. Each curve is bit-identical to <see cref="FailureCurve"/> of its set, whatever the thread count.
    /// </summary>
    /// <param name="biasSets">One set of test biases B_N(x) per curve. Range: at least one set; each finite, non-empty.</param>
    /// <param name="ks">Attempt budgets. Range: each k ≥ 1; at least one.</param>
    /// <param name="maxDegreeOfParallelism">Most threads. Range: ≥ 1; null = all cores.</param>
    /// <returns>The curves, in the order of <paramref name="biasSets"/>.</returns>
    /// <exception cref="ArgumentException">No sets, an empty or non-finite set, or a bad k.</exception>
    /// <remarks>Notebook 08 (Levi 2026, arXiv 2601.03764) draws β_eff(N) from 162 such curves.</remarks>
    public double[][] FailureCurves(IReadOnlyList<IReadOnlyList<double>> biasSets, IReadOnlyList<int> ks, int? maxDegreeOfParallelism = null)
    {
        Guard.NotEmpty(biasSets);
        for (int i = 0; i < biasSets.Count; i++)
        {
            if (biasSets[i] is null || biasSets[i].Count == 0)
                throw new ArgumentException($"biasSets[{i}] is null or empty; allowed: a non-empty set of finite biases.", nameof(biasSets));
            Guard.AllFinite(biasSets[i], $"{nameof(biasSets)}[{i}]");
        }
        ValidateKs(ks);
        return Sweep.Map(biasSets, set => FailureCurveOf(set, ks, parallel: false), maxDegreeOfParallelism);
    }

    private double[] FailureCurveOf(IReadOnlyList<double> biases, IReadOnlyList<int> ks, bool parallel)
    {
        double[] abs = biases.Select(Math.Abs).ToArray();
        if (abs.Length <= BinningThreshold)
            return Average(abs, Enumerable.Repeat(1.0 / abs.Length, abs.Length).ToArray(), ks, parallel);

        // Many test inputs: average over a histogram of |B| in logarithmic bins of relative width ≤ 1 % (p varies
        // smoothly in B), each bin represented by the mean |B| of its members, so the cost does not grow with M.
        double max = abs.Max(), min = Math.Max(abs.Where(b => b > 0).DefaultIfEmpty(max).Min(), max * 1e-12);
        if (!(max > 0))
            return Average(NoBias, OneWeight, ks, parallel);
        int bins = Math.Max(1, (int)Math.Ceiling(Math.Log(max / min) / Math.Log(1.01)));
        var sum = new double[bins + 1];
        var count = new int[bins + 1];
        foreach (double b in abs)
        {
            int bin = b < min ? bins : Math.Min(bins - 1, (int)(Math.Log(b / min) / Math.Log(1.01)));
            sum[bin] += b;
            count[bin]++;
        }
        var nodes = new List<double>();
        var weights = new List<double>();
        for (int i = 0; i <= bins; i++)
        {
            if (count[i] == 0) continue;
            nodes.Add(sum[i] / count[i]);
            weights.Add((double)count[i] / abs.Length);
        }
        return Average(nodes.ToArray(), weights.ToArray(), ks, parallel);
    }

    /// <summary>
    /// Brute-force 1 − pass@k: for each test bias B a precision τ ~ Gamma(β/2, 1) is drawn and then attempts
    /// ŷ ~ N(B, σ_η²/τ) (relative to the true answer) until one lands within δ or max k attempts are spent.
    /// </summary>
    /// <param name="biases">B_N(x) of the test inputs. Range: finite; at least one.</param>
    /// <param name="ks">Attempt budgets. Range: each 1 ≤ k ≤ 100 000; at least one.</param>
    /// <param name="seed">Seed of the precisions and attempts.</param>
    /// <returns>The fraction of inputs with no accepted attempt among the first k, for each k.</returns>
    /// <exception cref="ArgumentException">Empty or non-finite inputs, or k outside its range.</exception>
    public double[] FailureCurveByAttempts(IReadOnlyList<double> biases, IReadOnlyList<int> ks, int seed)
    {
        Guard.AllFinite(biases);
        ValidateKs(ks);
        int maxK = ks.Max();
        Guard.InRange(maxK, 1, 100_000);
        var random = new Random(SeedSequence.Derive(seed, 0xa77));
        var gamma = new Gamma(TailExponent / 2, 1, random);
        var failures = new int[ks.Count];
        foreach (double bias in biases)
        {
            double sd = NoiseScale / Math.Sqrt(Math.Max(gamma.Sample(), double.Epsilon));
            int first = int.MaxValue;
            for (int a = 1; a <= maxK; a++)
            {
                if (Math.Abs(bias + sd * Normal.Sample(random, 0, 1)) <= Tolerance) { first = a; break; }
            }
            for (int m = 0; m < ks.Count; m++)
                if (first > ks[m]) failures[m]++;
        }
        return failures.Select(f => (double)f / biases.Count).ToArray();
    }

    /// <summary>
    /// Monte-Carlo 1 − pass@k with the latent precision <b>drawn</b> rather than integrated: instance i takes the test
    /// bias B = biases[i mod n], a precision τ drawn by inversion of the Gamma(β/2, 1) distribution function at a
    /// point v, and the index of its first accepted attempt, drawn from its exact (geometric) law; it fails at budget
    /// k when that index exceeds k. Failure rates at large k (10⁻⁷ and below) come from the rare hardest instances,
    /// so v is drawn by importance sampling: from a defensive mixture of U(0, 1) and a log-uniform law on
    /// [10⁻¹⁵, 1] (density q(v) = ½ + ½/(v ln 10¹⁵) there, ½ below), each instance weighted by 1/q(v). The estimate is
    /// unbiased for every k; its error comes from the spread of the weighted failure indicators over batches.
    /// </summary>
    /// <param name="biases">B_N(x) of the test inputs. Range: finite; at least one.</param>
    /// <param name="ks">Attempt budgets. Range: each k ≥ 1; at least two distinct, ascending.</param>
    /// <param name="instances">The number of simulated instances. Range: ≥ 100 × <paramref name="batches"/>.</param>
    /// <param name="seed">Seed of the precisions and attempts.</param>
    /// <param name="batches">g, the number of equal batches for the standard errors and the jackknife. Range: 2 … 1000.</param>
    /// <returns>The estimates, their standard errors and the batch estimates (for a jackknife of β_eff).</returns>
    /// <exception cref="ArgumentException">Empty or non-finite biases, a bad k, too few instances or batches.</exception>
    /// <remarks>Notebook 08 uses it for the plateau of β_eff (Levi 2026, arXiv 2601.03764: β_eff saturates at the
    /// intrinsic β), so that the plateau is simulated instead of following from the τ quadrature of
    /// <see cref="FailureCurve"/>.</remarks>
    public SimulatedFailureCurve SimulateFailureCurve(IReadOnlyList<double> biases, IReadOnlyList<int> ks, int instances, int seed, int batches = 20)
    {
        Guard.AllFinite(biases);
        ValidateKs(ks);
        for (int m = 1; m < ks.Count; m++)
        {
            if (ks[m] <= ks[m - 1])
                throw new ArgumentException($"ks[{m}] = {ks[m]} ≤ ks[{m - 1}] = {ks[m - 1]}; allowed: strictly ascending budgets.", nameof(ks));
        }
        if (ks.Count < 2)
            throw new ArgumentException("ks has 1 element; allowed: at least two budgets.", nameof(ks));
        Guard.InRange(batches, 2, 1000);
        Guard.AtLeast(instances, 100 * batches);
        const double logRange = 34.538776394910684; // ln 10¹⁵
        const double vMin = 1e-15;
        var random = new Random(SeedSequence.Derive(seed, 0x51d));
        double shape = TailExponent / 2;
        var batchSum = new double[batches, ks.Count];
        var batchSquares = new double[ks.Count];
        var total = new double[ks.Count];
        int perBatch = instances / batches;
        int used = perBatch * batches;
        // In blocks: the draws in the serial order, the precisions and ln(1 − p) (the costly inverse Gamma) in
        // parallel, then the tallies in the serial order, so the result does not depend on the thread count.
        int block = Math.Min(SimulationBlock, used);
        var vs = new double[block];
        var logUs = new double[block];
        var logQs = new double[block];
        for (int start = 0; start < used; start += block)
        {
            int count = Math.Min(block, used - start);
            for (int j = 0; j < count; j++)
            {
                double v = random.NextDouble() < 0.5 ? random.NextDouble() : Math.Exp(-logRange * random.NextDouble());
                vs[j] = Math.Max(v, double.Epsilon);
                logUs[j] = Math.Log(1 - random.NextDouble());
            }
            Parallel.For(0, count, j =>
            {
                double v = vs[j];
                double tau = v >= 1 ? 80 + 10 * shape : SpecialFunctions.GammaLowerRegularizedInv(shape, v);
                logQs[j] = tau > 0 ? LogFailure(Math.Abs(biases[(start + j) % biases.Count]), tau) : 0;
            });
            for (int j = 0; j < count; j++)
            {
                int i = start + j;
                double v = vs[j];
                double q = v >= vMin ? 0.5 + 0.5 / (v * logRange) : 0.5;
                double weight = 1 / q;
                double logQ = logQs[j];
                // First accepted attempt: the smallest a with U > (1 − p)^a; the instance fails at budget k when
                // (1 − p)^k > U, i.e. k·ln(1 − p) > ln U.
                double logU = logUs[j];
                int b = i / perBatch;
                for (int m = 0; m < ks.Count; m++)
                {
                    if (logQ == 0 || ks[m] * logQ > logU)
                    {
                        batchSum[b, m] += weight;
                        total[m] += weight;
                        batchSquares[m] += weight * weight;
                    }
                    else break; // ks ascending: it fails at no larger budget either
                }
            }
        }
        var failure = new double[ks.Count];
        var error = new double[ks.Count];
        var batchFailure = new double[batches][];
        for (int b = 0; b < batches; b++)
        {
            batchFailure[b] = new double[ks.Count];
            for (int m = 0; m < ks.Count; m++) batchFailure[b][m] = batchSum[b, m] / perBatch;
        }
        for (int m = 0; m < ks.Count; m++)
        {
            failure[m] = total[m] / used;
            // Instance-level standard error of the weighted mean (the instances are independent).
            double meanSquare = batchSquares[m] / used;
            error[m] = Math.Sqrt(Math.Max(meanSquare - failure[m] * failure[m], 0) / (used - 1));
        }
        return new SimulatedFailureCurve(ks.ToArray(), failure, error, batchFailure);
    }

    /// <summary>
    /// The theory failure curve for a given excess risk s²: B ~ N(0, s²) (exact for Gaussian test inputs), both
    /// averages by quadrature.
    /// </summary>
    /// <param name="excessRisk">s². Range: s² ≥ 0 (0 gives the intrinsic, untrained-bias-free curve).</param>
    /// <param name="ks">Attempt budgets. Range: each k ≥ 1; at least one.</param>
    /// <exception cref="ArgumentException">A negative or non-finite s², or a bad k.</exception>
    public double[] FailureCurveTheory(double excessRisk, IReadOnlyList<int> ks)
    {
        Guard.NonNegative(excessRisk);
        ValidateKs(ks);
        return FailureCurveTheoryOf(excessRisk, ks, parallel: true);
    }

    /// <summary>
    /// <see cref="FailureCurveTheory"/> for many excess risks at once, side by side, each curve on one thread; each is
    /// bit-identical to <see cref="FailureCurveTheory"/> of its s², whatever the thread count.
    /// </summary>
    /// <param name="excessRisks">s² of each curve. Range: at least one; each finite, ≥ 0.</param>
    /// <param name="ks">Attempt budgets. Range: each k ≥ 1; at least one.</param>
    /// <param name="maxDegreeOfParallelism">Most threads. Range: ≥ 1; null = all cores.</param>
    /// <returns>The curves, in the order of <paramref name="excessRisks"/>.</returns>
    /// <exception cref="ArgumentException">No s², a negative or non-finite one, or a bad k.</exception>
    public double[][] FailureCurvesTheory(IReadOnlyList<double> excessRisks, IReadOnlyList<int> ks, int? maxDegreeOfParallelism = null)
    {
        Guard.NotEmpty(excessRisks);
        for (int i = 0; i < excessRisks.Count; i++)
        {
            if (!(double.IsFinite(excessRisks[i]) && excessRisks[i] >= 0))
                throw new ArgumentOutOfRangeException(nameof(excessRisks), excessRisks[i],
                    $"excessRisks[{i}] = {excessRisks[i]} is out of range; allowed: 0 ≤ s² < ∞.");
        }
        ValidateKs(ks);
        return Sweep.Map(excessRisks, s2 => FailureCurveTheoryOf(s2, ks, parallel: false), maxDegreeOfParallelism);
    }

    private double[] FailureCurveTheoryOf(double excessRisk, IReadOnlyList<int> ks, bool parallel)
    {
        if (excessRisk == 0)
            return Average(NoBias, OneWeight, ks, parallel);
        double s = Math.Sqrt(excessRisk);
        // |B| = s·z with z half-normal; a logarithmic grid in z resolves the narrow large-τ window near B = 0.
        var b = new double[BiasNodes];
        var w = new double[BiasNodes];
        double lo = Math.Log(1e-7), hi = Math.Log(9.0), h = (hi - lo) / (BiasNodes - 1);
        double total = 0;
        for (int i = 0; i < BiasNodes; i++)
        {
            double z = Math.Exp(lo + i * h);
            b[i] = s * z;
            w[i] = 2 * Normal.PDF(0, 1, z) * z * h * (i == 0 || i == BiasNodes - 1 ? 0.5 : 1);
            total += w[i];
        }
        for (int i = 0; i < BiasNodes; i++) w[i] /= total;
        return Average(b, w, ks, parallel);
    }

    /// <summary>The large-k asymptote without training bias: 1 − pass@k ≈ 2Γ(β)/Γ(β/2) · (c k)^(−β), c = 2δ/(σ_η√(2π)).</summary>
    /// <param name="k">k. Range: k &gt; 0.</param>
    public double IntrinsicAsymptote(double k)
    {
        Guard.Positive(k);
        double c = 2 * Tolerance / (NoiseScale * Math.Sqrt(2 * Math.PI));
        return 2 * SpecialFunctions.Gamma(TailExponent) / SpecialFunctions.Gamma(TailExponent / 2) * Math.Pow(c * k, -TailExponent);
    }

    /// <summary>
    /// The ridge deterministic equivalent of the excess risk s²(N) for a teacher with E[θ_j²] = 1:
    /// [κ² Σ σ_j²/(σ_j²+κ)² + σ_ε² df₂/N] / (1 − df₂/N), df₂ = Σ σ_j⁴/(σ_j²+κ)², κ = λ + (κ/N) Σ σ_j²/(σ_j²+κ).
    /// </summary>
    /// <param name="trainingSize">N. Range: N ≥ 1.</param>
    /// <returns>s²(N); +∞ when β ≤ 2 (no finite noise variance).</returns>
    public double ExcessRiskTheory(int trainingSize)
    {
        Guard.Positive(trainingSize);
        double n = trainingSize;
        double[] spectrum = Spectrum;
        double Residual(double kappa) => Ridge / kappa + spectrum.Sum(v => v / (v + kappa)) / n - 1;
        double lo = Math.Log(1e-40), hi = Math.Log(1e6);
        for (int it = 0; it < 200; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (Residual(Math.Exp(mid)) > 0) lo = mid; else hi = mid;
        }
        double k = Math.Exp(0.5 * (lo + hi));
        double bias = 0, df2 = 0;
        foreach (double v in spectrum)
        {
            double r = v + k;
            bias += k * k * v / (r * r);
            df2 += v * v / (r * r);
        }
        return (bias + MeanNoiseVariance * df2 / n) / (1 - df2 / n);
    }

    /// <summary>β_eff: the least-squares slope −d ln(1 − pass@k)/d ln k over the given points.</summary>
    /// <param name="ks">The budgets. Range: each k ≥ 1; at least two distinct.</param>
    /// <param name="failure">1 − pass@k at each k. Range: each in (0, 1].</param>
    /// <exception cref="ArgumentException">Mismatched lengths, fewer than two points, or a value outside (0, 1].</exception>
    public static double EffectiveExponent(IReadOnlyList<int> ks, IReadOnlyList<double> failure)
    {
        ValidateKs(ks);
        Guard.AllFinite(failure);
        Guard.SameLength(failure.Count, ks.Count, nameof(failure), nameof(ks));
        if (ks.Count < 2)
            throw new ArgumentException("ks has 1 element; allowed: at least two budgets.", nameof(ks));
        for (int i = 0; i < failure.Count; i++)
        {
            if (!(failure[i] > 0 && failure[i] <= 1))
                throw new ArgumentOutOfRangeException(nameof(failure), failure[i], $"failure[{i}] = {failure[i]} is out of range; allowed: 0 < 1 − pass@k ≤ 1.");
        }
        double mx = ks.Average(k => Math.Log(k)), my = failure.Average(Math.Log), sxy = 0, sxx = 0;
        for (int i = 0; i < ks.Count; i++)
        {
            double dx = Math.Log(ks[i]) - mx;
            sxy += dx * (Math.Log(failure[i]) - my);
            sxx += dx * dx;
        }
        if (!(sxx > 0))
            throw new ArgumentException("ks holds a single distinct value; allowed: at least two distinct budgets.", nameof(ks));
        return -sxy / sxx;
    }

    // Σ_i Σ_t weights[i]·w_t·(1 − p(B_i, τ_t))^k for each k, every k's sum taken over (i, t) in the serial order, so
    // that the result is the same whatever runs it: block by block, the ln(1 − p) of a block of bias nodes, then each
    // k's sum over the block. Parallel: the block's rows on all cores, then the k's on all cores. Serial (one curve of
    // many run side by side): the same loops on one thread — the same additions in the same order, so the same bits.
    private double[] Average(double[] absBiases, double[] weights, IReadOnlyList<int> ks, bool parallel)
    {
        int nodes = _precisionNodes.Length, budgets = ks.Count;
        var result = new double[budgets];
        var r = new double[nodes];
        for (int t = 0; t < nodes; t++) r[t] = Math.Sqrt(_precisionNodes[t]) / NoiseScale;
        int block = Math.Min(AverageBlock, absBiases.Length);
        var logQs = new double[block * nodes];
        for (int start = 0; start < absBiases.Length; start += block)
        {
            int rows = Math.Min(block, absBiases.Length - start);
            void Row(int i)
            {
                double b = absBiases[start + i];
                for (int t = 0; t < nodes; t++) logQs[i * nodes + t] = LogFailureScaled(b, r[t]);
            }
            void Budget(int m)
            {
                double k = ks[m], sum = result[m];
                for (int i = 0; i < rows; i++)
                {
                    double wi = weights[start + i];
                    for (int t = 0; t < nodes; t++)
                    {
                        double logQ = logQs[i * nodes + t];
                        if (logQ == 0) { sum += wi * _precisionWeights[t]; continue; } // p = 0: (1 − p)^k = e^(±0) = 1 exactly
                        double e = k * logQ;
                        if (e < -746) continue; // e^e is exactly 0 below −745.2: the term adds nothing
                        sum += wi * _precisionWeights[t] * Math.Exp(e);
                    }
                }
                result[m] = sum;
            }
            if (parallel)
            {
                Parallel.For(0, rows, Row);
                Parallel.For(0, budgets, Budget);
            }
            else
            {
                for (int i = 0; i < rows; i++) Row(i);
                for (int m = 0; m < budgets; m++) Budget(m);
            }
        }
        return result;
    }

    // ln(1 − p) for |B| = b ≥ 0, computed from whichever Gaussian tail keeps relative precision.
    private double LogFailure(double b, double precision) => LogFailureScaled(b, Math.Sqrt(precision) / NoiseScale);

    // The same for r = √τ/σ_η given.
    private double LogFailureScaled(double b, double r)
    {
        double upper = (Tolerance - b) * r, lower = (-Tolerance - b) * r; // p = Φ(upper) − Φ(lower)
        if (upper <= 0)
        {
            double p = 0.5 * (ErfcOfNonNegative(-upper / Math.Sqrt(2)) - ErfcOfNonNegative(-lower / Math.Sqrt(2)));
            return LogOneMinus(Math.Max(p, 0));
        }
        double q = 0.5 * (ErfcOfNonNegative(upper / Math.Sqrt(2)) + ErfcOfNonNegative(-lower / Math.Sqrt(2)));
        return q > 0 ? Math.Log(q) : -745;
    }

    /// <summary>Above this argument MathNet's erfc is exactly +0: its last step is e^(−z²)/z times a rational factor,
    /// and e^(−z²) is +0 once z² &gt; 745.14 (z &gt; 27.298).</summary>
    internal const double ErfcZeroFrom = 27.3;

    // erfc(z) for z ≥ 0 as MathNet computes it, without its 110-branch rational approximation where the answer is +0
    // (bit-identical: pinned by a test). In the LID sums most (B, τ) pairs of a biased fit sit there.
    internal static double ErfcOfNonNegative(double z) => z > ErfcZeroFrom ? 0.0 : SpecialFunctions.Erfc(z);

    // Nodes and weights for E[g(τ)], τ ~ Gamma(a, 1): trapezoid on ln τ over [τ_min, 80], τ_min chosen so that the
    // omitted mass τ_min^a/Γ(a+1) is below 1e−12; the weights are renormalised to sum to one.
    private static (double[] Nodes, double[] Weights) PrecisionQuadrature(double shape)
    {
        double logMin = (Math.Log(1e-12) + SpecialFunctions.GammaLn(shape + 1)) / shape;
        double logMax = Math.Log(80 + 10 * shape);
        var nodes = new double[PrecisionNodes];
        var weights = new double[PrecisionNodes];
        double h = (logMax - logMin) / (PrecisionNodes - 1), total = 0;
        for (int t = 0; t < PrecisionNodes; t++)
        {
            double u = logMin + t * h;
            nodes[t] = Math.Exp(u);
            weights[t] = Math.Exp(shape * u - nodes[t] - SpecialFunctions.GammaLn(shape)) * h * (t == 0 || t == PrecisionNodes - 1 ? 0.5 : 1);
            total += weights[t];
        }
        for (int t = 0; t < PrecisionNodes; t++) weights[t] /= total;
        return (nodes, weights);
    }

    private static void ValidateKs(IReadOnlyList<int>? ks)
    {
        Guard.NotEmpty(ks);
        for (int m = 0; m < ks!.Count; m++)
        {
            if (ks[m] < 1)
                throw new ArgumentOutOfRangeException(nameof(ks), ks[m], $"ks[{m}] = {ks[m]} is out of range; allowed: k ≥ 1.");
        }
    }

    private static double LogOneMinus(double p)
    {
        double u = 1 - p;
        return u == 1 ? -p : Math.Log(u) * -p / (u - 1);
    }

    private static double ExpM1(double x) => Math.Abs(x) < 1e-5 ? x + 0.5 * x * x : Math.Exp(x) - 1;
}
