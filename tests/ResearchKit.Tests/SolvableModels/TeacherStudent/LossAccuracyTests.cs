using MathNet.Numerics;
using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class LossAccuracyTests
{
    [Fact]
    public void Accuracy_AtQuarterEpsilon_IsErfSqrtTwo()
    {
        // Eq. 10: A = erf(√(ε/2L)); at L = ε/4, A = erf(√2) ≈ 0.9545 (mpmath: 0.954499736103641586).
        NumericAssert.Close(0.954499736103641586, LossAccuracy.Accuracy(0.25e-3, 1e-3), 1e-14);
        NumericAssert.Close(0.954499736103641586, LossAccuracy.CrossingAccuracy, 1e-15);
    }

    [Theory]
    [InlineData(1e-2)]
    [InlineData(1e-4)]
    [InlineData(0.37)]
    public void Accuracy_OneOutput_EqualsErfForm(double loss)
        => NumericAssert.Close(SpecialFunctions.Erf(Math.Sqrt(1e-3 / (2 * loss))), LossAccuracy.Accuracy(loss, 1e-3, 1), 1e-13);

    // mpmath gammainc(12.5, 0, 6.25, regularized=True) and gammainc(25, 0, 31.25, regularized=True).
    [Theory]
    [InlineData(2e-3, 25, 0.017939376325098234)]
    [InlineData(0.8e-3, 50, 0.88957014992137451)]
    public void Accuracy_ManyOutputs_MatchesRegularisedGamma(double loss, int dOut, double expected)
        => NumericAssert.Close(expected, LossAccuracy.Accuracy(loss, 1e-3, dOut), 1e-12);

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(0.95, 1)]
    [InlineData(0.95, 50)]
    [InlineData(0.2, 700)]
    public void LossAtAccuracy_RoundTrips(double accuracy, int dOut)
    {
        double loss = LossAccuracy.LossAtAccuracy(accuracy, 1e-3, dOut);
        NumericAssert.Close(accuracy, LossAccuracy.Accuracy(loss, 1e-3, dOut), 1e-9);
    }

    [Fact]
    public void LossAtAccuracy_CrossingLevelOneOutput_IsQuarterEpsilon()
        => NumericAssert.Close(0.25e-3, LossAccuracy.LossAtAccuracy(LossAccuracy.CrossingAccuracy, 1e-3, 1), 1e-10);

    [Fact]
    public void Accuracy_ZeroLoss_IsOne() => Assert.Equal(1.0, LossAccuracy.Accuracy(0, 1e-3, 3));

    [Fact]
    public void Accuracy_BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LossAccuracy.Accuracy(double.NaN, 1e-3));
        Assert.Throws<ArgumentOutOfRangeException>(() => LossAccuracy.Accuracy(-1, 1e-3));
        Assert.Throws<ArgumentOutOfRangeException>(() => LossAccuracy.Accuracy(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LossAccuracy.Accuracy(1, 1e-3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LossAccuracy.LossAtAccuracy(1.0, 1e-3));
        Assert.Throws<ArgumentOutOfRangeException>(() => LossAccuracy.LossAtAccuracy(double.NaN, 1e-3));
        Assert.Throws<ArgumentOutOfRangeException>(() => LossAccuracy.LossAtAccuracy(0.5, -1e-3));
    }

    [Fact]
    public void FractionBelow_ColumnBlock_EqualsTheOneStepFormOfThoseColumns()
    {
        // A block of recorded steps side by side (3 outputs each): each step's fraction from its own columns.
        var rng = new Random(5);
        var errors = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(400, 12, (_, _) => 0.05 * (rng.NextDouble() - 0.5));
        for (int b = 0; b < 4; b++)
        {
            double block = LossAccuracy.FractionBelow(errors, 2e-4, 3 * b, 3);
            double alone = LossAccuracy.FractionBelow(errors.SubMatrix(0, 400, 3 * b, 3), 2e-4);
            Assert.Equal(alone, block);
            Assert.InRange(alone, 0.05, 0.95);   // a threshold inside the spread, so the count is informative
        }
        Assert.Equal(LossAccuracy.FractionBelow(errors, 2e-4), LossAccuracy.FractionBelow(errors, 2e-4, 0, 12));
    }
}
