using System.Diagnostics;

namespace ResearchKit.Notebooks.Building;

/// <summary>
/// Builds <c>lib/ResearchKit.Display</c> (and with it <c>lib/ResearchKit</c>) in Release before notebooks run, so that
/// their <c>#r "../lib/ResearchKit/bin/Release/net8.0/ResearchKit.dll"</c> and
/// <c>#r "../lib/ResearchKit.Display/bin/Release/net8.0/ResearchKit.Display.dll"</c> find current DLLs.
/// </summary>
public static class LibraryBuilder
{
    /// <summary>The project, relative to the repository root.</summary>
    public const string ProjectPath = "lib/ResearchKit.Display/ResearchKit.Display.csproj";

    /// <summary>The built DLL, relative to the repository root.</summary>
    public const string DllPath = "lib/ResearchKit/bin/Release/net8.0/ResearchKit.dll";

    /// <summary>The outcome of a build.</summary>
    /// <param name="Succeeded">True when <c>dotnet build</c> exited with 0.</param>
    /// <param name="Output">Its console output (for the error report).</param>
    public sealed record BuildResult(bool Succeeded, string Output);

    /// <summary>The display assembly's built DLL, relative to the repository root.</summary>
    public const string DisplayDllPath = "lib/ResearchKit.Display/bin/Release/net8.0/ResearchKit.Display.dll";

    /// <summary>Runs <c>dotnet build lib/ResearchKit.Display/ResearchKit.Display.csproj -c Release</c> in <paramref name="repositoryRoot"/>.</summary>
    public static BuildResult Build(string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "build", ProjectPath, "-c", "Release", "-nologo", "-v", "quiet" })
            start.ArgumentList.Add(arg);
        // A runner started by `dotnet run`/`dotnet test` inherits MSBuild variables that would confuse a nested build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start 'dotnet build'.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new BuildResult(process.ExitCode == 0, stdout.Result + stderr.Result);
    }
}
