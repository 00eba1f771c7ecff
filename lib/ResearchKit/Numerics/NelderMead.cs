namespace ResearchKit.Numerics;

/// <summary>
/// A plain Nelder–Mead simplex minimiser for the few-parameter least-squares and binned-likelihood fits of this
/// folder (two or three parameters, smooth objectives, no gradients needed).
/// </summary>
internal static class NelderMead
{
    public static (double[] Point, double Value, int Iterations, FitExitReason Exit) Minimize(
        Func<double[], double> objective, double[] start, double step, double tolerance = 1e-10, int maxIterations = 2000, double pointTolerance = 1e-7)
    {
        int d = start.Length;
        var simplex = new double[d + 1][];
        var values = new double[d + 1];
        for (int i = 0; i <= d; i++)
        {
            simplex[i] = (double[])start.Clone();
            if (i > 0) simplex[i][i - 1] += step;
            values[i] = Safe(objective(simplex[i]));
        }
        int iteration = 0;
        for (; iteration < maxIterations; iteration++)
        {
            Array.Sort(values, simplex);
            if (Math.Abs(values[d] - values[0]) <= tolerance * (Math.Abs(values[0]) + tolerance) && Spread(simplex) < pointTolerance)
                return (simplex[0], values[0], iteration, FitExitReason.Converged);
            var centroid = new double[d];
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                    centroid[j] += simplex[i][j] / d;
            double[] reflected = Along(centroid, simplex[d], -1);
            double fr = Safe(objective(reflected));
            if (fr < values[0])
            {
                double[] expanded = Along(centroid, simplex[d], -2);
                double fe = Safe(objective(expanded));
                (simplex[d], values[d]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[d - 1])
            {
                (simplex[d], values[d]) = (reflected, fr);
            }
            else
            {
                double[] contracted = fr < values[d] ? Along(centroid, simplex[d], -0.5) : Along(centroid, simplex[d], 0.5);
                double fc = Safe(objective(contracted));
                if (fc < Math.Min(fr, values[d]))
                {
                    (simplex[d], values[d]) = (contracted, fc);
                }
                else
                {
                    for (int i = 1; i <= d; i++)
                    {
                        for (int j = 0; j < d; j++)
                            simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
                        values[i] = Safe(objective(simplex[i]));
                    }
                }
            }
        }
        Array.Sort(values, simplex);
        return (simplex[0], values[0], iteration, FitExitReason.MaxIterations);
    }

    // centroid + t·(vertex − centroid)
    private static double[] Along(double[] centroid, double[] vertex, double t)
    {
        var x = new double[centroid.Length];
        for (int j = 0; j < x.Length; j++)
            x[j] = centroid[j] + t * (vertex[j] - centroid[j]);
        return x;
    }

    private static double Spread(double[][] simplex)
    {
        double max = 0;
        for (int i = 1; i < simplex.Length; i++)
            for (int j = 0; j < simplex[0].Length; j++)
                max = Math.Max(max, Math.Abs(simplex[i][j] - simplex[0][j]));
        return max;
    }

    private static double Safe(double v) => double.IsNaN(v) ? double.PositiveInfinity : v;
}
