using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResearchKit.Notebooks.Documents;

/// <summary>
/// Writes a notebook exactly as VS Code saves it (notebook-format.md §1.1–§1.5): keys sorted at every level,
/// 1-space indentation, a final newline, nbformat 4.5, 8-hex cell ids, code-cell metadata with both
/// <c>dotnet_interactive.language</c> and <c>polyglot_notebook.kernelName</c>, and the §1.2 notebook metadata.
/// </summary>
public static class NotebookWriter
{
    /// <summary>
    /// Fills in what a hand-written notebook may lack: cell ids (kept if present, else derived from the file name
    /// and cell index, so they are stable), code-cell kernel metadata and the notebook metadata of §1.2.
    /// </summary>
    public static void Normalize(NotebookDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var used = new HashSet<string>(doc.Cells.Where(c => c.Id is not null).Select(c => c.Id!), StringComparer.Ordinal);
        for (int i = 0; i < doc.Cells.Count; i++)
        {
            var cell = doc.Cells[i];
            if (cell.Id is null)
            {
                for (int salt = 0; ; salt++)
                {
                    string id = DeriveId(doc.FileName, i, salt);
                    if (used.Add(id))
                    {
                        cell.Id = id;
                        break;
                    }
                }
            }
            if (cell.Kind == CellKind.Code)
            {
                string kernel = doc.KernelNameOf(cell)!;
                SetPath(cell.Metadata, "dotnet_interactive", "language", kernel);
                SetPath(cell.Metadata, "polyglot_notebook", "kernelName", kernel);
            }
        }

        var meta = doc.Metadata;
        if (meta["kernelspec"] is not JsonObject)
            meta["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" };
        if (meta["language_info"] is not JsonObject)
            meta["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" };
        // A Documents-library form (defaultKernelName/items without kernelInfo) is accepted as it is.
        if (meta["polyglot_notebook"] is not JsonObject pn || (pn["kernelInfo"] is not JsonObject && pn["defaultKernelName"] is null))
        {
            meta["polyglot_notebook"] = new JsonObject
            {
                ["kernelInfo"] = new JsonObject
                {
                    ["defaultKernelName"] = NotebookDocument.CSharpKernel,
                    ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = NotebookDocument.CSharpKernel }),
                },
            };
        }
    }

    /// <summary>The notebook as VS Code-shaped JSON text (after <see cref="Normalize"/>).</summary>
    public static string ToJson(NotebookDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        Normalize(doc);
        var root = new JsonObject();
        foreach (var (k, v) in doc.Extra)
            root[k] = v?.DeepClone();
        root["cells"] = new JsonArray(doc.Cells.Select(CellJson).ToArray<JsonNode?>());
        root["metadata"] = doc.Metadata.DeepClone();
        root["nbformat"] = 4;
        root["nbformat_minor"] = 5; // cell ids need minor ≥ 5
        return Serialize(root);
    }

    /// <summary>
    /// Writes the notebook to <paramref name="path"/> atomically (a temporary file beside it, then a rename), keeping
    /// an existing file's mode; if the write fails, the temporary file is removed and the old file is untouched.
    /// </summary>
    public static void WriteFile(NotebookDocument doc, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = ToJson(doc);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            // The rename gives the file the temporary file's mode; keep the one the notebook had.
            if (!OperatingSystem.IsWindows() && File.Exists(full))
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp); // a failed write leaves nothing behind
        }
    }

    /// <summary>Serializes any JSON node with sorted keys, 1-space indentation and a final newline.</summary>
    public static string Serialize(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            IndentCharacter = ' ',
            IndentSize = 1,
            NewLine = "\n",
            // Like JSON.stringify: HTML characters and non-ASCII text stay as they are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            WriteSorted(writer, node);
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static JsonObject CellJson(NotebookCell cell)
    {
        var o = new JsonObject();
        foreach (var (k, v) in cell.Extra)
            o[k] = v?.DeepClone();
        o["cell_type"] = cell.Kind switch { CellKind.Code => "code", CellKind.Markdown => "markdown", _ => "raw" };
        o["id"] = cell.Id;
        o["metadata"] = cell.Metadata.DeepClone();
        o["source"] = Lines(cell.Source);
        if (cell.Kind == CellKind.Code)
        {
            o["execution_count"] = cell.ExecutionCount is { } n ? JsonValue.Create(n) : null;
            o["outputs"] = new JsonArray(cell.Outputs.Select(OutputJson).ToArray<JsonNode?>());
        }
        return o;
    }

    private static JsonObject OutputJson(CellOutput output) => output switch
    {
        DisplayOutput d => new JsonObject
        {
            ["data"] = new JsonObject(d.Data.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Lines(kv.Value)))),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = Lines(s.Text) },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.Name,
            ["evalue"] = e.Value,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
        },
        RawOutput r => (JsonObject)r.Json.DeepClone(),
        _ => throw new ArgumentOutOfRangeException(nameof(output), output, "unknown output type"),
    };

    private static JsonArray Lines(string text) =>
        new(NotebookText.SplitLines(text).Select(l => (JsonNode?)JsonValue.Create(l)).ToArray());

    private static void SetPath(JsonObject metadata, string section, string key, string value)
    {
        if (metadata[section] is not JsonObject obj)
        {
            obj = new JsonObject();
            metadata[section] = obj;
        }
        obj[key] = value;
    }

    /// <summary>8 hex characters from the file name and cell index: stable across runs and machines.</summary>
    private static string DeriveId(string fileName, int index, int salt)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{fileName}#{index}#{salt}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }

    private static void WriteSorted(Utf8JsonWriter w, JsonNode? node)
    {
        switch (node)
        {
            case null:
                w.WriteNullValue();
                break;
            case JsonObject o:
                w.WriteStartObject();
                foreach (var (k, v) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.WritePropertyName(k);
                    WriteSorted(w, v);
                }
                w.WriteEndObject();
                break;
            case JsonArray a:
                w.WriteStartArray();
                foreach (var item in a)
                    WriteSorted(w, item);
                w.WriteEndArray();
                break;
            default:
                node.WriteTo(w);
                break;
        }
    }
}
