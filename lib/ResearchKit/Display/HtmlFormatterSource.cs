using System.IO;

namespace ResearchKit.Display;

/// <summary>
/// Marks a type for the .NET Interactive formatter without a package reference: Microsoft.DotNet.Interactive.Formatting
/// matches this attribute by its type name and reads <see cref="PreferredMimeTypes"/> and the source type from it
/// (notebook-format.md §4, "convention-based variant").
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    public Type FormatterSourceType { get; }

    public string[]? PreferredMimeTypes { get; set; }
}

/// <summary>The formatter source named by <see cref="TypeFormatterSourceAttribute"/> on the display types.</summary>
internal sealed class HtmlFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new HtmlTypeFormatter(typeof(Claims));
    }

    /// <summary>One formatter: found by the Formatting library through its MimeType, Type and Format members.</summary>
    internal sealed class HtmlTypeFormatter
    {
        public HtmlTypeFormatter(Type type) => Type = type;

        public string MimeType => "text/html";

        public Type Type { get; }

        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not IHtmlDisplay display)
                return false;
            writer.Write(display.ToHtml());
            return true;
        }
    }
}
