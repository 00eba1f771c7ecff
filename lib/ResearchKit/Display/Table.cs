using System.Text;
using ResearchKit.Numerics;

namespace ResearchKit.Display;

/// <summary>A titled table of results. Numbers are shown to 4 significant digits and right-aligned.</summary>
[TypeFormatterSource(typeof(HtmlFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class Table : IHtmlDisplay
{
    private readonly List<object?[]> _rows = new();

    /// <summary>Creates a table with the given column headers.</summary>
    /// <param name="title">Caption shown above the table.</param>
    /// <param name="columns">Column headers; at least one.</param>
    public Table(string title, params string[] columns)
    {
        Guard.NotEmpty(columns);
        Title = title;
        Columns = columns;
    }

    /// <summary>Caption shown above the table.</summary>
    public string Title { get; }

    /// <summary>Column headers.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows added so far.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    /// <summary>Adds a row; it must have one cell per column.</summary>
    public Table AddRow(params object?[] cells)
    {
        Guard.NotNull(cells);
        Guard.SameLength(cells.Length, Columns.Count, nameof(cells), nameof(Columns));
        _rows.Add(cells);
        return this;
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var sb = new StringBuilder(Html.Style);
        sb.Append("<table class=\"rk-table\">");
        if (!string.IsNullOrEmpty(Title)) sb.Append("<caption>").Append(Html.Encode(Title)).Append("</caption>");
        sb.Append("<thead><tr>");
        foreach (string c in Columns) sb.Append("<th>").Append(Html.Encode(c)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in _rows)
        {
            sb.Append("<tr>");
            foreach (object? cell in row)
            {
                bool numeric = cell is double or float or int or long;
                sb.Append(numeric ? "<td class=\"num\">" : "<td>").Append(Html.Encode(Html.Cell(cell))).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    /// <summary>Plain-text rendering, one row per line, cells separated by " | ".</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(Title)) sb.AppendLine(Title);
        sb.AppendLine(string.Join(" | ", Columns));
        foreach (var row in _rows) sb.AppendLine(string.Join(" | ", row.Select(Html.Cell)));
        return sb.ToString();
    }
}
