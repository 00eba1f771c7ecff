using ResearchKit.Numerics;

namespace ResearchKit.Tests.Numerics;

public class RowDotKernelTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 7)]
    [InlineData(17, 5)]
    [InlineData(40, 33)]
    [InlineData(203, 104)]
    public void Dots_BitIdenticalToThePlainLoop(int rows, int dimension)
    {
        var random = new Random(rows * 1000 + dimension);
        var x = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, dimension).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToArray();
        var kernel = new RowDotKernel(x, dimension);
        for (int trial = 0; trial < 3; trial++)
        {
            var p = Enumerable.Range(0, dimension).Select(_ => Math.Exp(20 * (random.NextDouble() - 0.5))).ToArray();
            var fast = new double[rows];
            kernel.Dots(p, fast);
            for (int i = 0; i < rows; i++)
            {
                double v = 0;
                for (int j = 0; j < dimension; j++) v += x[i][j] * p[j];
                Assert.Equal(BitConverter.DoubleToInt64Bits(v), BitConverter.DoubleToInt64Bits(fast[i]));
            }
        }
    }

    [Fact]
    public void Dots_LeavesEntriesPastTheRowsAlone()
    {
        var kernel = new RowDotKernel(new[] { new[] { 1.0, 2 }, new[] { 3.0, 4 } }, 2);
        var result = new[] { 0.0, 0, 99 };
        kernel.Dots(new[] { 1.0, 1 }, result);
        Assert.Equal(new[] { 3.0, 7, 99 }, result);
    }
}
