namespace ResearchKit.Notebooks.Execution;

/// <summary>
/// Removes machine paths from error texts (stack traces name source files by absolute path), so that outputs are
/// the same on every machine: the repository root becomes relative, else the notebook's folder does.
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
            text = text.Replace(from, to, StringComparison.Ordinal);
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
