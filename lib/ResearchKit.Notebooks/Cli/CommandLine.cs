using System.CommandLine;
using System.CommandLine.Parsing;
using ResearchKit.Notebooks.Building;
using ResearchKit.Notebooks.Documents;
using ResearchKit.Notebooks.Execution;
using ResearchKit.Notebooks.Site;
using Spectre.Console;

namespace ResearchKit.Notebooks.Cli;

/// <summary>
/// The runner's command line:
/// <c>run [notebooks…] [--scale quick|full] [--site dir] [--no-site] [--no-build] [--output-dir dir]</c> and
/// <c>site [notebooks…] [--site dir]</c>.
/// </summary>
public static class CommandLine
{
    /// <summary>The exit code of a usage error (unknown option, missing notebook, bad value): nothing was run (EX_USAGE).</summary>
    public const int UsageError = 64;

    /// <summary>The exit code when the run was interrupted (Ctrl-C): 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A usage error (an unknown option such as <c>--frobnicate</c> or a typo
    /// such as <c>--outputdir</c>, a bad value, a notebook that does not exist) is reported before anything is built
    /// or run, with exit code <see cref="UsageError"/>.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parse = Build().Parse(args);
        if (UsageProblems(parse) is { Count: > 0 } problems)
        {
            var console = CreateConsole();
            foreach (string problem in problems)
                console.MarkupLine($"[red]{Markup.Escape(problem)}[/]");
            console.MarkupLine("[grey]See --help for the commands and options.[/]");
            return UsageError;
        }
        // On Ctrl-C the run stops at once and says which notebook and cell were interrupted; allow it the time to say so.
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) }).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="args"/> synchronously (tests); see <see cref="InvokeAsync"/>.</summary>
    public static int Invoke(params string[] args) => InvokeAsync(args).GetAwaiter().GetResult();

    /// <summary>
    /// What is wrong with the command line: the parser's errors, any notebook argument that looks like an option (the
    /// parser would take <c>--frobnicate</c> for a path), and notebook paths that do not exist.
    /// </summary>
    internal static List<string> UsageProblems(ParseResult parse)
    {
        var problems = parse.Errors.Select(e => e.Message).ToList();
        if (parse.CommandResult.Command.Name is not ("run" or "site" or "verdicts"))
            return problems;
        var known = parse.CommandResult.Command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (string token in parse.CommandResult.Tokens.Where(t => t.Type == TokenType.Argument).Select(t => t.Value))
        {
            if (token.StartsWith('-'))
            {
                string name = token.Split('=', 2)[0];
                string? near = known.Where(k => k.StartsWith("--", StringComparison.Ordinal))
                    .OrderBy(k => EditDistance(k, name)).FirstOrDefault(k => EditDistance(k, name) <= 3);
                problems.Add($"unknown option '{token}'" + (near is null ? "." : $"; did you mean '{near}'?"));
            }
            else if (!File.Exists(token))
            {
                problems.Add(Directory.Exists(token)
                    ? $"'{token}' is a folder; pass notebook files (.ipynb)."
                    : $"notebook not found: {token} (looked for {Path.GetFullPath(token)}).");
            }
        }
        return problems;
    }

    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        }
        return d[a.Length, b.Length];
    }

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

        var cellTimeout = new Option<double?>("--cell-timeout")
        {
            Description = "Seconds one cell may run before it is abandoned with an error output (0: no limit; default: 1200 when CI=true, else no limit).",
        };
        cellTimeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } v && (double.IsNaN(v) || v < 0))
                r.AddError($"--cell-timeout must be a number of seconds ≥ 0 (0: no limit), not {v}.");
        });

        var site = new Option<string?>("--site")
        {
            Description = "Folder for the exported HTML site (default: site/ in the repository root).",
        };
        var noSite = new Option<bool>("--no-site") { Description = "Do not export the site after the run." };
        var failOnClaims = new Option<bool>("--fail-on-claims")
        {
            Description = "Exit 1 when a tested claim does not hold (by default such a claim is a result, reported, and the run exits 0).",
        };

        var timings = new Option<string?>("--timings")
        {
            Description = "Also write the run's timings to this file (tab-separated: each notebook's wall time, kernel start, first cell with its package restore, cells, slowest cells); never into the notebooks.",
        };

        var run = new Command("run", "Execute notebooks, write their outputs back and export the site.") { paths, scale, site, noSite, noBuild, outputDir, cellTimeout, failOnClaims, timings };
        run.SetAction((parse, cancel) => RunAsync(
            new RunRequest(
                parse.GetValue(paths) ?? Array.Empty<string>(),
                parse.GetValue(scale) == "quick" ? RunScale.Quick : RunScale.Full,
                parse.GetValue(noSite) ? null : parse.GetValue(site) ?? "",
                parse.GetValue(noBuild),
                parse.GetValue(outputDir),
                parse.GetValue(cellTimeout) is { } seconds ? (seconds == 0 ? null : TimeSpan.FromSeconds(seconds)) : NotebookRunner.DefaultCellTimeout,
                parse.GetValue(failOnClaims),
                parse.GetValue(timings)),
            cancel));

        var verdictPaths = new Argument<string[]>("notebooks")
        {
            Description = "Notebooks whose expected verdicts to write (notebooks/verdicts/<slug>.tsv).",
            Arity = ArgumentArity.OneOrMore,
        };
        var verdicts = new Command("verdicts",
            "Write a notebook's expected verdicts: the full column from its committed (full-scale) outputs, the quick column from a quick-scale run into a temporary folder.")
            { verdictPaths, noBuild };
        verdicts.SetAction((parse, cancel) => WriteVerdictsAsync(parse.GetValue(verdictPaths) ?? Array.Empty<string>(), parse.GetValue(noBuild), cancel));

        var siteCommand = new Command("site", "Export the HTML site from the notebooks' committed outputs, without running them.") { paths, site };
        siteCommand.SetAction(parse => ExportSite(parse.GetValue(paths) ?? Array.Empty<string>(), parse.GetValue(site)));

        return new RootCommand("ResearchKit workbook runner: executes the Polyglot C# notebooks headless and exports the site.") { run, siteCommand, verdicts };
    }

    /// <summary>The options of one <c>run</c>.</summary>
    /// <param name="Paths">Notebooks given on the command line.</param>
    /// <param name="Scale">quick or full.</param>
    /// <param name="Site">The site folder ("" = default), or null for --no-site.</param>
    /// <param name="NoBuild">Skip building the library.</param>
    /// <param name="OutputDir">Write notebooks here instead of in place.</param>
    /// <param name="CellTimeout">How long one cell may run, or null for no limit.</param>
    /// <param name="FailOnClaims">Exit 1 when a tested claim does not hold.</param>
    /// <param name="Timings">Write the timing table here, or null.</param>
    private sealed record RunRequest(string[] Paths, RunScale Scale, string? Site, bool NoBuild, string? OutputDir, TimeSpan? CellTimeout, bool FailOnClaims = false, string? Timings = null);

    private static async Task<int> RunAsync(RunRequest request, CancellationToken cancel)
    {
        var (paths, scale, siteDir, noBuild, outputDir) = (request.Paths, request.Scale, request.Site, request.NoBuild, request.OutputDir);
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

        string? loadAtStart = TimingTable.LoadAverage();
        console.MarkupLine($"[grey]Running {notebooks.Count} notebook(s) at {RunScaleVariable.ValueOf(scale)} scale.[/]");
        var progress = new ConsoleProgress(console);
        var runner = new NotebookRunner(scale, progress, request.CellTimeout);
        RunReport report;
        if (console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            report = await console.Status().Spinner(Spinner.Known.Dots).StartAsync("starting…", async context =>
            {
                progress.Status = context;
                return await runner.RunFilesAsync(notebooks, outputDir, cancel).ConfigureAwait(false);
            }).ConfigureAwait(false);
            progress.Status = null;
        }
        else
        {
            report = await runner.RunFilesAsync(notebooks, outputDir, cancel).ConfigureAwait(false);
        }
        ReportSummary(console, report);
        bool timingsFailed = false;
        if (request.Timings is { } timingsPath)
        {
            try
            {
                using var writer = new StreamWriter(timingsPath);
                TimingTable.Write(writer, report.Notebooks, RunScaleVariable.ValueOf(scale), DateTimeOffset.UtcNow, loadAtStart, TimingTable.LoadAverage());
                console.MarkupLine($"[grey]timings written to {Markup.Escape(Path.GetFullPath(timingsPath))}[/]");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.MarkupLine($"[red]could not write the timings to {Markup.Escape(timingsPath)}: {Markup.Escape(e.Message)}[/]");
                timingsFailed = true;
            }
        }
        if (report.Notebooks.FirstOrDefault(n => n.Interrupted is not null) is { } interrupted)
        {
            var notRun = notebooks.Skip(report.Notebooks.Count).Select(Path.GetFileName).ToList();
            console.MarkupLine($"[red]Interrupted: {Markup.Escape(Path.GetFileName(interrupted.Path))} was running cell {interrupted.Interrupted}; "
                + "that notebook was not written (its file is unchanged)"
                + (notRun.Count > 0 ? $"; not started: {Markup.Escape(string.Join(", ", notRun))}" : "") + ". No site was exported.[/]");
            return Interrupted;
        }

        bool siteFailed = false;
        if (siteDir is not null)
        {
            // The index lists every notebook of the repository: the ones just run with their new outputs, the others as committed.
            var documents = new SortedDictionary<string, NotebookDocument>(StringComparer.Ordinal);
            if (root is not null)
            {
                foreach (string path in RepositoryLayout.Notebooks(root))
                {
                    try
                    {
                        documents[Path.GetFileName(path)] = NotebookReader.ReadFile(path);
                    }
                    catch (NotebookFormatException e)
                    {
                        console.MarkupLine($"[yellow]site: skipped {Markup.Escape(e.Message)}[/]");
                    }
                }
            }
            foreach (var n in report.Notebooks.Where(n => n.Document is not null))
                documents[Path.GetFileName(n.Path)] = n.Document!;
            siteFailed = !WriteSite(console, root, siteDir, documents);
        }
        bool claimsFail = request.FailOnClaims && report.Notebooks.Any(n => n.HasClaimsThatDoNotHold);
        return report.Failed || siteFailed || claimsFail || timingsFailed ? 1 : 0;
    }

    private static async Task<int> WriteVerdictsAsync(string[] paths, bool noBuild, CancellationToken cancel)
    {
        var console = CreateConsole();
        var notebooks = paths.Select(Path.GetFullPath).ToList();
        var missing = notebooks.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            console.MarkupLine($"[red]No such notebook: {Markup.Escape(string.Join(", ", missing))}[/]");
            return 2;
        }
        string? root = PathScrubber.FindRepositoryRoot(Path.GetDirectoryName(notebooks[0])!);
        if (!noBuild && root is not null)
        {
            var build = LibraryBuilder.Build(root);
            if (!build.Succeeded)
            {
                console.MarkupLine("[red]The library did not build; notebooks were not run.[/]");
                console.WriteLine(build.Output);
                return 3;
            }
        }
        string temp = Directory.CreateTempSubdirectory("rk-verdicts-").FullName;
        try
        {
            var committed = new Dictionary<string, ClaimsStatus?>(StringComparer.Ordinal);
            foreach (string path in notebooks)
                committed[path] = ClaimsStatus.Find(NotebookReader.ReadFile(path));
            var runner = new NotebookRunner(RunScale.Quick, new ConsoleProgress(console), NotebookRunner.DefaultCellTimeout);
            var report = await runner.RunFilesAsync(notebooks, temp, cancel).ConfigureAwait(false);
            int status = 0;
            foreach (var result in report.Notebooks)
            {
                string name = Path.GetFileName(result.Path);
                if (result.Failed || result.Claims is null || committed[result.Path] is not { } full)
                {
                    console.MarkupLine($"[red]{Markup.Escape(name)}: not written — the quick run failed or a claims table is missing (committed or quick).[/]");
                    status = 1;
                    continue;
                }
                string file = ExpectedVerdicts.PathFor(result.Path);
                string text;
                try
                {
                    text = ExpectedVerdicts.Format(name, full.Rows, result.Claims.Rows);
                }
                catch (ArgumentException e)
                {
                    console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
                    status = 1;
                    continue;
                }
                var before = File.Exists(file) ? ExpectedVerdicts.Read(file) : Array.Empty<ExpectedVerdict>();
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                string tmp = file + ".tmp";
                File.WriteAllText(tmp, text, new System.Text.UTF8Encoding(false));
                File.Move(tmp, file, overwrite: true);
                var after = ExpectedVerdicts.Read(file);
                console.MarkupLine($"[green]{Markup.Escape(file)}[/]: full {Markup.Escape(Count(after, true))}; quick {Markup.Escape(Count(after, false))}");
                foreach (var change in Changes(before, after))
                    console.MarkupLine($"  [yellow]changed:[/] {Markup.Escape(change)}");
            }
            return status;
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }

        static string Count(IReadOnlyList<ExpectedVerdict> rows, bool full)
        {
            var v = rows.Select(r => full ? r.Full : r.Quick).ToList();
            return $"{v.Count(x => x == "holds")} hold · {v.Count(x => x == "fails")} do not hold · {v.Count(x => x == "untested")} not testable";
        }

        static IEnumerable<string> Changes(IReadOnlyList<ExpectedVerdict> before, IReadOnlyList<ExpectedVerdict> after)
        {
            var old = before.GroupBy(b => b.Statement).ToDictionary(g => g.Key, g => g.First());
            foreach (var a in after)
            {
                if (!old.TryGetValue(a.Statement, out var b))
                    yield return $"new row {a.Number} (full {a.Full}, quick {a.Quick}): {a.Statement}";
                else if (b.Full != a.Full || b.Quick != a.Quick)
                    yield return $"row {a.Number}: full {b.Full} → {a.Full}, quick {b.Quick} → {a.Quick}: {a.Statement}";
            }
            foreach (var b in before.Where(b => after.All(a => a.Statement != b.Statement)))
                yield return $"row removed (was {b.Number}): {b.Statement}";
        }
    }

    private static int ExportSite(string[] paths, string? siteDir)
    {
        var console = CreateConsole();
        string? root = PathScrubber.FindRepositoryRoot(Directory.GetCurrentDirectory())
            ?? (paths.Length > 0 ? PathScrubber.FindRepositoryRoot(Path.GetDirectoryName(Path.GetFullPath(paths[0]))!) : null);
        if (root is null && (paths.Length == 0 || string.IsNullOrEmpty(siteDir)))
        {
            console.MarkupLine($"[red]No ResearchKit.sln found in {Markup.Escape(Directory.GetCurrentDirectory())} or above; run inside the repository (or pass notebook paths and --site).[/]");
            return 2;
        }
        var files = paths.Length > 0 ? paths.Select(Path.GetFullPath).ToList() : RepositoryLayout.Notebooks(root!).ToList();
        var documents = new SortedDictionary<string, NotebookDocument>(StringComparer.Ordinal);
        bool unreadable = false;
        foreach (string path in files)
        {
            try
            {
                documents[Path.GetFileName(path)] = NotebookReader.ReadFile(path);
            }
            catch (Exception e) when (e is NotebookFormatException or IOException)
            {
                console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
                unreadable = true;
            }
        }
        return WriteSite(console, root, siteDir ?? "", documents) && !unreadable ? 0 : 1;
    }

    /// <summary>Exports the site; returns false (after reporting) when it could not be written.</summary>
    private static bool WriteSite(IAnsiConsole console, string? root, string siteDir, IReadOnlyDictionary<string, NotebookDocument> documents)
    {
        if (siteDir.Length == 0 && root is null)
        {
            console.MarkupLine("[yellow]site: warning: not inside the repository, so there is no default site folder; pass --site <dir> to export one.[/]");
            return true;
        }
        string folder = siteDir.Length > 0 ? Path.GetFullPath(siteDir) : Path.Combine(root!, "site");
        var cache = root is null ? null : new NpmPackageCache(Path.Combine(root, "data", "cache", "npm"));
        try
        {
            var result = SiteExporter.Export(documents, folder, cache);
            foreach (string warning in result.Assets.Warnings)
                console.MarkupLine($"[yellow]site: warning: {Markup.Escape(warning)}[/]");
            console.MarkupLine($"[grey]Site: {Markup.Escape(result.IndexPath)} ({result.Pages.Count} notebook page(s)).[/]");
            return true;
        }
        catch (IOException e)
        {
            console.MarkupLine($"[red]site: could not write {Markup.Escape(folder)}: {Markup.Escape(e.Message)}[/]");
            return false;
        }
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
        var table = new Spectre.Console.Table().AddColumns("notebook", "cells", "errors", "claims", "time", "status");
        foreach (var n in report.Notebooks)
        {
            string claims = n.Claims is { } c ? c.Summary : "none";
            string status = n.LoadError is not null ? "[red]not run[/]"
                : n.Interrupted is not null ? "[red]interrupted[/]"
                : n.WriteError is not null ? "[red]not written[/]"
                : n.Failed ? "[red]FAILED[/]" : "[green]ok[/]";
            string time = n.LoadError is null ? $"{n.Elapsed.TotalSeconds:0.0} s" : "";
            table.AddRow(Markup.Escape(Path.GetFileName(n.Path)), n.CellsRun.ToString(), n.Failures.Count.ToString(), claims, time, status);
        }
        console.Write(table);
        if (report.Notebooks.Count(n => n.LoadError is null) > 1)
            console.MarkupLine($"[grey]Total {report.Notebooks.Sum(n => n.Elapsed.TotalSeconds):0.0} s in notebooks.[/]");
        var withClaims = report.Notebooks.Where(n => n.Claims is not null).Select(n => n.Claims!).ToList();
        console.MarkupLine($"Claims over {withClaims.Count} notebook(s): {withClaims.Sum(c => c.Held)} hold · {withClaims.Sum(c => c.Failed)} do not hold · {withClaims.Sum(c => c.Untested)} not testable.");
        foreach (var n in report.Notebooks.Where(n => n.Failed || n.HasClaimsThatDoNotHold))
        {
            if (n.LoadError is { } load)
                console.MarkupLine($"[red]{Markup.Escape(load)}[/]");
            if (n.WriteError is { } write)
                console.MarkupLine($"[red]{Markup.Escape(write)}[/]");
            foreach (var f in n.Failures)
                console.MarkupLine($"[red]{Markup.Escape(Path.GetFileName(n.Path))}, cell {f.CellNumber}:[/] {Markup.Escape(f.Message.Split('\n')[0])}");
            if (n.Claims is { Failed: > 0 } claims)
                console.MarkupLine($"[yellow]{Markup.Escape(Path.GetFileName(n.Path))}: {claims.Failed} of {claims.Total} tested claims do not hold (a result, not a run failure; --fail-on-claims makes it one).[/]");
        }
    }
}
