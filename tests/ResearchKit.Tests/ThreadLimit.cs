namespace ResearchKit.Tests;

/// <summary>Runs a call with at most a given number of threads for its Parallel loops (they use the current scheduler).</summary>
internal static class ThreadLimit
{
    public static T Run<T>(int threads, Func<T> call)
    {
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, threads).ConcurrentScheduler;
        return Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.None, scheduler).GetAwaiter().GetResult();
    }

    public static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
