using MathNet.Numerics;
using ResearchKit.Numerics;
using ResearchKit.RandomMatrices;

namespace ResearchKit.SolvableModels;

/// <summary>
/// The gradient-flow theory of the linear teacher–student model in the Marchenko–Pastur approximation: losses
/// as MP integrals, the closed form, late-time asymptotics, weight decay, initialisation scale, and the times at which
/// the accuracies cross a level.
/// </summary>
/// <remarks>
/// Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441), Eqs. 7–16. Per eigen-direction of Σ_tr with eigenvalue ν, the
/// residual obeys ḋ = −2η₀(ν + γ/2) d − η₀γ T (weight decay γ shifts the eigenvalue by γ/2), so with
/// μ = ν + γ/2, e = e^(−2η₀μt), q = γ/(2μ): d = e·d₀ − q(1 − e)·T. At the workbook's initialisation
/// S₀ = αS, S, T ~ N(0, 1/(2 d_in d_out)): E‖D₀‖² = (1 + α²)/2, E‖T‖² = ½, E⟨D₀, T⟩ = −½, hence
/// E d² = e²[‖D₀‖² − q + ½q²] + e[q − q²] + ½q² (per unit of spectral mass).
/// L_gen = E_ν[E d²]/d_out, L_tr = E_ν[ν E d²]/d_out (losses per output, as the paper defines them, so L(0) = 1/d_out).
/// Time t counts GD steps; η₀ = η/d_out is the effective rate.
/// Used in notebooks 02 and 04.
/// </remarks>
public sealed class LinearTeacherStudentTheory
{
    /// <summary>Creates the theory for one set of parameters.</summary>
    /// <param name="aspectRatio">λ = d_in/N_tr. Range: λ &gt; 0.</param>
    /// <param name="effectiveRate">η₀ = η/d_out. Range: 0 &lt; η₀ &lt; 1.</param>
    /// <param name="weightDecay">γ. Range: γ ≥ 0.</param>
    /// <param name="initScale">α, the student initialisation scale relative to the teacher's. Range: α ≥ 0.</param>
    /// <param name="outputDimension">d_out: losses are per output, (1/d_out)‖D‖², so L(0) = 1/d_out at α = 1. Range: d_out ≥ 1.</param>
    public LinearTeacherStudentTheory(double aspectRatio, double effectiveRate, double weightDecay = 0, double initScale = 1, int outputDimension = 1)
    {
        Guard.Positive(outputDimension);
        OutputDimension = outputDimension;
        Guard.Positive(aspectRatio);
        Guard.InOpenRange(effectiveRate, 0, 1);
        Guard.NonNegative(weightDecay);
        Guard.NonNegative(initScale);
        AspectRatio = aspectRatio;
        EffectiveRate = effectiveRate;
        WeightDecay = weightDecay;
        InitScale = initScale;
    }

    /// <summary>λ = d_in/N_tr.</summary>
    public double AspectRatio { get; }

    /// <summary>η₀ = η/d_out.</summary>
    public double EffectiveRate { get; }

    /// <summary>γ.</summary>
    public double WeightDecay { get; }

    /// <summary>α.</summary>
    public double InitScale { get; }

    /// <summary>d_out.</summary>
    public int OutputDimension { get; }

    /// <summary>E‖D₀‖² = (1 + α²)/2: the total squared residual set by the initialisation (1 at α = 1).</summary>
    public double InitialResidualNorm => (1 + InitScale * InitScale) / 2;

    /// <summary>Expected teacher norm E‖T‖² = ½ at the paper's initialisation (total over outputs).</summary>
    public const double TeacherNorm = 0.5;

    /// <summary>L_tr(t) by quadrature over the MP law.</summary>
    /// <param name="time">t in GD steps. Range: t ≥ 0.</param>
    public double TrainLoss(double time) => Loss(time, train: true);

    /// <summary>L_gen(t) by quadrature over the MP law (atom at 0 included for λ &gt; 1).</summary>
    /// <param name="time">t in GD steps. Range: t ≥ 0.</param>
    public double GeneralizationLoss(double time) => Loss(time, train: false);

    /// <summary>Closed form L_tr = (1 + α²)/2 · e^(−4η₀(1+λ)t) ₀F̃₁(2; 16η₀²t²λ) (Eq. 9), no weight decay.</summary>
    /// <param name="time">t in GD steps. Range: t ≥ 0.</param>
    /// <exception cref="InvalidOperationException">With weight decay (Eq. 9 holds for γ = 0).</exception>
    public double TrainLossClosedForm(double time)
    {
        Guard.NonNegative(time);
        RequireNoWeightDecay();
        double s = EffectiveRate * time;
        double z = 16 * s * s * AspectRatio;
        // e^(−4s(1+λ)) ₀F̃₁ = e^(−4s(1−√λ)²) · [e^(−2√z) ₀F̃₁], since 2√z = 8s√λ.
        double sq = 1 - Math.Sqrt(AspectRatio);
        return InitialResidualNorm / OutputDimension * Math.Exp(-4 * s * sq * sq) * Hypergeometric.Regularized0F1Scaled(2, z);
    }

    /// <summary>Late-time L_tr ≃ (1 + α²)/2 · e^(−4η₀(1−√λ)²t) / (16√π λ^(3/4) (η₀t)^(3/2)) (Eq. 11), λ &lt; 1, γ = 0.</summary>
    /// <param name="time">t in GD steps. Range: t &gt; 0.</param>
    public double AsymptoticTrainLoss(double time)
    {
        Guard.Positive(time);
        RequireNoWeightDecay();
        Guard.InOpenRange(AspectRatio, 0, 1, nameof(AspectRatio));
        double s = EffectiveRate * time;
        double sq = 1 - Math.Sqrt(AspectRatio);
        return InitialResidualNorm / OutputDimension * Math.Exp(-4 * s * sq * sq) / (16 * Math.Sqrt(Math.PI) * Math.Pow(AspectRatio, 0.75) * Math.Pow(s, 1.5));
    }

    /// <summary>Late-time L_gen ≃ L_tr / (1 − √λ)² (Eq. 11), λ &lt; 1, γ = 0.</summary>
    /// <param name="time">t in GD steps. Range: t &gt; 0.</param>
    public double AsymptoticGeneralizationLoss(double time)
    {
        double sq = 1 - Math.Sqrt(AspectRatio);
        return AsymptoticTrainLoss(time) / (sq * sq);
    }

    /// <summary>L_tr(∞): the exact MP integral of the weight-decay fixed point (0 without weight decay).</summary>
    public double PlateauTrainLoss => Plateau(train: true);

    /// <summary>L_gen(∞): the exact MP integral of the fixed point; (1 − 1/λ)(1 + α²)/(2 d_out) for λ &gt; 1 without weight decay.</summary>
    public double PlateauGeneralizationLoss => Plateau(train: false);

    /// <summary>Small-γ plateau for λ &lt; 1 (Eq. 16), written with the teacher norm: L_tr → γ²‖T‖²/(4(1−λ) d_out). The paper writes γ²/(4(1−λ)), i.e. ‖T‖² = 1.</summary>
    public double SmallDecayPlateauTrainLoss
    {
        get
        {
            Guard.InOpenRange(AspectRatio, 0, 1, nameof(AspectRatio));
            return WeightDecay * WeightDecay * TeacherNorm / (4 * (1 - AspectRatio)) / OutputDimension;
        }
    }

    /// <summary>Small-γ plateau for λ &lt; 1 (Eq. 16): L_gen → γ²‖T‖²/(4(1−λ)³ d_out).</summary>
    public double SmallDecayPlateauGeneralizationLoss
    {
        get
        {
            Guard.InOpenRange(AspectRatio, 0, 1, nameof(AspectRatio));
            return WeightDecay * WeightDecay * TeacherNorm / (4 * Math.Pow(1 - AspectRatio, 3)) / OutputDimension;
        }
    }

    /// <summary>
    /// The first times at which the train and the generalisation accuracy reach <paramref name="accuracyLevel"/>,
    /// found numerically from the MP integrals (bisection in log t).
    /// </summary>
    /// <param name="errorThreshold">ε, on the per-output squared error. Range: ε &gt; 0.</param>
    /// <param name="accuracyLevel">A*. Range: 0 &lt; A* &lt; 1; default erf(√2).</param>
    /// <param name="maxTime">Search horizon in GD steps. Range: &gt; 1.</param>
    public GrokkingTimes CrossingTimes(double errorThreshold, double? accuracyLevel = null, double maxTime = 1e9)
    {
        double level = accuracyLevel ?? LossAccuracy.CrossingAccuracy;
        Guard.Positive(errorThreshold);
        Guard.InOpenRange(level, 0, 1, nameof(accuracyLevel));
        Guard.Positive(maxTime);
        double target = LossAccuracy.LossAtAccuracy(level, errorThreshold, OutputDimension);
        // Without weight decay both losses decrease monotonically to their plateaus, so a plateau above the
        // target means the level is never reached.
        double train = WeightDecay == 0 && PlateauTrainLoss >= target ? double.PositiveInfinity : FirstCrossing(TrainLoss, target, maxTime);
        double gen = WeightDecay == 0 && PlateauGeneralizationLoss >= target ? double.PositiveInfinity : FirstCrossing(GeneralizationLoss, target, maxTime);
        return new GrokkingTimes(train, gen);
    }

    /// <summary>
    /// L_tr after <paramref name="step"/> steps of discrete gradient descent rather than gradient flow:
    /// E_ν[ν (1 − 2η₀ν)^(2t)] · ‖D₀‖² / d_out over the MP law (no weight decay).
    /// </summary>
    /// <param name="step">t, GD steps. Range: t ≥ 0.</param>
    /// <remarks>
    /// Not an equation of the paper, which compares GD simulations with the gradient-flow integrals (Eqs. 7–8); this is
    /// the same MP integral with the exact per-step factor of GD, used in notebook 02 to separate the discreteness of GD
    /// from the MP approximation. Requires 2η₀(1 + √λ)² &lt; 2 (GD contracts every eigen-direction).
    /// </remarks>
    public double GradientDescentTrainLoss(double step) => GradientDescentLoss(step, train: true);

    /// <summary>L_gen after <paramref name="step"/> steps of discrete GD: E_ν[(1 − 2η₀ν)^(2t)] · ‖D₀‖² / d_out (no weight decay).</summary>
    /// <param name="step">t, GD steps. Range: t ≥ 0.</param>
    /// <remarks>See <see cref="GradientDescentTrainLoss"/>. Used in notebook 02.</remarks>
    public double GradientDescentGeneralizationLoss(double step) => GradientDescentLoss(step, train: false);

    /// <summary>The accuracy crossing times of the discrete-GD integrals (see <see cref="GradientDescentTrainLoss"/>).</summary>
    /// <param name="errorThreshold">ε. Range: ε &gt; 0.</param>
    /// <param name="accuracyLevel">A*. Range: 0 &lt; A* &lt; 1; default erf(√2).</param>
    /// <param name="maxTime">Search horizon in GD steps. Range: &gt; 0.</param>
    /// <remarks>Used in notebook 02.</remarks>
    public GrokkingTimes GradientDescentCrossingTimes(double errorThreshold, double? accuracyLevel = null, double maxTime = 1e9)
    {
        double level = accuracyLevel ?? LossAccuracy.CrossingAccuracy;
        Guard.Positive(errorThreshold);
        Guard.InOpenRange(level, 0, 1, nameof(accuracyLevel));
        Guard.Positive(maxTime);
        RequireNoWeightDecay();
        RequireContractingSteps();
        double target = LossAccuracy.LossAtAccuracy(level, errorThreshold, OutputDimension);
        double train = PlateauTrainLoss >= target ? double.PositiveInfinity : FirstCrossing(GradientDescentTrainLoss, target, maxTime);
        double gen = PlateauGeneralizationLoss >= target ? double.PositiveInfinity : FirstCrossing(GradientDescentGeneralizationLoss, target, maxTime);
        return new GrokkingTimes(train, gen);
    }

    /// <summary>
    /// The late-time training loss of Eq. 11 as a closed form in λ, η₀ and t:
    /// L_tr(t) = e^(−4η₀(1−√λ)²t) / (16√π λ^(3/4) (η₀t)^(3/2)), at unit initial residual.
    /// </summary>
    /// <param name="aspectRatio">λ. Range: λ &gt; 0, λ ≠ 1 (the formula depends on λ through (1 − √λ)², so λ slightly above 1 is allowed).</param>
    /// <param name="effectiveRate">η₀. Range: η₀ &gt; 0.</param>
    /// <param name="time">t. Range: t &gt; 0.</param>
    /// <remarks>
    /// Levi et al. (arXiv 2310.16441), Eq. 11. Miller et al. (arXiv 2402.08946) take their linear-model accuracy curves
    /// from this form and from <see cref="LateTimeGeneralizationLoss"/>, at λ ∈ [1.003, 1.1] (authors' code,
    /// jackmiller2003/tiny-gen, branch feat/sharpness-and-gap, scripts/sharpness-in-linear-estimators.ipynb). Used in notebook 04.
    /// </remarks>
    public static double LateTimeTrainLoss(double aspectRatio, double effectiveRate, double time)
    {
        CheckLateTime(aspectRatio, effectiveRate, time);
        double sq = 1 - Math.Sqrt(aspectRatio);
        double s = effectiveRate * time;
        return Math.Exp(-4 * s * sq * sq) / (16 * Math.Sqrt(Math.PI) * Math.Pow(aspectRatio, 0.75) * Math.Pow(s, 1.5));
    }

    /// <summary>
    /// The generalisation loss that follows from <see cref="LateTimeTrainLoss"/> through Eq. 21, L_gen(t) = 4η₀∫_t^∞ L_tr:
    /// L_gen(t) = (e^(−x) − √(πx) erfc(√x)) / (2 λ^(3/4) √(π η₀ t)), x = 4(1−√λ)²η₀t.
    /// </summary>
    /// <param name="aspectRatio">λ. Range: λ &gt; 0, λ ≠ 1.</param>
    /// <param name="effectiveRate">η₀. Range: η₀ &gt; 0.</param>
    /// <param name="time">t. Range: t &gt; 0.</param>
    /// <remarks>
    /// The closed form of the authors' code for Miller et al. (arXiv 2402.08946) (their <c>L_g</c>, written there with the
    /// unregularised Γ(½, x) = √π erfc(√x)); it is Eq. 11's L_tr integrated with Eq. 21 of Levi et al. Used in notebook 04.
    /// </remarks>
    public static double LateTimeGeneralizationLoss(double aspectRatio, double effectiveRate, double time)
    {
        CheckLateTime(aspectRatio, effectiveRate, time);
        double sq = 1 - Math.Sqrt(aspectRatio);
        double x = 4 * sq * sq * effectiveRate * time;
        double bracket = Math.Exp(-x) - Math.Sqrt(Math.PI * x) * SpecialFunctions.Erfc(Math.Sqrt(x));
        return bracket / (2 * Math.Pow(aspectRatio, 0.75) * Math.Sqrt(Math.PI * effectiveRate * time));
    }

    private static void CheckLateTime(double aspectRatio, double effectiveRate, double time)
    {
        Guard.Positive(aspectRatio);
        if (aspectRatio == 1)
            throw new ArgumentOutOfRangeException(nameof(aspectRatio), aspectRatio, "aspectRatio = 1: the late-time form needs (1 − √λ)² > 0; allowed: λ > 0, λ ≠ 1.");
        Guard.Positive(effectiveRate);
        Guard.Positive(time);
    }

    /// <summary>Leading-order grokking time Δt ≃ log(1/(1−√λ)) / (2η₀(1−√λ)²) (Eq. 12); order of magnitude only.</summary>
    /// <param name="aspectRatio">λ. Range: 0 &lt; λ &lt; 1.</param>
    /// <param name="effectiveRate">η₀. Range: η₀ &gt; 0.</param>
    public static double LeadingOrderGrokkingTime(double aspectRatio, double effectiveRate)
    {
        Guard.InOpenRange(aspectRatio, 0, 1);
        Guard.Positive(effectiveRate);
        double sq = 1 - Math.Sqrt(aspectRatio);
        return Math.Log(1 / sq) / (2 * effectiveRate * sq * sq);
    }

    /// <summary>
    /// Two-layer linear network mapping (Eqs. 18–19): the one-layer theory with η₀ → η₀/(2 d_out²) and the loss
    /// multiplied by ‖D₀‖². Returns the effective rate of the equivalent one-layer model.
    /// </summary>
    /// <param name="effectiveRate">η₀ of the two-layer network. Range: η₀ &gt; 0.</param>
    /// <param name="outputDimension">d_out. Range: d_out ≥ 1.</param>
    public static double TwoLayerEquivalentRate(double effectiveRate, int outputDimension)
    {
        Guard.Positive(effectiveRate);
        Guard.Positive(outputDimension);
        return effectiveRate / (2.0 * outputDimension * outputDimension);
    }

    private double Loss(double time, bool train) => TotalLoss(time, train) / OutputDimension;

    private double Plateau(bool train) => TotalPlateau(train) / OutputDimension;

    private double TotalLoss(double time, bool train)
    {
        Guard.NonNegative(time);
        double rate = EffectiveRate * time;
        double a2 = InitialResidualNorm;
        if (WeightDecay == 0)
            return a2 * MarchenkoPasturIntegrals.Expectation(AspectRatio, nu => train ? nu : 1, 4 * rate);
        double g = WeightDecay;
        // E d² = e²[A − 2cq + Tq²] + e[2cq − 2Tq²] + Tq², in powers of e = e^(−2η₀μt), with A = E‖D₀‖²,
        // T = E‖T‖², c = −E⟨D₀,T⟩ = ½; each power of e is its own MP integral with its own exponential rate.
        double tn = TeacherNorm, cross = TeacherNorm;
        double Weight(double nu) => train ? nu : 1;
        double Q(double nu) => g / (2 * nu + g);
        double e2Part = MarchenkoPasturIntegrals.Expectation(AspectRatio,
            nu => Weight(nu) * (a2 - 2 * cross * Q(nu) + tn * Q(nu) * Q(nu)), 4 * rate) * Math.Exp(-2 * rate * g);
        double e1Part = MarchenkoPasturIntegrals.Expectation(AspectRatio,
            nu => Weight(nu) * (2 * cross * Q(nu) - 2 * tn * Q(nu) * Q(nu)), 2 * rate) * Math.Exp(-rate * g);
        double e0Part = MarchenkoPasturIntegrals.Expectation(AspectRatio, nu => Weight(nu) * tn * Q(nu) * Q(nu));
        return e2Part + e1Part + e0Part;
    }

    private double GradientDescentLoss(double step, bool train)
    {
        Guard.NonNegative(step);
        RequireNoWeightDecay();
        RequireContractingSteps();
        double x = 2 * EffectiveRate;
        // (1 − xν)^(2t) = e^(−2xνt) · e^(2t[log|1 − xν| + xν]): the first factor is the integrator's exponential weight
        // (kept relative to the lower edge against underflow), the second is smooth and ≤ 1.
        double Correction(double nu) => Math.Exp(2 * step * (Math.Log(Math.Abs(1 - x * nu)) + x * nu));
        return InitialResidualNorm * MarchenkoPasturIntegrals.Expectation(AspectRatio, nu => (train ? nu : 1) * Correction(nu), 2 * x * step) / OutputDimension;
    }

    private void RequireContractingSteps()
    {
        double top = 2 * EffectiveRate * MarchenkoPasturIntegrals.UpperEdge(AspectRatio);
        if (!(top < 2))
            throw new InvalidOperationException($"effectiveRate = {EffectiveRate}: 2η₀(1 + √λ)² = {top} is not below 2, so gradient descent does not contract every direction (allowed: 2η₀(1 + √λ)² < 2).");
    }

    private double TotalPlateau(bool train)
    {
        if (WeightDecay == 0)
            return train ? 0 : InitialResidualNorm * MarchenkoPasturIntegrals.AtomMass(AspectRatio);
        double g = WeightDecay;
        return MarchenkoPasturIntegrals.Expectation(AspectRatio, nu =>
        {
            double q = g / (2 * nu + g);
            return (train ? nu : 1) * TeacherNorm * q * q;
        });
    }

    private static double FirstCrossing(Func<double, double> loss, double target, double maxTime)
    {
        if (loss(0) <= target)
            return 0;
        // Scan a log grid for the first bracket, then bisect in log t.
        double lo = 0, hi = double.NaN;
        for (double t = 1; t <= maxTime * 1.0001; t *= 1.25)
        {
            if (loss(t) <= target)
            {
                hi = t;
                break;
            }
            lo = t;
        }
        if (double.IsNaN(hi))
            return double.PositiveInfinity;
        for (int i = 0; i < 60 && hi - lo > 1e-9 * hi; i++)
        {
            double mid = lo == 0 ? hi / 2 : Math.Sqrt(lo * hi);
            if (loss(mid) <= target) hi = mid; else lo = mid;
        }
        return 0.5 * (lo + hi);
    }

    private void RequireNoWeightDecay()
    {
        if (WeightDecay != 0)
            throw new InvalidOperationException($"weightDecay = {WeightDecay}; this formula holds only for weightDecay = 0.");
    }
}
