namespace ResearchKit.Numerics;

/// <summary>
/// Derives child seeds from a seed and integer labels with a fixed mixing function (SplitMix64 finaliser), so that
/// per-task generators are the same in every process. <c>HashCode.Combine</c> is not usable for this: .NET seeds it
/// randomly per process.
/// </summary>
internal static class DerivedSeed
{
    /// <summary>A 31-bit non-negative seed determined by <paramref name="seed"/> and the labels, in order.</summary>
    public static int Of(int seed, params int[] labels)
    {
        ulong state = Mix((ulong)(uint)seed + 0x9E3779B97F4A7C15UL);
        foreach (int label in labels)
            state = Mix(state ^ ((ulong)(uint)label + 0x9E3779B97F4A7C15UL));
        return (int)(state >> 33);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
