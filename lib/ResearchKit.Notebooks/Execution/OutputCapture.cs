using System.Text;
using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Execution;

/// <summary>
/// Collects one cell's outputs in the order they happen: console writes become <c>stream</c> outputs (consecutive
/// writes to the same stream are merged), <c>display(…)</c> calls become <c>display_data</c>. While a cell runs,
/// <see cref="Console.Out"/> and <see cref="Console.Error"/> point here and <see cref="Current"/> is this capture.
/// Thread-safe, since cells may write from parallel loops.
/// </summary>
public sealed class OutputCapture : IDisposable
{
    private static OutputCapture? _current;
    private readonly object _gate = new();
    private readonly List<CellOutput> _outputs = new();
    private readonly TextWriter _previousOut;
    private readonly TextWriter _previousError;
    private bool _disposed;

    private OutputCapture()
    {
        _previousOut = Console.Out;
        _previousError = Console.Error;
        Console.SetOut(new StreamWriterSink(this, "stdout"));
        Console.SetError(new StreamWriterSink(this, "stderr"));
        _current = this;
    }

    /// <summary>The capture of the cell that is running, or null outside a cell.</summary>
    public static OutputCapture? Current => _current;

    /// <summary>Starts capturing; dispose to restore the console. Calls must not overlap (the runner serializes).</summary>
    public static OutputCapture Begin() => new();

    /// <summary>A snapshot of the outputs so far.</summary>
    public IReadOnlyList<CellOutput> Outputs
    {
        get
        {
            lock (_gate)
                return _outputs.ToList();
        }
    }

    /// <summary>Adds an output (a display or an error); returns its position for <see cref="Replace"/>.</summary>
    public int Add(CellOutput output)
    {
        lock (_gate)
        {
            _outputs.Add(output);
            return _outputs.Count - 1;
        }
    }

    /// <summary>Replaces the output at <paramref name="index"/> (a displayed value's update).</summary>
    public void Replace(int index, CellOutput output)
    {
        lock (_gate)
            _outputs[index] = output;
    }

    /// <summary>Restores the console writers that were in place before <see cref="Begin"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Console.SetOut(_previousOut);
        Console.SetError(_previousError);
        if (ReferenceEquals(_current, this))
            _current = null;
    }

    private void Write(string stream, string text)
    {
        if (text.Length == 0)
            return;
        lock (_gate)
        {
            if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == stream)
                _outputs[^1] = last with { Text = last.Text + text };
            else
                _outputs.Add(new StreamOutput(stream, text));
        }
    }

    /// <summary>The console writer for one stream; normalises line endings to <c>\n</c>.</summary>
    private sealed class StreamWriterSink : TextWriter
    {
        private readonly OutputCapture _owner;
        private readonly string _stream;

        public StreamWriterSink(OutputCapture owner, string stream)
        {
            _owner = owner;
            _stream = stream;
            NewLine = "\n";
        }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => _owner.Write(_stream, value.ToString());

        public override void Write(string? value)
        {
            if (value is not null)
                _owner.Write(_stream, value.Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => Write((value ?? "") + "\n");
    }
}
