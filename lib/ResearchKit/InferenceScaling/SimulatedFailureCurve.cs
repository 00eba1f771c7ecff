namespace ResearchKit.InferenceScaling;

/// <summary>A Monte-Carlo failure curve 1 − pass@k with its errors, from
/// <see cref="LatentInstanceDifficultyModel.SimulateFailureCurve"/>.</summary>
/// <param name="Ks">The attempt budgets k, ascending.</param>
/// <param name="Failure">The estimate of 1 − pass@k at each k.</param>
/// <param name="StandardErrors">Its standard error at each k (instance level).</param>
/// <param name="BatchFailure">The same estimate on each of g disjoint, equal batches of instances: BatchFailure[b][m].</param>
/// <remarks>Used by notebook 08 (Levi 2026, arXiv 2601.03764) for the simulated plateau of β_eff.</remarks>
public sealed record SimulatedFailureCurve(int[] Ks, double[] Failure, double[] StandardErrors, double[][] BatchFailure)
{
    /// <summary>
    /// β_eff, the least-squares slope −d ln(1 − pass@k)/d ln k over all <see cref="Ks"/>, with its delete-one-batch
    /// jackknife standard error: √((g − 1)/g · Σ_b (β_(b) − β̄)²), β_(b) the slope without batch b.
    /// </summary>
    /// <exception cref="InvalidOperationException">A failure estimate is 0 (too few instances reached the largest k).</exception>
    public (double Value, double StandardError) EffectiveExponent()
    {
        if (Failure.Any(f => !(f > 0)))
            throw new InvalidOperationException("A failure estimate is 0: too few simulated instances fail at the largest k; simulate more instances.");
        double value = LatentInstanceDifficultyModel.EffectiveExponent(Ks, Failure.Select(f => Math.Min(f, 1)).ToArray());
        int g = BatchFailure.Length;
        var leaveOut = new double[g];
        for (int b = 0; b < g; b++)
        {
            var rest = new double[Ks.Length];
            for (int m = 0; m < Ks.Length; m++)
            {
                double sum = 0;
                for (int c = 0; c < g; c++) if (c != b) sum += BatchFailure[c][m];
                rest[m] = sum / (g - 1);
            }
            if (rest.Any(f => !(f > 0)))
                throw new InvalidOperationException("A leave-one-batch-out failure estimate is 0; simulate more instances.");
            leaveOut[b] = LatentInstanceDifficultyModel.EffectiveExponent(Ks, rest.Select(f => Math.Min(f, 1)).ToArray());
        }
        double mean = leaveOut.Average();
        return (value, Math.Sqrt((g - 1.0) / g * leaveOut.Sum(x => (x - mean) * (x - mean))));
    }
}
