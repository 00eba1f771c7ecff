using System.Diagnostics;
using System.Text;
using ResearchKit.Notebooks.Cli;

namespace ResearchKit.Notebooks.Tests.Cli;

public class InterruptTests
{
    private const string Sleepy = "{\"cells\":[{\"cell_type\":\"code\",\"source\":\"Console.WriteLine(1);\"},"
        + "{\"cell_type\":\"code\",\"source\":\"System.Threading.Thread.Sleep(60000);\"}],\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}";

    [Fact]
    public void CtrlC_WhileACellRuns_NamesNotebookAndCell_ExitsWith130_AndWritesNothing()
    {
        if (OperatingSystem.IsWindows())
            return; // SIGINT is a Unix signal; the cancellation path itself is tested in RunnerReliabilityTests
        string folder = TestEnvironment.NewTempFolder("sigint");
        string first = Path.Combine(folder, "sleepy.ipynb");
        string second = Path.Combine(folder, "second.ipynb");
        File.WriteAllText(first, Sleepy);
        File.WriteAllText(second, Sleepy);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (string arg in new[] { typeof(CommandLine).Assembly.Location, "run", "--no-build", "--no-site", "--scale", "quick", first, second })
            start.ArgumentList.Add(arg);
        var log = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var waited = Stopwatch.StartNew();
            while (!Contains(log, "[1/2] cell 1") && waited.Elapsed < TimeSpan.FromMinutes(2) && !process.HasExited)
                Thread.Sleep(200);
            Assert.True(Contains(log, "[1/2] cell 1"), "the first cell did not finish:\n" + log);
            Thread.Sleep(1500); // cell 2 is sleeping now
            using (var kill = Process.Start("kill", new[] { "-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
                kill.WaitForExit();
            bool stopped = process.WaitForExit(TimeSpan.FromSeconds(30));
            Assert.True(stopped, $"the runner did not stop within 30 s of SIGINT (load average {LoadAverage()}); its output so far:\n{Snapshot(log)}");
            process.WaitForExit(); // flush the redirected output

            Assert.Equal(CommandLine.Interrupted, process.ExitCode);
            Assert.True(Contains(log, "Interrupted: sleepy.ipynb was running cell 2; that notebook was not written (its file is unchanged); not started: second.ipynb."), log.ToString());
            Assert.Equal(Sleepy, File.ReadAllText(first));
            Assert.Equal(Sleepy, File.ReadAllText(second));
            Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    private static string Snapshot(StringBuilder log)
    {
        lock (log)
            return log.ToString();
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    private static bool Contains(StringBuilder log, string text) => Snapshot(log).Contains(text, StringComparison.Ordinal);
}
