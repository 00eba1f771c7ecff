using System.Runtime.CompilerServices;

namespace ResearchKit.Numerics;

/// <summary>
/// Argument checks for every public entry point of the library. Each check is written so that NaN fails it
/// (<c>x &gt; 0</c> rather than <c>!(x &lt;= 0)</c>), and each exception names the parameter, the value received
/// and the allowed range.
/// </summary>
public static class Guard
{
    /// <summary>Requires <paramref name="value"/> &gt; 0 (finite).</summary>
    public static void Positive(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value > 0 && double.IsFinite(value)))
            throw OutOfRange(name, value, $"0 < {name} < ∞");
    }

    /// <summary>Requires <paramref name="value"/> ≥ 0 (finite).</summary>
    public static void NonNegative(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value >= 0 && double.IsFinite(value)))
            throw OutOfRange(name, value, $"0 ≤ {name} < ∞");
    }

    /// <summary>Requires a finite <paramref name="value"/> (not NaN, not ±∞).</summary>
    public static void Finite(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!double.IsFinite(value))
            throw OutOfRange(name, value, $"{name} finite");
    }

    /// <summary>Requires <paramref name="value"/> not to be NaN (±∞ allowed).</summary>
    public static void NotNaN(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (double.IsNaN(value))
            throw OutOfRange(name, value, $"{name} a number (±∞ allowed), not NaN");
    }

    /// <summary>Requires <paramref name="min"/> ≤ <paramref name="value"/> ≤ <paramref name="max"/>.</summary>
    public static void InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value >= min && value <= max))
            throw OutOfRange(name, value, $"{Fmt(min)} ≤ {name} ≤ {Fmt(max)}");
    }

    /// <summary>Requires <paramref name="min"/> &lt; <paramref name="value"/> &lt; <paramref name="max"/>.</summary>
    public static void InOpenRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value > min && value < max))
            throw OutOfRange(name, value, $"{Fmt(min)} < {name} < {Fmt(max)}");
    }

    /// <summary>Requires an integer <paramref name="value"/> ≥ 1.</summary>
    public static void Positive(int value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < 1)
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} is out of range; allowed: {name} ≥ 1.");
    }

    /// <summary>Requires an integer <paramref name="value"/> ≥ <paramref name="min"/>.</summary>
    public static void AtLeast(int value, int min, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < min)
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} is out of range; allowed: {name} ≥ {min}.");
    }

    /// <summary>Requires <paramref name="min"/> ≤ <paramref name="value"/> ≤ <paramref name="max"/> for an integer.</summary>
    public static void InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} is out of range; allowed: {min} ≤ {name} ≤ {max}.");
    }

    /// <summary>Requires a non-null, non-empty sequence whose every element is finite.</summary>
    public static void AllFinite(IReadOnlyList<double>? values, [CallerArgumentExpression(nameof(values))] string name = "")
    {
        NotEmpty(values, name);
        // An array (the common case) is scanned as a span, without two interface calls per element: a 2000-mode
        // spectrum checked on every call of a solver cost more than the solve when the JIT had not devirtualised them.
        if (values is double[] array && LargeBuffers.AllFinite(array))
            return;
        for (int i = 0; i < values!.Count; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{name}[{i}] = {Fmt(values[i])} is not finite; allowed: every element of {name} finite.", name);
        }
    }

    /// <summary>Requires a non-null, non-empty collection.</summary>
    public static void NotEmpty<T>(IReadOnlyCollection<T>? values, [CallerArgumentExpression(nameof(values))] string name = "")
    {
        if (values is null)
            throw new ArgumentNullException(name, $"{name} is null; allowed: a non-empty collection.");
        if (values.Count == 0)
            throw new ArgumentException($"{name} is empty; allowed: at least one element.", name);
    }

    /// <summary>Requires a non-null value.</summary>
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string name = "") where T : class
        => value ?? throw new ArgumentNullException(name, $"{name} is null.");

    /// <summary>Requires two lengths to agree.</summary>
    public static void SameLength(int length, int expected, string name, string expectedName)
    {
        if (length != expected)
            throw new ArgumentException($"{name} has length {length} but {expectedName} has length {expected}; allowed: equal lengths.", name);
    }

    private static ArgumentOutOfRangeException OutOfRange(string name, double value, string allowed)
        => new(name, value, $"{name} = {Fmt(value)} is out of range; allowed: {allowed}.");

    private static string Fmt(double v) => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
