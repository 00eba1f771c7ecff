namespace ResearchKit.Numerics;

/// <summary>
/// Deterministic derivation of child seeds (SplitMix64 mixing), so that parallel tasks get independent generators
/// whose numbers do not depend on the thread count or on the process (unlike <see cref="HashCode"/>).
/// </summary>
internal static class SeedSequence
{
    /// <summary>A child seed for task <paramref name="index"/> of stream <paramref name="stream"/>.</summary>
    public static int Derive(int seed, long index, long stream = 0)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index * 0xBF58476D1CE4E5B9UL + (ulong)stream * 0x94D049BB133111EBUL + 0x632BE59BD9B4E5D7UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    /// <summary>A generator for task <paramref name="index"/> of stream <paramref name="stream"/>.</summary>
    public static Random Create(int seed, long index, long stream = 0) => new(Derive(seed, index, stream));
}
