namespace ResearchKit.Notebooks.Execution;

/// <summary>A cell that ended with an error output.</summary>
/// <param name="CellNumber">1-based position of the cell in the notebook (all cells counted).</param>
/// <param name="Message">The error text.</param>
public sealed record CellFailure(int CellNumber, string Message);
