using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// A linear-classification task on a fixed data set (for example a network's penultimate embeddings of real
/// images): training sets are drawn without replacement from a pool, and the test metrics are averages over a fixed
/// held-out set — exact for that set, not for a population.
/// </summary>
/// <remarks>
/// Lets <see cref="LogisticDynamics.Train"/> run on real data. Beck, Bar Sinai &amp; Levi (arXiv 2602.12039) check
/// their Fisher-alignment result on neural-network penultimate embeddings; notebook 05 does the same with the
/// embeddings of <see cref="NetworkEmbedding"/> on Fashion-MNIST.
/// </remarks>
public sealed class EmpiricalClassificationTask : ILinearClassificationTask
{
    private readonly ClassificationSample _pool;
    private readonly ClassificationSample _test;

    /// <summary>Creates the task.</summary>
    /// <param name="pool">Points from which training sets are drawn (labels ±1, finite).</param>
    /// <param name="test">The held-out set the test metrics average over (labels ±1, finite, same dimension).</param>
    public EmpiricalClassificationTask(ClassificationSample pool, ClassificationSample test)
    {
        Guard.NotNull(pool);
        Guard.NotNull(test);
        Guard.SameLength(test.Dimension, pool.Dimension, "test dimension", "pool dimension");
        Validate(pool, nameof(pool));
        Validate(test, nameof(test));
        _pool = pool;
        _test = test;
    }

    /// <inheritdoc />
    public int Dimension => _pool.Dimension;

    /// <summary>Number of points in the pool.</summary>
    public int PoolCount => _pool.Count;

    /// <summary>The held-out set.</summary>
    public ClassificationSample Test => _test;

    /// <summary>Draws N distinct points of the pool (a uniformly random subset, in random order).</summary>
    /// <param name="count">N. Range: 1 ≤ N ≤ pool size.</param>
    /// <param name="random">Source of randomness.</param>
    public ClassificationSample Sample(int count, Random random)
    {
        Guard.InRange(count, 1, _pool.Count);
        Guard.NotNull(random);
        var order = Enumerable.Range(0, _pool.Count).ToArray();
        for (int k = 0; k < count; k++)
        {
            int pick = k + random.Next(_pool.Count - k);
            (order[k], order[pick]) = (order[pick], order[k]);
        }
        var x = Matrix<double>.Build.Dense(count, Dimension);
        var y = new double[count];
        for (int r = 0; r < count; r++)
        {
            x.SetRow(r, _pool.Points.Row(order[r]));
            y[r] = _pool.Labels[order[r]];
        }
        return new ClassificationSample(x, y);
    }

    /// <summary>The fraction of the held-out set with margin y(w·x + b) &gt; 0.</summary>
    public double TestAccuracy(IReadOnlyList<double> weights, double bias)
    {
        var m = LogisticDynamics.Margins(_test, weights, bias);
        return m.Count(v => v > 0) / (double)m.Length;
    }

    /// <summary>The mean of φ(y(w·x + b)) over the held-out set.</summary>
    public double TestLoss(IReadOnlyList<double> weights, double bias, MarginLoss loss)
    {
        Guard.NotNull(loss);
        var m = LogisticDynamics.Margins(_test, weights, bias);
        return m.Average(loss.Value);
    }

    private static void Validate(ClassificationSample s, string name)
    {
        Guard.SameLength(s.Labels.Length, s.Count, $"{name}.Labels", $"{name}.Points rows");
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Labels[i] != 1 && s.Labels[i] != -1)
                throw new ArgumentException($"{name}.Labels[{i}] = {s.Labels[i]}; allowed: +1 or −1.", name);
            for (int j = 0; j < s.Dimension; j++)
                if (!double.IsFinite(s.Points[i, j]))
                    throw new ArgumentException($"{name}.Points[{i},{j}] = {s.Points[i, j]} is not finite.", name);
        }
    }
}
