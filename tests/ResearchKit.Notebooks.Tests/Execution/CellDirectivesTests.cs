using ResearchKit.Notebooks.Execution;

namespace ResearchKit.Notebooks.Tests.Execution;

public class CellDirectivesTests
{
    [Fact]
    public void Parse_DirectiveLines_AreBlankedSoLineNumbersStay()
    {
        var d = CellDirectives.Parse("#!csharp\n#r \"nuget: MathNet.Numerics, 5.0.0\"\n#r \"x.dll\"\n#i \"nuget: /feed\"\nvar a = 1;");
        Assert.Equal("\n\n#r \"x.dll\"\n\nvar a = 1;", d.Code);
        Assert.Equal("MathNet.Numerics", Assert.Single(d.Packages).Name);
        Assert.Empty(d.Errors);
        Assert.False(d.Timed);
    }

    [Fact]
    public void Parse_Time_IsTimed()
    {
        Assert.True(CellDirectives.Parse("#!time\n1").Timed);
    }

    [Theory]
    [InlineData("#r \"nuget: MathNet.Numerics, 4.0.0\"", "not version 4.0.0")]
    [InlineData("#r \"nuget: Plotly.NET, 4.2.0\"", "the package Plotly.NET is not available")]
    [InlineData("#!fsharp\nprintfn \"x\"", "'#!fsharp' is not supported")]
    [InlineData("#!who", "'#!who' is not supported")]
    public void Parse_UnsupportedDirective_IsAnErrorNamingIt(string source, string message)
    {
        var d = CellDirectives.Parse(source);
        Assert.Contains(d.Errors, e => e.Contains(message, StringComparison.Ordinal));
    }
}
