using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Execution;

/// <summary>
/// Replaces the random element ids that formatters put into HTML outputs with ids derived from the output's content
/// and position, so that two runs write byte-identical notebooks: Plotly.NET charts get a new GUID per render
/// (<c>&lt;div id="{guid}"&gt;</c>, <c>renderPlotly_{guid without dashes}</c>), Microsoft.Data.Analysis tables a
/// timestamp (<c>&lt;table id="table_{ticks}"&gt;</c>, and for a paged table the pager's <c>page_{ticks}</c> and the
/// script's <c>#table_{ticks}</c>). The replacement keeps each id's shape (a GUID stays a
/// GUID), and differs between outputs of the same content at different places, so ids stay unique on a page.
/// </summary>
public static partial class StableIds
{
    private static readonly string GuidPlaceholder = new('0', 32);

    /// <summary>The output with stable ids, or the same output when it has none of the known random ids.</summary>
    /// <param name="output">An output of the cell.</param>
    /// <param name="cellNumber">The cell's 1-based position in the notebook.</param>
    /// <param name="outputIndex">The output's 0-based position in the cell.</param>
    public static CellOutput Apply(CellOutput output, int cellNumber, int outputIndex)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output is not DisplayOutput display || display.Get("text/html") is not { } html)
            return output;
        string stable = ApplyToHtml(html, $"{cellNumber}/{outputIndex}");
        if (ReferenceEquals(stable, html))
            return output;
        var data = new SortedDictionary<string, string>(display.Data.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal)
        {
            ["text/html"] = stable,
        };
        return new DisplayOutput(data);
    }

    /// <summary>The HTML with its random chart and table ids replaced; <paramref name="place"/> makes them unique per output.</summary>
    public static string ApplyToHtml(string html, string place)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(place);
        bool chart = html.Contains("renderPlotly_", StringComparison.Ordinal);
        bool table = DataFrameTableId().IsMatch(html);
        if (!chart && !table)
            return html;

        // The content without its random parts is what the new ids are derived from.
        string neutral = html;
        var guids = chart ? DashedGuid().Matches(html).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList() : new List<string>();
        foreach (string guid in guids)
            neutral = neutral.Replace(guid, GuidPlaceholder, StringComparison.Ordinal).Replace(guid.Replace("-", "", StringComparison.Ordinal), GuidPlaceholder, StringComparison.Ordinal);
        // A DataFrame's timestamp also names its pager (page_{ticks}, #table_{ticks} in its script): every occurrence goes.
        var stamps = table ? DataFrameTableId().Matches(html).Select(m => m.Groups["ticks"].Value).Distinct(StringComparer.Ordinal).ToList() : new List<string>();
        foreach (string stamp in stamps)
            neutral = neutral.Replace(stamp, "0", StringComparison.Ordinal);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(place + "\n" + neutral));

        string result = html;
        for (int i = 0; i < guids.Count; i++)
        {
            string fresh = new Guid(SHA256.HashData(hash.Append((byte)i).ToArray()).AsSpan(0, 16)).ToString("D");
            result = result.Replace(guids[i], fresh, StringComparison.Ordinal)
                .Replace(guids[i].Replace("-", "", StringComparison.Ordinal), fresh.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        for (int i = 0; i < stamps.Count; i++)
            result = result.Replace(stamps[i], Convert.ToHexStringLower(SHA256.HashData(hash.Append((byte)(128 + i)).ToArray()).AsSpan(0, 8)), StringComparison.Ordinal);
        return result;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex DashedGuid();

    [GeneratedRegex("<table id=\"table_(?<ticks>[0-9]{6,})\"")]
    private static partial Regex DataFrameTableId();
}
