using System.Reflection;
using Microsoft.AspNetCore.Html;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace ResearchKit.Notebooks.Execution;

/// <summary>
/// A C# "kernel" on Roslyn scripting, behaving like <c>CSharpKernel</c> (notebook-format.md §2): one submission per
/// cell, state (variables, usings, types) carried from one to the next, the kernel's six default imports, and
/// <c>#r</c>/<c>#load</c> resolved against the notebook's folder. One instance per notebook run.
/// </summary>
public sealed class ScriptKernel
{
    /// <summary>The kernel's default imports.</summary>
    public static readonly IReadOnlyList<string> DefaultImports = new[]
    {
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
    };

    private static readonly MethodInfo HasReturnValueMethod =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes)
        ?? throw new InvalidOperationException("Roslyn's internal Script.HasReturnValue() was not found; the scripting package version changed.");

    private ScriptOptions _options;
    private ScriptState<object>? _state;

    /// <summary>Creates a kernel whose <c>#r</c> and <c>#load</c> paths resolve against <paramref name="baseDirectory"/>.</summary>
    /// <param name="baseDirectory">The notebook's folder.</param>
    public ScriptKernel(string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        BaseDirectory = Path.GetFullPath(baseDirectory);
        _options = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithImports(DefaultImports)
            .AddReferences(
                typeof(Enumerable).Assembly,
                typeof(IEnumerable<>).Assembly,
                typeof(Task<>).Assembly,
                typeof(Console).Assembly,
                typeof(KernelHelpers).Assembly,
                typeof(Formatter).Assembly,
                typeof(IHtmlContent).Assembly,
                typeof(HtmlString).Assembly)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(BaseDirectory))
            .WithSourceResolver(new SourceFileResolver(Array.Empty<string>(), BaseDirectory))
            .WithEmitDebugInformation(false);
    }

    /// <summary>The folder <c>#r</c> and <c>#load</c> paths resolve against.</summary>
    public string BaseDirectory { get; }

    /// <summary>Adds a package's assembly to the references of later submissions.</summary>
    public void AddReference(Assembly assembly) => _options = _options.AddReferences(assembly);

    /// <summary>
    /// Runs one submission. Compile errors and exceptions are returned, not thrown; after a compile error the
    /// state is that of the previous submission, as in the kernel.
    /// </summary>
    public async Task<SubmissionResult> SubmitAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (_state is null)
        {
            // The hidden first submission brings display(…) and HTML(…) into scope, as UseKernelHelpers() does.
            _state = await CSharpScript.RunAsync($"using static {typeof(KernelHelpers).FullName};", _options, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        try
        {
            var next = await _state.ContinueWithAsync(code, _options, catchException: _ => true, cancellationToken).ConfigureAwait(false);
            _state = next;
            if (next.Exception is { } ex)
                return new SubmissionResult(false, null, null, ex);
            bool hasValue = (bool)HasReturnValueMethod.Invoke(next.Script, null)!;
            return new SubmissionResult(hasValue, hasValue ? next.ReturnValue : null, null, null);
        }
        catch (CompilationErrorException e)
        {
            return new SubmissionResult(false, null, string.Join("\n", e.Diagnostics.Select(d => d.ToString())), null);
        }
    }
}
