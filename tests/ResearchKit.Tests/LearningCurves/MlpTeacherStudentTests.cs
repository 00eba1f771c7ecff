using ResearchKit.LearningCurves;
using ResearchKit.Numerics;

namespace ResearchKit.Tests.LearningCurves;

public class MlpTeacherStudentTests
{
    private static double[] Uniform(int count, Random random) => Enumerable.Range(0, count).Select(_ => 2 * random.NextDouble() - 1).ToArray();

    [Fact]
    public void Predict_TinyNetwork_MatchesHandComputation()
    {
        // d = 2, n₁ = 2, n₂ = 1: W₁ = [[1, −1], [2, 0.5]] (rows = inputs), b₁ = (0.5, −1), W₂ = (1, −2)ᵀ, b₂ = 0.25, w₃ = 3, b₃ = −1.
        var shape = new ReluMlpShape(2, 2, 1);
        Assert.Equal(2 * 2 + 2 + 2 * 1 + 1 + 1 + 1, shape.ParameterCount);
        var net = new ReluMlp(shape, [1, -1, 2, 0.5, 0.5, -1, 1, -2, 0.25, 3, -1]);
        static double Relu(double z) => Math.Max(0, z);
        double[][] xs = [[0.3, -0.2], [1.0, 2.0], [-1.0, 0.1]];
        var f = net.Predict(xs.SelectMany(x => x).ToArray());
        for (int n = 0; n < xs.Length; n++)
        {
            double x1 = xs[n][0], x2 = xs[n][1];
            double h1 = Relu(1 * x1 + 2 * x2 + 0.5), h2 = Relu(-1 * x1 + 0.5 * x2 - 1);
            double g = Relu(1 * h1 - 2 * h2 + 0.25);
            NumericAssert.Close(3 * g - 1, f[n], 1e-14, $"row {n}");
        }
    }

    [Fact]
    public void LossAndGradient_AgreesWithCentralDifferences()
    {
        var shape = new ReluMlpShape(3, 5, 4);
        var random = new Random(3);
        var net = ReluMlp.Random(shape, random, biasScale: 0.3);
        var x = Uniform(7 * 3, random);
        var y = Uniform(7, random);
        var (loss, gradient) = net.LossAndGradient(x, y);
        NumericAssert.Close(net.MeanSquaredError(x, y), loss, 1e-13, "loss");
        var theta = net.Parameters;
        const double h = 1e-6;
        for (int i = 0; i < theta.Length; i++)
        {
            var plus = (double[])theta.Clone(); plus[i] += h;
            var minus = (double[])theta.Clone(); minus[i] -= h;
            double numeric = (new ReluMlp(shape, plus).MeanSquaredError(x, y) - new ReluMlp(shape, minus).MeanSquaredError(x, y)) / (2 * h);
            NumericAssert.CloseAbs(numeric, gradient[i], 1e-7 * (1 + Math.Abs(numeric)), $"∂L/∂θ[{i}]");
        }
        Assert.Contains(gradient, g => Math.Abs(g) > 1e-3);
    }

    [Fact]
    public void Predict_LongBatch_EqualsRowByRow()
    {
        // Predict works in chunks of 512 rows; each row's output must not depend on the chunking.
        var shape = new ReluMlpShape(2, 6, 5);
        var random = new Random(8);
        var net = ReluMlp.Random(shape, random, 0.2);
        var x = Uniform(1300 * 2, random);
        var all = net.Predict(x);
        foreach (int n in new[] { 0, 511, 512, 1299 })
            Assert.Equal(net.Predict(x.AsSpan(2 * n, 2).ToArray())[0], all[n]);
    }

    private static MlpTeacherStudent Small(int steps = 1500, bool cosine = true, double learningRate = 3e-3) =>
        new(new MlpTeacherStudentOptions(new ReluMlpShape(1, 8, 8), (8, 8), steps, 32, learningRate, 1024, CosineDecay: cosine));

    [Fact]
    public void Run_LearnableOneDimensionalTeacher_TestLossFallsFarBelowTheTargetVariance()
    {
        var model = Small();
        var result = model.Run(new MlpTeacherStudentTask(256, 5, 6));
        Assert.False(result.Diverged);
        Assert.Equal(1500, result.StepsTaken);
        Assert.True(result.TargetVariance > 0);
        Assert.True(result.TestLoss < 0.02 * result.TargetVariance, $"test {result.TestLoss:G3}, variance {result.TargetVariance:G3}");
        Assert.True(result.TrainLoss < 0.02 * result.TargetVariance, $"train {result.TrainLoss:G3}");
    }

    [Fact]
    public void Run_MoreData_LowersTheTestLoss()
    {
        var model = Small();
        double Mean(int d) => Enumerable.Range(0, 3).Average(s => model.Run(new MlpTeacherStudentTask(d, 5, 100 + s)).TestLoss);
        double few = Mean(8), many = Mean(256);
        Assert.True(many < few / 4, $"D = 8: {few:G3}, D = 256: {many:G3}");
    }

    [Fact]
    public void Run_SameTask_BitIdentical_OtherSeed_Differs()
    {
        var model = Small(steps: 200);
        var a = model.Run(new MlpTeacherStudentTask(50, 1, 2));
        var b = model.Run(new MlpTeacherStudentTask(50, 1, 2));
        var c = model.Run(new MlpTeacherStudentTask(50, 1, 3));
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.TestLoss), BitConverter.DoubleToInt64Bits(b.TestLoss));
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.TrainLoss), BitConverter.DoubleToInt64Bits(b.TrainLoss));
        Assert.NotEqual(a.TestLoss, c.TestLoss);
        Assert.Equal(a.TargetVariance, c.TargetVariance); // same teacher, same test inputs
        Assert.NotEqual(a.TargetVariance, model.Run(new MlpTeacherStudentTask(50, 9, 2)).TargetVariance);
    }

    [Fact]
    public void RunAll_Parallel_EqualsSerial_AndKeepsTaskOrder()
    {
        var model = new MlpTeacherStudent(new MlpTeacherStudentOptions(new ReluMlpShape(2, 6, 6), (6, 6), 150, 16, 3e-3, 256));
        var tasks = (from d in new[] { 4, 40, 12 } from s in Enumerable.Range(0, 3) select new MlpTeacherStudentTask(d, 7 + s, 1000 * d + s)).ToArray();
        var serial = model.RunAll(tasks, maxDegreeOfParallelism: 1);
        var parallel = model.RunAll(tasks, maxDegreeOfParallelism: 2);
        var each = tasks.Select(model.Run).ToArray();
        for (int i = 0; i < tasks.Length; i++)
        {
            Assert.Same(tasks[i], serial[i].Task);
            Assert.Same(tasks[i], parallel[i].Task);
            Assert.Equal(BitConverter.DoubleToInt64Bits(serial[i].TestLoss), BitConverter.DoubleToInt64Bits(parallel[i].TestLoss));
            Assert.Equal(BitConverter.DoubleToInt64Bits(each[i].TestLoss), BitConverter.DoubleToInt64Bits(parallel[i].TestLoss));
        }
    }

    [Fact]
    public void Run_HugeLearningRate_ReportsDivergedWithNaNLosses()
    {
        var model = Small(steps: 50, cosine: false, learningRate: 1e300);
        var result = model.Run(new MlpTeacherStudentTask(64, 1, 1));
        Assert.True(result.Diverged);
        Assert.True(result.StepsTaken < 50);
        Assert.True(double.IsNaN(result.TestLoss) && double.IsNaN(result.TrainLoss));
    }

    [Fact]
    public void CosineDecay_ChangesTheRun_ConstantRateIsThePaperDefault()
    {
        Assert.False(new MlpTeacherStudentOptions(new ReluMlpShape(1, 2, 2), (2, 2), 10, 4, 1e-3, 10).CosineDecay);
        var task = new MlpTeacherStudentTask(32, 1, 1);
        Assert.NotEqual(Small(100, cosine: true).Run(task).TestLoss, Small(100, cosine: false).Run(task).TestLoss);
    }

    [Fact]
    public void Adam_StepWithItsOwnRate_IsBitIdenticalToTheDefaultStep_RateZeroKeepsParameters()
    {
        var a = new Adam(3, 0.01);
        var b = new Adam(3, 0.01);
        var c = new Adam(3, 0.01);
        double[] pa = [1, 2, 3], pb = [1, 2, 3], pc = [1, 2, 3];
        for (int k = 0; k < 5; k++)
        {
            double[] g = [0.1 * k - 0.2, 1.5, -0.3 * k];
            a.Step(pa, g);
            b.Step(pb, g, 0.01);
            c.Step(pc, g, 0);
        }
        Assert.Equal(pa, pb);
        Assert.Equal([1.0, 2, 3], pc);
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Step(pa, [1.0, 1, 1], -1e-3));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Step(pa, [1.0, 1, 1], double.NaN));
    }

    [Fact]
    public void BadInput_IsRejectedWithTheParameterNamed()
    {
        var ok = new ReluMlpShape(2, 3, 3);
        static void Names(string name, Action call) => Assert.Equal(name, Assert.ThrowsAny<ArgumentException>(call).ParamName);
        Names("InputDimension", () => new ReluMlp(new ReluMlpShape(0, 3, 3), new double[10]));
        Names("SecondWidth", () => ReluMlp.Random(new ReluMlpShape(2, 3, 5000), new Random(1)));
        Names("parameters", () => new ReluMlp(ok, new double[ok.ParameterCount - 1]));
        Names("parameters", () => new ReluMlp(ok, Enumerable.Repeat(double.NaN, ok.ParameterCount).ToArray()));
        Names("biasScale", () => ReluMlp.Random(ok, new Random(1), -1));
        var net = ReluMlp.Random(ok, new Random(1));
        Names("inputs", () => net.Predict([1.0, 2, 3]));
        Names("inputs", () => net.Predict([1.0, double.PositiveInfinity]));
        Names("inputs", () => net.Predict(Array.Empty<double>()));
        Names("targets", () => net.MeanSquaredError([1.0, 2], [1.0, 2]));
        Names("targets", () => net.LossAndGradient([1.0, 2], [double.NaN]));
        MlpTeacherStudentOptions Options(int steps = 10, int batch = 4, double rate = 1e-3, int test = 10, double bias = 0.5, double range = 1, int width = 3) =>
            new(ok, (width, 3), steps, batch, rate, test, bias, range);
        Names("Steps", () => new MlpTeacherStudent(Options(steps: 0)));
        Names("BatchSize", () => new MlpTeacherStudent(Options(batch: 0)));
        Names("LearningRate", () => new MlpTeacherStudent(Options(rate: double.NaN)));
        Names("LearningRate", () => new MlpTeacherStudent(Options(rate: 0)));
        Names("TestSamples", () => new MlpTeacherStudent(Options(test: 0)));
        Names("TeacherBiasScale", () => new MlpTeacherStudent(Options(bias: -0.1)));
        Names("InputRange", () => new MlpTeacherStudent(Options(range: double.PositiveInfinity)));
        Names("StudentWidths.First", () => new MlpTeacherStudent(Options(width: 0)));
        Names("options", () => new MlpTeacherStudent(null!));
        var model = new MlpTeacherStudent(Options());
        Names("SampleCount", () => model.Run(new MlpTeacherStudentTask(0, 1, 1)));
        Names("tasks", () => model.RunAll(Array.Empty<MlpTeacherStudentTask>()));
        Names("tasks", () => model.RunAll([null!]));
    }
}
