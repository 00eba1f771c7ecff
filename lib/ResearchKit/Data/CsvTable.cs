using System.Globalization;
using System.Text;

namespace ResearchKit.Data;

/// <summary>
/// A comma-separated file read as text, with typed access to cells whose errors name the file, the line and the
/// column. Fields may be double-quoted ("" inside quotes is a literal quote); a final empty line is the file's end.
/// </summary>
/// <remarks>Shared by the scaling-law loaders (<see cref="ChinchillaEpochRuns"/>, <see cref="ChinchillaTableA9"/>).</remarks>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);

    private CsvTable(string path, string[] header, List<(int Line, string[] Fields)> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
        for (int j = 0; j < header.Length; j++)
            index.TryAdd(header[j], j);
    }

    public string Path { get; }

    public string[] Header { get; }

    /// <summary>The data rows with their 1-based line numbers in the file (the header is line 1).</summary>
    public List<(int Line, string[] Fields)> Rows { get; }

    /// <summary>Reads <paramref name="path"/> and checks that every name in <paramref name="required"/> is a column.</summary>
    public static CsvTable Read(string path, IReadOnlyList<string> required)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0)
            throw new InvalidDataException($"{path}: the file is empty; expected a header with the columns {string.Join(", ", required)}.");
        string[] header = Split(lines[0], path, 1);
        var rows = new List<(int, string[])>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 && i == lines.Length - 1)
                break;
            string[] f = Split(lines[i], path, i + 1);
            if (f.Length != header.Length)
                throw new InvalidDataException($"{path}: line {i + 1} has {f.Length} fields, the header has {header.Length}.");
            rows.Add((i + 1, f));
        }
        var table = new CsvTable(path, header, rows);
        foreach (string column in required)
        {
            if (!table.index.ContainsKey(column))
                throw new InvalidDataException(
                    $"{path}: missing column '{column}' in the header (found: {string.Join(", ", header)}); required: {string.Join(", ", required)}.");
        }
        if (rows.Count == 0)
            throw new InvalidDataException($"{path}: the file has a header but no data rows.");
        return table;
    }

    public bool Has(string column) => index.ContainsKey(column);

    public string Text((int Line, string[] Fields) row, string column) => row.Fields[index[column]].Trim();

    /// <summary>A finite number; an empty or non-numeric cell throws naming file, line and column.</summary>
    public double Number((int Line, string[] Fields) row, string column)
    {
        string v = Text(row, column);
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d))
            return d;
        throw new InvalidDataException($"{Path}: line {row.Line}, column '{column}' = '{v}' is not a finite number.");
    }

    /// <summary>A finite number, or null for an empty cell; a non-numeric cell throws.</summary>
    public double? OptionalNumber((int Line, string[] Fields) row, string column)
    {
        string v = Text(row, column);
        return v.Length == 0 ? null : Number(row, column);
    }

    /// <summary>A number &gt; 0.</summary>
    public double PositiveNumber((int Line, string[] Fields) row, string column)
    {
        double d = Number(row, column);
        if (!(d > 0))
            throw new InvalidDataException($"{Path}: line {row.Line}, column '{column}' = {d.ToString("G6", CultureInfo.InvariantCulture)}; allowed: > 0.");
        return d;
    }

    /// <summary>An integer (also written as an integer-valued decimal such as "12.0").</summary>
    public int Integer((int Line, string[] Fields) row, string column)
    {
        string v = Text(row, column);
        if (int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            return value;
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue)
            return (int)d;
        throw new InvalidDataException($"{Path}: line {row.Line}, column '{column}' = '{v}' is not an integer.");
    }

    /// <summary>Comma-separated fields with optional double quotes ("" inside quotes is a literal quote).</summary>
    internal static string[] Split(string line, string path, int lineNumber)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else current.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(ch);
        }
        if (quoted)
            throw new InvalidDataException($"{path}: line {lineNumber} has an unterminated quoted field.");
        fields.Add(current.ToString());
        return fields.ToArray();
    }
}
