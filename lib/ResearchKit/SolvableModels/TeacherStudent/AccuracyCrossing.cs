using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>First crossings of sampled accuracy curves.</summary>
/// <remarks>Used in notebooks 02 and 04 to read t*_tr and t*_gen off simulated curves.</remarks>
public static class AccuracyCrossing
{
    /// <summary>
    /// The first time a sampled curve reaches <paramref name="level"/>, linearly interpolated in log t between the
    /// bracketing samples (+∞ if it never does).
    /// </summary>
    /// <param name="times">Sample times, ascending (ties allowed), ≥ 0.</param>
    /// <exception cref="ArgumentException">Mismatched lengths, non-finite values, or times that decrease.</exception>
    /// <param name="values">Curve values at <paramref name="times"/>.</param>
    /// <param name="level">The level. Range: finite.</param>
    public static double First(IReadOnlyList<double> times, IReadOnlyList<double> values, double level)
    {
        Guard.AllFinite(times);
        Guard.AllFinite(values);
        Guard.SameLength(values.Count, times.Count, nameof(values), nameof(times));
        Guard.Finite(level);
        for (int i = 1; i < times.Count; i++)
        {
            // Unsorted times were interpolated as if they were sorted, "crossing" between unrelated samples.
            if (!(times[i] >= times[i - 1]))
                throw new ArgumentException(
                    FormattableString.Invariant($"times[{i}] = {times[i]} < times[{i - 1}] = {times[i - 1]}; allowed: non-decreasing times (sort the samples by time)."),
                    nameof(times));
        }
        if (values[0] >= level)
            return times[0];
        for (int i = 1; i < times.Count; i++)
        {
            if (values[i] >= level)
            {
                double t0 = times[i - 1], t1 = times[i];
                double f = (level - values[i - 1]) / (values[i] - values[i - 1]);
                if (t0 <= 0)
                    return t0 + f * (t1 - t0);
                return Math.Exp(Math.Log(t0) + f * (Math.Log(t1) - Math.Log(t0)));
            }
        }
        return double.PositiveInfinity;
    }

    /// <summary>t*_tr and t*_gen of a simulated trajectory.</summary>
    /// <param name="trajectory">The run.</param>
    /// <param name="level">Accuracy level. Range: 0 &lt; level &lt; 1.</param>
    public static GrokkingTimes Of(LinearTeacherStudentTrajectory trajectory, double level)
    {
        Guard.NotNull(trajectory);
        Guard.InOpenRange(level, 0, 1);
        return new GrokkingTimes(First(trajectory.Steps, trajectory.TrainAccuracy, level), First(trajectory.Steps, trajectory.TestAccuracy, level));
    }
}
