using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>Why a least-squares fit of the Chinchilla law stopped.</summary>
public enum LeastSquaresExit
{
    /// <summary>A convergence test (gradient, step or decrease of the sum of squares) was met at a finite point.</summary>
    Converged,
    /// <summary>The iteration limit was reached first: not a converged fit.</summary>
    IterationLimit,
    /// <summary>A parameter ran off (a, b or e above <see cref="ChinchillaLeastSquares.RunOffLimit"/>, or an exponent above 20): not a fit.</summary>
    ParameterDiverged,
    /// <summary>The optimiser produced a non-finite point, prediction or sum of squares.</summary>
    NonFinite,
    /// <summary>Fewer points than free parameters: nothing was fitted (the start is returned).</summary>
    TooFewPoints,
}

/// <summary>A least-squares fit of L = eᵉ + eᵃ·N^−α + eᵇ·D^−β.</summary>
/// <param name="Theta">θ̂ = (a, b, e, α, β) (fixed components keep their given values).</param>
/// <param name="ResidualSumOfSquares">Σ (L − L̂)² at θ̂.</param>
/// <param name="Iterations">Optimiser iterations.</param>
/// <param name="Exit">Why it stopped; only <see cref="LeastSquaresExit.Converged"/> is a fit.</param>
/// <param name="Observations">Points fitted.</param>
/// <param name="FreeParameters">How many of the five components were fitted.</param>
/// <remarks>Choshen, Zhang, Andreas 2024 (arXiv 2410.11840), Sec. 3; their code fits with SciPy's <c>curve_fit</c>. Notebook 25.</remarks>
public sealed record ChinchillaLeastSquaresResult(ChinchillaLogParameters Theta, double ResidualSumOfSquares, int Iterations,
    LeastSquaresExit Exit, int Observations, int FreeParameters)
{
    /// <summary>True when the fit converged.</summary>
    public bool IsConverged => Exit == LeastSquaresExit.Converged;

    /// <summary>L̂(N, D) at θ̂ (also for a fit that did not converge: callers check <see cref="IsConverged"/>).</summary>
    /// <param name="parameters">N &gt; 0.</param>
    /// <param name="tokens">D &gt; 0.</param>
    public double Predict(double parameters, double tokens)
    {
        Guard.Positive(parameters);
        Guard.Positive(tokens);
        return ChinchillaLeastSquares.Evaluate(Theta.ToArray(), parameters, tokens);
    }
}

/// <summary>
/// Least squares on L (not on ln L) of the Chinchilla form E + A·N^−α + B·D^−β in the coordinates (a, b, e, α, β),
/// A = eᵃ, B = eᵇ, E = eᵉ, with α, β ≥ 0 and optionally some components held fixed, by MathNet.Numerics'
/// bounded Levenberg–Marquardt minimiser with the analytic Jacobian. Deterministic: no randomness.
/// </summary>
/// <remarks>
/// Choshen, Zhang, Andreas 2024 (arXiv 2410.11840), Sec. 3: the authors fit with SciPy's <c>curve_fit</c> (trust-region
/// reflective under the bounds α, β ≥ 0) from the starting point of <see cref="ColPretProtocol.Start"/>
/// (repository IBM/ColPret, <c>fitting_funcs.py</c>); this is the same objective with another bounded optimiser.
/// Notebook 25.
/// </remarks>
public static class ChinchillaLeastSquares
{
    /// <summary>a, b or e above this counts as a run-off parameter (e^250 ≈ 10^108; weakly identified pairs such as b ≈ 70, β ≈ 3 are legitimate fits); −250 is also the lower box bound of a, b, e (a term e^−250 has vanished).</summary>
    public const double RunOffLimit = 250;

    /// <summary>Fits θ to <paramref name="data"/> from <paramref name="start"/>.</summary>
    /// <param name="data">The points (N, D, L).</param>
    /// <param name="start">θ₀; α₀, β₀ ≥ 0.</param>
    /// <param name="fixedComponents">Five flags in the order (a, b, e, α, β); true holds that component at its start value. Null: all free.</param>
    /// <param name="maxIterations">Iteration limit. Range: ≥ 1.</param>
    /// <exception cref="ArgumentException">A null argument, α₀ or β₀ &lt; 0, a flag array of the wrong length, or every component fixed.</exception>
    public static ChinchillaLeastSquaresResult Fit(LossObservations data, ChinchillaLogParameters start, IReadOnlyList<bool>? fixedComponents = null,
        int maxIterations = 1000)
    {
        Guard.NotNull(data);
        Guard.NotNull(start);
        Guard.Positive(maxIterations);
        Guard.NonNegative(start.ParameterExponent, "start.ParameterExponent");
        Guard.NonNegative(start.DataExponent, "start.DataExponent");
        bool[] isFixed = fixedComponents?.ToArray() ?? new bool[5];
        Guard.SameLength(isFixed.Length, 5, nameof(fixedComponents), "5 (a, b, e, α, β)");
        int free = isFixed.Count(f => !f);
        if (free == 0)
            throw new ArgumentException("fixedComponents fixes all five components; allowed: at least one free.", nameof(fixedComponents));
        int n = data.Count;
        double[] theta0 = start.ToArray();
        if (n < free)
            return new(start, SumOfSquares(theta0, data), 0, LeastSquaresExit.TooFewPoints, n, free);

        var ns = data.Parameters.ToArray();
        var ds = data.Tokens.ToArray();
        var logN = data.LogParameters;
        var logD = data.LogTokens;
        var x = Vector<double>.Build.Dense(n, i => i);
        var y = Vector<double>.Build.Dense(data.Losses.ToArray());
        Vector<double> Model(Vector<double> p, Vector<double> _)
        {
            var v = Vector<double>.Build.Dense(n);
            double ea = Math.Exp(p[0]), eb = Math.Exp(p[1]), ee = Math.Exp(p[2]);
            for (int i = 0; i < n; i++)
                v[i] = ee + ea * Math.Exp(-p[3] * logN[i]) + eb * Math.Exp(-p[4] * logD[i]);
            return v;
        }
        Matrix<double> Jacobian(Vector<double> p, Vector<double> _)
        {
            var j = Matrix<double>.Build.Dense(n, 5);
            double ea = Math.Exp(p[0]), eb = Math.Exp(p[1]), ee = Math.Exp(p[2]);
            for (int i = 0; i < n; i++)
            {
                double tn = ea * Math.Exp(-p[3] * logN[i]), td = eb * Math.Exp(-p[4] * logD[i]);
                j[i, 0] = tn;
                j[i, 1] = td;
                j[i, 2] = ee;
                j[i, 3] = -tn * logN[i];
                j[i, 4] = -td * logD[i];
            }
            return j;
        }
        // MathNet's bounded minimiser needs finite bounds: a, b, e ≥ −250 (such a term has vanished) and α, β ≥ 0.
        var lower = Vector<double>.Build.DenseOfArray([-RunOffLimit, -RunOffLimit, -RunOffLimit, 0, 0]);
        var lowerList = lower;
        var first = Run(ObjectiveFunction.NonlinearModel(Model, Jacobian, x, y), theta0, lowerList, null, isFixed, maxIterations, data);
        // A second run with the parameters scaled by |θ₀| (as the authors' fallback scales by the start, x_scale = p0);
        // the converged run with the lower sum of squares is kept.
        var scales = Vector<double>.Build.DenseOfArray(theta0.Select(v => Math.Max(Math.Abs(v), 1e-3)).ToArray());
        var second = Run(ObjectiveFunction.NonlinearModel(Model, Jacobian, x, y), theta0, lowerList, scales, isFixed, maxIterations, data);
        var best = (first.Exit, second.Exit) switch
        {
            (LeastSquaresExit.Converged, LeastSquaresExit.Converged) => second.Rss < first.Rss ? second : first,
            (LeastSquaresExit.Converged, _) => first,
            (_, LeastSquaresExit.Converged) => second,
            _ => first,
        };
        double[] p = best.Point;
        double rss = best.Rss;
        var exit = best.Exit;
        var theta = exit == LeastSquaresExit.NonFinite ? start : ChinchillaLogParameters.FromArray(p);
        return new(theta, rss, first.Iterations + second.Iterations, exit, n, free);
    }

    private static (double[] Point, double Rss, LeastSquaresExit Exit, int Iterations) Run(IObjectiveModel objective, double[] theta0, Vector<double> lower,
        Vector<double>? scales, bool[] isFixed, int maxIterations, LossObservations data)
    {
        var minimizer = new LevenbergMarquardtMinimizer(initialMu: 1e-3, gradientTolerance: 1e-12, stepTolerance: 1e-12, functionTolerance: 1e-15,
            maximumIterations: maxIterations);
        NonlinearMinimizationResult r;
        try
        {
            r = minimizer.FindMinimum(objective, Vector<double>.Build.DenseOfArray(theta0), lower, null, scales, isFixed.ToList());
        }
        catch (MaximumIterationsException)
        {
            return (theta0, SumOfSquares(theta0, data), LeastSquaresExit.IterationLimit, maxIterations);
        }
        catch (Exception e) when (e is ArithmeticException or MathNet.Numerics.NonConvergenceException or InvalidOperationException)
        {
            return (theta0, double.NaN, LeastSquaresExit.NonFinite, 0);
        }
        double[] p = r.MinimizingPoint.ToArray();
        for (int k = 0; k < 5; k++)
            if (isFixed[k])
                p[k] = theta0[k];
        double rss = SumOfSquares(p, data);
        LeastSquaresExit exit;
        if (!p.All(double.IsFinite) || !double.IsFinite(rss))
            exit = LeastSquaresExit.NonFinite;
        else if (p[0] > RunOffLimit || p[1] > RunOffLimit || p[2] > RunOffLimit || p[3] > 20 || p[4] > 20)
            exit = LeastSquaresExit.ParameterDiverged;
        else if (r.ReasonForExit == ExitCondition.ExceedIterations)
            exit = LeastSquaresExit.IterationLimit;
        else
            exit = LeastSquaresExit.Converged;
        return (p, rss, exit, r.Iterations);
    }

    /// <summary>L̂ = eᵉ + eᵃN^−α + eᵇD^−β for θ = (a, b, e, α, β).</summary>
    internal static double Evaluate(double[] theta, double parameters, double tokens)
        => Math.Exp(theta[2]) + Math.Exp(theta[0] - theta[3] * Math.Log(parameters)) + Math.Exp(theta[1] - theta[4] * Math.Log(tokens));

    private static double SumOfSquares(double[] theta, LossObservations data)
    {
        double s = 0;
        for (int i = 0; i < data.Count; i++)
        {
            double r = data.Losses[i] - Evaluate(theta, data.Parameters[i], data.Tokens[i]);
            s += r * r;
        }
        return s;
    }
}
