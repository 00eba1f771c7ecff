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
    /// rewrites their layouts, so do not display them separately afterwards. Range: 1 to 24 charts.</param>
    /// <param name="columns">Panels per row. Range: 1 ≤ columns ≤ the number of panels.</param>
    /// <param name="titles">Optional panel titles (e.g. "(a) λ = 0.1"), one per panel.</param>
    /// <param name="title">Optional title of the whole figure.</param>
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
            Reanchor(panels[i], i + 1);
        }
        int rows = (panels.Count + columns - 1) / columns;
        var grid = Chart.Grid<IEnumerable<string>, IEnumerable<GenericChart>>(rows, columns,
            titles is null ? FSharpOption<IEnumerable<string>>.None : FSharpOption<IEnumerable<string>>.Some(titles.ToArray()), null, null, null, null, null, null, null,
            0.18, 0.25, null, null, null).Invoke(panels);
        grid = ShowEachNameOnce(grid);
        grid = ChartStyle.Apply(grid, rows);
        return title.Length == 0 ? grid : grid.WithTitles(title);
    }

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
