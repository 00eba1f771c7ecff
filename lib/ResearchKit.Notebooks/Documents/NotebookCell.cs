using System.Text.Json.Nodes;

namespace ResearchKit.Notebooks.Documents;

/// <summary>The kind of a notebook cell (the <c>cell_type</c> field).</summary>
public enum CellKind
{
    /// <summary>A code cell: has a kernel, outputs and an execution count.</summary>
    Code,

    /// <summary>A markdown cell: never executed.</summary>
    Markdown,

    /// <summary>A raw cell: kept as it is.</summary>
    Raw,
}

/// <summary>
/// One cell of a notebook: its kind, id, metadata, source text and (for code cells) outputs and execution count.
/// Mutable because the runner fills in outputs, ids and metadata before the document is written back.
/// </summary>
public sealed class NotebookCell
{
    /// <summary>Creates a cell.</summary>
    /// <param name="kind">Code, markdown or raw.</param>
    /// <param name="source">The whole source text (the JSON line array joined).</param>
    public NotebookCell(CellKind kind, string source)
    {
        Kind = kind;
        Source = source;
    }

    /// <summary>Code, markdown or raw.</summary>
    public CellKind Kind { get; }

    /// <summary>The 8-hex cell id, or null when the file had none (the writer derives one).</summary>
    public string? Id { get; set; }

    /// <summary>The cell's metadata object, kept as read (unknown keys survive a round trip).</summary>
    public JsonObject Metadata { get; set; } = new();

    /// <summary>The source text; the JSON line array joined.</summary>
    public string Source { get; set; }

    /// <summary>The outputs of a code cell, in order.</summary>
    public List<CellOutput> Outputs { get; } = new();

    /// <summary>The execution count of a code cell, or null if it has not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Other top-level cell keys (e.g. <c>attachments</c>), kept as read.</summary>
    public JsonObject Extra { get; } = new();
}
