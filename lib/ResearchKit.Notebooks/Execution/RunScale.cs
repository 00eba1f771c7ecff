namespace ResearchKit.Notebooks.Execution;

/// <summary>
/// The scale notebooks run at, passed to them in the environment variable <see cref="RunScaleVariable.Variable"/> (the library's
/// <c>Workbook.ScaleVariable</c>; the runner does not reference the library, so the name is repeated here).
/// </summary>
public enum RunScale
{
    /// <summary>Seconds per notebook: tests and CI.</summary>
    Quick,

    /// <summary>The papers' sizes: the committed outputs.</summary>
    Full,
}

/// <summary>The environment variable and its values.</summary>
public static class RunScaleVariable
{
    /// <summary>The variable notebooks read (<c>ResearchKit.Workbook.ScaleVariable</c>).</summary>
    public const string Variable = "RESEARCHKIT_SCALE";

    /// <summary>The variable's value for <paramref name="scale"/>.</summary>
    public static string ValueOf(RunScale scale) => scale == RunScale.Quick ? "quick" : "full";
}
