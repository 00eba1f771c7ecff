using System.Globalization;

namespace ResearchKit.Notebooks.Execution;

/// <summary>
/// The run's timings as a tab-separated table (issue 13): one line per notebook with its wall time, the runner's
/// overhead (kernel start; the first cell, which restores the <c>#r "nuget:"</c> packages) and its slowest cells. Written
/// by <c>run --timings FILE</c>, never into the notebooks, so their outputs stay byte-identical.
/// </summary>
public static class TimingTable
{
    /// <summary>How many of the slowest cells each line names.</summary>
    public const int SlowestCount = 3;

    /// <summary>The columns, in order.</summary>
    public static readonly string[] Columns =
        ["notebook", "scale", "wall_s", "kernel_start_s", "first_cell_s", "cells_s", "slowest_cells"];

    /// <summary>The slowest cells of a notebook, slowest first (ties by cell number): "7: 41.2 s".</summary>
    public static IReadOnlyList<(int Cell, TimeSpan Elapsed)> Slowest(NotebookResult result, int count = SlowestCount)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return result.CellTimes.OrderByDescending(t => t.Elapsed).ThenBy(t => t.Cell).Take(count).ToList();
    }

    /// <summary>
    /// Writes the header comment (when, scale, cores, load average at start and end), the column line, and one line per
    /// notebook that ran; notebooks that could not be read have no line.
    /// </summary>
    public static void Write(TextWriter writer, IEnumerable<NotebookResult> results, string scale, DateTimeOffset finished,
        string? loadAtStart, string? loadAtEnd)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentException.ThrowIfNullOrWhiteSpace(scale);
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine($"# ResearchKit runner timings, finished {finished.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", c)} UTC; "
            + $"{Environment.ProcessorCount} cores; load average at start {loadAtStart ?? "unknown"}, at end {loadAtEnd ?? "unknown"}");
        writer.WriteLine(string.Join('\t', Columns));
        foreach (var r in results.Where(r => r.LoadError is null))
        {
            string first = r.CellTimes.Count > 0 ? Seconds(r.CellTimes[0].Elapsed) : "";
            string slowest = string.Join(", ", Slowest(r).Select(t => $"{t.Cell}: {Seconds(t.Elapsed)} s"));
            writer.WriteLine(string.Join('\t', Path.GetFileName(r.Path), scale, Seconds(r.Elapsed), Seconds(r.KernelStart), first,
                Seconds(TimeSpan.FromTicks(r.CellTimes.Sum(t => t.Elapsed.Ticks))), slowest));
        }
    }

    /// <summary>The first three numbers of /proc/loadavg, or null where there is none.</summary>
    public static string? LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
