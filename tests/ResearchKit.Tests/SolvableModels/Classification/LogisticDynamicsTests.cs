using MathNet.Numerics.LinearAlgebra;
using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class LogisticDynamicsTests
{
    [Fact]
    public void Train_ExponentialLossWithBias_ReplaysExactlyWithoutBiasInConformalTime()
    {
        var task = new ConstantLabelModel(8, 1.0);
        var sample = task.Sample(20, new Random(5));
        var withBias = LogisticDynamics.Train(task, sample, new LogisticTrainingOptions { Loss = MarginLoss.Exponential, LearningRate = 0.05, Steps = 500 });
        var replay = LogisticDynamics.Train(task, sample, new LogisticTrainingOptions
        {
            Loss = MarginLoss.Exponential, Steps = 500, FitBias = false, StepSizes = withBias.ConformalSchedule,
        });
        for (int j = 0; j < 8; j++)
            NumericAssert.CloseAbs(withBias.FinalWeights[j], replay.FinalWeights[j], 1e-11);
        Assert.True(withBias.FinalBias > 0.5); // the bias did move, so the check is not vacuous
        NumericAssert.Close(withBias.ConformalTime[^1], replay.Time[^1], 1e-12);
    }

    [Fact]
    public void Train_GradientMatchesFiniteDifferenceOfLoss()
    {
        // One tiny GD step from 0 decreases the loss by ≈ η‖∇L‖²; compare against the recorded loss change.
        var task = GaussianClassesModel.SignalPlusNoise(5, 0.5, 0.1, 1);
        var sample = task.Sample(30, new Random(2));
        var tr = LogisticDynamics.Train(task, sample, new LogisticTrainingOptions { LearningRate = 1e-6, Steps = 1, RecordCount = 2 });
        var g = tr.FinalWeights.Select(v => v / 1e-6).ToArray(); // w₁ = −η ∇_w L at w = 0
        double gb = tr.FinalBias / 1e-6;
        double expectedDrop = 1e-6 * (g.Sum(v => v * v) + gb * gb);
        NumericAssert.Close(expectedDrop, tr.TrainLoss[0] - tr.TrainLoss[^1], 1e-4);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Train_StabilityLimit_IsTwoOverTheStartingCurvature(bool fitBias)
    {
        // L₀ = φ″(0)·λ_max((1/N) Σ x̃x̃ᵀ), φ″(0) = ¼ for the logistic loss; λ_max from MathNet's symmetric eigensolver.
        var task = new ConstantLabelModel(6, 2.0);
        var sample = task.Sample(40, new Random(11));
        var xt = fitBias ? sample.Points.Append(Matrix<double>.Build.Dense(40, 1, 1.0)) : sample.Points;
        double lambdaMax = (xt.TransposeThisAndMultiply(xt) / 40).Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Real().Maximum();
        var tr = LogisticDynamics.Train(task, sample, new LogisticTrainingOptions { LearningRate = 0.01, Steps = 10, FitBias = fitBias });
        NumericAssert.Close(2 / (0.25 * lambdaMax), tr.StabilityLimit, 1e-5);
        Assert.True(tr.StabilityLimit >= 2 / (0.25 * lambdaMax) * (1 - 1e-12)); // from below in λ, so never under the exact limit
        Assert.Equal(0.01, tr.LargestStep);
        Assert.False(tr.AboveStabilityLimit);
    }

    [Fact]
    public void Train_AboveStabilityLimit_IsFlaggedAndTheLossGrows()
    {
        // A nearly quadratic loss (α = 0.5: φ″ between 1 and 1.125, largest at 0) with a finite minimiser: GD at 1.5×
        // the limit multiplies the top mode by |1 − 1.5·2·φ″/φ″(0)| ≥ 1.67 a step, at 0.5× it contracts.
        var task = GaussianClassesModel.SignalPlusNoise(6, 0.5, 0.1, 1);
        var sample = task.Sample(40, new Random(11));
        var loss = MarginLoss.QuadraticLogitRegularization(0.5);
        double limit = LogisticDynamics.Train(task, sample, new LogisticTrainingOptions { Loss = loss, Steps = 1, FitBias = false }).StabilityLimit;
        var above = LogisticDynamics.Train(task, sample, new LogisticTrainingOptions { Loss = loss, LearningRate = 1.5 * limit, Steps = 20, FitBias = false });
        var below = LogisticDynamics.Train(task, sample, new LogisticTrainingOptions { Loss = loss, LearningRate = 0.5 * limit, Steps = 20, FitBias = false });
        Assert.True(above.AboveStabilityLimit);
        Assert.False(below.AboveStabilityLimit);
        Assert.True(above.TrainLoss[^1] > 10 * above.TrainLoss[0], $"{above.TrainLoss[0]} → {above.TrainLoss[^1]}");
        Assert.True(below.TrainLoss[^1] < below.TrainLoss[0]);
    }

    [Fact]
    public void Train_StabilityLimit_StepSizesAndAdam()
    {
        var task = new ConstantLabelModel(6, 2.0);
        var sample = task.Sample(40, new Random(11));
        var sized = LogisticDynamics.Train(task, sample, new LogisticTrainingOptions { Steps = 3, StepSizes = new[] { 0.1, 0.3, 0.2, 9.0 } });
        Assert.Equal(0.3, sized.LargestStep); // only the steps taken count
        var adam = LogisticDynamics.Train(task, sample, new LogisticTrainingOptions { UseAdam = true, Steps = 3 });
        Assert.True(double.IsNaN(adam.StabilityLimit) && double.IsNaN(adam.LargestStep));
        Assert.False(adam.AboveStabilityLimit);
    }

    [Fact]
    public void Train_SameSeed_IdenticalTrajectories()
    {
        var task = new ConstantLabelModel(30, 1.0);
        LogisticTrajectory Run() => LogisticDynamics.Train(task, task.Sample(60, new Random(11)), new LogisticTrainingOptions { Steps = 200, UseAdam = true, Beta1 = 0.8, Beta2 = 0.9, LearningRate = 0.01 });
        Assert.Equal(Run().TestAccuracy, Run().TestAccuracy);
    }

    [Fact]
    public void Train_NotSeparableConstantLabel_Generalises()
    {
        // λ = 0.1: the set is (almost surely) not separable from the origin, so b/‖w‖ → ∞ and test accuracy → 1.
        var task = new ConstantLabelModel(10, 1.0);
        var sample = task.Sample(100, new Random(3));
        Assert.False(Separability.TestFromOrigin(sample.Points).IsSeparable);
        var tr = LogisticDynamics.Train(task, sample, new LogisticTrainingOptions { Loss = MarginLoss.Exponential, LearningRate = 0.5, Steps = 20000 });
        Assert.True(tr.TestAccuracy[^1] > 0.999, $"test accuracy {tr.TestAccuracy[^1]}");
    }

    [Fact]
    public void Train_BadInput_Throws()
    {
        var task = new ConstantLabelModel(3, 1.0);
        var sample = task.Sample(5, new Random(1));
        var ok = new LogisticTrainingOptions { Steps = 3 };
        Assert.ThrowsAny<ArgumentException>(() => LogisticDynamics.Train(null!, sample, ok));
        Assert.ThrowsAny<ArgumentException>(() => LogisticDynamics.Train(new ConstantLabelModel(4, 1), sample, ok));
        Assert.ThrowsAny<ArgumentException>(() => LogisticDynamics.Train(task, sample with { Labels = new[] { 1.0, 0, 1, 1, 1 } }, ok));
        Assert.ThrowsAny<ArgumentException>(() => LogisticDynamics.Train(task, sample, ok with { LearningRate = double.NaN }));
        Assert.ThrowsAny<ArgumentException>(() => LogisticDynamics.Train(task, sample, ok with { Steps = 0 }));
        Assert.ThrowsAny<ArgumentException>(() => LogisticDynamics.Train(task, sample, ok with { Beta2 = 1 }));
        Assert.ThrowsAny<ArgumentException>(() => LogisticDynamics.Train(task, sample, ok with { StepSizes = new[] { 0.1 } }));
        Assert.ThrowsAny<ArgumentException>(() => LogisticDynamics.Train(task, sample, ok with { UseAdam = true, StepSizes = new[] { 0.1, 0.1, 0.1 } }));
        var bad = Matrix<double>.Build.Dense(5, 3);
        bad[0, 0] = double.PositiveInfinity;
        Assert.ThrowsAny<ArgumentException>(() => LogisticDynamics.Train(task, sample with { Points = bad }, ok));
        Assert.ThrowsAny<ArgumentException>(() => LogisticDynamics.Margins(sample, new[] { 1.0 }, 0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Train_OneTwoOrAllThreads_BitIdentical(bool adam)
    {
        // N·d = 600·300 is above the size at which a step's chunks run in parallel.
        var task = new ConstantLabelModel(300, 5);
        var sample = task.Sample(600, new Random(17));
        LogisticTrajectory Run(int? threads) => LogisticDynamics.Train(task, sample, new LogisticTrainingOptions
            { LearningRate = adam ? 0.01 : 0.1, UseAdam = adam, Steps = 60, RecordCount = 10, MaxDegreeOfParallelism = threads });
        var all = Run(null);
        foreach (var other in new[] { Run(1), Run(2) })
        {
            Assert.Equal(all.FinalWeights.Select(BitConverter.DoubleToInt64Bits), other.FinalWeights.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(BitConverter.DoubleToInt64Bits(all.FinalBias), BitConverter.DoubleToInt64Bits(other.FinalBias));
            Assert.Equal(all.TestLoss.Select(BitConverter.DoubleToInt64Bits), other.TestLoss.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Theory]
    [InlineData(203, 13, true, false)]   // chunks of 25–26 rows: four-row blocks and a remainder; d not a lane multiple
    [InlineData(200, 140, false, false)] // notebook 05's size
    [InlineData(61, 9, true, true)]      // the quadratic-logit loss
    public void Train_GradientDescent_IsBitIdenticalToTheRowByRowStep(int n, int d, bool fitBias, bool regularised)
    {
        // The reference is the documented step written one row at a time: eight fixed chunks of rows, in each the
        // row's margin (its dot product summed over vector lanes, then the lanes, then the tail), its gradient
        // coefficient, and the row added into the chunk's sum; then the chunks summed in order.
        var task = GaussianClassesModel.SignalPlusNoise(d, 1.0, 0.3, 1.0);
        var sample = task.Sample(n, new Random(n + d));
        var loss = regularised ? MarginLoss.QuadraticLogitRegularization(0.2) : MarginLoss.Logistic;
        const double eta = 0.1; const int steps = 40;
        var trained = LogisticDynamics.Train(task, sample, new LogisticTrainingOptions { Loss = loss, LearningRate = eta, Steps = steps, FitBias = fitBias, RecordCount = 3 });
        var w = new double[d]; double b = 0;
        int lanes = System.Numerics.Vector<double>.Count;
        for (int step = 0; step < steps; step++)
        {
            var grad = new double[d]; var partial = new double[8][]; var biasPartial = new double[8];
            for (int c = 0; c < 8; c++)
            {
                partial[c] = new double[d];
                for (int i = n * c / 8; i < n * (c + 1) / 8; i++)
                {
                    var acc = System.Numerics.Vector<double>.Zero; int j = 0;
                    for (; j <= d - lanes; j += lanes)
                        acc += new System.Numerics.Vector<double>(Enumerable.Range(j, lanes).Select(k => sample.Points[i, k]).ToArray()) * new System.Numerics.Vector<double>(w, j);
                    double dot = System.Numerics.Vector.Dot(acc, System.Numerics.Vector<double>.One);
                    for (; j < d; j++) dot += sample.Points[i, j] * w[j];
                    double ci = loss.Derivative(sample.Labels[i] * (dot + b)) * sample.Labels[i] / n;
                    biasPartial[c] += ci;
                    if (ci != 0) for (int k = 0; k < d; k++) partial[c][k] += ci * sample.Points[i, k];
                }
            }
            for (int k = 0; k < d; k++) { double sum = 0; for (int c = 0; c < 8; c++) sum += partial[c][k]; grad[k] = sum; }
            double gb = 0; for (int c = 0; c < 8; c++) gb += biasPartial[c];
            for (int k = 0; k < d; k++) w[k] -= eta * grad[k];
            if (fitBias) b -= eta * gb;
        }
        Assert.Equal(w.Select(BitConverter.DoubleToInt64Bits), trained.FinalWeights.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(b), BitConverter.DoubleToInt64Bits(trained.FinalBias));
    }

    [Fact]
    public void Train_BadThreadCount_ThrowsNamingIt()
    {
        var task = new ConstantLabelModel(2, 1);
        var sample = task.Sample(5, new Random(1));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LogisticDynamics.Train(task, sample, new LogisticTrainingOptions { MaxDegreeOfParallelism = 0 }));
        Assert.Equal("MaxDegreeOfParallelism", e.ParamName);
    }
}
