using ResearchKit.Numerics;

namespace ResearchKit.Benchmarks;

/// <summary>
/// A CPU-bound Monte-Carlo sweep without BLAS (so OpenBLAS's own threads do not blur the measurement): each trial
/// estimates E[max of 8 uniforms] from many draws. Trials are independent, as in a seed sweep.
/// </summary>
public static class SweepWorkload
{
    public const int Trials = 48;
    public const int DrawsPerTrial = 400_000;

    public static double[] Run(int threads) => Sweep.Run(Trials, seed: 11, (_, random) =>
    {
        double sum = 0;
        for (int i = 0; i < DrawsPerTrial; i++)
        {
            double max = 0;
            for (int k = 0; k < 8; k++)
                max = Math.Max(max, random.NextDouble());
            sum += max;
        }
        return sum / DrawsPerTrial;
    }, maxDegreeOfParallelism: threads);
}
