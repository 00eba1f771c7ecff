namespace ResearchKit.Notebooks.Documents;

/// <summary>A notebook file that cannot be read: malformed JSON or a structure that is not an .ipynb notebook.</summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception; the message names the file.</summary>
    public NotebookFormatException(string fileName, string problem, Exception? inner = null)
        : base($"{fileName}: not a readable notebook: {problem}", inner)
    {
        FileName = fileName;
    }

    /// <summary>The file that could not be read.</summary>
    public string FileName { get; }
}
