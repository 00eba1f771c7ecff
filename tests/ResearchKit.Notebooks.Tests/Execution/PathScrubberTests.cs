using ResearchKit.Notebooks.Execution;

namespace ResearchKit.Notebooks.Tests.Execution;

public class PathScrubberTests
{
    [Fact]
    public void Scrub_RepositoryPaths_BecomeRelative()
    {
        string root = TestEnvironment.RepositoryRoot;
        var scrubber = new PathScrubber(Path.Combine(root, "notebooks"));
        Assert.Equal("at lib/ResearchKit/Display/Claims.cs:line 3", scrubber.Scrub($"at {root}/lib/ResearchKit/Display/Claims.cs:line 3"));
        Assert.Equal("root is .", scrubber.Scrub($"root is {root}"));
    }

    [Fact]
    public void Scrub_SimilarPrefix_IsLeftAlone()
    {
        string folder = TestEnvironment.NewTempFolder("scrub");
        var scrubber = new PathScrubber(folder);
        Assert.Equal($"{folder}xyz and data.csv in .", scrubber.Scrub($"{folder}xyz and {folder}/data.csv in {folder}"));
    }
}
