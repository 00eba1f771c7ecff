using System.Text.Json;
using Plotly.NET;

namespace ResearchKit.Display.Tests;

/// <summary>Reads a chart's <c>GenericChart.toJson</c> for assertions.</summary>
internal static class ChartJson
{
    public static JsonElement Parse(GenericChart chart) => JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;

    public static JsonElement[] Traces(JsonElement root) => root.GetProperty("data").EnumerateArray().ToArray();

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>Every number under "data" and "layout.shapes", as written in the JSON.</summary>
    public static IEnumerable<string> RawNumbers(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                yield return element.GetRawText();
                break;
            case JsonValueKind.Array:
                foreach (var e in element.EnumerateArray())
                    foreach (var n in RawNumbers(e)) yield return n;
                break;
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                    foreach (var n in RawNumbers(p.Value)) yield return n;
                break;
        }
    }

    /// <summary>Significant digits of a JSON number as written: "0.333333" → 6, "1.0" → 1, "1.23457E-10" → 6.</summary>
    public static int SignificantDigits(string raw)
    {
        string mantissa = raw.TrimStart('-').Split('e', 'E')[0];
        string digits = mantissa.Replace(".", "", StringComparison.Ordinal).TrimStart('0');
        if (mantissa.Contains('.', StringComparison.Ordinal)) digits = digits.TrimEnd('0');
        else digits = digits.TrimEnd('0');
        return Math.Max(digits.Length, 1);
    }
}
