using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>The training set-up of <see cref="MlpTeacherStudent"/>.</summary>
/// <param name="TeacherShape">The teacher's shape d → n₁ → n₂ → 1.</param>
/// <param name="StudentWidths">The student's hidden widths (n₁, n₂); its input dimension is the teacher's.</param>
/// <param name="Steps">Adam steps. Range: 1 … 10⁷.</param>
/// <param name="BatchSize">Minibatch size B (a batch is min(B, D) samples). Range: 1 … 10⁵.</param>
/// <param name="LearningRate">Adam's η. Range: &gt; 0.</param>
/// <param name="TestSamples">Fresh samples on which the test loss is measured. Range: 1 … 10⁷.</param>
/// <param name="TeacherBiasScale">σ_b of the teacher's Gaussian biases. Range: ≥ 0.</param>
/// <param name="InputRange">Inputs are uniform on [−a, a]^d with a = this. Range: &gt; 0.</param>
/// <param name="CosineDecay">False: the rate stays η (the paper's set-up as reported); true: η_t = η·(1 + cos(πt/T))/2,
/// from η at the first step to 0 after the last (a choice of ours, to reach the interpolating minimum in fewer steps).</param>
public sealed record MlpTeacherStudentOptions(
    ReluMlpShape TeacherShape, (int First, int Second) StudentWidths, int Steps, int BatchSize, double LearningRate,
    int TestSamples, double TeacherBiasScale = 0.5, double InputRange = 1.0, bool CosineDecay = false)
{
    /// <summary>The student's shape: the teacher's input dimension with <see cref="StudentWidths"/>.</summary>
    public ReluMlpShape StudentShape => new(TeacherShape.InputDimension, StudentWidths.First, StudentWidths.Second);

    /// <summary>Throws unless every field is in range.</summary>
    public void Validate()
    {
        Guard.NotNull(TeacherShape, nameof(TeacherShape));
        TeacherShape.Validate();
        Guard.InRange(StudentWidths.First, 1, ReluMlpShape.MaxSize, "StudentWidths.First");
        Guard.InRange(StudentWidths.Second, 1, ReluMlpShape.MaxSize, "StudentWidths.Second");
        Guard.InRange(Steps, 1, 10_000_000, nameof(Steps));
        Guard.InRange(BatchSize, 1, 100_000, nameof(BatchSize));
        Guard.Positive(LearningRate, nameof(LearningRate));
        Guard.InRange(TestSamples, 1, 10_000_000, nameof(TestSamples));
        Guard.NonNegative(TeacherBiasScale, nameof(TeacherBiasScale));
        Guard.Positive(InputRange, nameof(InputRange));
    }
}

/// <summary>One run of <see cref="MlpTeacherStudent"/>: a teacher, a training-set size and a seed.</summary>
/// <param name="SampleCount">D, the number of training samples. Range: 1 … 10⁷.</param>
/// <param name="TeacherSeed">Seed of the teacher's weights and of the test inputs (runs that share it share the teacher and the test set).</param>
/// <param name="Seed">Seed of the training inputs, the student's initialisation and the minibatch order.</param>
public sealed record MlpTeacherStudentTask(int SampleCount, int TeacherSeed, int Seed);

/// <summary>The outcome of one teacher–student run.</summary>
/// <param name="Task">The run.</param>
/// <param name="TestLoss">Mean squared error of the trained student against the teacher on the fresh test inputs; NaN when <see cref="Diverged"/>.</param>
/// <param name="TrainLoss">Mean squared error on the D training samples after training; NaN when <see cref="Diverged"/>.</param>
/// <param name="TargetVariance">Variance of the teacher's outputs on the test inputs (the loss of the best constant predictor).</param>
/// <param name="Diverged">True when a minibatch loss left the finite range (training stopped there).</param>
/// <param name="StepsTaken">Adam steps taken (all of them unless the run diverged).</param>
public sealed record MlpTeacherStudentResult(
    MlpTeacherStudentTask Task, double TestLoss, double TrainLoss, double TargetVariance, bool Diverged, int StepsTaken);

/// <summary>
/// Teacher–student regression with two-hidden-layer ReLU networks: a random teacher <see cref="ReluMlp"/> labels
/// D inputs drawn uniformly from a cube; a student (He-normal weights, zero biases) is trained on them by Adam on the
/// mean squared error with minibatches (reshuffled every epoch), and its test loss is measured on fresh inputs.
/// </summary>
/// <remarks>
/// Bahri, Dyer, Kaplan, Lee &amp; Sharma, <i>Explaining Neural Scaling Laws</i> (arXiv 2102.06701), Fig. 1b: in the
/// resolution-limited regime the student interpolates a smooth d-dimensional data manifold, so the loss falls as
/// D^(−α_D) with α_D ≈ 4/d. The paper trains widths 96/192 with Adam (η = 3·10⁻³) for 40k steps at batch 64;
/// the sizes here are the caller's. The teacher's bias scale, the input cube and the student's initialisation are the
/// workbook's choices (not fixed by the paper). Used in notebook 14.
/// </remarks>
public sealed class MlpTeacherStudent
{
    /// <summary>Creates the set-up.</summary>
    /// <param name="options">Sizes and optimiser settings. Range: see <see cref="MlpTeacherStudentOptions"/>.</param>
    public MlpTeacherStudent(MlpTeacherStudentOptions options)
    {
        Guard.NotNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The set-up.</summary>
    public MlpTeacherStudentOptions Options { get; }

    /// <summary>The teacher drawn from <paramref name="teacherSeed"/> (the one <see cref="Run"/> uses).</summary>
    /// <param name="teacherSeed">The teacher's seed.</param>
    public ReluMlp Teacher(int teacherSeed) =>
        ReluMlp.Random(Options.TeacherShape, SeedSequence.Create(teacherSeed, 1), Options.TeacherBiasScale);

    /// <summary>Trains one student and measures its test loss.</summary>
    /// <param name="task">Training-set size and seeds. Range: D in 1 … 10⁷.</param>
    public MlpTeacherStudentResult Run(MlpTeacherStudentTask task)
    {
        Guard.NotNull(task);
        Guard.InRange(task.SampleCount, 1, 10_000_000, nameof(task.SampleCount));
        var o = Options;
        int d = o.TeacherShape.InputDimension, n = task.SampleCount;
        var teacher = Teacher(task.TeacherSeed);
        var testX = Inputs(o.TestSamples, d, SeedSequence.Create(task.TeacherSeed, 2));
        var testY = teacher.Predict(testX);
        var random = SeedSequence.Create(task.Seed, 3);
        var trainX = Inputs(n, d, random);
        var trainY = teacher.Predict(trainX);
        var shape = o.StudentShape;
        var theta = ReluMlp.Random(shape, random, 0).Parameters;
        var adam = new Adam(theta.Length, o.LearningRate);
        int batch = Math.Min(o.BatchSize, n);
        var work = new ReluMlp.Workspace(shape, batch);
        var gradient = new double[theta.Length];
        var bx = new double[batch * d];
        var by = new double[batch];
        var order = Enumerable.Range(0, n).ToArray();
        int cursor = n;
        int steps = 0;
        bool diverged = false;
        for (; steps < o.Steps; steps++)
        {
            for (int b = 0; b < batch; b++)
            {
                if (cursor == n) { Shuffle(order, random); cursor = 0; }
                int s = order[cursor++];
                Array.Copy(trainX, s * d, bx, b * d, d);
                by[b] = trainY[s];
            }
            double loss = work.LossAndGradient(theta, bx, by, batch, gradient);
            if (!double.IsFinite(loss) || !Bounded(gradient)) { diverged = true; break; }
            double rate = o.CosineDecay ? o.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * steps / o.Steps)) : o.LearningRate;
            adam.Step(theta, gradient, rate);
        }
        double targetVariance = Variance(testY);
        if (diverged || !LargeBuffersAllFinite(theta))
            return new MlpTeacherStudentResult(task, double.NaN, double.NaN, targetVariance, true, steps);
        var student = ReluMlp.Wrap(shape, theta);
        return new MlpTeacherStudentResult(task, student.MeanSquaredError(testX, testY), student.MeanSquaredError(trainX, trainY),
            targetVariance, false, steps);
    }

    /// <summary>
    /// Runs many tasks side by side through <see cref="Sweep.Map"/>; each carries its own seeds, so the results are
    /// bit-identical to running them one after the other.
    /// </summary>
    /// <param name="tasks">The runs. Non-empty.</param>
    /// <param name="maxDegreeOfParallelism">Most threads. Range: ≥ 1; null = all cores.</param>
    public MlpTeacherStudentResult[] RunAll(IReadOnlyList<MlpTeacherStudentTask> tasks, int? maxDegreeOfParallelism = null)
    {
        Guard.NotEmpty(tasks);
        foreach (var t in tasks) Guard.NotNull(t, nameof(tasks));
        // The largest training sets first, so the long runs do not end the sweep on one core.
        var order = Enumerable.Range(0, tasks.Count).OrderByDescending(i => Math.Min(tasks[i].SampleCount, Options.BatchSize)).ThenBy(i => i).ToArray();
        var results = Sweep.Map(order, i => Run(tasks[i]), maxDegreeOfParallelism);
        var byIndex = new MlpTeacherStudentResult[tasks.Count];
        for (int k = 0; k < order.Length; k++) byIndex[order[k]] = results[k];
        return byIndex;
    }

    private double[] Inputs(int count, int d, Random random)
    {
        var x = new double[count * d];
        double a = Options.InputRange;
        for (int i = 0; i < x.Length; i++) x[i] = a * (2 * random.NextDouble() - 1);
        return x;
    }

    private static void Shuffle(int[] order, Random random)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private static bool LargeBuffersAllFinite(double[] values) => LargeBuffers.AllFinite(values);

    // Finite and within Adam's range (|g| ≤ 1e154, whose square is finite); NaN fails the test.
    private static bool Bounded(double[] values)
    {
        foreach (var v in values) if (!(Math.Abs(v) <= 1e154)) return false;
        return true;
    }

    private static double Variance(double[] y)
    {
        double m = y.Average(), s = 0;
        foreach (var v in y) s += (v - m) * (v - m);
        return s / y.Length;
    }
}
