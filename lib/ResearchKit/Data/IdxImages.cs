using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.Data;

/// <summary>A stack of 8-bit grey images read from an IDX file: <see cref="Count"/> images of
/// <see cref="Rows"/>×<see cref="Columns"/> pixels, stored image by image, row by row.</summary>
/// <param name="Count">Number of images.</param>
/// <param name="Rows">Pixel rows per image.</param>
/// <param name="Columns">Pixel columns per image.</param>
/// <param name="Pixels">Count·Rows·Columns bytes (0 = background … 255).</param>
/// <remarks>IDX format: LeCun et al., the MNIST database page; Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017) uses it
/// unchanged. Used by notebook 01.</remarks>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels)
{
    /// <summary>d = Rows·Columns, the number of pixels (features) per image.</summary>
    public int PixelCount => Rows * Columns;

    /// <summary>The pixel (row, column) of image <paramref name="image"/>.</summary>
    public byte this[int image, int row, int column] => Pixels[((long)image * Rows + row) * Columns + column];

    /// <summary>The first <paramref name="count"/> images (or those listed in <paramref name="indices"/>) as an
    /// M×d matrix of pixel values 0…255, one image per row.</summary>
    /// <param name="count">M. Range: 1 ≤ M ≤ <see cref="Count"/>; ignored when indices are given.</param>
    /// <param name="indices">Optional image indices to take, in that order. Range: each in [0, Count).</param>
    public Matrix<double> ToMatrix(int? count = null, IReadOnlyList<int>? indices = null)
    {
        int m = indices?.Count ?? count ?? Count;
        if (indices is null)
            Guard.InRange(m, 1, Count, nameof(count));
        else
            Guard.NotEmpty(indices);
        int d = PixelCount;
        var x = Matrix<double>.Build.Dense(m, d);
        for (int r = 0; r < m; r++)
        {
            int image = indices is null ? r : indices[r];
            Guard.InRange(image, 0, Count - 1, nameof(indices));
            long offset = (long)image * d;
            for (int c = 0; c < d; c++) x[r, c] = Pixels[offset + c];
        }
        return x;
    }
}
