using Microsoft.AspNetCore.Html;

namespace ResearchKit.Notebooks.Execution;

/// <summary>
/// The helpers the C# kernel brings into scope with <c>using static Microsoft.DotNet.Interactive.Kernel;</c>
/// (notebook-format.md §2, §7.3). The runner imports this class the same way, in a hidden first submission, so that
/// notebooks call <c>display(…)</c> and <c>HTML(…)</c> exactly as in VS Code. The library never defines these.
/// </summary>
public static class KernelHelpers
{
    /// <summary>Displays <paramref name="value"/> as a <c>display_data</c> output of the running cell.</summary>
    /// <param name="value">Any value; library types render as HTML.</param>
    /// <param name="mimeTypes">The MIME types to format for; none means the type's preferred ones.</param>
    /// <returns>A handle whose <see cref="DisplayedValue.Update"/> replaces the output.</returns>
#pragma warning disable IDE1006 // the kernel's names are lower-case; notebooks must compile unchanged in both places
    public static DisplayedValue display(object? value, params string[] mimeTypes)
#pragma warning restore IDE1006
    {
        var capture = OutputCapture.Current;
        var output = ValueFormatter.Format(value, mimeTypes);
        int index = capture?.Add(output) ?? -1;
        return new DisplayedValue(capture, index, mimeTypes);
    }

    /// <summary>Wraps raw HTML so that it displays as <c>text/html</c> without encoding.</summary>
    public static IHtmlContent HTML(string content) => new HtmlString(content);
}
