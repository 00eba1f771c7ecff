namespace ResearchKit.Notebooks.Execution;

/// <summary>Receives progress while notebooks run (the CLI shows it; tests ignore it).</summary>
public interface IRunProgress
{
    /// <summary>A notebook starts; <paramref name="codeCells"/> C# cells will run.</summary>
    void NotebookStarted(string path, int codeCells);

    /// <summary>A cell starts.</summary>
    void CellStarted(int cellNumber);

    /// <summary>A cell finished; <paramref name="failure"/> is set when it ended with an error.</summary>
    void CellFinished(int cellNumber, TimeSpan elapsed, CellFailure? failure);

    /// <summary>A notebook finished (or could not be read).</summary>
    void NotebookFinished(NotebookResult result);
}
