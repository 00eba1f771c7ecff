using System.Text.RegularExpressions;

namespace ResearchKit.Notebooks.Execution;

/// <summary>
/// Removes machine paths from outputs (stack traces name source files by absolute path; a cell may print a path), so
/// that outputs are the same on every machine and in every worktree: the repository root and the notebook's folder
/// become relative.
/// </summary>
public sealed class PathScrubber
{
    private readonly List<KeyValuePair<string, string>> _replacements = new();

    /// <summary>Creates a scrubber for a notebook in <paramref name="notebookFolder"/>.</summary>
    public PathScrubber(string notebookFolder)
    {
        ArgumentNullException.ThrowIfNull(notebookFolder);
        string folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(notebookFolder));
        string? root = FindRepositoryRoot(folder);
        if (root is not null)
        {
            _replacements.Add(KeyValuePair.Create(root + Path.DirectorySeparatorChar, ""));
            _replacements.Add(KeyValuePair.Create(root, "."));
        }
        _replacements.Add(KeyValuePair.Create(folder + Path.DirectorySeparatorChar, ""));
        _replacements.Add(KeyValuePair.Create(folder, "."));
    }

    /// <summary>The text with the known absolute paths made relative.</summary>
    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (from, to) in _replacements)
        {
            if (!text.Contains(from, StringComparison.Ordinal))
                continue;
            // A bare folder path is replaced only as a whole name: "/tmp/x" must not turn "/tmp/xyz" into ".yz".
            text = from.EndsWith(Path.DirectorySeparatorChar)
                ? text.Replace(from, to, StringComparison.Ordinal)
                : Regex.Replace(text, Regex.Escape(from) + "(?![A-Za-z0-9_.\\-])", to.Replace("$", "$$", StringComparison.Ordinal));
        }
        return text;
    }

    /// <summary>The first folder at or above <paramref name="start"/> holding ResearchKit.sln, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResearchKit.sln")))
                return Path.TrimEndingDirectorySeparator(dir.FullName);
            dir = dir.Parent;
        }
        return null;
    }
}
