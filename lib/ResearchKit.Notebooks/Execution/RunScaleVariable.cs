namespace ResearchKit.Notebooks.Execution;

/// <summary>The environment variable and its values.</summary>
public static class RunScaleVariable
{
    /// <summary>The variable notebooks read (<c>ResearchKit.Workbook.ScaleVariable</c>).</summary>
    public const string Variable = "RESEARCHKIT_SCALE";

    /// <summary>The variable's value for <paramref name="scale"/>.</summary>
    public static string ValueOf(RunScale scale) => scale == RunScale.Quick ? "quick" : "full";
}
