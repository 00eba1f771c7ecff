using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ResearchKit.Notebooks.Site;

/// <summary>
/// Obtains pinned npm packages (plotly.js, KaTeX) for the site with <c>npm install --prefix</c> into a cache folder
/// (the repository's git-ignored <c>data/cache/npm</c>), once; later exports copy from the cache.
/// </summary>
public sealed class NpmPackageCache
{
    /// <summary>Creates a cache rooted at <paramref name="cacheDirectory"/>.</summary>
    public NpmPackageCache(string cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(cacheDirectory);
        CacheDirectory = Path.GetFullPath(cacheDirectory);
    }

    /// <summary>The cache folder; each package version gets its own <c>name@version</c> prefix folder under it.</summary>
    public string CacheDirectory { get; }

    /// <summary>
    /// The installed package's folder (<c>…/node_modules/name</c>), installing it first if needed. Null when npm is
    /// missing or fails; <paramref name="problem"/> then says why.
    /// </summary>
    public string? Obtain(string name, string version, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(version);
        string prefix = Path.Combine(CacheDirectory, $"{name}@{version}");
        string folder = Path.Combine(prefix, "node_modules", name);
        if (InstalledVersion(folder) == version)
        {
            problem = null;
            return folder;
        }

        Directory.CreateDirectory(prefix);
        var start = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = prefix,
        };
        foreach (string arg in new[] { "install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save", "--loglevel=error", $"{name}@{version}" })
            start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                problem = "npm could not be started";
                return null;
            }
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                problem = $"'npm install {name}@{version}' did not finish within 5 minutes";
                return null;
            }
            if (process.ExitCode != 0)
            {
                problem = $"'npm install {name}@{version}' failed (exit {process.ExitCode}): {(stderr.Result + stdout.Result).Trim()}";
                return null;
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            problem = $"npm is not installed or not on PATH ({e.Message})";
            return null;
        }

        string? installed = InstalledVersion(folder);
        if (installed != version)
        {
            problem = $"'npm install {name}@{version}' left version {installed ?? "none"} in {folder}";
            return null;
        }
        problem = null;
        return folder;
    }

    private static string? InstalledVersion(string packageFolder)
    {
        string manifest = Path.Combine(packageFolder, "package.json");
        if (!File.Exists(manifest))
            return null;
        try
        {
            return JsonNode.Parse(File.ReadAllText(manifest))?["version"]?.GetValue<string>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
