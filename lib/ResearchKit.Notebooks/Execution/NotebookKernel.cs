using System.Diagnostics;
using System.Reflection;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;
using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Execution;

/// <summary>
/// The real .NET Interactive C# kernel (<see cref="CSharpKernel"/>) hosted in-process for one notebook, set up as
/// VS Code's kernel is: a composite root with the C# kernel as default (so <c>#!csharp</c> selectors work), the
/// kernel helpers (<c>display</c>, <c>HTML</c>, …), <c>#r "nuget: …"</c> restored with NuGet and the packages'
/// kernel extensions (<c>interactive-extensions/dotnet</c>) loaded, and <c>#!time</c>. Each cell is one
/// <see cref="SubmitCode"/>; its kernel events become outputs in the shape VS Code writes (notebook-format.md §1.4).
/// One instance per notebook run; the caller sets the current directory to the notebook's folder first.
/// </summary>
public sealed class NotebookKernel : IDisposable
{
    private readonly CompositeKernel _root;
    private readonly CSharpKernel _csharp;

    private NotebookKernel(CompositeKernel root, CSharpKernel csharp)
    {
        _root = root;
        _csharp = csharp;
    }

    /// <summary>Starts a kernel; the process's current directory is where relative <c>#r</c> paths resolve.</summary>
    public static NotebookKernel Start()
    {
        var csharp = new CSharpKernel().UseKernelHelpers();
        csharp.UseNugetDirective(LoadPackagesAsync, forceRestore: false);
        var root = new CompositeKernel { csharp };
        root.DefaultKernelName = csharp.Name;
        root.AddDirective(new KernelActionDirective("#!time") { Description = "Time the execution of the cell." }, MeasureTimeAsync);
        return new NotebookKernel(root, csharp);
    }

    /// <summary>
    /// Runs one cell and returns its outputs. Events arriving after <paramref name="cancellationToken"/> fires (a
    /// cell that does not stop) are not recorded; the kernel is then unusable and must be disposed.
    /// </summary>
    public async Task<IReadOnlyList<CellOutput>> SubmitAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var outputs = new CellOutputCollector();
        using var subscription = _root.KernelEvents.Subscribe(new EventObserver(outputs.Add));
        // On the thread pool: the kernel may compile and start the submission before its first await, and the caller
        // must stay free to notice a timeout or Ctrl-C meanwhile.
        var result = Task.Run(() => _root.SendAsync(new SubmitCode(code), cancellationToken), CancellationToken.None);
        var cancelled = Task.Delay(Timeout.Infinite, cancellationToken);
        if (await Task.WhenAny(result, cancelled).ConfigureAwait(false) == cancelled)
        {
            outputs.Stop();
            cancellationToken.ThrowIfCancellationRequested();
        }
        await result.ConfigureAwait(false);
        outputs.Stop();
        return outputs.Outputs;
    }

    /// <inheritdoc />
    public void Dispose() => _root.Dispose();

    /// <summary>After a restore: the DLLs become references, then each package's kernel extensions are loaded.</summary>
    private static async Task LoadPackagesAsync(CSharpKernel kernel, IReadOnlyList<ResolvedPackageReference> packages)
    {
        kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
        foreach (var package in packages)
        {
            string folder = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(folder))
                continue;
            foreach (string dll in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                var assembly = Assembly.LoadFrom(dll);
                foreach (var type in assembly.GetExportedTypes().Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }))
                {
                    var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                    await extension.OnLoadAsync(kernel.RootKernel).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary><c>#!time</c> as in dotnet-interactive: a text/plain "Wall time: …ms" output when the cell completes.</summary>
    private static Task MeasureTimeAsync(KernelCommand command, KernelInvocationContext context)
    {
        var watch = Stopwatch.StartNew();
        context.OnComplete(c =>
        {
            var elapsed = watch.Elapsed;
            c.Publish(new DisplayedValueProduced(elapsed, context.Command,
                new[] { new FormattedValue(PlainTextFormatter.MimeType, $"Wall time: {elapsed.TotalMilliseconds}ms") }));
        });
        return Task.CompletedTask;
    }

    /// <summary>Forwards kernel events to a callback.</summary>
    private sealed class EventObserver(Action<KernelEvent> onNext) : IObserver<KernelEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(KernelEvent value) => onNext(value);
    }

    /// <summary>
    /// Turns one submission's kernel events into outputs: consecutive writes to one stream merged, displayed values
    /// replaced in place by their updates (by value id), return values as <c>display_data</c>, failures as
    /// <c>error</c>; the restore's "Installing package …"/"Installed Packages" displays are left out (the committed
    /// notebooks do not carry them).
    /// </summary>
    private sealed class CellOutputCollector
    {
        private readonly object _gate = new();
        private readonly List<CellOutput> _outputs = new();
        private readonly Dictionary<string, int> _byValueId = new(StringComparer.Ordinal);
        private readonly HashSet<string> _skippedValueIds = new(StringComparer.Ordinal);
        private bool _stopped;

        public IReadOnlyList<CellOutput> Outputs
        {
            get
            {
                lock (_gate)
                    return _outputs.ToList();
            }
        }

        public void Stop()
        {
            lock (_gate)
                _stopped = true;
        }

        public void Add(KernelEvent e)
        {
            lock (_gate)
            {
                if (_stopped)
                    return;
                switch (e)
                {
                    case StandardOutputValueProduced o:
                        AddStream("stdout", PlainText(o));
                        break;
                    case StandardErrorValueProduced o:
                        AddStream("stderr", PlainText(o));
                        break;
                    case DisplayedValueUpdated u:
                        if (u.ValueId is { } updated && _skippedValueIds.Contains(updated))
                            break;
                        if (u.ValueId is { } id && _byValueId.TryGetValue(id, out int index))
                            _outputs[index] = Display(u);
                        else
                            AddDisplay(u);
                        break;
                    case DisplayedValueProduced d:
                        if (IsPackageInstallDisplay(d))
                        {
                            if (d.ValueId is { } skipped)
                                _skippedValueIds.Add(skipped);
                            break;
                        }
                        AddDisplay(d);
                        break;
                    case ReturnValueProduced r:
                        if (r.Value is not DisplayedValue)
                            AddDisplay(r);
                        break;
                    case ErrorProduced err:
                        _outputs.Add(ErrorOutput.FromMessage(err.Message));
                        break;
                    case CommandFailed f when f.Command is SubmitCode:
                        _outputs.Add(ErrorOutput.FromMessage(f.Message));
                        break;
                }
            }
        }

        private static bool IsPackageInstallDisplay(DisplayEvent d) =>
            d.FormattedValues.Any(v => v.MimeType == HtmlFormatter.MimeType
                && (v.Value.Contains("<strong>Installed Packages</strong>", StringComparison.Ordinal)
                    || v.Value.Contains("<strong>Restore sources</strong>", StringComparison.Ordinal)
                    || v.Value.Contains("<strong>Installing Packages</strong>", StringComparison.Ordinal)));

        private void AddDisplay(DisplayEvent d)
        {
            _outputs.Add(Display(d));
            if (d.ValueId is { } id)
                _byValueId[id] = _outputs.Count - 1;
        }

        private void AddStream(string name, string text)
        {
            if (text.Length == 0)
                return;
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
            if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == name)
                _outputs[^1] = last with { Text = last.Text + text };
            else
                _outputs.Add(new StreamOutput(name, text));
        }

        private static string PlainText(DisplayEvent e) =>
            e.FormattedValues.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? "";

        private static DisplayOutput Display(DisplayEvent d)
        {
            var data = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var value in d.FormattedValues.Where(v => !v.SuppressDisplay))
                data[value.MimeType] = value.Value;
            return new DisplayOutput(data);
        }
    }
}
