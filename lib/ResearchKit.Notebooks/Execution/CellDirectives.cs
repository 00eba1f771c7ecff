namespace ResearchKit.Notebooks.Execution;

/// <summary>
/// The directives of one C# cell, taken out of its code as the kernel does (notebook-format.md §3, §7.2):
/// <c>#!csharp</c>/<c>#!c#</c> are dropped, <c>#!time</c> times the cell, <c>#i</c> lines are dropped,
/// <c>#r "nuget: …"</c> lines become package references checked against <see cref="PackageCatalog"/>, and
/// <c>#r "file.dll"</c> stays in the code for Roslyn. Removed lines are blanked, not deleted, so that compiler
/// line numbers still match the cell.
/// </summary>
public sealed class CellDirectives
{
    private CellDirectives(string code, bool timed, IReadOnlyList<PackageCatalog.Package> packages, IReadOnlyList<string> errors)
    {
        Code = code;
        Timed = timed;
        Packages = packages;
        Errors = errors;
    }

    /// <summary>The C# code to submit.</summary>
    public string Code { get; }

    /// <summary>True when the cell has <c>#!time</c>: a "Wall time" output follows.</summary>
    public bool Timed { get; }

    /// <summary>The packages named by <c>#r "nuget: …"</c>, all allowed.</summary>
    public IReadOnlyList<PackageCatalog.Package> Packages { get; }

    /// <summary>Problems with the directives (a package not allowed, an unsupported magic); the cell is not run.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Splits a C# cell's source into code and directives.</summary>
    public static CellDirectives Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var packages = new List<PackageCatalog.Package>();
        var errors = new List<string>();
        bool timed = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            string trimmed = line.TrimEnd();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                string magic = trimmed[2..].Split(' ', 2)[0];
                switch (magic)
                {
                    case "csharp" or "c#" or "C#":
                        break;
                    case "time":
                        timed = true;
                        break;
                    default:
                        errors.Add($"line {i + 1}: '{trimmed}' is not supported by the workbook runner (it runs C# only; supported: #!csharp, #!time, #i, #r).");
                        break;
                }
                lines[i] = "";
            }
            else if (trimmed.StartsWith("#i ", StringComparison.Ordinal) || trimmed == "#i")
            {
                lines[i] = ""; // package sources matter only for restores, which the runner does not do
            }
            else if (TryParseNuget(trimmed, out string? name, out string? version))
            {
                var package = PackageCatalog.Resolve(name!, version, out string? error);
                if (package is null)
                    errors.Add(error!);
                else if (!packages.Contains(package))
                    packages.Add(package);
                lines[i] = "";
            }
        }
        return new CellDirectives(string.Join('\n', lines), timed, packages, errors);
    }

    /// <summary>Parses <c>#r "nuget: Name, Version"</c> as <c>PackageReference.TryParse</c> does (version optional).</summary>
    private static bool TryParseNuget(string line, out string? name, out string? version)
    {
        name = version = null;
        if (!line.StartsWith("#r", StringComparison.Ordinal))
            return false;
        string arg = line[2..].Trim().Trim('"').Trim();
        if (!arg.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            return false;
        string spec = arg["nuget:".Length..];
        string[] parts = spec.Split(',', 2);
        name = parts[0].Trim();
        version = parts.Length > 1 && parts[1].Trim().Length > 0 ? parts[1].Trim() : null;
        return name.Length > 0;
    }
}
