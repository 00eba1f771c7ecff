using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Concealed parity: the label is the parity of the first k of n random bits; the other n − k bits are random,
/// label-independent (spurious) features that conceal the rule.
/// </summary>
/// <remarks>
/// Miller, O'Neill &amp; Bui, "Grokking Beyond Neural Networks" (arXiv 2310.17247), the concealment
/// strategy used by Miller et al., "Measuring Sharpness in Grokking" (arXiv 2402.08946), Sec. 4. As in the authors'
/// reference code, bits are 0/1 in the input, the label is 1 when the first k bits hold an odd number of ones
/// (product of ±1 bits equal to −1), and training and validation examples are drawn independently from the same
/// distribution (with n ≤ 20 duplicates between them are possible, as in a random split). Used in notebook 04.
/// </remarks>
public sealed record ParityTask
{
    /// <summary>Creates a task.</summary>
    /// <param name="parityBits">k. Range: 1 ≤ k ≤ n.</param>
    /// <param name="totalBits">n. Range: n ≥ k.</param>
    /// <param name="trainCount">Training examples. Range: ≥ 1.</param>
    /// <param name="validationCount">Validation examples. Range: ≥ 1.</param>
    public ParityTask(int parityBits, int totalBits, int trainCount, int validationCount)
    {
        Guard.Positive(parityBits);
        Guard.AtLeast(totalBits, parityBits);
        Guard.Positive(trainCount);
        Guard.Positive(validationCount);
        ParityBits = parityBits;
        TotalBits = totalBits;
        TrainCount = trainCount;
        ValidationCount = validationCount;
    }

    /// <summary>k, the bits that carry the parity.</summary>
    public int ParityBits { get; }

    /// <summary>n, the input length.</summary>
    public int TotalBits { get; }

    /// <summary>Training examples.</summary>
    public int TrainCount { get; }

    /// <summary>Validation examples.</summary>
    public int ValidationCount { get; }

    /// <summary>n − k, the number of random bits that conceal the parity.</summary>
    public int ConcealedBits => TotalBits - ParityBits;

    /// <summary>The label of one input: 1 if its first k bits hold an odd number of ones, else 0.</summary>
    /// <param name="bits">An input of n values in {0, 1}.</param>
    public int Label(ReadOnlySpan<double> bits)
    {
        if (bits.Length != TotalBits)
            throw new ArgumentException($"bits has length {bits.Length}; allowed: length n = {TotalBits}.", nameof(bits));
        int ones = 0;
        for (int j = 0; j < ParityBits; j++)
        {
            if (bits[j] == 1) ones++;
            else if (bits[j] != 0)
                throw new ArgumentOutOfRangeException(nameof(bits), bits[j], $"bits[{j}] = {bits[j]} is out of range; allowed: 0 or 1.");
        }
        return ones % 2;
    }

    /// <summary>Draws a training and a validation set.</summary>
    /// <param name="random">Source of randomness (every bit is a fair coin).</param>
    public ParityDataset Sample(Random random)
    {
        Guard.NotNull(random);
        var (trainX, trainY) = Draw(TrainCount, random);
        var (validX, validY) = Draw(ValidationCount, random);
        return new ParityDataset(TotalBits, trainX, trainY, validX, validY);
    }

    private (double[] Inputs, int[] Labels) Draw(int count, Random random)
    {
        var x = new double[count * TotalBits];
        var y = new int[count];
        for (int i = 0; i < count; i++)
        {
            var row = x.AsSpan(i * TotalBits, TotalBits);
            for (int j = 0; j < TotalBits; j++)
                row[j] = random.Next(2);
            y[i] = Label(row);
        }
        return (x, y);
    }
}
