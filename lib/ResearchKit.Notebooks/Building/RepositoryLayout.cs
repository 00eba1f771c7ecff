using ResearchKit.Notebooks.Execution;

namespace ResearchKit.Notebooks.Building;

/// <summary>Where things are in the repository: its root (the folder with ResearchKit.sln) and the notebooks.</summary>
public static class RepositoryLayout
{
    /// <summary>The repository root at or above <paramref name="start"/> (default: the current directory).</summary>
    /// <exception cref="DirectoryNotFoundException">No ResearchKit.sln at or above the start folder.</exception>
    public static string FindRoot(string? start = null)
    {
        string from = Path.GetFullPath(start ?? Directory.GetCurrentDirectory());
        return PathScrubber.FindRepositoryRoot(from)
            ?? throw new DirectoryNotFoundException($"No ResearchKit.sln found in {from} or any folder above it; run from inside the repository.");
    }

    /// <summary>All <c>notebooks/*.ipynb</c> under <paramref name="root"/>, sorted by name.</summary>
    public static IReadOnlyList<string> Notebooks(string root)
    {
        string folder = Path.Combine(root, "notebooks");
        if (!Directory.Exists(folder))
            return Array.Empty<string>();
        return Directory.GetFiles(folder, "*.ipynb").OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal).ToList();
    }
}
