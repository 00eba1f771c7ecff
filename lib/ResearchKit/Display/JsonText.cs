using System.Collections;
using System.Globalization;
using System.Text;

namespace ResearchKit.Display;

/// <summary>
/// A small, deterministic JSON writer for figure specifications: keys in insertion order, doubles with a fixed
/// number of significant digits (so that re-running a notebook gives byte-identical outputs and figures stay
/// small), NaN and ±∞ written as <c>null</c> (plotly draws a gap there).
/// </summary>
internal static class JsonText
{
    public static string Write(object? value, int significantDigits = 7)
    {
        var sb = new StringBuilder();
        Append(sb, value, "G" + significantDigits.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, object? value, string fmt)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case string s:
                AppendString(sb, s);
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case double d:
                AppendDouble(sb, d, fmt);
                break;
            case float f:
                AppendDouble(sb, f, fmt);
                break;
            case int or long or short or byte:
                sb.Append(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case JsonObject o:
                sb.Append('{');
                bool first = true;
                foreach (var (k, v) in o.Entries)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    AppendString(sb, k);
                    sb.Append(':');
                    Append(sb, v, fmt);
                }
                sb.Append('}');
                break;
            case IEnumerable e:
                sb.Append('[');
                bool firstItem = true;
                foreach (object? item in e)
                {
                    if (!firstItem) sb.Append(',');
                    firstItem = false;
                    Append(sb, item, fmt);
                }
                sb.Append(']');
                break;
            default:
                AppendString(sb, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }

    private static void AppendDouble(StringBuilder sb, double d, string fmt)
    {
        if (!double.IsFinite(d)) { sb.Append("null"); return; }
        if (d == 0) { sb.Append('0'); return; }
        string text = d.ToString(fmt, CultureInfo.InvariantCulture);
        sb.Append(text);
    }

    public static void AppendString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                // '<' escaped so that a string holding "</script>" cannot end the inline script early.
                case '<': sb.Append("\\u003c"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}

/// <summary>An insertion-ordered JSON object used to build plotly specifications.</summary>
internal sealed class JsonObject
{
    private readonly List<KeyValuePair<string, object?>> _entries = new();

    public IEnumerable<KeyValuePair<string, object?>> Entries => _entries;

    public object? this[string key]
    {
        get => _entries.FirstOrDefault(e => e.Key == key).Value;
        set
        {
            int i = _entries.FindIndex(e => e.Key == key);
            if (i >= 0) _entries[i] = new(key, value);
            else _entries.Add(new(key, value));
        }
    }

    public JsonObject Set(string key, object? value)
    {
        this[key] = value;
        return this;
    }

    public JsonObject Child(string key)
    {
        if (this[key] is JsonObject existing) return existing;
        var created = new JsonObject();
        this[key] = created;
        return created;
    }
}
