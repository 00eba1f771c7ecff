using System.Globalization;
using System.Net;

namespace ResearchKit.Display;

/// <summary>Formatting shared by the HTML display types.</summary>
public static class Html
{
    /// <summary>HTML-encodes text.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// Formats a number for a table cell: 4 significant digits, scientific notation outside [1e-3, 1e5),
    /// "NaN" and "∞" spelled out.
    /// </summary>
    public static string Number(double value, int significantDigits = 4)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "∞";
        if (double.IsNegativeInfinity(value)) return "−∞";
        if (value == 0) return "0";
        double a = Math.Abs(value);
        if (a >= 1e-3 && a < 1e5)
        {
            int decimals = Math.Max(0, significantDigits - 1 - (int)Math.Floor(Math.Log10(a)));
            return Math.Round(value, Math.Min(decimals, 15)).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
        return value.ToString("0." + new string('#', significantDigits - 1) + "e+0", CultureInfo.InvariantCulture);
    }

    /// <summary>Formats any cell value: numbers through <see cref="Number"/>, the rest as invariant text.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => Number(d),
        float f => Number(f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    internal const string Style =
        "<style>.rk-table{border-collapse:collapse;font-family:system-ui,sans-serif;font-size:13px;margin:6px 0}" +
        ".rk-table caption{caption-side:top;text-align:left;font-weight:600;padding:4px 0}" +
        ".rk-table th,.rk-table td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}" +
        ".rk-table th{background:#f3f3f3}.rk-table td.num{text-align:right;font-variant-numeric:tabular-nums}" +
        ".rk-holds{color:#137333;font-weight:600}.rk-fails{color:#b3261e;font-weight:600}.rk-untested{color:#6b6b6b;font-style:italic}</style>";
}
