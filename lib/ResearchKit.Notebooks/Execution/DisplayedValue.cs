using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Execution;

/// <summary>What <c>display(…)</c> returns, as in the kernel: <see cref="Update"/> replaces the displayed output.</summary>
public sealed class DisplayedValue
{
    private readonly OutputCapture? _capture;
    private readonly int _index;
    private readonly IReadOnlyList<string> _mimeTypes;

    internal DisplayedValue(OutputCapture? capture, int index, IReadOnlyList<string> mimeTypes)
    {
        _capture = capture;
        _index = index;
        _mimeTypes = mimeTypes;
    }

    /// <summary>Replaces the displayed value with <paramref name="value"/>, formatted for the same MIME types.</summary>
    public void Update(object? value)
    {
        DisplayOutput output = ValueFormatter.Format(value, _mimeTypes);
        _capture?.Replace(_index, output);
    }
}
