using ResearchKit.LearningCurves;

namespace ResearchKit.Tests.LearningCurves;

public class PowerLawTaskTests
{
    [Fact]
    public void Create_HasTheStatedExponents()
    {
        var ex = new PowerLawExponents(2, 0.8);
        var task = PowerLawTask.Create(100, ex);
        var p = task.TargetPower();
        NumericAssert.Close(-2, Math.Log(task.Eigenvalues[9] / task.Eigenvalues[0]) / Math.Log(10), 1e-12);
        NumericAssert.Close(-(1 + 2 * 2 * 0.8), Math.Log(p[9] / p[0]) / Math.Log(10), 1e-12);
        NumericAssert.Close(1, p.Sum(), 1e-12);
        var unitTrace = PowerLawTask.Create(100, ex, PowerLawNormalization.UnitTrace);
        NumericAssert.Close(1, unitTrace.Eigenvalues.Sum(), 1e-12);
        NumericAssert.Close(1, unitTrace.TargetVariance, 1e-12);
    }

    [Fact]
    public void Conventions_MapToOneAnother()
    {
        var fromDecay = PowerLawExponents.FromDecay(2, 1); // 15: a = 2, b = 1
        NumericAssert.Close(1, fromDecay.Capacity, 1e-15);
        NumericAssert.Close(0.5, fromDecay.SourceR, 1e-15);
        NumericAssert.Close(1, fromDecay.SourceBeta, 1e-15);
        var fromBeta = PowerLawExponents.FromSourceBeta(2, 0.4); // 23
        NumericAssert.Close(1 + 2 * 0.4, fromBeta.TargetPowerExponentA, 1e-15); // p ∝ k^(−αβ−1)
        var fromKernel = PowerLawExponents.FromKernelAlphaK(1.5); // 14, isotropic teacher: p ∝ λ
        NumericAssert.Close(2.5, fromKernel.Capacity, 1e-15);
        NumericAssert.Close(2.5, fromKernel.TargetPowerExponentA, 1e-15);
        var raw = PowerLawTask.Create(10, fromDecay, PowerLawNormalization.None);
        NumericAssert.Close(Math.Pow(7, -2), raw.TargetPower()[6], 1e-14);
    }

    [Fact]
    public void BadInput_NamesParameterValueAndRange()
    {
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => new PowerLawExponents(0, 1));
        Assert.Contains("capacity = 0", e1.Message);
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => new PowerLawExponents(1, -0.2));
        Assert.Contains("sourceR = -0.2", e2.Message);
        var e3 = Assert.Throws<ArgumentOutOfRangeException>(() => PowerLawExponents.FromDecay(0.9, 1));
        Assert.Contains("targetPowerExponentA = 0.9", e3.Message);
        Assert.Contains("1 < targetPowerExponentA", e3.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerLawExponents.FromSourceBeta(1, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerLawExponents.FromKernelAlphaK(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerLawTask.Create(0, new PowerLawExponents(1, 1)));
    }

    [Fact]
    public void LinearTask_RejectsUnsortedNonPositiveNonFiniteAndMismatched()
    {
        var e1 = Assert.Throws<ArgumentException>(() => new LinearTask([1, 2], [1, 1]));
        Assert.Contains("eigenvalues[1] = 2", e1.Message);
        Assert.Contains("non-increasing", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => new LinearTask([1, -1], [1, 1]));
        Assert.Contains("eigenvalues[1] = -1", e2.Message);
        Assert.Throws<ArgumentException>(() => new LinearTask([1, double.PositiveInfinity], [1, 1]));
        Assert.Throws<ArgumentException>(() => new LinearTask([2, 1], [1, double.NaN]));
        Assert.Throws<ArgumentException>(() => new LinearTask([2, 1], [1]));
    }
}
