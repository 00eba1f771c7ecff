using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;

namespace ResearchKit.Notebooks.Execution;

/// <summary>
/// The NuGet packages a notebook may name in <c>#r "nuget: Name, Version"</c>: exactly those the runner itself
/// references, at the same version (the runner restores nothing at run time, notebook-format.md §7.2).
/// </summary>
public static class PackageCatalog
{
    /// <summary>One package the runner can supply: its id, version and the assembly a reference adds.</summary>
    /// <param name="Name">The NuGet id.</param>
    /// <param name="Version">The version the runner references.</param>
    /// <param name="Assembly">The assembly added to the script's references.</param>
    public sealed record Package(string Name, string Version, Assembly Assembly);

    /// <summary>The allowed packages.</summary>
    public static IReadOnlyList<Package> Allowed { get; } = new[]
    {
        new Package("MathNet.Numerics", "5.0.0", typeof(MathNet.Numerics.Control).Assembly),
        new Package("Microsoft.DotNet.Interactive.Formatting", "1.0.0-beta.23562.1", typeof(Formatter).Assembly),
    };

    /// <summary>The allowed packages as text, for error messages.</summary>
    public static string Describe() => string.Join(", ", Allowed.Select(p => $"{p.Name} {p.Version}"));

    /// <summary>
    /// Finds the package for a reference; the version may be omitted. Null with a message naming the package and
    /// what is allowed when it is unknown or at another version.
    /// </summary>
    public static Package? Resolve(string name, string? version, out string? error)
    {
        var package = Allowed.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (package is null)
        {
            error = $"#r \"nuget: {name}{(version is null ? "" : ", " + version)}\": the package {name} is not available to the workbook runner; allowed: {Describe()}.";
            return null;
        }
        if (version is not null && !string.Equals(version, package.Version, StringComparison.OrdinalIgnoreCase))
        {
            error = $"#r \"nuget: {name}, {version}\": the runner supplies {package.Name} {package.Version} only, not version {version}; allowed: {Describe()}.";
            return null;
        }
        error = null;
        return package;
    }
}
