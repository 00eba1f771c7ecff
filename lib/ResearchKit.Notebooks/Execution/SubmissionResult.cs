namespace ResearchKit.Notebooks.Execution;

/// <summary>The outcome of one submission.</summary>
/// <param name="HasReturnValue">True when the code ends in an expression without <c>;</c> (its value may be null).</param>
/// <param name="ReturnValue">That expression's value.</param>
/// <param name="CompileErrors">The compiler diagnostics joined by newlines, or null if it compiled.</param>
/// <param name="Exception">The exception the code threw, or null.</param>
public sealed record SubmissionResult(bool HasReturnValue, object? ReturnValue, string? CompileErrors, Exception? Exception)
{
    /// <summary>True when the submission failed to compile or threw.</summary>
    public bool Failed => CompileErrors is not null || Exception is not null;
}
