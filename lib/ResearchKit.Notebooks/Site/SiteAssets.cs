using System.Net;
using System.Text;

namespace ResearchKit.Notebooks.Site;

/// <summary>
/// The scripts and styles the pages load: plotly.js (the figures' outputs draw with <c>window.Plotly</c>) and KaTeX
/// (math in markdown). Local copies beside the pages when npm can supply them, so the site works offline; otherwise
/// CDN references and a plain warning.
/// </summary>
public sealed class SiteAssets
{
    /// <summary>
    /// The plotly.js version: that of the npm package <c>plotly.js-dist-min</c> copied beside the pages, which draws the
    /// Plotly.NET charts' JSON offline (4.1.2 renders Plotly.NET 6's charts without errors; the browser test checks it).
    /// </summary>
    public const string PlotlyVersion = "4.1.2";

    /// <summary>The KaTeX version used for math.</summary>
    public const string KatexVersion = "0.16.22";

    /// <summary>The npm package that ships plotly.min.js.</summary>
    public const string PlotlyPackage = "plotly.js-dist-min";

    private SiteAssets(string plotlySource, string? katexBase, IReadOnlyList<string> warnings)
    {
        PlotlySource = plotlySource;
        KatexBase = katexBase;
        Warnings = warnings;
    }

    /// <summary>The <c>src</c> of the plotly.js script: <c>plotly.min.js</c> (local) or the CDN URL.</summary>
    public string PlotlySource { get; }

    /// <summary>True when plotly.js was copied beside the pages.</summary>
    public bool PlotlyIsLocal => !PlotlySource.StartsWith("https:", StringComparison.Ordinal);

    /// <summary>The folder or URL holding katex.min.css/js and contrib/auto-render.min.js; null when math is left as text.</summary>
    public string? KatexBase { get; }

    /// <summary>What could not be obtained, in plain words.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Copies plotly.js (and KaTeX) from the npm cache into <paramref name="siteDirectory"/>, installing them into the
    /// cache first when needed. With no cache, or when npm fails, the pages reference the CDN instead.
    /// </summary>
    public static SiteAssets Prepare(string siteDirectory, NpmPackageCache? cache)
    {
        ArgumentNullException.ThrowIfNull(siteDirectory);
        var warnings = new List<string>();
        string plotly = $"https://cdn.plot.ly/plotly-{PlotlyVersion}.min.js";
        string? katex = $"https://cdn.jsdelivr.net/npm/katex@{KatexVersion}/dist";
        if (cache is null)
        {
            warnings.Add($"no npm cache folder: the pages load plotly.js {PlotlyVersion} and KaTeX from the CDN (no offline use).");
            return new SiteAssets(plotly, katex, warnings);
        }

        string? plotlyFolder = cache.Obtain(PlotlyPackage, PlotlyVersion, out string? plotlyProblem);
        string? plotlyFile = plotlyFolder is null ? null : Path.Combine(plotlyFolder, "plotly.min.js");
        if (plotlyFile is not null && File.Exists(plotlyFile))
        {
            File.Copy(plotlyFile, Path.Combine(siteDirectory, "plotly.min.js"), overwrite: true);
            plotly = "plotly.min.js";
        }
        else
        {
            warnings.Add($"could not obtain {PlotlyPackage}@{PlotlyVersion} with npm ({plotlyProblem ?? "plotly.min.js missing from the package"}); "
                + $"the pages load plotly.js from {plotly} and need a network connection to show the figures.");
        }

        string? katexFolder = cache.Obtain("katex", KatexVersion, out string? katexProblem);
        if (katexFolder is not null && CopyKatex(Path.Combine(katexFolder, "dist"), Path.Combine(siteDirectory, "katex")))
        {
            katex = "katex";
        }
        else
        {
            warnings.Add($"could not obtain katex@{KatexVersion} with npm ({katexProblem ?? "files missing from the package"}); math loads KaTeX from {katex}.");
        }
        return new SiteAssets(plotly, katex, warnings);
    }

    /// <summary>The <c>&lt;head&gt;</c> elements that load the assets.</summary>
    public string HeadHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<script src=\"").Append(WebUtility.HtmlEncode(PlotlySource)).Append("\" charset=\"utf-8\"></script>\n");
        if (KatexBase is { } k)
        {
            string b = WebUtility.HtmlEncode(k);
            sb.Append("<link rel=\"stylesheet\" href=\"").Append(b).Append("/katex.min.css\">\n");
            sb.Append("<script defer src=\"").Append(b).Append("/katex.min.js\"></script>\n");
            sb.Append("<script defer src=\"").Append(b).Append("/contrib/auto-render.min.js\" onload=\"renderMathInElement(document.body, {delimiters: [")
              .Append("{left: '\\\\[', right: '\\\\]', display: true}, {left: '\\\\(', right: '\\\\)', display: false}")
              .Append("], ignoredClasses: ['rk-code', 'rk-output']});\"></script>\n");
        }
        return sb.ToString();
    }

    private static bool CopyKatex(string dist, string target)
    {
        string[] files = { "katex.min.css", "katex.min.js", Path.Combine("contrib", "auto-render.min.js") };
        if (!files.All(f => File.Exists(Path.Combine(dist, f))))
            return false;
        Directory.CreateDirectory(Path.Combine(target, "contrib"));
        foreach (string f in files)
            File.Copy(Path.Combine(dist, f), Path.Combine(target, f), overwrite: true);
        string fonts = Path.Combine(dist, "fonts");
        if (Directory.Exists(fonts))
        {
            Directory.CreateDirectory(Path.Combine(target, "fonts"));
            foreach (string font in Directory.GetFiles(fonts, "*.woff2"))
                File.Copy(font, Path.Combine(target, "fonts", Path.GetFileName(font)), overwrite: true);
        }
        return true;
    }
}
