namespace ResearchKit.Numerics;

/// <summary>
/// Derives child seeds from a master seed and integer labels (trial index, stream, purpose) with a fixed mixing
/// function (the SplitMix64 finaliser), so that every parallel task or sub-computation gets its own generator and
/// the numbers are the same in every process and at every thread count. <see cref="HashCode"/> is not usable for this:
/// .NET seeds it randomly per process.
/// </summary>
/// <remarks>The library's rule for labelled child seeds: the coverage simulators (notebook 07),
/// the LID model (notebook 08) and the separability Monte Carlo (notebook 03) use it. <see cref="Sweep"/> keeps its
/// own documented rule for a single trial index (output index + 1 of a SplitMix64 stream), which its tests pin.</remarks>
public static class SeedSequence
{
    /// <summary>A 31-bit non-negative seed determined by <paramref name="seed"/> and the labels, in order.</summary>
    /// <param name="seed">The master seed (any value).</param>
    /// <param name="labels">What distinguishes this child: e.g. a trial index, then a stream number.</param>
    public static int Derive(int seed, params long[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ulong state = Mix((ulong)(uint)seed + 0x9E3779B97F4A7C15UL);
        foreach (long label in labels)
            state = Mix(state ^ (unchecked((ulong)label) + 0x9E3779B97F4A7C15UL));
        return (int)(state >> 33);
    }

    /// <summary>A generator seeded with <see cref="Derive"/>.</summary>
    /// <param name="seed">The master seed.</param>
    /// <param name="labels">What distinguishes this child.</param>
    public static Random Create(int seed, params long[] labels) => new(Derive(seed, labels));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
