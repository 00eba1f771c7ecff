using ResearchKit.Notebooks.Execution;
using Spectre.Console;

namespace ResearchKit.Notebooks.Cli;

/// <summary>
/// Shows a run's progress with Spectre.Console: one line per cell and a summary per notebook. Plain lines rather
/// than a live display, so that it reads the same in a terminal and in a redirected CI log. The console is created
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

    /// <inheritdoc />
    public void CellStarted(int cellNumber)
    {
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
        string claims = result.Claims is { } c ? $"claims {c.Held}/{c.Total} hold" : "no claims table";
        string line = $"{name}: {result.CellsRun} cells run, {result.Failures.Count} with errors, {claims}";
        _console.MarkupLine(result.Failed ? $"[red]✘ {Markup.Escape(line)}[/]" : $"[green]✔ {Markup.Escape(line)}[/]");
        foreach (string warning in result.Warnings)
            _console.MarkupLine($"  [yellow]warning: {Markup.Escape(warning)}[/]");
    }

    private static string FirstLines(string text, int count)
    {
        var lines = text.Split('\n');
        return lines.Length <= count ? text.TrimEnd() : string.Join('\n', lines.Take(count)) + "\n    …";
    }
}
