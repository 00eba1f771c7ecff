using System.Text.Json.Nodes;

namespace ResearchKit.Notebooks.Documents;

/// <summary>One output of a code cell, in one of the shapes VS Code writes (notebook-format.md §1.4).</summary>
public abstract record CellOutput;

/// <summary>
/// A <c>display_data</c> output: one entry per MIME type. Trailing-expression values are written in this shape too,
/// as VS Code Polyglot does (it never writes <c>execute_result</c>).
/// </summary>
/// <param name="Data">MIME type → the formatted text.</param>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data) : CellOutput
{
    /// <summary>The text for <paramref name="mimeType"/>, or null.</summary>
    public string? Get(string mimeType) => Data.TryGetValue(mimeType, out var v) ? v : null;
}

/// <summary>A <c>stream</c> output: console text written by the cell.</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text written.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>An <c>error</c> output: a compile error, a runtime exception or a runner error.</summary>
/// <param name="Name">The <c>ename</c>; the kernel always writes <c>Error</c>.</param>
/// <param name="Value">The <c>evalue</c>: diagnostics or the exception text.</param>
/// <param name="Traceback">The <c>traceback</c> lines.</param>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput
{
    /// <summary>An error the way the kernel writes it: ename "Error", the traceback is the message split into lines.</summary>
    public static ErrorOutput FromMessage(string message) => new("Error", message, NotebookText.SplitLines(message));
}

/// <summary>An output of a shape the runner does not produce (e.g. <c>execute_result</c>), kept as read.</summary>
/// <param name="Json">The output object.</param>
public sealed record RawOutput(JsonObject Json) : CellOutput;
