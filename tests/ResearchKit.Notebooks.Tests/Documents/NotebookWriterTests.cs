using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Tests.Documents;

public class NotebookWriterTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(TestEnvironment.FixturesFolder, name));

    [Fact]
    public void ToJson_VsCodeExample_RoundTripsByteForByte()
    {
        // The two-cell example of notebook-format.md §1.5, exactly as VS Code saves it.
        string original = Fixture("vscode-example.ipynb");
        var doc = NotebookReader.Parse(original, "vscode-example.ipynb");
        Assert.Equal(original, NotebookWriter.ToJson(doc));
    }

    [Fact]
    public void ToJson_MinimalNotebook_GetsVsCodeShape()
    {
        var doc = NotebookReader.Parse("{\"cells\":[{\"cell_type\":\"markdown\",\"source\":\"# T\\nline\"},{\"cell_type\":\"code\",\"source\":\"a\\nb\\n\"}]}", "minimal.ipynb");
        string json = NotebookWriter.ToJson(doc);

        Assert.EndsWith("}\n", json);
        Assert.DoesNotContain("\r", json);
        Assert.StartsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",", json);
        var root = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(4, root["nbformat"]!.GetValue<int>());
        Assert.Equal(5, root["nbformat_minor"]!.GetValue<int>());
        Assert.Equal(".net-csharp", root["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal(".NET (C#)", root["metadata"]!["kernelspec"]!["display_name"]!.GetValue<string>());
        Assert.Equal("polyglot-notebook", root["metadata"]!["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", root["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());

        var cells = root["cells"]!.AsArray();
        foreach (var cell in cells)
            Assert.Matches(new Regex("^[0-9a-f]{8}$"), cell!["id"]!.GetValue<string>());
        Assert.NotEqual(cells[0]!["id"]!.GetValue<string>(), cells[1]!["id"]!.GetValue<string>());
        Assert.Equal(new[] { "# T\n", "line" }, cells[0]!["source"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(new[] { "a\n", "b\n" }, cells[1]!["source"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Null(cells[0]!["outputs"]);
        Assert.Null(cells[0]!["execution_count"]);
        Assert.Empty(cells[0]!["metadata"]!.AsObject());
        Assert.Equal("csharp", cells[1]!["metadata"]!["dotnet_interactive"]!["language"]!.GetValue<string>());
        Assert.Equal("csharp", cells[1]!["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.Equal("null", cells[1]!.AsObject().First(p => p.Key == "execution_count").Value?.ToJsonString() ?? "null");
    }

    [Fact]
    public void ToJson_Keys_AreSortedAtEveryLevel()
    {
        var doc = NotebookReader.Parse("{\"nbformat\":4,\"metadata\":{\"z\":{\"b\":1,\"a\":[{\"y\":1,\"x\":2}]}},\"cells\":[]}", "sorted.ipynb");
        var root = JsonNode.Parse(NotebookWriter.ToJson(doc))!;
        AssertSorted(root);
    }

    [Fact]
    public void ToJson_DerivedIds_AreStableAndExistingIdsKept()
    {
        const string json = "{\"cells\":[{\"cell_type\":\"code\",\"id\":\"abcdef01\",\"source\":\"1\"},{\"cell_type\":\"code\",\"source\":\"2\"}]}";
        string a = NotebookWriter.ToJson(NotebookReader.Parse(json, "same.ipynb"));
        string b = NotebookWriter.ToJson(NotebookReader.Parse(json, "same.ipynb"));
        Assert.Equal(a, b);
        Assert.Contains("\"id\": \"abcdef01\"", a);
    }

    [Fact]
    public void WriteFile_LeavesNoTemporaryFile()
    {
        string folder = TestEnvironment.NewTempFolder("write");
        string path = Path.Combine(folder, "n.ipynb");
        NotebookWriter.WriteFile(NotebookReader.Parse("{\"cells\":[]}", "n.ipynb"), path);
        Assert.Equal(new[] { path }, Directory.GetFiles(folder));
        Assert.EndsWith("\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("a", new[] { "a" })]
    [InlineData("a\n", new[] { "a\n" })]
    [InlineData("a\nb", new[] { "a\n", "b" })]
    [InlineData("\n\n", new[] { "\n", "\n" })]
    public void SplitLines_KeepsNewlinesExceptOnTheLastLine(string text, string[] expected)
    {
        Assert.Equal(expected, NotebookText.SplitLines(text));
    }

    [Theory]
    [InlineData("{\"cells\": [", "malformed JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"metadata\":{}}", "no \"cells\" array")]
    [InlineData("{\"cells\":[{\"source\":\"1\"}]}", "cell 1 has no \"cell_type\"")]
    [InlineData("{\"cells\":[{\"cell_type\":\"code\",\"source\":3}]}", "cell 1 source")]
    public void Parse_BadNotebook_ThrowsNamingFileAndProblem(string json, string problem)
    {
        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.Parse(json, "bad.ipynb"));
        Assert.StartsWith("bad.ipynb: not a readable notebook:", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Theory]
    [InlineData("{\"polyglot_notebook\":{\"kernelName\":\"fsharp\"},\"dotnet_interactive\":{\"language\":\"csharp\"}}", "x", "fsharp")]
    [InlineData("{\"dotnet_interactive\":{\"language\":\"pwsh\"}}", "x", "pwsh")]
    [InlineData("{}", "#!fsharp\nx", "fsharp")]
    [InlineData("{}", "#!c#\nx", "csharp")]
    [InlineData("{}", "x", "csharp")]
    public void KernelNameOf_FollowsTheResolutionOrder(string metadata, string source, string expected)
    {
        var json = new JsonObject
        {
            ["cells"] = new JsonArray(new JsonObject { ["cell_type"] = "code", ["metadata"] = JsonNode.Parse(metadata), ["source"] = source }),
        };
        var doc = NotebookReader.Parse(json.ToJsonString(), "k.ipynb");
        Assert.Equal(expected, doc.KernelNameOf(doc.Cells[0]));
    }

    private static void AssertSorted(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            var keys = o.Select(p => p.Key).ToList();
            Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), keys);
            foreach (var (_, v) in o)
                AssertSorted(v);
        }
        else if (node is JsonArray a)
        {
            foreach (var v in a)
                AssertSorted(v);
        }
    }
}
