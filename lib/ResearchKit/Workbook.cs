namespace ResearchKit;

/// <summary>How large a notebook's computations are.</summary>
public enum WorkbookScale
{
    /// <summary>Seconds per notebook: the test suite and CI. Every claim must still hold.</summary>
    Quick,

    /// <summary>The paper's sizes: the committed outputs. The default in VS Code.</summary>
    Full,
}

/// <summary>
/// The one place notebooks read their run settings from. The workbook runner sets the environment variable
/// <see cref="ScaleVariable"/>; in VS Code it is unset and notebooks run at <see cref="WorkbookScale.Full"/>.
/// </summary>
public static class Workbook
{
    /// <summary>The environment variable that selects the scale: <c>quick</c> or <c>full</c>.</summary>
    public const string ScaleVariable = "RESEARCHKIT_SCALE";

    /// <summary>The scale in force: <see cref="ScaleVariable"/> if set, else <see cref="WorkbookScale.Full"/>.</summary>
    /// <exception cref="InvalidOperationException">The variable holds something other than quick or full.</exception>
    public static WorkbookScale Scale
    {
        get
        {
            string? raw = Environment.GetEnvironmentVariable(ScaleVariable);
            if (string.IsNullOrWhiteSpace(raw))
                return WorkbookScale.Full;
            return ParseScale(raw);
        }
    }

    /// <summary>True at <see cref="WorkbookScale.Quick"/>.</summary>
    public static bool IsQuick => Scale == WorkbookScale.Quick;

    /// <summary>Chooses the value for the scale in force.</summary>
    public static T Pick<T>(T quick, T full) => IsQuick ? quick : full;

    /// <summary>Parses <c>quick</c> or <c>full</c> (case-insensitive).</summary>
    public static WorkbookScale ParseScale(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToUpperInvariant() switch
        {
            "QUICK" => WorkbookScale.Quick,
            "FULL" => WorkbookScale.Full,
            _ => throw new ArgumentOutOfRangeException(nameof(text), text, $"scale = '{text}' is not known; allowed: quick or full."),
        };
    }

    /// <summary>
    /// The repository's root folder: the first folder at or above <paramref name="start"/> (default: the current
    /// directory, which the kernel and the runner set to the notebook's folder) that holds <c>ResearchKit.sln</c>.
    /// Null when none is found (the library used outside the repository).
    /// </summary>
    public static string? FindRepositoryRoot(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory());
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResearchKit.sln")))
                return dir.FullName;
            dir = dir.Parent;
        }
        return null;
    }
}
