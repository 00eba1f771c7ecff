namespace ResearchKit.Tests;

/// <summary>The one closeness assertion of the test suite, with the tolerance stated at each call.</summary>
public static class NumericAssert
{
    /// <summary>Asserts |actual − expected| ≤ relTol·|expected| (or ≤ relTol when expected is 0).</summary>
    public static void Close(double expected, double actual, double relTol, string? what = null)
    {
        double scale = expected == 0 ? 1 : Math.Abs(expected);
        double err = Math.Abs(actual - expected);
        Assert.True(err <= relTol * scale && !double.IsNaN(actual),
            $"{what ?? "value"}: expected {expected:R}, got {actual:R} (|Δ| = {err:G3}, allowed {relTol * scale:G3})");
    }

    /// <summary>Asserts |actual − expected| ≤ absTol.</summary>
    public static void CloseAbs(double expected, double actual, double absTol, string? what = null)
    {
        double err = Math.Abs(actual - expected);
        Assert.True(err <= absTol && !double.IsNaN(actual),
            $"{what ?? "value"}: expected {expected:R}, got {actual:R} (|Δ| = {err:G3}, allowed {absTol:G3})");
    }
}
