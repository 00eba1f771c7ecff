namespace ResearchKit.Display;

/// <summary>
/// A value that renders itself as an HTML fragment: in the Polyglot kernel (through the convention-based
/// formatter attribute, see <see cref="HtmlFormatterSource"/>), in the workbook runner, and in the exported site.
/// </summary>
public interface IHtmlDisplay
{
    /// <summary>The HTML fragment (no &lt;html&gt; wrapper).</summary>
    string ToHtml();
}
