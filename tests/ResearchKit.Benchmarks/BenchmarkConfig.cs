using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ResearchKit.Benchmarks;

/// <summary>
/// In-process runs (BenchmarkDotNet 0.14 predates net10.0 project generation) with few iterations: one kernel call
/// takes 0.1–10 s, so the default dozens of iterations would tie up the shared machine for an hour.
/// </summary>
public static class BenchmarkConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithInvocationCount(1)
            .WithUnrollFactor(1))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
}
