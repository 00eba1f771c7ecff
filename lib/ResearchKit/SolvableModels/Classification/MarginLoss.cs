using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// A per-sample classification loss as a function of the margin m = y·(w·x + b): the logistic (cross-entropy) loss,
/// the exponential loss, and the logistic loss plus a convex penalty in logit space (label smoothing, a squared-logit
/// penalty). A logit penalty gives the loss a finite minimiser m* — the per-sample target the logits cluster around.
/// </summary>
/// <remarks>
/// Logistic and exponential losses: Beck, Levi &amp; Bar-Sinai (arXiv 2410.04489), notebook 03. Logit regularisation:
/// Beck, Bar Sinai &amp; Levi, "The Implicit Bias of Logit Regularization" (arXiv 2602.12039), notebook 05.
/// </remarks>
public abstract record MarginLoss
{
    private protected MarginLoss() { }

    /// <summary>φ(m).</summary>
    public abstract double Value(double margin);

    /// <summary>φ′(m).</summary>
    public abstract double Derivative(double margin);

    /// <summary>φ″(m) (≥ 0: every loss here is convex).</summary>
    public abstract double SecondDerivative(double margin);

    /// <summary>The minimiser m* of φ: +∞ for the unregularised losses, finite under a logit penalty.</summary>
    public abstract double Target { get; }

    /// <summary>A short name for legends.</summary>
    public abstract string Name { get; }

    /// <summary>Cross-entropy of a sigmoid output: log(1 + e^(−m)).</summary>
    public static MarginLoss Logistic { get; } = new LogisticMarginLoss();

    /// <summary>The exponential loss e^(−m).</summary>
    public static MarginLoss Exponential { get; } = new ExponentialMarginLoss();

    /// <summary>
    /// Binary cross-entropy against the smoothed target 1 − α/2, which equals log(1 + e^(−m)) + (α/2)·m: the logistic
    /// loss plus a linear (convex) penalty in logit space. Its minimiser is m* = log(2/α − 1).
    /// </summary>
    /// <param name="smoothing">α. Range: 0 &lt; α &lt; 1.</param>
    public static MarginLoss LabelSmoothing(double smoothing)
    {
        Guard.InOpenRange(smoothing, 0, 1);
        return new LabelSmoothingMarginLoss(smoothing);
    }

    /// <summary>The logistic loss plus a squared-logit penalty: log(1 + e^(−m)) + β m²/2.</summary>
    /// <param name="strength">β. Range: β &gt; 0.</param>
    public static MarginLoss SquaredLogitPenalty(double strength)
    {
        Guard.Positive(strength);
        return new SquaredLogitMarginLoss(strength);
    }

    /// <summary>
    /// The per-sample loss of Beck, Bar Sinai &amp; Levi (arXiv 2602.12039, Eq. 1) with the quadratic logit penalty
    /// f(z) = z² that all their numerics use (Sec. 3.1; App. E.6): ℓ(z) = (1 − α) log(1 + e^(−z)) + α z², z = y·w·x.
    /// Its unique minimiser z* solves (1 − α) σ(−z*) = 2α z*.
    /// </summary>
    /// <param name="alpha">α, the regularisation amplitude. Range: 0 &lt; α &lt; 1 (α = 0 is <see cref="Logistic"/>).</param>
    public static MarginLoss QuadraticLogitRegularization(double alpha)
    {
        Guard.InOpenRange(alpha, 0, 1);
        return new QuadraticLogitRegularizationLoss(alpha);
    }

    internal static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));

    /// <summary>σ(m)σ(−m), the logistic loss's curvature, computed without overflow.</summary>
    internal static double SigmoidProduct(double m)
    {
        double e = Math.Exp(-Math.Abs(m));
        return e / ((1 + e) * (1 + e));
    }

    /// <summary>σ(−m) = 1/(1 + e^m), computed without overflow.</summary>
    internal static double SigmoidOfMinus(double m) => m >= 0 ? Math.Exp(-m) / (1 + Math.Exp(-m)) : 1 / (1 + Math.Exp(m));

    private sealed record LogisticMarginLoss : MarginLoss
    {
        public override double Value(double margin) => Softplus(-margin);
        public override double Derivative(double margin) => -SigmoidOfMinus(margin);
        public override double SecondDerivative(double margin) => SigmoidProduct(margin);
        public override double Target => double.PositiveInfinity;
        public override string Name => "logistic";
    }

    private sealed record ExponentialMarginLoss : MarginLoss
    {
        public override double Value(double margin) => Math.Exp(-margin);
        public override double Derivative(double margin) => -Math.Exp(-margin);
        public override double SecondDerivative(double margin) => Math.Exp(-margin);
        public override double Target => double.PositiveInfinity;
        public override string Name => "exponential";
    }

    private sealed record LabelSmoothingMarginLoss(double Smoothing) : MarginLoss
    {
        public override double Value(double margin) => Softplus(-margin) + 0.5 * Smoothing * margin;
        public override double Derivative(double margin) => -SigmoidOfMinus(margin) + 0.5 * Smoothing;
        public override double SecondDerivative(double margin) => SigmoidProduct(margin);
        public override double Target => Math.Log(2 / Smoothing - 1);
        public override string Name => $"label smoothing α = {Smoothing:G3}";
    }

    private sealed record SquaredLogitMarginLoss(double Strength) : MarginLoss
    {
        public override double Value(double margin) => Softplus(-margin) + 0.5 * Strength * margin * margin;
        public override double Derivative(double margin) => -SigmoidOfMinus(margin) + Strength * margin;
        public override double SecondDerivative(double margin) => SigmoidProduct(margin) + Strength;
        public override string Name => $"squared-logit penalty β = {Strength:G3}";

        public override double Target
        {
            get
            {
                // φ′ is increasing (φ convex), negative at 0 and positive at 1/β: bisect.
                double lo = 0, hi = 1 / Strength + 1;
                for (int i = 0; i < 200; i++)
                {
                    double mid = 0.5 * (lo + hi);
                    if (Derivative(mid) < 0) lo = mid; else hi = mid;
                }
                return 0.5 * (lo + hi);
            }
        }
    }

    private sealed record QuadraticLogitRegularizationLoss(double Alpha) : MarginLoss
    {
        public override double Value(double margin) => (1 - Alpha) * Softplus(-margin) + Alpha * margin * margin;
        public override double Derivative(double margin) => -(1 - Alpha) * SigmoidOfMinus(margin) + 2 * Alpha * margin;
        public override double SecondDerivative(double margin) => (1 - Alpha) * SigmoidProduct(margin) + 2 * Alpha;
        public override string Name => $"(1 − α) CE + α z², α = {Alpha:G3}";

        public override double Target
        {
            get
            {
                // φ′ is increasing, φ′(0) = −(1 − α)/2 < 0 and φ′((1 − α)/(2α)) ≥ 0: bisect.
                double lo = 0, hi = (1 - Alpha) / (2 * Alpha);
                for (int i = 0; i < 200; i++)
                {
                    double mid = 0.5 * (lo + hi);
                    if (Derivative(mid) < 0) lo = mid; else hi = mid;
                }
                return 0.5 * (lo + hi);
            }
        }
    }
}
