using FsCheck.Xunit;
using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

public class BetaPassAtKModelTests
{
    [Theory]
    // mpmath (40 digits): beta(5 + k, 0.35)/beta(5, 0.35).
    [InlineData(1, 0.93457943925233645248)]
    [InlineData(100, 0.33707800949429481898)]
    [InlineData(10000, 0.068328977582370837161)]
    public void FailureBeta_ExpectedFailure_MatchesHighPrecisionBetaRatio(int k, double expected)
        => NumericAssert.Close(expected, new FailureBetaPassAtK(5, 0.35).ExpectedFailure(k), 1e-11);

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(9999)]
    public void FailureBeta_UniformFailure_IsKOverKPlusOne(int k)
        => NumericAssert.Close(k / (k + 1.0), new FailureBetaPassAtK(1, 1).PassAtK(k), 1e-13);

    [Fact]
    public void SuccessBeta_PassAtTenThousand_MatchesHighPrecision()
        // mpmath: 1 − beta(0.25, 12 + 10000)/beta(0.25, 12). The log-gamma form cancels terms of size lnΓ(10⁴) ≈ 8·10⁴,
        // so its attainable relative precision is ≈ 8·10⁴ · 2.2·10⁻¹⁶ ≈ 2·10⁻¹¹ in the failure.
        => NumericAssert.Close(0.81539075731663418006, new SuccessBetaPassAtK(0.25, 12).PassAtK(10000), 2e-11);

    [Fact]
    public void SuccessBeta_PassAtOne_IsMeanSuccess()
    {
        var model = new SuccessBetaPassAtK(0.7, 2.3);
        NumericAssert.Close(0.7 / 3.0, model.PassAtK(1), 1e-14);
        NumericAssert.Close(model.MeanSuccess, model.PassAtK(1), 1e-14);
    }

    [Theory]
    [InlineData(5, 0.35, 1)]
    [InlineData(5, 0.35, 1000)]
    [InlineData(0.3, 12, 10000)]
    public void Conventions_MirrorEachOther(double alpha, double beta, int k)
    {
        var failure = new FailureBetaPassAtK(alpha, beta);
        var success = failure.ToSuccessConvention();
        Assert.Equal(beta, success.A);
        Assert.Equal(alpha, success.B);
        NumericAssert.Close(failure.PassAtK(k), success.PassAtK(k), 1e-14);
        NumericAssert.Close(failure.ExpectedFailure(k), success.Failure(k), 1e-14);
    }

    [Theory]
    // Γ(α+k)k^β/Γ(α+k+β) − 1 from Python's math.lgamma; the correction is ≈ −β(2α + β − 1)/(2k).
    [InlineData(0.35, 100, -0.015865507585254957)]
    [InlineData(0.35, 1000, -0.0016311181025074895)]
    [InlineData(1.0, 100, -0.047619047619019805)]
    public void FailureBeta_AsymptoticTail_RelativeErrorMatchesReference(double beta, int k, double expected)
    {
        var model = new FailureBetaPassAtK(5, beta);
        NumericAssert.CloseAbs(expected, model.ExpectedFailure(k) / model.AsymptoticExpectedFailure(k) - 1, 1e-10);
    }

    [Fact]
    public void FailureBeta_Ceiling_ScalesPassAtKAndLeavesFloor()
    {
        var model = new FailureBetaPassAtK(3, 0.5, 0.8);
        NumericAssert.Close(0.8 * new FailureBetaPassAtK(3, 0.5).PassAtK(50), model.PassAtK(50), 1e-14);
        NumericAssert.Close(1 - model.PassAtK(50), model.Failure(50), 1e-13);
        Assert.Throws<InvalidOperationException>(() => model.ToSuccessConvention());
    }

    [Property(MaxTest = 200)]
    public bool FailureBeta_PassAtK_IsNonDecreasingAndWithinCeiling(int seedA, int seedB, int seedC)
    {
        double alpha = 0.01 + ((uint)seedA % 10000) / 100.0;
        double beta = 0.01 + ((uint)seedB % 500) / 100.0;
        double ceiling = 0.05 + ((uint)seedC % 96) / 100.0;
        var model = new FailureBetaPassAtK(alpha, beta, ceiling);
        double previous = 0;
        foreach (int k in new[] { 1, 2, 5, 10, 100, 1000, 10000 })
        {
            double v = model.PassAtK(k);
            if (!(v >= previous && v <= ceiling)) return false;
            previous = v;
        }
        return true;
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, -1, 1)]
    [InlineData(1, double.NaN, 1)]
    [InlineData(1, 1, 0)]
    [InlineData(1, 1, 1.5)]
    public void FailureBeta_BadParameters_Throw(double alpha, double beta, double ceiling)
        => Assert.ThrowsAny<ArgumentException>(() => new FailureBetaPassAtK(alpha, beta, ceiling));

    [Fact]
    public void Models_NegativeK_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessBetaPassAtK(1, 1).PassAtK(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FailureBetaPassAtK(1, 1).PassAtK(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessBetaPassAtK(0, 1));
    }
}
