namespace ResearchKit.Tests;

public class WorkbookTests
{
    [Theory]
    [InlineData("quick", WorkbookScale.Quick)]
    [InlineData(" FULL ", WorkbookScale.Full)]
    public void ParseScale_KnownNames_Parse(string text, WorkbookScale expected) =>
        Assert.Equal(expected, Workbook.ParseScale(text));

    [Fact]
    public void ParseScale_Unknown_ThrowsNamingAllowedValues()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Workbook.ParseScale("medium"));
        Assert.Contains("quick or full", ex.Message);
    }

    [Fact]
    public void FindRepositoryRoot_FromTestFolder_FindsTheSolution()
    {
        string? root = Workbook.FindRepositoryRoot(AppContext.BaseDirectory);
        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root!, "ResearchKit.sln")));
    }
}
