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
        long done = 0;
        for (int s = 0; s < steps.Count; s++)
        {
            long target = (long)steps[s];
            for (; done < target; done++)
            {
                // The weights stay finite: Update stops the run as soon as a gradient is not (so no scans per product).
                var weighted = ScaleRows(Linalg.MultiplyFinite(first, second) - teacher, nu);     // Σ_tr D
                var gradFirst = Linalg.MultiplyFinite(weighted, second.Transpose());
                var gradSecond = Linalg.MultiplyFinite(weighted.Transpose(), first).Transpose();
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
        int n = setup.TrainSamples, k = setup.OutputDimension;
        double eta = setup.LearningRate;
        var xt = p.TrainInputs.Transpose();
        var targets = Outputs(p.TrainInputs, p.TeacherFirst, p.TeacherSecond);
        var testTargets = Outputs(p.TestInputs, p.TeacherFirst, p.TeacherSecond);
        var first = p.StudentFirst.Clone();
        var second = p.StudentSecond.Clone();
        var record = new Recorder(steps.Count);
        long done = 0;
        for (int s = 0; s < steps.Count; s++)
        {
            long target = (long)steps[s];
            for (; done < target; done++)
            {
                var hidden = Linalg.MultiplyFinite(p.TrainInputs, first);   // finite: see RunLinear
                hidden.MapInplace(Math.Tanh);
                var gOut = Linalg.MultiplyFinite(hidden, second) - targets;               // ∝ ∂L/∂outputs, N × d_out
                var gradSecond = Linalg.MultiplyFinite(gOut.Transpose(), hidden).Transpose();
                var gHidden = Linalg.MultiplyFinite(gOut, second.Transpose());
                gHidden.PointwiseMultiply(hidden.Map(h => 1 - h * h), gHidden);
                var gradFirst = Linalg.MultiplyFinite(xt, gHidden);
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

    private static Matrix<double> ScaleRows(Matrix<double> m, double[] factors)
    {
        var result = m.Clone();
        for (int i = 0; i < m.RowCount; i++)
            for (int j = 0; j < m.ColumnCount; j++)
                result[i, j] *= factors[i];
        return result;
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

    /// <summary>W ← W − factor·G for both layers, in place (the matrices are large; a step should not allocate them anew).</summary>
    private static void Update(Matrix<double> first, Matrix<double> second, Matrix<double> gradFirst, Matrix<double> gradSecond, double factor, TwoLayerTeacherStudentSetup setup, long step)
    {
        // A diverging run overflows its gradients first; stopping there names the cause instead of failing later on
        // a non-finite weight matrix.
        double size = SquaredSum(gradFirst) + SquaredSum(gradSecond);
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
