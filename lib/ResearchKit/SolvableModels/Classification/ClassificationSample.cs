using MathNet.Numerics.LinearAlgebra;

namespace ResearchKit.SolvableModels;

/// <summary>A labelled training set for linear classification.</summary>
/// <param name="Points">N×d matrix, one sample per row.</param>
/// <param name="Labels">N labels, each +1 or −1.</param>
public sealed record ClassificationSample(Matrix<double> Points, double[] Labels)
{
    /// <summary>N.</summary>
    public int Count => Points.RowCount;

    /// <summary>d.</summary>
    public int Dimension => Points.ColumnCount;
}
