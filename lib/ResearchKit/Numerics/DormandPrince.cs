namespace ResearchKit.Numerics;

/// <summary>
/// Adaptive explicit Runge–Kutta 5(4) integration (Dormand–Prince coefficients, local extrapolation) of y′ = f(t, y),
/// reporting every accepted step to an observer that may stop the integration.
/// </summary>
/// <remarks>Used by <see cref="ResearchKit.SolvableModels.TwoPointModel"/> (notebook 03).</remarks>
public static class DormandPrince
{
    private static readonly double[] C = { 0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1 };
    private static readonly double[][] A =
    {
        Array.Empty<double>(),
        new[] { 1.0 / 5 },
        new[] { 3.0 / 40, 9.0 / 40 },
        new[] { 44.0 / 45, -56.0 / 15, 32.0 / 9 },
        new[] { 19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729 },
        new[] { 9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656 },
        new[] { 35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84 },
    };
    private static readonly double[] B5 = { 35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84, 0 };
    private static readonly double[] B4 = { 5179.0 / 57600, 0, 7571.0 / 16695, 393.0 / 640, -92097.0 / 339200, 187.0 / 2100, 1.0 / 40 };

    /// <summary>Integrates from <paramref name="start"/> to <paramref name="end"/>.</summary>
    /// <param name="derivative">f(t, y, dy): writes y′ into dy.</param>
    /// <param name="initial">y(t₀), finite, length ≥ 1 (not modified).</param>
    /// <param name="start">t₀, finite.</param>
    /// <param name="end">t₁ &gt; t₀, finite.</param>
    /// <param name="observer">Called with (t, y) at t₀ and after every accepted step; return false to stop.</param>
    /// <param name="relativeTolerance">Per-component relative error target. Range: 1e-14 ≤ rtol ≤ 0.1.</param>
    /// <param name="absoluteTolerance">Per-component absolute error target. Range: &gt; 0.</param>
    /// <param name="maxSteps">Cap on accepted plus rejected steps. Range: ≥ 1.</param>
    /// <returns>The number of accepted steps.</returns>
    /// <exception cref="ArgumentException">The derivative at (t₀, y₀) is not finite.</exception>
    /// <exception cref="InvalidOperationException">The step cap was reached or the step size underflowed.</exception>
    public static int Integrate(Action<double, double[], double[]> derivative, double[] initial, double start, double end,
        Func<double, double[], bool> observer, double relativeTolerance = 1e-9, double absoluteTolerance = 1e-12, int maxSteps = 10_000_000)
    {
        Guard.NotNull(derivative);
        Guard.AllFinite(initial);
        Guard.Finite(start);
        Guard.Finite(end);
        if (!(end > start))
            throw new ArgumentOutOfRangeException(nameof(end), end, $"end = {end} is out of range; allowed: end > start = {start}.");
        Guard.NotNull(observer);
        Guard.InRange(relativeTolerance, 1e-14, 0.1);
        Guard.Positive(absoluteTolerance);
        Guard.Positive(maxSteps);

        int n = initial.Length;
        var y = (double[])initial.Clone();
        var k = new double[7][];
        for (int s = 0; s < 7; s++) k[s] = new double[n];
        var tmp = new double[n];
        var y5 = new double[n];
        double t = start;
        if (!observer(t, y)) return 0;
        derivative(t, y, k[0]);
        // Later non-finite stages are rejected steps (a blow-up ends in a step-size underflow), but a non-finite
        // derivative at the start is the caller's: say so rather than blame the step control.
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(k[0][i]))
                throw new ArgumentException(
                    FormattableString.Invariant($"derivative(t = {start:G6}, initial) returned {k[0][i]} in component {i}; allowed: a finite derivative at the start."),
                    nameof(derivative));
        }
        double h = Math.Min((end - start) * 1e-3, 1e-3);
        int accepted = 0, attempts = 0;
        while (t < end)
        {
            if (++attempts > maxSteps)
                throw new InvalidOperationException($"DormandPrince: step cap maxSteps = {maxSteps} reached at t = {t}.");
            if (t + h > end) h = end - t;
            for (int s = 1; s < 7; s++)
            {
                for (int i = 0; i < n; i++)
                {
                    double acc = y[i];
                    for (int j = 0; j < s; j++) acc += h * A[s][j] * k[j][i];
                    tmp[i] = acc;
                }
                derivative(t + C[s] * h, tmp, k[s]);
            }
            double err = 0;
            for (int i = 0; i < n; i++)
            {
                double hi = y[i], lo = y[i];
                for (int s = 0; s < 7; s++)
                {
                    hi += h * B5[s] * k[s][i];
                    lo += h * B4[s] * k[s][i];
                }
                y5[i] = hi;
                double sc = absoluteTolerance + relativeTolerance * Math.Max(Math.Abs(y[i]), Math.Abs(hi));
                double e = (hi - lo) / sc;
                err = Math.Max(err, Math.Abs(e));
            }
            if (double.IsNaN(err)) err = double.PositiveInfinity;
            if (err <= 1)
            {
                t += h;
                Array.Copy(y5, y, n);
                Array.Copy(k[6], k[0], n); // first-same-as-last
                accepted++;
                if (!observer(t, y)) return accepted;
            }
            double factor = err == 0 ? 5 : Math.Clamp(0.9 * Math.Pow(err, -0.2), 0.2, 5);
            h *= factor;
            if (h < 1e-14 * Math.Max(1, Math.Abs(t)))
                throw new InvalidOperationException($"DormandPrince: step size underflow at t = {t}.");
        }
        return accepted;
    }
}
