using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.Benchmarks;

/// <summary>Gram XᵀX (syrk) at the sizes of the papers' dataset spectra (Fashion-MNIST 784, CIFAR 3072 features).</summary>
public class GramBenchmarks
{
    private Matrix<double> x = null!;
    private IDisposable? scope;

    [Params("10000x784", "4000x2000", "20000x3072")]
    public string Size { get; set; } = "";

    [Params(LinalgProvider.Native, LinalgProvider.Managed)]
    public LinalgProvider Provider { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (m, d) = BenchmarkData.ParseSize(Size);
        x = BenchmarkData.Rectangular(m, d, seed: 1);
        scope = Linalg.Use(Provider);
    }

    [GlobalCleanup]
    public void Cleanup() => scope?.Dispose();

    [Benchmark]
    public Matrix<double> Gram() => Linalg.Gram(x);
}

/// <summary>Symmetric eigenproblems (syevd), values only and with vectors.</summary>
public class EigenBenchmarks
{
    private Matrix<double> a = null!;
    private IDisposable? scope;

    [Params(784, 2000, 3072)]
    public int N { get; set; }

    [Params(LinalgProvider.Native, LinalgProvider.Managed)]
    public LinalgProvider Provider { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        a = BenchmarkData.Symmetric(N, seed: 2);
        scope = Linalg.Use(Provider);
    }

    [GlobalCleanup]
    public void Cleanup() => scope?.Dispose();

    [Benchmark]
    public double[] Eigenvalues() => Linalg.SymmetricEigenvalues(a);

    [Benchmark]
    public SymmetricEigenResult EigenWithVectors() => Linalg.SymmetricEigen(a);
}

/// <summary>General matrix product (gemm) 2000×2000 · 2000×2000.</summary>
public class MultiplyBenchmarks
{
    private Matrix<double> a = null!, b = null!;
    private IDisposable? scope;

    [Params(LinalgProvider.Native, LinalgProvider.Managed)]
    public LinalgProvider Provider { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        a = BenchmarkData.Rectangular(2000, 2000, seed: 3);
        b = BenchmarkData.Rectangular(2000, 2000, seed: 4);
        scope = Linalg.Use(Provider);
    }

    [GlobalCleanup]
    public void Cleanup() => scope?.Dispose();

    [Benchmark]
    public Matrix<double> Multiply() => Linalg.Multiply(a, b);
}

/// <summary>The sweep helper at 1 and 2 threads on a CPU-bound Monte-Carlo workload.</summary>
public class SweepBenchmarks
{
    [Params(1, 2)]
    public int Threads { get; set; }

    [Benchmark]
    public double[] Sweep() => SweepWorkload.Run(Threads);
}
