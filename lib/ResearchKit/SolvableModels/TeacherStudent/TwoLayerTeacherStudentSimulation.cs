using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Full-batch gradient descent of a two-layer student (d_in → d_h → d_out, linear or tanh, no biases) on the outputs
/// of a teacher of the same architecture, with Gaussian inputs.
/// </summary>
/// <remarks>
/// Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441), Sec. 4 and Fig. 5. Weights are held as S⁽⁰⁾ (d_in × d_h) and
/// S⁽¹⁾ (d_h × d_out), f(x) = S⁽¹⁾ᵀ φ(S⁽⁰⁾ᵀ x), i.e. a <see cref="TwoLayerNetwork"/> with W₁ = S⁽⁰⁾ᵀ, W₂ = S⁽¹⁾ᵀ, and
/// the same loss and gradients. The update is W ← W − η ∂L_tr/∂W for both layers at once.
/// Linear activation: L_tr depends on the data only through Σ_tr, so the run works in the eigenbasis of Σ_tr
/// (∂L/∂S⁽⁰⁾ = (2/d_out) Σ_tr D S⁽¹⁾ᵀ, ∂L/∂S⁽¹⁾ = (2/d_out) S⁽⁰⁾ᵀ Σ_tr D with D = S⁽⁰⁾S⁽¹⁾ − T), a step then costs
/// O(d_in d_h d_out) instead of O(N d_in d_h); this is the same GD trajectory (rotations leave both updates
/// equivariant), tested against the sample-by-sample gradient of <see cref="TwoLayerNetwork"/>.
/// Tanh: each step is a forward and backward pass over the N training samples (two N × d_in × d_h products through
/// <see cref="Linalg.Multiply"/>). Same seed → same data, teacher and initialisation for both activations.
/// Used in notebook 02.
/// </remarks>
public static class TwoLayerTeacherStudentSimulation
{
    /// <summary>Simulates GD and records losses, accuracies and h(t) at <paramref name="steps"/>.</summary>
    /// <param name="setup">The experiment.</param>
    /// <param name="steps">GD step counts to record: integers 0 ≤ t ≤ 10⁷, ascending, at least one.</param>
    /// <param name="errorThreshold">ε: a sample counts as correct when (1/d_out)‖f_S(x) − f_T(x)‖² &lt; ε. Range: ε &gt; 0.</param>
    /// <param name="testSamples">Number of held-out samples. Range: ≥ 1.</param>
    /// <param name="seed">Seed of the data, teacher and initialisation.</param>
    /// <exception cref="InvalidOperationException">The training loss became non-finite (η too large for this sample).</exception>
    public static TwoLayerTeacherStudentTrajectory Run(TwoLayerTeacherStudentSetup setup, IReadOnlyList<double> steps, double errorThreshold, int testSamples, int seed)
    {
        Guard.NotNull(setup);
        // Every step is a full-batch update of a d_in × d_h network: 10⁷ is already far beyond a run's budget.
        LinearTeacherStudentSimulation.ValidateSteps(steps, maxStep: 1e7);
        Guard.Positive(errorThreshold);
        Guard.Positive(testSamples);
        var problem = Problem.Sample(setup, testSamples, seed);
        return setup.Activation == HiddenActivation.Linear
            ? RunLinear(setup, problem, steps, errorThreshold)
            : RunTanh(setup, problem, steps, errorThreshold);
    }

    private static TwoLayerTeacherStudentTrajectory RunLinear(TwoLayerTeacherStudentSetup setup, Problem p, IReadOnlyList<double> steps, double epsilon)
    {
        int k = setup.OutputDimension;
        double eta = setup.LearningRate;
        var eigen = Linalg.SymmetricEigen(Linalg.Gram(p.TrainInputs) / setup.TrainSamples);
        double[] nu = eigen.Values;
        var v = eigen.Vectors;
        // Rotate once: S⁽⁰⁾ → VᵀS⁽⁰⁾, T → VᵀT, inputs → X V; Σ_tr becomes diag(ν). S⁽¹⁾ is unchanged.
        var first = Linalg.Multiply(v.Transpose(), p.StudentFirst);
        var second = p.StudentSecond.Clone();
        var teacher = Linalg.Multiply(v.Transpose(), Linalg.Multiply(p.TeacherFirst, p.TeacherSecond));
        var trainInputs = Linalg.Multiply(p.TrainInputs, v);
        var testInputs = Linalg.Multiply(p.TestInputs, v);
        var record = new Recorder(steps.Count);
        // Kept for the whole run: the step's products go into them (the same products as fresh matrices would get).
        int dIn = setup.InputDimension, h = setup.HiddenDimension;
        var build = Matrix<double>.Build;
        Matrix<double> product = build.Dense(dIn, k), weighted = build.Dense(dIn, k), weightedT = build.Dense(k, dIn), secondT = build.Dense(k, h),
            gradFirst = build.Dense(dIn, h), gradSecondT = build.Dense(k, h), gradSecond = build.Dense(h, k);
        long done = 0;
        for (int s = 0; s < steps.Count; s++)
        {
            long target = (long)steps[s];
            for (; done < target; done++)
            {
                // The weights stay finite: Update stops the run as soon as a gradient is not (so no scans per product).
                Linalg.MultiplyInto(first, second, product);
                WeightedResidual(product, teacher, nu, weighted);                                 // Σ_tr D
                second.Transpose(secondT);
                Linalg.MultiplyInto(weighted, secondT, gradFirst);
                weighted.Transpose(weightedT);
                Linalg.MultiplyInto(weightedT, first, gradSecondT);
                gradSecondT.Transpose(gradSecond);
                Update(first, second, gradFirst, gradSecond, 2.0 * eta / k, setup, done);
            }
            var d = Linalg.Multiply(first, second) - teacher;
            double train = 0, gen = 0;
            for (int i = 0; i < d.RowCount; i++)
                for (int j = 0; j < k; j++)
                {
                    double x = d[i, j] * d[i, j];
                    gen += x;
                    train += nu[i] * x;
                }
            record.Set(s, train / k, gen / k, LossAccuracy.FractionBelow(Linalg.Multiply(trainInputs, d), epsilon), LossAccuracy.FractionBelow(Linalg.Multiply(testInputs, d), epsilon), HalfTrace(first, second));
        }
        return record.Build(steps, InitialResidual(p), Linalg.SymmetricEigenvalues(p.StudentSecond.TransposeThisAndMultiply(p.StudentSecond)));
    }

    private static TwoLayerTeacherStudentTrajectory RunTanh(TwoLayerTeacherStudentSetup setup, Problem p, IReadOnlyList<double> steps, double epsilon)
    {
        int n = setup.TrainSamples, k = setup.OutputDimension, d = setup.InputDimension, h = setup.HiddenDimension;
        double eta = setup.LearningRate;
        var xt = p.TrainInputs.Transpose();
        var targets = Outputs(p.TrainInputs, p.TeacherFirst, p.TeacherSecond);
        var testTargets = Outputs(p.TestInputs, p.TeacherFirst, p.TeacherSecond);
        var first = p.StudentFirst.Clone();
        var second = p.StudentSecond.Clone();
        // The step's large products go into arrays kept for the whole run (N × d_h and d_in × d_h: megabytes each,
        // which a fresh allocation per step would page-fault in and leave to the garbage collector).
        var build = Matrix<double>.Build;
        Matrix<double> hidden = build.Dense(n, h), gOut = build.Dense(n, k), gHidden = build.Dense(n, h), gradFirst = build.Dense(d, h);
        var record = new Recorder(steps.Count);
        long done = 0;
        for (int s = 0; s < steps.Count; s++)
        {
            long target = (long)steps[s];
            for (; done < target; done++)
            {
                Linalg.MultiplyInto(p.TrainInputs, first, hidden);   // finite: see RunLinear
                TanhInPlace(hidden);
                Linalg.MultiplyInto(hidden, second, gOut);
                gOut.Subtract(targets, gOut);                                              // ∝ ∂L/∂outputs, N × d_out
                var gradSecond = Linalg.MultiplyFinite(gOut.Transpose(), hidden).Transpose();
                Linalg.MultiplyInto(gOut, second.Transpose(), gHidden);
                TimesTanhDerivative(gHidden, hidden);
                Linalg.MultiplyInto(xt, gHidden, gradFirst);
                Update(first, second, gradFirst, gradSecond, 2.0 * eta / (n * k), setup, done);
            }
            var trainErrors = Outputs(p.TrainInputs, first, second) - targets;
            var testErrors = Outputs(p.TestInputs, first, second) - testTargets;
            double train = SquaredSum(trainErrors) / (n * k);
            double gen = SquaredSum(testErrors) / (testErrors.RowCount * k);
            record.Set(s, train, gen, LossAccuracy.FractionBelow(trainErrors, epsilon), LossAccuracy.FractionBelow(testErrors, epsilon), HalfTrace(first, second));
        }
        return record.Build(steps, InitialResidual(p), Linalg.SymmetricEigenvalues(p.StudentSecond.TransposeThisAndMultiply(p.StudentSecond)));
    }

    // Element-wise passes over an N × d_h matrix are split into this many slices, run side by side (each entry is
    // computed alone, so the numbers do not depend on the split).
    private const int ElementwiseSlices = 2;
    private const int ElementwiseSliceMinimum = 1 << 15;

    // tanh of every entry (Math.Tanh, as MathNet's MapInplace would call it), in place.
    private static void TanhInPlace(Matrix<double> m)
    {
        var a = m.AsColumnMajorArray();
        if (a is null)
        {
            m.MapInplace(Math.Tanh);
            return;
        }
        InSlices(a.Length, (from, to) =>
        {
            for (int i = from; i < to; i++)
                a[i] = Math.Tanh(a[i]);
        });
    }

    // g ← g ⊙ (1 − h²) for h = tanh(pre-activation): the backward pass through tanh, entry by entry, without the
    // matrix of derivatives (the same two roundings per entry: 1 − h·h, then the product).
    private static void TimesTanhDerivative(Matrix<double> g, Matrix<double> hidden)
    {
        var ga = g.AsColumnMajorArray();
        var ha = hidden.AsColumnMajorArray();
        if (ga is null || ha is null)
        {
            g.PointwiseMultiply(hidden.Map(x => 1 - x * x), g);
            return;
        }
        InSlices(ga.Length, (from, to) =>
        {
            for (int i = from; i < to; i++)
                ga[i] *= 1 - ha[i] * ha[i];
        });
    }

    private static void InSlices(int length, Action<int, int> body)
    {
        if (length < ElementwiseSliceMinimum * ElementwiseSlices)
        {
            body(0, length);
            return;
        }
        int size = (length + ElementwiseSlices - 1) / ElementwiseSlices;
        Parallel.For(0, ElementwiseSlices, slice => body(slice * size, Math.Min(length, (slice + 1) * size)));
    }

    private static double InitialResidual(Problem p)
    {
        var d0 = p.StudentFirst * p.StudentSecond - p.TeacherFirst * p.TeacherSecond;
        return SquaredSum(d0);
    }

    private static Matrix<double> Outputs(Matrix<double> inputs, Matrix<double> first, Matrix<double> second)
    {
        var hidden = Linalg.Multiply(inputs, first);
        hidden.MapInplace(Math.Tanh);
        return Linalg.Multiply(hidden, second);
    }

    // result[i, j] = (product[i, j] − teacher[i, j])·ν_i: Σ_tr D in the eigenbasis, the difference rounded first.
    private static void WeightedResidual(Matrix<double> product, Matrix<double> teacher, double[] nu, Matrix<double> result)
    {
        int rows = product.RowCount, columns = product.ColumnCount;
        var p = product.AsColumnMajorArray();
        var t = teacher.AsColumnMajorArray();
        var r = result.AsColumnMajorArray();
        if (p is null || t is null || r is null)
        {
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < columns; j++)
                    result[i, j] = (product[i, j] - teacher[i, j]) * nu[i];
            return;
        }
        for (int j = 0; j < columns; j++)
        {
            int o = j * rows;
            for (int i = 0; i < rows; i++)
                r[o + i] = (p[o + i] - t[o + i]) * nu[i];
        }
    }

    private static double HalfTrace(Matrix<double> first, Matrix<double> second) => (SquaredSum(first) + SquaredSum(second)) / 2;

    // MathNet's FrobeniusNorm forms M·Mᵀ (cubic cost); the plain sum of squares is linear.
    private static double SquaredSum(Matrix<double> m)
    {
        double sum = 0;
        foreach (double x in m.AsColumnMajorArray() ?? m.ToColumnMajorArray())
            sum += x * x;
        return sum;
    }

    // Σ x² with four partial sums (a different rounding from SquaredSum's, and about four times faster): only the
    // divergence test reads it, and it is NaN or +∞ exactly when an entry is, or the squares overflow.
    private static double RoughSquaredSum(Matrix<double> m)
    {
        var a = m.AsColumnMajorArray();
        if (a is null)
            return SquaredSum(m);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= a.Length; i += 4)
        {
            s0 += a[i] * a[i];
            s1 += a[i + 1] * a[i + 1];
            s2 += a[i + 2] * a[i + 2];
            s3 += a[i + 3] * a[i + 3];
        }
        for (; i < a.Length; i++)
            s0 += a[i] * a[i];
        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>W ← W − factor·G for both layers, in place (the matrices are large; a step should not allocate them anew).</summary>
    private static void Update(Matrix<double> first, Matrix<double> second, Matrix<double> gradFirst, Matrix<double> gradSecond, double factor, TwoLayerTeacherStudentSetup setup, long step)
    {
        // A diverging run overflows its gradients first; stopping there names the cause instead of failing later on
        // a non-finite weight matrix.
        double size = RoughSquaredSum(gradFirst) + RoughSquaredSum(gradSecond);
        if (!(size < 1e100))
            throw new InvalidOperationException($"GD diverged at step {step} (learningRate = {setup.LearningRate}): the gradient is no longer finite; use a smaller learning rate.");
        Step(first, gradFirst, factor);
        Step(second, gradSecond, factor);
    }

    // w ← w − (g·factor) in one pass: per entry the product MathNet's Multiply(factor) forms, then its difference.
    private static void Step(Matrix<double> weights, Matrix<double> gradient, double factor)
    {
        var w = weights.AsColumnMajorArray();
        var g = gradient.AsColumnMajorArray();
        if (w is null || g is null)
        {
            gradient.Multiply(factor, gradient);
            weights.Subtract(gradient, weights);
            return;
        }
        for (int i = 0; i < w.Length; i++)
            w[i] -= g[i] * factor;
    }

    private sealed class Recorder(int count)
    {
        private readonly double[] train = new double[count], gen = new double[count], trainAcc = new double[count], testAcc = new double[count], half = new double[count];

        public void Set(int s, double trainLoss, double genLoss, double trainAccuracy, double testAccuracy, double halfTrace)
        {
            train[s] = trainLoss;
            gen[s] = genLoss;
            trainAcc[s] = trainAccuracy;
            testAcc[s] = testAccuracy;
            half[s] = halfTrace;
        }

        public TwoLayerTeacherStudentTrajectory Build(IReadOnlyList<double> steps, double initialResidual, double[] gramEigenvalues)
            => new(steps.ToArray(), train, gen, trainAcc, testAcc, half, initialResidual, gramEigenvalues.OrderBy(g => g).ToArray());
    }

    /// <summary>The sampled data and weights, in the order they are drawn from the seed (internal: tests rebuild the run from it).</summary>
    internal sealed record Problem(Matrix<double> TrainInputs, Matrix<double> TestInputs, Matrix<double> TeacherFirst, Matrix<double> TeacherSecond, Matrix<double> StudentFirst, Matrix<double> StudentSecond)
    {
        public static Problem Sample(TwoLayerTeacherStudentSetup setup, int testSamples, int seed)
        {
            var rng = new Random(seed);
            int d = setup.InputDimension, h = setup.HiddenDimension, k = setup.OutputDimension;
            var x = LinearTeacherStudentSimulation.GaussianMatrix(rng, setup.TrainSamples, d, 1);
            double sd0 = Math.Sqrt(1.0 / (2.0 * d * h)), sd1 = Math.Sqrt(1.0 / (2.0 * h * k));
            var t0 = LinearTeacherStudentSimulation.GaussianMatrix(rng, d, h, sd0);
            var t1 = LinearTeacherStudentSimulation.GaussianMatrix(rng, h, k, sd1);
            var s0 = LinearTeacherStudentSimulation.GaussianMatrix(rng, d, h, sd0);
            var s1 = LinearTeacherStudentSimulation.GaussianMatrix(rng, h, k, sd1);
            var xTest = LinearTeacherStudentSimulation.GaussianMatrix(rng, testSamples, d, 1);
            return new Problem(x, xTest, t0, t1, s0, s1);
        }
    }
}
