namespace ResearchKit.Notebooks.Documents;

/// <summary>How .ipynb files store multi-line text: an array of lines, each keeping its trailing newline.</summary>
public static class NotebookText
{
    /// <summary>
    /// Splits text into the Jupyter line array: every line keeps its <c>\n</c> except the last, and empty text gives
    /// an empty array (notebook-format.md §1.3).
    /// </summary>
    public static IReadOnlyList<string> SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            if (nl < 0)
            {
                lines.Add(text[start..]);
                break;
            }
            lines.Add(text[start..(nl + 1)]);
            start = nl + 1;
        }
        return lines;
    }
}
