using ResearchKit.Notebooks.Execution;
using Spectre.Console;

namespace ResearchKit.Notebooks.Cli;

/// <summary>
/// Shows a run's progress with Spectre.Console: one line per cell and a summary per notebook, plus a live status
/// line naming the running cell when the terminal is interactive. In a redirected CI log only the plain lines appear. The console is created
/// before any cell runs, so it keeps writing to the real terminal while cells' output is captured.
/// </summary>
public sealed class ConsoleProgress : IRunProgress
{
    private readonly IAnsiConsole _console;
    private string _current = "";
    private int _codeCells;
    private int _done;

    /// <summary>Creates the progress display on <paramref name="console"/>.</summary>
    public ConsoleProgress(IAnsiConsole console) => _console = console;

    /// <inheritdoc />
    public void NotebookStarted(string path, int codeCells)
    {
        _current = Path.GetFileName(path);
        _codeCells = codeCells;
        _done = 0;
        _console.MarkupLine($"[bold]▶ {Markup.Escape(_current)}[/] [grey]({codeCells} C# cells)[/]");
    }

    /// <summary>The live status line of an interactive terminal (set by the CLI), or null in a redirected log.</summary>
    public StatusContext? Status { get; set; }

    /// <inheritdoc />
    public void CellStarted(int cellNumber)
    {
        Status?.Status($"{Markup.Escape(_current)}: cell {cellNumber} ({_done + 1}/{_codeCells}) running…");
    }

    /// <inheritdoc />
    public void CellFinished(int cellNumber, TimeSpan elapsed, CellFailure? failure)
    {
        _done++;
        string where = $"[[{_done}/{_codeCells}]] cell {cellNumber}";
        if (failure is null)
        {
            _console.MarkupLine($"  [green]✔[/] {where} [grey]{elapsed.TotalSeconds:0.0} s[/]");
        }
        else
        {
            _console.MarkupLine($"  [red]✘ {where} failed[/] [grey]{elapsed.TotalSeconds:0.0} s[/]");
            _console.MarkupLine($"    [red]{Markup.Escape(FirstLines(failure.Message, 6))}[/]");
        }
    }

    /// <inheritdoc />
    public void NotebookFinished(NotebookResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string name = Path.GetFileName(result.Path);
        if (result.LoadError is { } load)
        {
            _console.MarkupLine($"[red]✘ {Markup.Escape(name)}: {Markup.Escape(load)}[/]");
            return;
        }
        if (result.Interrupted is not null)
            return; // the command line says what was interrupted
        string claims = result.Claims is { } c ? "claims " + c.Summary : "no claims table";
        string skipped = result.CellsSkipped.Count > 0 ? $", {result.CellsSkipped.Count} skipped" : "";
        string line = $"{name}: {result.CellsRun} cells run, {result.Failures.Count} with errors{skipped}, {claims}";
        _console.MarkupLine(result.Failed ? $"[red]✘ {Markup.Escape(line)}[/]" : $"[green]✔ {Markup.Escape(line)}[/]");
        // The runner's own timing report (issue 13): the kernel start and the first cell (which restores the
        // notebook's #r "nuget:" packages) are the runner's overhead per notebook; nothing of this goes into the file.
        string first = result.CellTimes.Count > 0 ? $", first cell (with its package restore) {result.CellTimes[0].Elapsed.TotalSeconds:0.0} s" : "";
        _console.MarkupLine($"  [grey]time {result.Elapsed.TotalSeconds:0.0} s: kernel start {result.KernelStart.TotalSeconds:0.00} s{first}, "
            + $"cells {result.CellTimes.Sum(t => t.Elapsed.TotalSeconds):0.0} s[/]");
        if (result.CellTimes.Count > 1)
            _console.MarkupLine("  [grey]slowest cells: " + string.Join(", ", TimingTable.Slowest(result).Select(t => $"{t.Cell} ({t.Elapsed.TotalSeconds:0.0} s)")) + "[/]");
        foreach (string warning in result.Warnings)
            _console.MarkupLine($"  [yellow]warning: {Markup.Escape(warning)}[/]");
    }

    private static string FirstLines(string text, int count)
    {
        var lines = text.Split('\n');
        return lines.Length <= count ? text.TrimEnd() : string.Join('\n', lines.Take(count)) + "\n    …";
    }
}
