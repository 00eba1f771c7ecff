using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class ParityTaskTests
{
    [Theory]
    [InlineData(new double[] { 0, 0, 0, 1, 1 }, 0)]
    [InlineData(new double[] { 1, 0, 0, 1, 1 }, 1)]
    [InlineData(new double[] { 1, 1, 0, 0, 0 }, 0)]
    [InlineData(new double[] { 1, 1, 1, 0, 1 }, 1)]
    public void Label_IsParityOfFirstKBitsOnly(double[] bits, int expected)
        => Assert.Equal(expected, new ParityTask(3, 5, 1, 1).Label(bits));

    [Fact]
    public void Sample_LabelsMatchRuleAndSizes()
    {
        var task = new ParityTask(3, 12, 150, 40);
        var data = task.Sample(new Random(1));
        Assert.Equal(12, data.InputDimension);
        Assert.Equal(150, data.TrainCount);
        Assert.Equal(40, data.ValidationCount);
        for (int i = 0; i < data.TrainCount; i++)
        {
            var row = data.TrainInputs.Skip(i * 12).Take(12).ToArray();
            Assert.All(row, b => Assert.True(b == 0 || b == 1));
            Assert.Equal(((int)(row[0] + row[1] + row[2])) % 2, data.TrainLabels[i]);
        }
    }

    [Fact]
    public void Sample_ConcealedBitsAreUncorrelatedWithLabel()
    {
        // Each concealed bit agrees with the label about half the time; with 4000 examples the s.d. of that
        // fraction is 0.008, so 0.05 is > 6 s.d. — a leak of the label into a concealed bit would fail it.
        var data = new ParityTask(3, 8, 4000, 1).Sample(new Random(2));
        for (int j = 3; j < 8; j++)
        {
            double agree = Enumerable.Range(0, 4000).Count(i => data.TrainInputs[i * 8 + j] == data.TrainLabels[i]) / 4000.0;
            NumericAssert.CloseAbs(0.5, agree, 0.05, $"bit {j}");
        }
    }

    [Fact]
    public void Sample_SameSeed_SameData()
    {
        var task = new ParityTask(2, 6, 30, 10);
        var a = task.Sample(new Random(7));
        var b = task.Sample(new Random(7));
        Assert.Equal(a.TrainInputs, b.TrainInputs);
        Assert.Equal(a.ValidationLabels, b.ValidationLabels);
        Assert.Equal(4, task.ConcealedBits);
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParityTask(0, 5, 10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParityTask(4, 3, 10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParityTask(3, 5, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParityTask(3, 5, 10, 0));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ParityTask(4, 3, 10, 10));
        Assert.Contains("totalBits", e.Message);
        Assert.Contains("3", e.Message);
    }

    [Fact]
    public void LabelAndSample_BadInputs_Throw()
    {
        var task = new ParityTask(3, 5, 10, 10);
        Assert.Throws<ArgumentException>(() => task.Label(new double[] { 0, 1, 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => task.Label(new double[] { 0, 0.5, 0, 1, 1 }));
        Assert.Throws<ArgumentNullException>(() => task.Sample(null!));
    }

    [Fact]
    public void Dataset_BadArrays_Throw()
    {
        Assert.Throws<ArgumentException>(() => new ParityDataset(2, new double[] { 0, 1, 1 }, new[] { 0, 1 }, new double[] { 0, 1 }, new[] { 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParityDataset(2, new double[] { 0, 1 }, new[] { 2 }, new double[] { 0, 1 }, new[] { 1 }));
        Assert.Throws<ArgumentException>(() => new ParityDataset(2, new double[] { 0, double.NaN }, new[] { 0 }, new double[] { 0, 1 }, new[] { 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParityDataset(0, new double[] { 0 }, new[] { 0 }, new double[] { 0 }, new[] { 1 }));
    }
}
