using System.CommandLine;
using ResearchKit.Notebooks.Building;
using ResearchKit.Notebooks.Execution;
using Spectre.Console;

namespace ResearchKit.Notebooks.Cli;

/// <summary>
/// The runner's command line:
/// <c>run [notebooks…] [--scale quick|full] [--no-build] [--output-dir dir]</c>.
/// </summary>
public static class CommandLine
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Build()
    {
        var paths = new Argument<string[]>("notebooks")
        {
            Description = "Notebook files to run (default: every notebooks/*.ipynb of the repository).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var scale = new Option<string>("--scale")
        {
            Description = "quick (seconds per notebook: tests, CI) or full (the papers' sizes: committed outputs).",
            DefaultValueFactory = _ => "full",
        };
        scale.AcceptOnlyFromAmong("quick", "full");
        var noBuild = new Option<bool>("--no-build") { Description = "Do not build lib/ResearchKit (Release) first." };
        var outputDir = new Option<string?>("--output-dir")
        {
            Description = "Write the executed notebooks into this folder instead of in place.",
        };

        var run = new Command("run", "Execute notebooks and write their outputs back.") { paths, scale, noBuild, outputDir };
        run.SetAction((parse, cancel) => RunAsync(
            parse.GetValue(paths) ?? Array.Empty<string>(),
            parse.GetValue(scale) == "quick" ? RunScale.Quick : RunScale.Full,
            parse.GetValue(noBuild),
            parse.GetValue(outputDir),
            cancel));

        return new RootCommand("ResearchKit workbook runner: executes the Polyglot C# notebooks headless and exports the site.") { run };
    }

    private static async Task<int> RunAsync(string[] paths, RunScale scale, bool noBuild, string? outputDir, CancellationToken cancel)
    {
        var console = CreateConsole();
        string? root = PathScrubber.FindRepositoryRoot(Directory.GetCurrentDirectory())
            ?? (paths.Length > 0 ? PathScrubber.FindRepositoryRoot(Path.GetDirectoryName(Path.GetFullPath(paths[0]))!) : null);
        if (root is null && (paths.Length == 0 || !noBuild))
        {
            console.MarkupLine($"[red]No ResearchKit.sln found in {Markup.Escape(Directory.GetCurrentDirectory())} or above; run inside the repository (or pass notebook paths with --no-build).[/]");
            return 2;
        }

        var notebooks = paths.Length > 0 ? paths.Select(Path.GetFullPath).ToList() : RepositoryLayout.Notebooks(root!).ToList();
        if (notebooks.Count == 0)
        {
            console.MarkupLine($"[yellow]No notebooks found in {Markup.Escape(Path.Combine(root!, "notebooks"))}.[/]");
            return 0;
        }

        if (!noBuild)
        {
            console.MarkupLine($"[grey]Building {LibraryBuilder.ProjectPath} (Release)…[/]");
            var build = LibraryBuilder.Build(root!);
            if (!build.Succeeded)
            {
                console.MarkupLine("[red]The library did not build; notebooks were not run.[/]");
                console.WriteLine(build.Output);
                return 3;
            }
        }

        console.MarkupLine($"[grey]Running {notebooks.Count} notebook(s) at {RunScaleVariable.ValueOf(scale)} scale.[/]");
        var runner = new NotebookRunner(scale, new ConsoleProgress(console));
        var report = await runner.RunFilesAsync(notebooks, outputDir, cancel).ConfigureAwait(false);
        ReportSummary(console, report);
        return report.Failed ? 1 : 0;
    }

    /// <summary>
    /// The console for progress, made before any cell redirects <see cref="Console.Out"/>. In a redirected log (CI)
    /// it writes plain text without colour codes and does not wrap at 80 columns.
    /// </summary>
    internal static IAnsiConsole CreateConsole()
    {
        bool redirected = Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (redirected)
            console.Profile.Width = 200;
        return console;
    }

    private static void ReportSummary(IAnsiConsole console, RunReport report)
    {
        var table = new Spectre.Console.Table().AddColumns("notebook", "cells", "errors", "claims", "status");
        foreach (var n in report.Notebooks)
        {
            string claims = n.Claims is { } c ? $"{c.Held}/{c.Total} hold" : "none";
            string status = n.LoadError is not null ? "[red]unreadable[/]" : n.Failed ? "[red]FAILED[/]" : "[green]ok[/]";
            table.AddRow(Markup.Escape(Path.GetFileName(n.Path)), n.CellsRun.ToString(), n.Failures.Count.ToString(), claims, status);
        }
        console.Write(table);
        foreach (var n in report.Notebooks.Where(n => n.Failed))
        {
            if (n.LoadError is { } load)
                console.MarkupLine($"[red]{Markup.Escape(load)}[/]");
            foreach (var f in n.Failures)
                console.MarkupLine($"[red]{Markup.Escape(Path.GetFileName(n.Path))}, cell {f.CellNumber}:[/] {Markup.Escape(f.Message.Split('\n')[0])}");
            if (n.Claims is { Failed: > 0 } claims)
                console.MarkupLine($"[red]{Markup.Escape(Path.GetFileName(n.Path))}: {claims.Failed} of {claims.Total} claims do not hold.[/]");
        }
    }
}
