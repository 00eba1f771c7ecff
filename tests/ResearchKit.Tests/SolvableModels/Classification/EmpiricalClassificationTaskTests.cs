using MathNet.Numerics.LinearAlgebra;
using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class EmpiricalClassificationTaskTests
{
    private static ClassificationSample Points(double[,] x, double[] y) => new(Matrix<double>.Build.DenseOfArray(x), y);

    private static readonly ClassificationSample Test = Points(new[,] { { 1.0, 0 }, { -1, 0 }, { 0, 2 }, { 0, -2 } }, new[] { 1.0, -1, 1, 1 });

    [Fact]
    public void TestAccuracy_CountsPositiveMargins()
    {
        var task = new EmpiricalClassificationTask(Test, Test);
        // w = (1, 0), b = 0.5: margins 1.5, 0.5, 0.5, 0.5 → all positive; b = −0.5: 0.5, 1.5, −0.5, −0.5 → two positive.
        Assert.Equal(1.0, task.TestAccuracy(new[] { 1.0, 0 }, 0.5));
        Assert.Equal(0.5, task.TestAccuracy(new[] { 1.0, 0 }, -0.5));
    }

    [Fact]
    public void TestLoss_IsMeanLossOfMargins()
    {
        var task = new EmpiricalClassificationTask(Test, Test);
        double expected = (Math.Exp(-1.5) + 3 * Math.Exp(-0.5)) / 4;
        NumericAssert.Close(expected, task.TestLoss(new[] { 1.0, 0 }, 0.5, MarginLoss.Exponential), 1e-14);
    }

    [Fact]
    public void Sample_DrawsDistinctPoolRows_Reproducibly()
    {
        var pool = Points(new[,] { { 1.0, 10 }, { 2, 20 }, { 3, 30 }, { 4, 40 }, { 5, 50 } }, new[] { 1.0, -1, 1, -1, 1 });
        var task = new EmpiricalClassificationTask(pool, Test);
        var a = task.Sample(5, new Random(4));
        var b = task.Sample(5, new Random(4));
        Assert.True(a.Points.Equals(b.Points));
        // All five rows, each once, with its own label (label = +1 iff the first coordinate is odd).
        Assert.Equal(new[] { 1.0, 2, 3, 4, 5 }, a.Points.Column(0).OrderBy(v => v).ToArray());
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(10 * a.Points[i, 0], a.Points[i, 1]);
            Assert.Equal(a.Points[i, 0] % 2 == 1 ? 1.0 : -1.0, a.Labels[i]);
        }
        Assert.Equal(2, task.Sample(2, new Random(1)).Count);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => new EmpiricalClassificationTask(null!, Test));
        Assert.ThrowsAny<ArgumentException>(() => new EmpiricalClassificationTask(Test, Points(new[,] { { 1.0, 0, 0 } }, new[] { 1.0 })));
        Assert.ThrowsAny<ArgumentException>(() => new EmpiricalClassificationTask(Points(new[,] { { 1.0, 0 } }, new[] { 0.5 }), Test));
        Assert.ThrowsAny<ArgumentException>(() => new EmpiricalClassificationTask(Points(new[,] { { double.NaN, 0 } }, new[] { 1.0 }), Test));
        var task = new EmpiricalClassificationTask(Test, Test);
        Assert.Throws<ArgumentOutOfRangeException>(() => task.Sample(5, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => task.Sample(0, new Random(1)));
        Assert.ThrowsAny<ArgumentException>(() => task.TestAccuracy(new[] { 1.0 }, 0));
        Assert.ThrowsAny<ArgumentException>(() => task.TestLoss(new[] { 1.0, 0 }, 0, null!));
    }
}
