using System.Text.Json.Nodes;

namespace ResearchKit.Notebooks.Documents;

/// <summary>
/// A Polyglot (.NET Interactive) notebook in memory: its cells and metadata. Read with <see cref="NotebookReader"/>,
/// written with <see cref="NotebookWriter"/> in the exact shape VS Code saves (notebook-format.md §1).
/// </summary>
public sealed class NotebookDocument
{
    /// <summary>The kernel the runner executes.</summary>
    public const string CSharpKernel = "csharp";

    /// <summary>Creates a document.</summary>
    /// <param name="fileName">The file name the document was read from (used for messages and derived cell ids).</param>
    public NotebookDocument(string fileName) => FileName = fileName;

    /// <summary>The file name (without folder) the document was read from.</summary>
    public string FileName { get; }

    /// <summary>The cells, in order.</summary>
    public List<NotebookCell> Cells { get; } = new();

    /// <summary>The notebook metadata object, kept as read.</summary>
    public JsonObject Metadata { get; set; } = new();

    /// <summary>Other top-level keys, kept as read.</summary>
    public JsonObject Extra { get; } = new();

    /// <summary>
    /// The notebook's default kernel: <c>metadata.polyglot_notebook.kernelInfo.defaultKernelName</c>, else
    /// <c>kernelspec.name</c> without its <c>.net-</c> prefix, else <c>csharp</c> (notebook-format.md §1.2).
    /// </summary>
    public string DefaultKernelName
    {
        get
        {
            if (Metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] is JsonValue v && v.TryGetValue(out string? name) && !string.IsNullOrWhiteSpace(name))
                return name;
            if (Metadata["kernelspec"]?["name"] is JsonValue k && k.TryGetValue(out string? spec) && spec.StartsWith(".net-", StringComparison.Ordinal))
                return spec[".net-".Length..];
            return CSharpKernel;
        }
    }

    /// <summary>
    /// The kernel a code cell runs in, resolved as the Documents library does (notebook-format.md §1.3, §7.1):
    /// <c>polyglot_notebook.kernelName</c>, then <c>dotnet_interactive.language</c>, then a first source line
    /// <c>#!name</c>, then <see cref="DefaultKernelName"/>. Null for markdown and raw cells.
    /// </summary>
    public string? KernelNameOf(NotebookCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Kind != CellKind.Code)
            return null;
        if (cell.Metadata["polyglot_notebook"]?["kernelName"] is JsonValue p && p.TryGetValue(out string? pk) && !string.IsNullOrWhiteSpace(pk))
            return Canonical(pk);
        if (cell.Metadata["dotnet_interactive"]?["language"] is JsonValue d && d.TryGetValue(out string? dk) && !string.IsNullOrWhiteSpace(dk))
            return Canonical(dk);
        string firstLine = cell.Source.Split('\n', 2)[0].Trim();
        if (firstLine.StartsWith("#!", StringComparison.Ordinal) && firstLine.Length > 2 && !firstLine.Contains(' ', StringComparison.Ordinal))
        {
            string selector = Canonical(firstLine[2..]);
            if (KnownKernels.Contains(selector))
                return selector;
        }
        return Canonical(DefaultKernelName);
    }

    /// <summary>Kernel names a <c>#!name</c> first line selects (notebook-format.md §3).</summary>
    internal static readonly HashSet<string> KnownKernels = new(StringComparer.Ordinal)
    {
        "csharp", "fsharp", "pwsh", "powershell", "html", "javascript", "js", "mermaid", "sql", "kql", "value", "markdown", "md",
    };

    /// <summary>Maps the C# aliases (<c>c#</c>, <c>C#</c>) onto <c>csharp</c>.</summary>
    internal static string Canonical(string kernel) => kernel.Trim() switch
    {
        "c#" or "C#" or "CSharp" => CSharpKernel,
        var other => other,
    };
}
