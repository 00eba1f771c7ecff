using System.Numerics;

namespace ResearchKit.Numerics;

/// <summary>
/// The dot products xᵢ·p of every row of a fixed N×d matrix with a changing vector p, each summed in the plain order
/// j = 0, 1, …, d − 1 — bit for bit the loop <c>v = 0; for j: v += x[i, j]·p[j]</c> — but several rows at once.
/// </summary>
/// <remarks>
/// A single such sum is bound by the latency of its additions (each waits for the last). The rows are stored in
/// blocks of <see cref="Vector{T}.Count"/>, interleaved by column, so that one SIMD lane carries one row's own sum:
/// the lanes and four blocks in flight are independent chains, while the order of each row's additions (and hence
/// every rounding) stays that of the scalar loop. Multiplication and addition are separate instructions (the JIT does
/// not fuse them), so the result does not depend on the vector width either. Used by Wolfe's minimum-norm-point algorithm in
/// <see cref="ResearchKit.SolvableModels.Separability.OriginMargin"/>, whose cost is these N·d products per step.
/// </remarks>
internal sealed class RowDotKernel
{
    private static readonly int Width = Vector<double>.Count;
    private readonly double[] _blocks; // block b, column j, lane l at (b·d + j)·Width + l; rows past N are zero
    private readonly int _blockCount;

    /// <summary>Copies the rows of <paramref name="rows"/> (N rows of length d) into the blocked layout.</summary>
    public RowDotKernel(IReadOnlyList<double[]> rows, int dimension)
    {
        RowCount = rows.Count;
        Dimension = dimension;
        _blockCount = (RowCount + Width - 1) / Width;
        _blocks = new double[(long)_blockCount * dimension * Width > int.MaxValue
            ? throw new ArgumentOutOfRangeException(nameof(rows), RowCount, "RowDotKernel: N·d is too large for one array.")
            : _blockCount * dimension * Width];
        for (int i = 0; i < RowCount; i++)
        {
            int b = i / Width, lane = i % Width;
            var row = rows[i];
            for (int j = 0; j < dimension; j++)
                _blocks[(b * dimension + j) * Width + lane] = row[j];
        }
    }

    /// <summary>N.</summary>
    public int RowCount { get; }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>result[i] = Σ_j x[i, j]·p[j], summed in increasing j from 0 (bit-identical to the scalar loop).</summary>
    public void Dots(ReadOnlySpan<double> p, Span<double> result)
    {
        int d = Dimension, w = Width;
        var block = _blocks.AsSpan();
        Span<double> lanes = stackalloc double[4 * w];
        int b = 0;
        for (; b + 4 <= _blockCount; b += 4)
        {
            var a0 = Vector<double>.Zero; var a1 = Vector<double>.Zero; var a2 = Vector<double>.Zero; var a3 = Vector<double>.Zero;
            int o0 = b * d * w, o1 = o0 + d * w, o2 = o1 + d * w, o3 = o2 + d * w;
            for (int j = 0; j < d; j++)
            {
                var pj = new Vector<double>(p[j]);
                int off = j * w;
                a0 += new Vector<double>(block.Slice(o0 + off, w)) * pj;
                a1 += new Vector<double>(block.Slice(o1 + off, w)) * pj;
                a2 += new Vector<double>(block.Slice(o2 + off, w)) * pj;
                a3 += new Vector<double>(block.Slice(o3 + off, w)) * pj;
            }
            a0.CopyTo(lanes); a1.CopyTo(lanes[w..]); a2.CopyTo(lanes[(2 * w)..]); a3.CopyTo(lanes[(3 * w)..]);
            Store(lanes[..(4 * w)], b * w, result);
        }
        for (; b < _blockCount; b++)
        {
            var a = Vector<double>.Zero;
            int o = b * d * w;
            for (int j = 0; j < d; j++)
                a += new Vector<double>(block.Slice(o + j * w, w)) * new Vector<double>(p[j]);
            a.CopyTo(lanes);
            Store(lanes[..w], b * w, result);
        }
    }

    private void Store(ReadOnlySpan<double> lanes, int firstRow, Span<double> result)
    {
        int count = Math.Min(lanes.Length, RowCount - firstRow);
        lanes[..count].CopyTo(result.Slice(firstRow, count));
    }
}
