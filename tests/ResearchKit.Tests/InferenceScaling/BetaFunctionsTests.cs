using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

public class BetaFunctionsTests
{
    [Theory]
    // mpmath (40 digits): digamma(x), psi(1, x).
    [InlineData(0.0384, -26.557430256719224193, 679.72558244645790696)]
    [InlineData(0.5, -1.9635100260214234794, 4.9348022005446793094)]
    [InlineData(3.7, 1.1671535393615114409, 0.31003785767003830216)]
    [InlineData(12.5, 2.4851956512749120482, 0.083285224601578370444)]
    [InlineData(10000, 9.2102903711428494036, 0.00010000500016666666633)]
    public void DigammaTrigamma_MatchHighPrecision(double x, double digamma, double trigamma)
    {
        NumericAssert.Close(digamma, BetaFunctions.Digamma(x), 1e-13, "digamma");
        NumericAssert.Close(trigamma, BetaFunctions.Trigamma(x), 1e-13, "trigamma");
    }

    [Theory]
    [InlineData(1e-10)]
    [InlineData(-0.0645)]
    [InlineData(3.0)]
    [InlineData(-40.0)]
    public void ExpMinusOneAndLogOnePlus_MatchSeriesOrLibrary(double x)
    {
        double expected = Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 : Math.Exp(x) - 1;
        NumericAssert.Close(expected, BetaFunctions.ExpMinusOne(x), 1e-14);
        if (x > -1)
        {
            double log = Math.Abs(x) < 1e-5 ? x - x * x / 2 + x * x * x / 3 : Math.Log(1 + x);
            NumericAssert.Close(log, BetaFunctions.LogOnePlus(x), 1e-14);
        }
    }
}
