using ResearchKit.Notebooks.Building;
using ResearchKit.Notebooks.Execution;

namespace ResearchKit.Notebooks.Tests;

/// <summary>Shared test set-up: the repository, the built library, and staged copies of the fixture notebooks.</summary>
internal static class TestEnvironment
{
    private static readonly Lazy<string> LibraryDll = new(EnsureLibrary, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The repository root (the folder with ResearchKit.sln above the test binaries).</summary>
    public static string RepositoryRoot { get; } = RepositoryLayout.FindRoot(AppContext.BaseDirectory);

    /// <summary>The fixture notebooks copied beside the test binaries.</summary>
    public static string FixturesFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The Release build of lib/ResearchKit; built once if `dotnet test -c Release` did not build it.</summary>
    public static string ResearchKitDll => LibraryDll.Value;

    private static readonly string TempRoot = PrepareTempRoot();

    /// <summary>A new empty temporary folder.</summary>
    public static string NewTempFolder(string purpose)
    {
        string dir = Path.Combine(TempRoot, purpose + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// Stages fixture notebooks in a temporary "repository" layout: <c>notebooks/</c> holds the fixtures and
    /// <c>lib/ResearchKit/bin/Release/net8.0/</c> and <c>lib/ResearchKit.Display/bin/Release/net8.0/</c> copies of the
    /// built libraries, so that the relative <c>#r "../lib/…/ResearchKit.dll"</c> resolves exactly as in the real repository.
    /// </summary>
    /// <returns>The staged notebooks folder.</returns>
    public static string StageWithLibrary(params string[] fixtureNames)
    {
        string root = NewTempFolder("staged");
        string libDir = Path.Combine(root, "lib", "ResearchKit", "bin", "Release", "net8.0");
        Directory.CreateDirectory(libDir);
        File.Copy(ResearchKitDll, Path.Combine(libDir, "ResearchKit.dll"));
        string displayDir = Path.Combine(root, "lib", "ResearchKit.Display", "bin", "Release", "net8.0");
        Directory.CreateDirectory(displayDir);
        File.Copy(Path.Combine(RepositoryRoot, LibraryBuilder.DisplayDllPath), Path.Combine(displayDir, "ResearchKit.Display.dll"));
        string notebooks = Path.Combine(root, "notebooks");
        Directory.CreateDirectory(notebooks);
        foreach (string name in fixtureNames)
            File.Copy(Path.Combine(FixturesFolder, name), Path.Combine(notebooks, name));
        return notebooks;
    }

    /// <summary>Runs one notebook at quick scale, writing it into a temporary output folder; returns result and written path.</summary>
    public static (NotebookResult Result, string Written) Run(string notebookPath)
    {
        string output = Path.Combine(NewTempFolder("out"), Path.GetFileName(notebookPath));
        var result = new NotebookRunner(RunScale.Quick).RunFileAsync(notebookPath, output).GetAwaiter().GetResult();
        return (result, output);
    }

    /// <summary>The tests' temporary folder; what earlier runs left there (sites hold a 5 MB plotly.js) is removed after an hour.</summary>
    private static string PrepareTempRoot()
    {
        string root = Path.Combine(Path.GetTempPath(), "rk-notebooks-tests");
        Directory.CreateDirectory(root);
        foreach (var old in new DirectoryInfo(root).GetDirectories().Where(d => d.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-1)))
        {
            try
            {
                old.Delete(recursive: true);
            }
            catch (IOException)
            {
                // another test run may still use it; it goes next time
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return root;
    }

    private static string EnsureLibrary()
    {
        string dll = Path.Combine(RepositoryRoot, LibraryBuilder.DllPath);
        if (!File.Exists(dll) || !File.Exists(Path.Combine(RepositoryRoot, LibraryBuilder.DisplayDllPath)))
        {
            var build = LibraryBuilder.Build(RepositoryRoot);
            Assert.True(build.Succeeded, "building lib/ResearchKit failed:\n" + build.Output);
        }
        Assert.True(File.Exists(dll), $"{dll} does not exist after the build.");
        return dll;
    }
}
