using MathNet.Numerics.LinearAlgebra;

namespace ResearchKit.Benchmarks;

/// <summary>Seeded inputs of the benchmarked sizes (uniform on [−1, 1); timing does not depend on the distribution).</summary>
public static class BenchmarkData
{
    public static Matrix<double> Rectangular(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var values = new double[(long)rows * columns];
        for (long i = 0; i < values.LongLength; i++)
            values[i] = 2 * random.NextDouble() - 1;
        return Matrix<double>.Build.Dense(rows, columns, values);
    }

    public static Matrix<double> Symmetric(int n, int seed)
    {
        var a = Rectangular(n, n, seed);
        return (a + a.Transpose()) * 0.5;
    }

    /// <summary>"10000x784" → (10000, 784); "2000" → (2000, 2000).</summary>
    public static (int Rows, int Columns) ParseSize(string size)
    {
        var parts = size.Split('x');
        int rows = int.Parse(parts[0]);
        return (rows, parts.Length > 1 ? int.Parse(parts[1]) : rows);
    }
}
