using System.Diagnostics;

namespace ResearchKit.Notebooks.Tests.Site;

/// <summary>Runs headless Chromium on a local page: the rendered DOM, or a screenshot.</summary>
internal static class HeadlessChromium
{
    /// <summary>The browser executable on PATH, or null when none is installed.</summary>
    public static string? Find()
    {
        string[] names = { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" };
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (string name in names)
                if (File.Exists(Path.Combine(dir, name)))
                    return Path.Combine(dir, name);
        return null;
    }

    /// <summary>The DOM after scripts ran (virtual time budget 15 s).</summary>
    public static string DumpDom(string browser, string page) => Run(browser, "--dump-dom", page);

    /// <summary>Saves a PNG screenshot of the page.</summary>
    public static void Screenshot(string browser, string page, string png)
    {
        Run(browser, $"--screenshot={png}", page, "--window-size=1280,2400");
        Assert.True(File.Exists(png), $"chromium wrote no screenshot to {png}");
    }

    private static string Run(string browser, string mode, string page, string? extra = null)
    {
        string profile = TestEnvironment.NewTempFolder("chromium-profile");
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--virtual-time-budget=15000",
        })
            start.ArgumentList.Add(arg);
        if (extra is not null)
            start.ArgumentList.Add(extra);
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add(new Uri(page).AbsoluteUri);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium did not finish within 2 minutes on {page}");
        }
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
