using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using ResearchKit.Numerics;

namespace ResearchKit.Display;

public static partial class Charts
{
    /// <summary>
    /// Panels in a grid, filled row by row, each with its own axes (log axes, titles and reference lines carried over),
    /// in the workbook's style, with one legend: a series that recurs across panels (same trace name) is listed once and
    /// toggles in every panel.
    /// </summary>
    /// <param name="panels">The charts, e.g. from the other helpers of <see cref="Charts"/>. Plotly.NET's <c>Chart.Grid</c>
    /// rewrites their layouts, so do not display them separately afterwards, and build a chart again for a second panel (one instance in two panels is refused). Range: 1 to 24 charts.</param>
    /// <param name="columns">Panels per row. Range: 1 ≤ columns ≤ the number of panels.</param>
    /// <param name="titles">Optional panel titles (e.g. "(a) λ = 0.1"), one per panel. A title wider than its panel is
    /// wrapped at spaces (<see cref="WrapTitle"/>; a &lt;br&gt; of the caller's stays), and the grid then grows to make room.</param>
    /// <param name="title">Optional title of the whole figure; wrapped likewise when wider than the figure.</param>
    /// <remarks>Titles are wrapped by counting characters (<see cref="TitleCharacters"/>), not by measuring glyphs: a
    /// title of capitals may still touch its neighbour's, one of narrow letters breaks a little early.</remarks>
    public static GenericChart Grid(IReadOnlyList<GenericChart> panels, int columns, IReadOnlyList<string>? titles = null, string title = "")
    {
        Guard.NotEmpty(panels);
        Guard.InRange(panels.Count, 1, 24, "panels.Count");
        Guard.InRange(columns, 1, panels.Count);
        Guard.NotNull(title);
        if (titles is not null)
            Guard.SameLength(titles.Count, panels.Count, nameof(titles), nameof(panels));
        for (int i = 0; i < panels.Count; i++)
        {
            if (panels[i] is null)
                throw new ArgumentNullException(nameof(panels), $"panels[{i}] is null; allowed: a chart.");
            // Chart.Grid moves each panel's traces onto its axes in place: one chart in two panels would be drawn once, in the last.
            for (int j = 0; j < i; j++)
            {
                if (ReferenceEquals(panels[i], panels[j]))
                    throw new ArgumentException($"panels[{i}] is the same chart as panels[{j}]; allowed: a distinct chart per panel (build it again for a second panel).", nameof(panels));
            }
        }
        for (int i = 0; i < panels.Count; i++)
            Reanchor(panels[i], i + 1);
        int rows = (panels.Count + columns - 1) / columns;
        int panelCharacters = TitleCharacters(columns);
        string[]? wrapped = titles?.Select((t, i) => WrapTitle(Guard.NotNull(t, $"titles[{i}]"), panelCharacters)).ToArray();
        string figureTitle = WrapTitle(title, FigureTitleCharacters);
        int panelLines = wrapped is null ? 1 : wrapped.Max(LineCount);
        int titleLines = title.Length == 0 ? 0 : LineCount(figureTitle);
        // Titles of one line each: the layout stays exactly as Chart.Grid and ChartStyle.Apply make it.
        bool grows = panelLines > 1 || titleLines > 1;
        double rowGap = RowGap;
        int extra = (panelLines - 1) * TitleLineHeight;
        int baseHeight = rows == 1 ? ChartStyle.PanelHeight : 80 + rows * (ChartStyle.PanelHeight - 120);   // ChartStyle.Apply's
        if (grows && rows > 1)
        {
            // Keep the panels' height and widen each gap between rows by the extra title lines (plotly.js's ygap is a
            // fraction of a row's height).
            double rowHeight = (baseHeight - PlotMargins) / (rows + (rows - 1) * RowGap);
            rowGap = RowGap + extra / rowHeight;
        }
        var grid = Chart.Grid<IEnumerable<string>, IEnumerable<GenericChart>>(rows, columns,
            wrapped is null ? FSharpOption<IEnumerable<string>>.None : FSharpOption<IEnumerable<string>>.Some(wrapped), null, null, null, null, null, null, null,
            ColumnGap, rowGap, null, null, null).Invoke(panels);
        grid = ShowEachNameOnce(grid);
        grid = ChartStyle.Apply(grid, rows);
        if (title.Length > 0) grid = grid.WithTitles(figureTitle);
        if (!grows) return grid;
        // Room above the first row for its titles' extra lines and for the figure title's: the figure title sits in the
        // middle of the top margin, the first row's panel titles stand on the plot's top edge.
        int top = Math.Max(TopMargin, 2 * (titleLines * FigureTitleLineHeight / 2 + panelLines * TitleLineHeight));
        int height = baseHeight + (top - TopMargin) + (rows - 1) * extra;
        var layout = new Layout();
        layout.SetProperty("margin", Traces.Object(("l", 70), ("r", 20), ("t", top), ("b", 60)));
        return Chart.withSize(Width: ChartStyle.Width, Height: height).Invoke(Chart.withLayout(layout).Invoke(grid));
    }

    private const double ColumnGap = 0.18, RowGap = 0.25;
    private const int TopMargin = 50, PlotMargins = 110, TitleLineHeight = 18, FigureTitleLineHeight = 24;

    /// <summary>Characters of a figure title per line (about 9 px each at the title's size, across the plot's 630 px).</summary>
    public const int FigureTitleCharacters = 70;

    /// <summary>
    /// Characters of a panel title per line in a grid of <paramref name="columns"/> columns: the panel's width (the plot
    /// area of <see cref="ChartStyle.Width"/> less its margins, shared with the gaps between columns) over about 7 px a
    /// character at the workbook's 13 px font. 1 column: 90, 2: 41, 3: 26, 4: 19.
    /// </summary>
    /// <param name="columns">Panels per row. Range: 1 to 24.</param>
    public static int TitleCharacters(int columns)
    {
        Guard.InRange(columns, 1, 24);
        double panelPixels = (ChartStyle.Width - 90) / (columns + (columns - 1) * ColumnGap);
        return Math.Max(8, (int)(panelPixels / 7));
    }

    /// <summary>
    /// <paramref name="text"/> broken into lines of at most <paramref name="maxCharacters"/> visible characters with
    /// plotly.js's &lt;br&gt;, at spaces (never inside an HTML tag such as &lt;sub&gt;, whose markup does not count); a
    /// word longer than a line stays whole, and a &lt;br&gt; already in the text is kept.
    /// </summary>
    /// <param name="text">A title; may be empty.</param>
    /// <param name="maxCharacters">Visible characters per line. Range: ≥ 1.</param>
    public static string WrapTitle(string text, int maxCharacters)
    {
        Guard.NotNull(text);
        Guard.AtLeast(maxCharacters, 1);
        var paragraphs = BreakTag().Split(text);
        var lines = new List<string>();
        foreach (string paragraph in paragraphs)
        {
            var line = new System.Text.StringBuilder();
            int visible = 0;
            foreach (string word in Words(paragraph))
            {
                int length = VisibleLength(word);
                if (line.Length > 0 && visible + 1 + length > maxCharacters)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    visible = 0;
                }
                if (line.Length > 0) { line.Append(' '); visible++; }
                line.Append(word);
                visible += length;
            }
            lines.Add(line.ToString());
        }
        return string.Join("<br>", lines);
    }

    private static int LineCount(string wrapped) => BreakTag().Count(wrapped) + 1;

    // Words split at spaces outside tags (a tag such as <span style="…"> may hold spaces).
    private static IEnumerable<string> Words(string text)
    {
        var word = new System.Text.StringBuilder();
        bool inTag = false;
        foreach (char c in text)
        {
            if (c == '<') inTag = true;
            else if (c == '>') inTag = false;
            if (c == ' ' && !inTag)
            {
                if (word.Length > 0) yield return word.ToString();
                word.Clear();
            }
            else word.Append(c);
        }
        if (word.Length > 0) yield return word.ToString();
    }

    private static int VisibleLength(string word)
    {
        int n = 0;
        bool inTag = false;
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            if (c == '<') inTag = true;
            else if (c == '>') inTag = false;
            else if (!inTag && !char.IsLowSurrogate(c)) n++;
        }
        return n;
    }

    [System.Text.RegularExpressions.GeneratedRegex("<br\\s*/?>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BreakTag();

    // Chart.Grid moves panel k's traces to axes xk/yk but leaves its shapes and annotations on x/y: move them too.
    private static void Reanchor(GenericChart panel, int k)
    {
        if (k == 1) return;
        var layout = GenericChart.getLayout(panel);
        Move<Shape>(layout, "shapes", k);
        Move<Annotation>(layout, "annotations", k);
    }

    private static void Move<T>(Layout layout, string key, int k) where T : DynamicObj.DynamicObj, new()
    {
        var items = layout.TryGetTypedPropertyValue<IEnumerable<T>>(key);
        if (items is null) return;
        var moved = items.Value.Select(item =>
        {
            var copy = new T();
            item.ShallowCopyDynamicPropertiesTo(copy, true);
            foreach (string refKey in ReferenceKeys)
            {
                var value = copy.TryGetPropertyValue(refKey);
                if (value is not null && value.Value is string r)
                    copy.SetProperty(refKey, Reference(r, k));
            }
            return copy;
        }).ToArray();
        layout.SetProperty(key, moved);
    }

    private static readonly string[] ReferenceKeys = { "xref", "yref" };

    // "x" → "x3", "y domain" → "y3 domain"; "paper" and references to other axes stay.
    internal static string Reference(string reference, int k)
    {
        string axis = reference.EndsWith(" domain", StringComparison.Ordinal) ? reference[..^7] : reference;
        string suffix = reference.Length > axis.Length ? " domain" : "";
        return axis is "x" or "y" ? FormattableString.Invariant($"{axis}{k}{suffix}") : reference;
    }

    private static GenericChart ShowEachNameOnce(GenericChart chart)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            var name = trace.TryGetPropertyValue("name");
            var shown = trace.TryGetPropertyValue("showlegend");
            bool hidden = shown is not null && shown.Value is false;
            if (name is not null && name.Value is string n && !hidden && !seen.Add(n))
                trace.SetProperty("showlegend", false);
            return trace;
        }), chart);
    }
}
