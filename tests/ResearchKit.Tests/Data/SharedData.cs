using ResearchKit;

namespace ResearchKit.Tests.Data;

/// <summary>Paths of the shared data beside the repository (<c>../shared/data</c> from the root holding ResearchKit.sln).</summary>
public static class SharedData
{
    public static string RepositoryRoot { get; } = Workbook.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No ResearchKit.sln above {AppContext.BaseDirectory}.");

    public static string File(params string[] parts)
    {
        string path = Path.GetFullPath(Path.Combine([RepositoryRoot, "..", "shared", "data", .. parts]));
        if (!System.IO.File.Exists(path))
            throw new FileNotFoundException($"The shared data file {path} is missing; these tests read the real data from ../shared/data.", path);
        return path;
    }
}
