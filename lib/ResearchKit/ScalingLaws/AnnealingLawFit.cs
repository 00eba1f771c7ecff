using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>A starting point (L₀, A, α, C) of an annealing-law fit, in the natural parameters.</summary>
/// <param name="IrreducibleLoss">L₀.</param>
/// <param name="Coefficient">A. Range: &gt; 0 (fitted as ln A).</param>
/// <param name="Exponent">α.</param>
/// <param name="AnnealingCoefficient">C.</param>
public sealed record AnnealingLawStart(double IrreducibleLoss, double Coefficient, double Exponent, double AnnealingCoefficient);

/// <summary>How an annealing law is fitted.</summary>
/// <param name="HuberDelta">δ on the log residual. Range: &gt; 0. Default 10⁻³ (the authors' script).</param>
/// <param name="Decay">λ of S₂. Range: 0 ≤ λ &lt; 1. Default 0.999 (the authors' script).</param>
/// <param name="Warmup">How warm-up enters S₁, S₂. Default <see cref="WarmupTreatment.AsPeakRate"/> (the authors').</param>
/// <param name="Starts">The grid of starts; null = <see cref="AnnealingLawFit.AuthorsGrid"/>.</param>
/// <param name="Optimizer">Quasi-Newton settings of every run; null = L-BFGS, scaled gradient 10⁻¹⁰ accepted at 10⁻⁶,
/// 3000 iterations, a parameter beyond ±10³ counts as run off.</param>
/// <param name="MaxDegreeOfParallelism">Most threads over starts; null = all cores. Results do not depend on it.</param>
public sealed record AnnealingLawFitOptions(double HuberDelta = 1e-3, double Decay = 0.999, WarmupTreatment Warmup = WarmupTreatment.AsPeakRate,
    IReadOnlyList<AnnealingLawStart>? Starts = null, QuasiNewtonOptions? Optimizer = null, int? MaxDegreeOfParallelism = null)
{
    internal QuasiNewtonOptions OptimizerOrDefault => Optimizer ?? new QuasiNewtonOptions(MaxIterations: 3000, DivergenceBound: 1e3);

    internal IReadOnlyList<AnnealingLawStart> StartsOrDefault => Starts ?? AnnealingLawFit.AuthorsGrid;

    internal void Validate()
    {
        Guard.Positive(HuberDelta, nameof(HuberDelta));
        Guard.InRange(Decay, 0, 1, nameof(Decay));
        if (!(Decay < 1))
            throw new ArgumentOutOfRangeException(nameof(Decay), Decay, $"Decay = {Decay} is out of range; allowed: 0 ≤ Decay < 1.");
        if (!Enum.IsDefined(Warmup))
            throw new ArgumentOutOfRangeException(nameof(Warmup), Warmup, $"Warmup = {Warmup} is not a WarmupTreatment.");
        var starts = StartsOrDefault;
        Guard.NotEmpty(starts, nameof(Starts));
        for (int i = 0; i < starts.Count; i++)
        {
            var s = Guard.NotNull(starts[i], $"{nameof(Starts)}[{i}]");
            Guard.Finite(s.IrreducibleLoss, $"{nameof(Starts)}[{i}].IrreducibleLoss");
            Guard.Positive(s.Coefficient, $"{nameof(Starts)}[{i}].Coefficient");
            Guard.Finite(s.Exponent, $"{nameof(Starts)}[{i}].Exponent");
            Guard.Finite(s.AnnealingCoefficient, $"{nameof(Starts)}[{i}].AnnealingCoefficient");
        }
        OptimizerOrDefault.Validate();
        if (MaxDegreeOfParallelism is { } t)
            Guard.Positive(t, nameof(MaxDegreeOfParallelism));
    }
}

/// <summary>Asymptotic standard errors of the four annealing-law parameters.</summary>
/// <param name="IrreducibleLoss">SE of L₀.</param>
/// <param name="Coefficient">SE of A.</param>
/// <param name="Exponent">SE of α.</param>
/// <param name="AnnealingCoefficient">SE of C.</param>
public sealed record AnnealingLawStandardErrors(double IrreducibleLoss, double Coefficient, double Exponent, double AnnealingCoefficient);

/// <summary>The best run of an annealing-law fit from a grid of starts, with its standard errors and diagnostics.</summary>
/// <param name="IrreducibleLoss">L̂₀.</param>
/// <param name="Coefficient">Â.</param>
/// <param name="Exponent">α̂.</param>
/// <param name="AnnealingCoefficient">Ĉ.</param>
/// <param name="StandardErrors">Huber's asymptotic standard errors (NaN when no residual lies inside ±δ or JᵀJ is singular).</param>
/// <param name="Objective">The summed Huber objective at the optimum.</param>
/// <param name="Iterations">Iterations of the winning run.</param>
/// <param name="Exit">Why the winning run stopped; only <see cref="QuasiNewtonExit.Converged"/> is a converged fit.</param>
/// <param name="ScaledGradient">The winning run's final scaled gradient.</param>
/// <param name="StartIndex">Index of the winning start (−1 when every start ran off or was non-finite).</param>
/// <param name="Starts">Starts tried.</param>
/// <param name="ConvergedStarts">Runs that ended converged.</param>
/// <param name="Observations">Points fitted.</param>
/// <param name="Decay">λ used for S₂.</param>
/// <param name="Warmup">The warm-up treatment used.</param>
/// <remarks>Notebook 24.</remarks>
public sealed record AnnealingLawFitResult(double IrreducibleLoss, double Coefficient, double Exponent, double AnnealingCoefficient,
    AnnealingLawStandardErrors StandardErrors, double Objective, int Iterations, QuasiNewtonExit Exit, double ScaledGradient,
    int StartIndex, int Starts, int ConvergedStarts, int Observations, double Decay, WarmupTreatment Warmup)
{
    /// <summary>True when the winning run converged.</summary>
    public bool IsConverged => Exit == QuasiNewtonExit.Converged;

    /// <summary>True when the estimate is a law of the paper's form (α̂ &gt; 0, Ĉ ≥ 0, all finite).</summary>
    public bool HasLaw => Exponent > 0 && AnnealingCoefficient >= 0 && double.IsFinite(IrreducibleLoss) && double.IsFinite(Coefficient)
        && double.IsFinite(Exponent) && double.IsFinite(AnnealingCoefficient);

    /// <summary>The fitted law.</summary>
    /// <exception cref="InvalidOperationException">α̂ ≤ 0 or Ĉ &lt; 0 (see <see cref="HasLaw"/>).</exception>
    public AnnealingLaw Law => HasLaw
        ? new AnnealingLaw(IrreducibleLoss, Coefficient, Exponent, AnnealingCoefficient)
        : throw new InvalidOperationException(
            $"The fit ended at α = {Exponent}, C = {AnnealingCoefficient}: not an annealing law of the paper's form (needs α > 0, C ≥ 0).");

    /// <summary>L̂ at the observed steps of <paramref name="curve"/> with this fit's λ and warm-up treatment (any sign of Ĉ).</summary>
    /// <param name="curve">A curve (its losses are not used).</param>
    public double[] Predict(AnnealingCurve curve)
    {
        Guard.NotNull(curve);
        var (s1, s2) = curve.AreasAtSteps(Decay, Warmup);
        return s1.Select((a, i) => IrreducibleLoss + Coefficient * Math.Pow(a, -Exponent) - AnnealingCoefficient * s2[i]).ToArray();
    }

    /// <summary>L̂ at every step 1 … T of <paramref name="schedule"/> (S₁ = 0 gives +∞).</summary>
    /// <param name="schedule">A schedule.</param>
    public double[] Predict(LearningRateSchedule schedule)
    {
        Guard.NotNull(schedule);
        var s1 = schedule.ForwardArea(Warmup);
        var s2 = schedule.AnnealingArea(Decay, Warmup);
        return s1.Select((a, i) => IrreducibleLoss + Coefficient * Math.Pow(a, -Exponent) - AnnealingCoefficient * s2[i]).ToArray();
    }

    /// <summary>How the fit's predictions agree with the losses of <paramref name="curve"/>.</summary>
    /// <param name="curve">A curve with at least 2 points.</param>
    /// <exception cref="ArgumentOutOfRangeException">A prediction ≤ 0 (the law has no log there).</exception>
    public CurveAgreement Agreement(AnnealingCurve curve) => CurveAgreement.Of(Guard.NotNull(curve).Losses, Predict(curve));
}

/// <summary>
/// Fits Tissue et al.'s L(s) = L₀ + A·S₁^−α − C·S₂ to one or more loss curves by minimising the summed Huber loss on
/// ln L (<see cref="AnnealingLawObjective"/>) with MathNet's L-BFGS from every start of a grid, in parallel; the lowest
/// objective among runs that neither ran off nor went non-finite wins (ties: the lowest index).
/// </summary>
/// <remarks>
/// Tissue, Wang, Wang 2024 (arXiv 2408.11029). The authors' script runs SciPy's L-BFGS-B with bounds (all four ≥ 0) from
/// a grid of 54 starts (<see cref="AuthorsGrid"/>), δ = 10⁻³, λ = 0.999. We run unconstrained L-BFGS on (L₀, ln A, α, C):
/// A stays positive through its log; α̂ ≤ 0 or Ĉ &lt; 0 is reported (<see cref="AnnealingLawFitResult.HasLaw"/>), not
/// clipped. Standard errors are Huber's asymptotic ones (Huber 1981, Sec. 7.6):
/// Cov = K²·[Σψ(r_i)²/(n − p)]/[Σψ′(r_i)/n]²·(JᵀJ)⁻¹, K = 1 + (p/n)·Var(ψ′)/E(ψ′)², J = ∂ ln L̂/∂(L₀, A, α, C). They assume
/// independent residuals; points along one training curve are correlated, so on real curves they are too small.
/// Notebook 24.
/// </remarks>
public static class AnnealingLawFit
{
    /// <summary>
    /// The authors' grid: L₀ ∈ {0.1, 2.1}, A ∈ {1, 11.5, 22}, C ∈ {1, 11.5, 22}, α ∈ {0, 0.4, 0.8} (NumPy linspace(0.1, 2.1, 2),
    /// linspace(1, 22, 3) twice, linspace(0, 0.8, 3)): 54 starts.
    /// </summary>
    public static IReadOnlyList<AnnealingLawStart> AuthorsGrid { get; } = Grid([0.1, 2.1], [1, 11.5, 22], [0, 0.4, 0.8], [1, 11.5, 22]);

    /// <summary>The Cartesian product of the given values (L₀ outermost, then A, α, C).</summary>
    /// <param name="irreducibleLosses">Values of L₀ (finite).</param>
    /// <param name="coefficients">Values of A (each &gt; 0).</param>
    /// <param name="exponents">Values of α (finite).</param>
    /// <param name="annealingCoefficients">Values of C (finite).</param>
    public static IReadOnlyList<AnnealingLawStart> Grid(IReadOnlyList<double> irreducibleLosses, IReadOnlyList<double> coefficients,
        IReadOnlyList<double> exponents, IReadOnlyList<double> annealingCoefficients)
    {
        Guard.AllFinite(irreducibleLosses);
        Guard.AllFinite(coefficients);
        for (int i = 0; i < coefficients.Count; i++)
            Guard.Positive(coefficients[i], $"{nameof(coefficients)}[{i}]");
        Guard.AllFinite(exponents);
        Guard.AllFinite(annealingCoefficients);
        var list = new List<AnnealingLawStart>();
        foreach (double l0 in irreducibleLosses)
            foreach (double a in coefficients)
                foreach (double alpha in exponents)
                    foreach (double c in annealingCoefficients)
                        list.Add(new AnnealingLawStart(l0, a, alpha, c));
        return list;
    }

    /// <summary>Fits the law jointly to <paramref name="curves"/>.</summary>
    /// <param name="curves">One or more curves; every observed step must have S₁ &gt; 0.</param>
    /// <param name="options">δ, λ, warm-up treatment, starts, optimiser; null = the authors' settings.</param>
    public static AnnealingLawFitResult Fit(IReadOnlyList<AnnealingCurve> curves, AnnealingLawFitOptions? options = null)
    {
        options ??= new AnnealingLawFitOptions();
        options.Validate();
        var objective = new AnnealingLawObjective(curves, options.HuberDelta, options.Decay, options.Warmup);
        var starts = options.StartsOrDefault;
        var optimizer = options.OptimizerOrDefault;
        QuasiNewtonResult Run(int i)
        {
            var s = starts[i];
            return QuasiNewton.Minimize((x, g) => objective.Evaluate(x, g),
                [s.IrreducibleLoss, Math.Log(s.Coefficient), s.Exponent, s.AnnealingCoefficient], optimizer);
        }
        var runs = starts.Count == 1 ? [Run(0)] : Sweep.Run(starts.Count, 0, (i, _) => Run(i), options.MaxDegreeOfParallelism);
        int best = -1, converged = 0;
        for (int i = 0; i < runs.Length; i++)
        {
            if (runs[i].IsConverged)
                converged++;
            if (!double.IsFinite(runs[i].Value) || runs[i].Exit is QuasiNewtonExit.ParameterDiverged or QuasiNewtonExit.NonFinite)
                continue;
            if (best < 0 || runs[i].Value < runs[best].Value)
                best = i;
        }
        var b = best < 0 ? runs[0] : runs[best];
        var theta = b.Point.ToArray();
        var se = StandardErrors(objective, theta);
        return new AnnealingLawFitResult(theta[0], Math.Exp(theta[1]), theta[2], theta[3], se, b.Value, b.Iterations, b.Exit,
            b.ScaledGradient, best, runs.Length, converged, objective.Count, options.Decay, options.Warmup);
    }

    /// <summary>Huber's asymptotic standard errors at θ = (L₀, ln A, α, C), in the natural parameters.</summary>
    internal static AnnealingLawStandardErrors StandardErrors(AnnealingLawObjective objective, double[] theta)
    {
        var nan = new AnnealingLawStandardErrors(double.NaN, double.NaN, double.NaN, double.NaN);
        if (!theta.All(double.IsFinite))
            return nan;
        int n = objective.Count, p = 4;
        if (n <= p)
            return nan;
        var r = objective.Residuals(theta);
        double delta = objective.Delta, psi2 = 0, inside = 0;
        foreach (double ri in r)
        {
            double psi = Math.Clamp(ri, -delta, delta);
            psi2 += psi * psi;
            if (Math.Abs(ri) <= delta)
                inside++;
        }
        if (inside == 0)
            return nan;
        double m = inside / n, variance = m * (1 - m);
        double k = 1 + (double)p / n * variance / (m * m);
        double scale = k * k * (psi2 / (n - p)) / (m * m);
        var j = Matrix<double>.Build.DenseOfArray(objective.NaturalJacobian(theta));
        var jtj = j.TransposeThisAndMultiply(j);
        if (!jtj.Enumerate().All(double.IsFinite))
            return nan;
        // Equilibrate (unit diagonal) before inverting: the columns of J differ by orders of magnitude (A against C).
        var d = Vector<double>.Build.Dense(p, i => Math.Sqrt(jtj[i, i]));
        if (!(d.Minimum() > 0))
            return nan;
        var unit = Matrix<double>.Build.Dense(p, p, (i, l) => jtj[i, l] / (d[i] * d[l]));
        var svd = unit.Svd();
        if (svd.S.Minimum() <= 1e-13 * svd.S.Maximum())
            return nan;
        var inv = unit.Inverse();
        var cov = Matrix<double>.Build.Dense(p, p, (i, l) => inv[i, l] / (d[i] * d[l]) * scale);
        double Se(int i) => cov[i, i] >= 0 ? Math.Sqrt(cov[i, i]) : double.NaN;
        return new AnnealingLawStandardErrors(Se(0), Se(1), Se(2), Se(3));
    }
}
