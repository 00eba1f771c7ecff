using MathNet.Numerics;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// The two-point toy model of Beck, Levi &amp; Bar-Sinai (arXiv 2410.04489, Eq. 11, Table 1): training points
/// x₁ = −σ and x₂ = σ(1 − 2λ), exponential loss L = ½(e^(Sx₁+b) + e^(Sx₂+b)), gradient flow from S = b = 0. In conformal
/// time τ = ∫e^b dt the weight obeys the bias-free flow dS/dτ = −∂_S L̃(S), L̃ = ½(e^(Sx₁) + e^(Sx₂)), and db/dτ = −L̃.
/// </summary>
/// <remarks>
/// <para>Regimes (derived for general σ; the paper's Table 1 is σ = 1): λ &lt; ½ the set is not separable from the
/// origin, S → S_∞ = log(1 − 2λ)/(2σ(λ − 1)) and b ≈ −log t; λ = ½: σS ≈ log(σ² log t) (‖S‖ ~ log log t); λ &gt; ½:
/// separable with margin M = σ(2λ − 1), S ≈ M log t/(1 + M²), b ≈ −log t/(1 + M²), and the test accuracy tends to
/// ½[1 + erf(1/(σM√2))].</para>
/// <para>Grokking time: when σS has settled at σS_∞ the test loss e^(b + σ²S²/2) returns to its initial value once
/// −b = σ²S_∞²/2, so log(t*_gen/t*_tr) → ½ log²(1 − 2λ) as λ → ½⁻ and σ → ∞ (paper's Eq. 41, Fig. 9). The
/// definition of t*_gen through the test loss is the workbook's reading. Notebook 03.</para>
/// </remarks>
public sealed class TwoPointModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="lambda">λ = d/N. Range: 0 &lt; λ &lt; 1.</param>
    /// <param name="noiseScale">σ. Range: σ &gt; 0.</param>
    public TwoPointModel(double lambda, double noiseScale = 1)
    {
        Guard.InOpenRange(lambda, 0, 1);
        Guard.Positive(noiseScale);
        Lambda = lambda;
        NoiseScale = noiseScale;
    }

    /// <summary>λ.</summary>
    public double Lambda { get; }

    /// <summary>σ.</summary>
    public double NoiseScale { get; }

    /// <summary>x₁ = −σ.</summary>
    public double FirstPoint => -NoiseScale;

    /// <summary>x₂ = σ(1 − 2λ).</summary>
    public double SecondPoint => NoiseScale * (1 - 2 * Lambda);

    /// <summary>S_∞ = log(1 − 2λ)/(2σ(λ − 1)) for λ &lt; ½; +∞ for λ ≥ ½ (S grows without bound).</summary>
    public double LimitingWeight => Lambda < 0.5 ? Math.Log(1 - 2 * Lambda) / (2 * NoiseScale * (Lambda - 1)) : double.PositiveInfinity;

    /// <summary>The margin M = σ(2λ − 1) of the separable regime λ &gt; ½; NaN for λ ≤ ½ (not separable).</summary>
    public double Margin => Lambda > 0.5 ? NoiseScale * (2 * Lambda - 1) : double.NaN;

    /// <summary>Limiting test accuracy: 1 for λ &lt; ½ (generalises), ½[1 + erf(1/(σM√2))] for λ &gt; ½, NaN at λ = ½.</summary>
    public double LimitingAccuracy => Lambda < 0.5 ? 1 : Lambda > 0.5 ? Separability.LimitingAccuracy(NoiseScale, Margin) : double.NaN;

    /// <summary>The paper's grokking-time law ½ log²(1 − 2λ) (Eq. 41), for λ &lt; ½; NaN otherwise.</summary>
    public double GrokkingTimeLaw => Lambda < 0.5 ? 0.5 * Math.Pow(Math.Log(1 - 2 * Lambda), 2) : double.NaN;

    /// <summary>The bias-free loss L̃(S) = ½(e^(Sx₁) + e^(Sx₂)).</summary>
    public double BiasFreeLoss(double weight)
    {
        Guard.Finite(weight);
        return 0.5 * (Math.Exp(weight * FirstPoint) + Math.Exp(weight * SecondPoint));
    }

    /// <summary>
    /// log of the training loss, log L(S, b) = b + log ½(e^(Sx₁) + e^(Sx₂)), summed in log space (finite wherever S and b
    /// are, also where e^(Sx) overflows).
    /// </summary>
    /// <param name="weight">S. Range: finite.</param>
    /// <param name="bias">b. Range: finite.</param>
    public double LogTrainLoss(double weight, double bias)
    {
        Guard.Finite(weight);
        Guard.Finite(bias);
        double a = weight * FirstPoint, c = weight * SecondPoint, hi = Math.Max(a, c);
        return bias + hi + Math.Log(0.5 * (Math.Exp(a - hi) + Math.Exp(c - hi)));
    }

    /// <summary>log of the exponential test loss for test points x ~ N(0, σ²): log E e^(Sx+b) = b + σ²S²/2.</summary>
    /// <param name="weight">S. Range: finite.</param>
    /// <param name="bias">b. Range: finite.</param>
    public double LogTestLoss(double weight, double bias)
    {
        Guard.Finite(weight);
        Guard.Finite(bias);
        return bias + 0.5 * NoiseScale * NoiseScale * weight * weight;
    }

    /// <summary>
    /// Integrates the gradient flow in conformal time τ from S = b = 0 to <paramref name="conformalTimeEnd"/> (adaptive
    /// Dormand–Prince, relative tolerance 1e-10), tracking log(1 + t) through dt/dτ = e^(−b).
    /// </summary>
    /// <param name="conformalTimeEnd">τ_max. Range: 0 &lt; τ_max ≤ 1e7.</param>
    /// <param name="stopAfterGeneralization">Stop as soon as τ*_gen is found.</param>
    /// <param name="testAccuracyLevel">The test accuracy whose first crossing is timed (<see cref="TwoPointTrajectory.TestAccuracyLogTime"/>):
    /// Fig. 3's caption defines the grokking time as "the time it takes for the generalization accuracy to reach 0.95"
    /// (arXiv 2410.04489 v2, as quoted by the excerpt card of kraidiky/grokking-conceptual-review_en). Range: 0.5 &lt; level &lt; 1.</param>
    /// <param name="stopAfterTestAccuracy">Stop as soon as that level is reached (with <paramref name="stopAfterGeneralization"/>:
    /// once both are found). The trajectory up to the stop is the same whichever stop applies.</param>
    public TwoPointTrajectory Integrate(double conformalTimeEnd, bool stopAfterGeneralization = false, double testAccuracyLevel = 0.95, bool stopAfterTestAccuracy = false)
    {
        Guard.InRange(conformalTimeEnd, double.Epsilon, 1e7);
        Guard.InOpenRange(testAccuracyLevel, 0.5, 1);
        double x1 = FirstPoint, x2 = SecondPoint, sigma = NoiseScale;
        var tau = new List<double>(); var q = new List<double>(); var s = new List<double>(); var bias = new List<double>();
        var trainAcc = new List<double>(); var testAcc = new List<double>(); var testLog = new List<double>();
        double tauTr = double.NaN, tauGen = double.NaN, qTr = double.NaN, qGen = double.NaN, tauAcc = double.NaN, qAcc = double.NaN;
        double prevTau = 0, prevQ = 0, prevLogLoss = 0, prevTrainGap = 0, prevAcc = 0.5;
        bool rose = false, first = true;
        double lastRecordTau = double.NegativeInfinity, lastRecordQ = double.NegativeInfinity;
        int steps = DormandPrince.Integrate(
            (t, yv, dy) =>
            {
                double e1 = Math.Exp(yv[0] * x1), e2 = Math.Exp(yv[0] * x2);
                dy[0] = -0.5 * (x1 * e1 + x2 * e2);
                dy[1] = -0.5 * (e1 + e2);
                dy[2] = Math.Exp(-yv[1] - yv[2]);
            },
            new double[] { 0, 0, 0 }, 0, conformalTimeEnd,
            (t, yv) =>
            {
                double S = yv[0], b = yv[1], lq = yv[2];
                double l1 = S * x1 + b, l2 = S * x2 + b;
                double trainGap = Math.Max(l1, l2); // < 0 once both points are classified
                double logLoss = b + 0.5 * sigma * sigma * S * S;
                double acc = S == 0 ? (b < 0 ? 1 : b > 0 ? 0 : 0.5) : 0.5 * SpecialFunctions.Erfc(b / (sigma * Math.Abs(S) * Math.Sqrt(2)));
                if (!first)
                {
                    if (double.IsNaN(tauAcc) && acc >= testAccuracyLevel && prevAcc < testAccuracyLevel)
                    {
                        double f = (testAccuracyLevel - prevAcc) / (acc - prevAcc);
                        tauAcc = prevTau + f * (t - prevTau); qAcc = prevQ + f * (lq - prevQ);
                    }
                    if (double.IsNaN(tauTr) && trainGap < 0 && prevTrainGap >= 0)
                    {
                        double f = prevTrainGap / (prevTrainGap - trainGap);
                        tauTr = prevTau + f * (t - prevTau); qTr = prevQ + f * (lq - prevQ);
                    }
                    if (logLoss > 0) rose = true;
                    if (rose && double.IsNaN(tauGen) && logLoss <= 0 && prevLogLoss > 0)
                    {
                        double f = prevLogLoss / (prevLogLoss - logLoss);
                        tauGen = prevTau + f * (t - prevTau); qGen = prevQ + f * (lq - prevQ);
                    }
                }
                if (first || t - lastRecordTau >= conformalTimeEnd / 4000 || lq - lastRecordQ >= 0.02 || t >= conformalTimeEnd)
                {
                    tau.Add(t); q.Add(lq); s.Add(S); bias.Add(b);
                    trainAcc.Add(((l1 < 0 ? 1 : 0) + (l2 < 0 ? 1 : 0)) / 2.0);
                    testAcc.Add(acc);
                    testLog.Add(logLoss);
                    lastRecordTau = t; lastRecordQ = lq;
                }
                first = false;
                prevTau = t; prevQ = lq; prevLogLoss = logLoss; prevTrainGap = trainGap; prevAcc = acc;
                bool generalized = !double.IsNaN(tauGen) && !double.IsNaN(tauTr), accurate = !double.IsNaN(tauAcc);
                return !((stopAfterGeneralization || stopAfterTestAccuracy) && (!stopAfterGeneralization || generalized) && (!stopAfterTestAccuracy || accurate));
            },
            relativeTolerance: 1e-10, absoluteTolerance: 1e-12);
        return new TwoPointTrajectory(tau.ToArray(), q.ToArray(), s.ToArray(), bias.ToArray(), trainAcc.ToArray(), testAcc.ToArray(), testLog.ToArray(),
            tauTr, tauGen, qTr, qGen, steps, testAccuracyLevel, tauAcc, qAcc);
    }
}
