using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResearchKit.Notebooks.Documents;

/// <summary>
/// Reads .ipynb JSON, accepting the minimal hand-written form as well as VS Code's: source as one string or a line
/// array, missing ids, missing metadata, missing outputs.
/// </summary>
public static class NotebookReader
{
    /// <summary>Reads a notebook file.</summary>
    /// <exception cref="NotebookFormatException">The file is not valid notebook JSON; the message names it.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static NotebookDocument ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Notebook not found: {path}", path);
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Parses notebook JSON.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="fileName">Named in error messages and used to derive missing cell ids.</param>
    /// <exception cref="NotebookFormatException">Malformed JSON or not a notebook.</exception>
    public static NotebookDocument Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(fileName, $"malformed JSON ({e.Message})", e);
        }
        if (root is not JsonObject top)
            throw new NotebookFormatException(fileName, "the top level is not a JSON object");
        if (top["cells"] is not JsonArray cells)
            throw new NotebookFormatException(fileName, "there is no \"cells\" array");

        var doc = new NotebookDocument(fileName);
        foreach (var (key, value) in top)
        {
            switch (key)
            {
                case "cells": break;
                case "metadata":
                    doc.Metadata = value as JsonObject ?? throw new NotebookFormatException(fileName, "\"metadata\" is not an object");
                    break;
                default:
                    doc.Extra[key] = value?.DeepClone();
                    break;
            }
        }
        doc.Metadata = (JsonObject)doc.Metadata.DeepClone();

        for (int i = 0; i < cells.Count; i++)
            doc.Cells.Add(ReadCell(cells[i], fileName, i + 1));
        return doc;
    }

    private static NotebookCell ReadCell(JsonNode? node, string fileName, int number)
    {
        if (node is not JsonObject obj)
            throw new NotebookFormatException(fileName, $"cell {number} is not a JSON object");
        string type = obj["cell_type"] is JsonValue t && t.TryGetValue(out string? s) ? s : throw new NotebookFormatException(fileName, $"cell {number} has no \"cell_type\"");
        var kind = type switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            _ => throw new NotebookFormatException(fileName, $"cell {number} has an unknown cell_type \"{type}\""),
        };
        var cell = new NotebookCell(kind, ReadText(obj["source"], fileName, $"cell {number} source"));
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "cell_type" or "source":
                    break;
                case "id":
                    cell.Id = value is JsonValue v && v.TryGetValue(out string? id) && !string.IsNullOrWhiteSpace(id) ? id : null;
                    break;
                case "metadata":
                    cell.Metadata = value is JsonObject m ? (JsonObject)m.DeepClone() : throw new NotebookFormatException(fileName, $"cell {number} metadata is not an object");
                    break;
                case "execution_count":
                    cell.ExecutionCount = value is JsonValue c && c.TryGetValue(out int count) ? count : null;
                    break;
                case "outputs":
                    if (value is not JsonArray outs)
                        throw new NotebookFormatException(fileName, $"cell {number} outputs is not an array");
                    foreach (var o in outs)
                        cell.Outputs.Add(ReadOutput(o, fileName, number));
                    break;
                default:
                    cell.Extra[key] = value?.DeepClone();
                    break;
            }
        }
        return cell;
    }

    private static CellOutput ReadOutput(JsonNode? node, string fileName, int number)
    {
        if (node is not JsonObject o)
            throw new NotebookFormatException(fileName, $"cell {number} has an output that is not an object");
        string? type = o["output_type"] is JsonValue t && t.TryGetValue(out string? s) ? s : null;
        switch (type)
        {
            case "display_data" when o["data"] is JsonObject data:
            {
                var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var (mime, value) in data)
                {
                    // JSON-typed MIME bundles (application/json) are objects, not text: keep the whole output raw.
                    if (value is JsonObject)
                        return new RawOutput((JsonObject)o.DeepClone());
                    map[mime] = ReadText(value, fileName, $"cell {number} output {mime}");
                }
                return new DisplayOutput(map);
            }
            case "stream":
                return new StreamOutput(OptionalString(o["name"], fileName, $"cell {number} stream name") ?? "stdout", ReadText(o["text"], fileName, $"cell {number} stream"));
            case "error":
            {
                var tb = o["traceback"] is JsonArray a ? a.Select(x => OptionalString(x, fileName, $"cell {number} error traceback") ?? "").ToList() : new List<string>();
                return new ErrorOutput(OptionalString(o["ename"], fileName, $"cell {number} error ename") ?? "Error",
                    OptionalString(o["evalue"], fileName, $"cell {number} error evalue") ?? "", tb);
            }
            default:
                return new RawOutput((JsonObject)o.DeepClone());
        }
    }

    /// <summary>A field that must be a string when present: null when absent, a format error naming it otherwise.</summary>
    private static string? OptionalString(JsonNode? node, string fileName, string what) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => throw new NotebookFormatException(fileName, $"{what} is {node.GetValueKind().ToString().ToLowerInvariant()} {node.ToJsonString()}, not a string"),
    };

    /// <summary>Reads a multi-line text field: a string or an array of strings (joined), missing → empty.</summary>
    private static string ReadText(JsonNode? node, string fileName, string what)
    {
        switch (node)
        {
            case null:
                return "";
            case JsonValue v when v.TryGetValue(out string? s):
                return s;
            case JsonArray a:
                return string.Concat(a.Select(x => x is JsonValue xv && xv.TryGetValue(out string? line)
                    ? line
                    : throw new NotebookFormatException(fileName, $"{what} holds a non-string line")));
            default:
                throw new NotebookFormatException(fileName, $"{what} is neither a string nor an array of strings");
        }
    }
}
