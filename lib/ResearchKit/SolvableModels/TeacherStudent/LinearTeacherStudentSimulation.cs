using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Full-batch gradient descent of the linear teacher–student model on sampled Gaussian data.
/// </summary>
/// <remarks>
/// Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441), Sec. 2. The GD map on the residual D = S − T is affine,
/// D ← D − η₀[2Σ_tr D + γ(D + T)], and diagonal in the eigenbasis of the sampled Σ_tr: each eigen-direction k
/// evolves as d_k(t) = a_kᵗ d_k(0) + (1 − a_kᵗ) d_k* with a_k = 1 − η₀(2ν_k + γ). <see cref="Run"/> evaluates the
/// GD iterates exactly this way (one eigendecomposition of the sampled covariance, then any step count at the cost
/// of a power), which makes d_out = 700 and 10⁷ steps affordable; <see cref="RunIterated"/> applies the update step
/// by step and is the reference it is tested against. Neither uses the Marchenko–Pastur law.
/// Used in notebooks 02 and 04.
/// </remarks>
public static class LinearTeacherStudentSimulation
{
    /// <summary>Simulates GD and records losses and accuracies at <paramref name="steps"/>.</summary>
    /// <param name="setup">The experiment.</param>
    /// <param name="steps">GD step counts to record: non-negative integers, ascending, at least one.</param>
    /// <param name="errorThreshold">ε: a sample counts as correct when (1/d_out)‖Dᵀx‖² &lt; ε. Range: ε &gt; 0.</param>
    /// <param name="testSamples">Number of held-out samples for the test accuracy. Range: ≥ 1.</param>
    /// <param name="seed">Seed of the data, teacher and initialisation.</param>
    public static LinearTeacherStudentTrajectory Run(LinearTeacherStudentSetup setup, IReadOnlyList<double> steps, double errorThreshold, int testSamples, int seed)
    {
        Guard.NotNull(setup);
        ValidateSteps(steps);
        Guard.Positive(errorThreshold);
        Guard.Positive(testSamples);
        var problem = Problem.Sample(setup, testSamples, seed);
        int d = setup.InputDimension, k = setup.OutputDimension;
        var eigen = Linalg.SymmetricEigen(problem.Covariance);
        double[] nu = eigen.Values;
        CheckStability(setup, nu[^1]);
        var v = eigen.Vectors;
        var d0 = v.TransposeThisAndMultiply(problem.InitialResidual);
        var t0 = v.TransposeThisAndMultiply(problem.Teacher);
        double eta0 = setup.EffectiveRate, gamma = setup.WeightDecay;

        int m = steps.Count;
        // Per recorded step the errors cost either d_in²·d_out (back to the original basis) + (N + M)·d_in·d_out, or,
        // with the inputs rotated once into the eigenbasis ((N + M)·d_in² up front), only (N + M)·d_in·d_out.
        bool rotateInputs = (long)m * k > setup.TrainSamples + testSamples;
        var trainInputs = rotateInputs ? Linalg.Multiply(problem.TrainInputs, v) : problem.TrainInputs;
        var testInputs = rotateInputs ? Linalg.Multiply(problem.TestInputs, v) : problem.TestInputs;
        var result = NewArrays(m);
        // Recorded steps go through the error products in blocks, their residuals side by side (about
        // BlockColumns columns): one matrix–matrix product per block instead of one matrix–vector product per
        // step, which reads the N × d_in inputs once per block instead of once per step.
        int perBlock = Math.Max(1, BlockColumns / k);
        var build = Matrix<double>.Build;
        double[] d0Cells = d0.ToColumnMajorArray(), t0Cells = t0.ToColumnMajorArray();
        for (int first = 0; first < m; first += perBlock)
        {
            int count = Math.Min(perBlock, m - first);
            var block = build.Dense(d, k * count);
            var cells = block.AsColumnMajorArray();
            for (int b = 0; b < count; b++)
            {
                int s = first + b;
                double t = steps[s];
                int offset = b * k * d;
                for (int i = 0; i < d; i++)
                {
                    double a = 1 - eta0 * (2 * nu[i] + gamma);
                    double power = Math.Pow(a, t);
                    double mu = nu[i] + gamma / 2;
                    // Fixed point d* = −γ/(2μ)·T of the weight-decayed update; without weight decay it is 0.
                    double q = gamma > 0 && mu > 0 ? gamma / (2 * mu) : 0;
                    for (int j = 0; j < k; j++)
                        cells[offset + j * d + i] = power * d0Cells[j * d + i] - (1 - power) * q * t0Cells[j * d + i];
                }
                double train = 0, gen = 0;
                for (int i = 0; i < d; i++)
                {
                    double row = 0;
                    for (int j = 0; j < k; j++)
                        row += cells[offset + j * d + i] * cells[offset + j * d + i];
                    gen += row;
                    train += nu[i] * row;
                }
                result.Train[s] = train / k;
                result.Gen[s] = gen / k;
            }
            var residuals = rotateInputs ? block : Linalg.MultiplyFinite(v, block);
            var trainErrors = Linalg.MultiplyFinite(trainInputs, residuals);
            var testErrors = Linalg.MultiplyFinite(testInputs, residuals);
            for (int b = 0; b < count; b++)
            {
                result.TrainAcc[first + b] = LossAccuracy.FractionBelow(trainErrors, errorThreshold, b * k, k);
                result.TestAcc[first + b] = LossAccuracy.FractionBelow(testErrors, errorThreshold, b * k, k);
            }
        }
        return new LinearTeacherStudentTrajectory(steps.ToArray(), result.Train, result.Gen, result.TrainAcc, result.TestAcc, nu[0], nu[^1]);
    }

    /// <summary>
    /// The same experiment (same seed → same data) by applying the GD update step by step in the original basis.
    /// Cost grows with the last step; meant as a reference for small sizes.
    /// </summary>
    /// <param name="setup">The experiment.</param>
    /// <param name="steps">GD step counts to record: non-negative integers, ascending, at least one.</param>
    /// <param name="errorThreshold">ε. Range: ε &gt; 0.</param>
    /// <param name="testSamples">Held-out samples. Range: ≥ 1.</param>
    /// <param name="seed">Seed of the data, teacher and initialisation.</param>
    public static LinearTeacherStudentTrajectory RunIterated(LinearTeacherStudentSetup setup, IReadOnlyList<double> steps, double errorThreshold, int testSamples, int seed)
    {
        Guard.NotNull(setup);
        ValidateSteps(steps);
        Guard.Positive(errorThreshold);
        Guard.Positive(testSamples);
        var problem = Problem.Sample(setup, testSamples, seed);
        var eigenvalues = Linalg.SymmetricEigenvalues(problem.Covariance);
        CheckStability(setup, eigenvalues[^1]);
        double eta0 = setup.EffectiveRate, gamma = setup.WeightDecay;
        var residual = problem.InitialResidual.Clone();
        int m = steps.Count;
        var result = NewArrays(m);
        long done = 0;
        for (int s = 0; s < m; s++)
        {
            long target = (long)steps[s];
            for (; done < target; done++)
            {
                // D ← D − η₀[2Σ D + γ S] with S = D + T.
                var grad = problem.Covariance * residual * 2 + (residual + problem.Teacher) * gamma;
                residual -= grad * eta0;
            }
            var trainErr = problem.TrainInputs * residual;
            int k = setup.OutputDimension;
            result.Train[s] = trainErr.FrobeniusNorm() * trainErr.FrobeniusNorm() / (setup.TrainSamples * k);
            result.Gen[s] = residual.FrobeniusNorm() * residual.FrobeniusNorm() / k;
            result.TrainAcc[s] = LossAccuracy.FractionBelow(trainErr, errorThreshold);
            result.TestAcc[s] = LossAccuracy.FractionBelow(problem.TestInputs * residual, errorThreshold);
        }
        return new LinearTeacherStudentTrajectory(steps.ToArray(), result.Train, result.Gen, result.TrainAcc, result.TestAcc, eigenvalues[0], eigenvalues[^1]);
    }

    /// <summary>Log-spaced integer step counts from 0 to <paramref name="lastStep"/> (0 first, duplicates removed).</summary>
    /// <param name="lastStep">Last step. Range: ≥ 1.</param>
    /// <param name="count">Number of log-spaced points. Range: ≥ 2.</param>
    public static double[] LogSpacedSteps(double lastStep, int count)
    {
        Guard.InRange(lastStep, 1, 1e15);
        Guard.AtLeast(count, 2);
        var set = new SortedSet<double> { 0 };
        for (int i = 0; i < count; i++)
            set.Add(Math.Round(Math.Exp(Math.Log(lastStep) * i / (count - 1))));
        return set.ToArray();
    }

    /// <summary>A rows × cols matrix of independent N(0, sd²) entries, drawn row by row (shared with the two-layer simulation, whose seeds depend on this order).</summary>
    internal static Matrix<double> GaussianMatrix(Random rng, int rows, int cols, double sd)
    {
        var m = Matrix<double>.Build.Dense(rows, cols);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                m[i, j] = Normal.Sample(rng, 0, sd);
        return m;
    }

    /// <summary>About this many residual columns go through one error product in <see cref="Run"/>.</summary>
    internal const int BlockColumns = 256;

    private sealed record Arrays(double[] Train, double[] Gen, double[] TrainAcc, double[] TestAcc);

    private static Arrays NewArrays(int m) => new(new double[m], new double[m], new double[m], new double[m]);

    /// <summary>Requires ascending integer step counts in [0, <paramref name="maxStep"/>] (shared with the two-layer simulation).</summary>
    internal static void ValidateSteps(IReadOnlyList<double>? steps, double maxStep = 1e15)
    {
        Guard.AllFinite(steps);
        for (int i = 0; i < steps!.Count; i++)
        {
            double s = steps[i];
            if (!(s >= 0 && s == Math.Floor(s) && s <= maxStep))
                throw new ArgumentOutOfRangeException(nameof(steps), s, $"steps[{i}] = {s} is out of range; allowed: integers 0 ≤ steps[i] ≤ {maxStep:0e0}.");
            if (i > 0 && !(s >= steps[i - 1]))
                throw new ArgumentException($"steps[{i}] = {s} < steps[{i - 1}] = {steps[i - 1]}; allowed: ascending steps.", nameof(steps));
        }
    }

    private static void CheckStability(LinearTeacherStudentSetup setup, double largestEigenvalue)
    {
        double factor = setup.EffectiveRate * (2 * largestEigenvalue + setup.WeightDecay);
        if (!(factor < 2))
            throw new ArgumentOutOfRangeException(nameof(setup), setup.LearningRate,
                $"learningRate = {setup.LearningRate} makes GD unstable on this sample (η/d_out·(2ν_max + γ) = {factor:G4}); allowed: η/d_out·(2ν_max + γ) < 2.");
    }

    private sealed record Problem(Matrix<double> TrainInputs, Matrix<double> TestInputs, Matrix<double> Covariance, Matrix<double> Teacher, Matrix<double> InitialResidual)
    {
        public static Problem Sample(LinearTeacherStudentSetup setup, int testSamples, int seed)
        {
            var rng = new Random(seed);
            int d = setup.InputDimension, k = setup.OutputDimension, n = setup.TrainSamples;
            var x = GaussianMatrix(rng, n, d, 1);
            double sd = Math.Sqrt(1.0 / (2.0 * d * k));
            var teacher = GaussianMatrix(rng, d, k, sd);
            var student = GaussianMatrix(rng, d, k, sd * setup.InitScale);
            var xTest = GaussianMatrix(rng, testSamples, d, 1);
            var cov = Linalg.Gram(x) / n;
            return new Problem(x, xTest, cov, teacher, student - teacher);
        }
    }
}
