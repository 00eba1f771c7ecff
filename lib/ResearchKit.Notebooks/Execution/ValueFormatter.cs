using Microsoft.DotNet.Interactive.Formatting;
using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Execution;

/// <summary>
/// Turns a value into a <c>display_data</c> output the way the C# kernel does (notebook-format.md §2): one entry per
/// MIME type from <see cref="Formatter.GetPreferredMimeTypesFor"/> (text/html by default, text/plain for strings),
/// each rendered with <c>ToDisplayString</c>. Library types render through their formatter-source attribute.
/// </summary>
public static class ValueFormatter
{
    /// <summary>Formats <paramref name="value"/> for the given MIME types, or for its preferred ones when none are given.</summary>
    public static DisplayOutput Format(object? value, IReadOnlyList<string>? mimeTypes = null)
    {
        IEnumerable<string> mimes = mimeTypes is { Count: > 0 }
            ? mimeTypes
            : Formatter.GetPreferredMimeTypesFor(value?.GetType() ?? typeof(object));
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string mime in mimes.Distinct(StringComparer.Ordinal))
            data[mime] = value.ToDisplayString(mime);
        if (data.Count == 0)
            data[PlainTextFormatter.MimeType] = value.ToDisplayString(PlainTextFormatter.MimeType);
        return new DisplayOutput(data);
    }
}
