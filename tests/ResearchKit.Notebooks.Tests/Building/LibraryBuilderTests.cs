using ResearchKit.Notebooks.Building;

namespace ResearchKit.Notebooks.Tests.Building;

public class LibraryBuilderTests
{
    [Fact]
    public void Build_FolderWithoutTheProject_FailsAndSaysWhy()
    {
        string empty = TestEnvironment.NewTempFolder("no-project");
        var result = LibraryBuilder.Build(empty);
        Assert.False(result.Succeeded);
        Assert.Contains("ResearchKit.Display.csproj", result.Output); // the project the runner builds (it builds lib/ResearchKit too)
    }

    [Fact]
    public void Notebooks_ListsOnlyIpynbSortedByName()
    {
        string root = TestEnvironment.NewTempFolder("layout");
        string notebooks = Path.Combine(root, "notebooks");
        Directory.CreateDirectory(notebooks);
        foreach (string name in new[] { "02-b.ipynb", "01-a.ipynb", "README.md" })
            File.WriteAllText(Path.Combine(notebooks, name), "{}");
        Assert.Equal(new[] { "01-a.ipynb", "02-b.ipynb" }, RepositoryLayout.Notebooks(root).Select(Path.GetFileName));
        Assert.Throws<DirectoryNotFoundException>(() => RepositoryLayout.FindRoot(root));
        Assert.Equal(TestEnvironment.RepositoryRoot, RepositoryLayout.FindRoot(AppContext.BaseDirectory));
    }
}
