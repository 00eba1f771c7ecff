using ResearchKit.Notebooks.Execution;

namespace ResearchKit.Notebooks.Tests.Execution;

public class TimingTableTests
{
    private static NotebookResult Result(string name, double wall, double kernel, params double[] cells)
    {
        var r = new NotebookResult("/x/" + name) { Elapsed = TimeSpan.FromSeconds(wall), KernelStart = TimeSpan.FromSeconds(kernel) };
        for (int i = 0; i < cells.Length; i++)
            r.CellTimes.Add((i + 2, TimeSpan.FromSeconds(cells[i])));
        return r;
    }

    [Fact]
    public void Slowest_OrdersByTimeThenCellNumber_AndTakesAtMostCount()
    {
        var r = Result("a.ipynb", 10, 0.1, 1.0, 5.0, 2.0, 5.0, 0.5);
        var slowest = TimingTable.Slowest(r);
        Assert.Equal(new[] { 3, 5, 4 }, slowest.Select(t => t.Cell));
        Assert.Empty(TimingTable.Slowest(r, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimingTable.Slowest(r, -1));
    }

    [Fact]
    public void Write_GivesAHeaderAndOneTabSeparatedLinePerNotebookThatRan()
    {
        var ran = Result("01-a.ipynb", 12.34, 0.04, 1.5, 8.2, 2.0);
        var unreadable = new NotebookResult("/x/02-b.ipynb") { LoadError = "not JSON" };
        var text = new StringWriter();
        TimingTable.Write(text, [ran, unreadable], "full", new DateTimeOffset(2026, 12, 2, 1, 2, 3, TimeSpan.Zero), "1.00 0.50 0.25", null);
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("# ResearchKit runner timings, finished 2026-12-02 01:02:03 UTC;", lines[0]);
        Assert.Contains("load average at start 1.00 0.50 0.25, at end unknown", lines[0]);
        Assert.Equal(string.Join('\t', TimingTable.Columns), lines[1]);
        Assert.Equal(new[] { "01-a.ipynb", "full", "12.3", "0.0", "1.5", "11.7", "3: 8.2 s, 4: 2.0 s, 2: 1.5 s" }, lines[2].Split('\t'));
    }
}
