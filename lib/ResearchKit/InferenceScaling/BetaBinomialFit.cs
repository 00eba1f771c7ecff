using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// Maximum-likelihood fit of the beta-binomial model to raw per-problem counts: c_i | U_i ~ Binomial(n_i, U_i),
/// U_i ~ Beta(a, b), so P(c | n) = C(n, c)·B(c + a, n − c + b)/B(a, b).
/// </summary>
/// <remarks>
/// <para>
/// Newton's method on (ln a, ln b) with the exact gradient (digamma) and Hessian (trigamma), a backtracking line
/// search, and a gradient step whenever the Hessian is not negative definite. The start is the method of moments on
/// ĉ/n, clipped to [10⁻², 10²]. Uncertainty: the inverse observed information in (a, b) at the maximum.
/// Kazdan, Schaeffer et al., arXiv 2510.05197, Eqs. 15–17; the same fit gives Levi's (α, β) = (b̂, â)
/// (arXiv 2410.16377). Used by notebooks 06, 07 and 09.
/// </para>
/// </remarks>
public static class BetaBinomialFit
{
    /// <summary>Fits (a, b) by maximum likelihood.</summary>
    /// <param name="problems">Per-problem counts (n_i, c_i). Range: at least one; each 0 ≤ c ≤ n; problems with n = 0 carry no
    /// information and contribute a factor 1 to the likelihood; at least one c &gt; 0 and one c &lt; n.</param>
    /// <param name="maxIterations">Newton iteration limit. Range: ≥ 1; default 200.</param>
    /// <returns>The estimates with standard errors and the exit reason.</returns>
    /// <exception cref="ArgumentException">Empty input, invalid counts (the message names the problem), or counts with no
    /// success at all or no failure at all (the likelihood then has no maximum).</exception>
    public static BetaBinomialFitResult Fit(IReadOnlyList<ProblemOutcomes> problems, int maxIterations = 200)
    {
        Guard.NotEmpty(problems);
        Guard.Positive(maxIterations);
        var n = new List<int>(problems.Count);
        var c = new List<int>(problems.Count);
        bool anySuccess = false, anyFailure = false;
        for (int i = 0; i < problems.Count; i++)
        {
            var p = problems[i];
            string label = string.IsNullOrEmpty(p.ProblemId) ? $"problems[{i}]" : $"problems[{i}] '{p.ProblemId}'";
            if (p.Samples < 0)
                throw new ArgumentOutOfRangeException(nameof(problems), p.Samples, $"{label}: samples n = {p.Samples} is negative; allowed: n ≥ 0.");
            if (p.Successes < 0 || p.Successes > p.Samples)
                throw new ArgumentOutOfRangeException(nameof(problems), p.Successes,
                    $"{label}: successes c = {p.Successes} is out of range; allowed: 0 ≤ c ≤ n = {p.Samples}.");
            if (p.Samples == 0)
                continue;
            n.Add(p.Samples);
            c.Add(p.Successes);
            anySuccess |= p.Successes > 0;
            anyFailure |= p.Successes < p.Samples;
        }
        if (n.Count == 0)
            throw new ArgumentException("Every problem has n = 0 attempts; nothing to fit.", nameof(problems));
        if (!anySuccess)
            throw new ArgumentException("No problem has a success (all c = 0): the beta-binomial likelihood increases without bound as a → 0.", nameof(problems));
        if (!anyFailure)
            throw new ArgumentException("No problem has a failure (all c = n): the beta-binomial likelihood increases without bound as b → 0.", nameof(problems));

        var (a0, b0) = MomentStart(n, c);
        var distinct = new DistinctCounts(n, c);
        double la = Math.Log(a0), lb = Math.Log(b0);
        double ll = LogLikelihood(distinct, a0, b0);
        FitExitReason exit = FitExitReason.MaxIterations;
        double previousLa = double.NaN, previousLb = double.NaN;   // θ before the last step taken
        int iteration = 0;
        for (; iteration < maxIterations; iteration++)
        {
            double a = Math.Exp(la), b = Math.Exp(lb);
            Derivatives(distinct, a, b, out double ga, out double gb, out double haa, out double hab, out double hbb);
            // Chain rule to θ = (ln a, ln b).
            double gta = ga * a, gtb = gb * b;
            double taa = haa * a * a + gta, tab = hab * a * b, tbb = hbb * b * b + gtb;
            if (Math.Max(Math.Abs(gta), Math.Abs(gtb)) < 1e-9 * n.Count)
            {
                exit = FitExitReason.Converged;
                break;
            }
            double det = taa * tbb - tab * tab;
            double da, db;
            if (taa < 0 && det > 0)
            {
                da = -(tbb * gta - tab * gtb) / det;
                db = -(-tab * gta + taa * gtb) / det;
                // Newton decrement: the predicted gain of the full step. Below the rounding noise of the summed
                // log-likelihood (~1e-13 relative) no line search can see progress, so the maximum is reached.
                if (0.5 * (gta * da + gtb * db) < 1e-13 * Math.Max(1, Math.Abs(ll)))
                {
                    (previousLa, previousLb) = (la, lb);
                    la += da;
                    lb += db;
                    exit = FitExitReason.Converged;
                    break;
                }
            }
            else
            {
                double norm = Math.Sqrt(gta * gta + gtb * gtb);
                da = gta / norm;
                db = gtb / norm;
            }
            double stepMax = Math.Max(Math.Abs(da), Math.Abs(db));
            if (stepMax > 2)
            {
                da *= 2 / stepMax;
                db *= 2 / stepMax;
            }
            double t = 1;
            double next = double.NegativeInfinity;
            for (int halving = 0; halving < 50; halving++)
            {
                next = LogLikelihood(distinct, Math.Exp(la + t * da), Math.Exp(lb + t * db));
                if (next >= ll - 1e-12 * Math.Abs(ll))
                    break;
                t *= 0.5;
            }
            (previousLa, previousLb) = (la, lb);
            la += t * da;
            lb += t * db;
            ll = Math.Max(ll, next);
            if (Math.Abs(la) > 25 || Math.Abs(lb) > 25)
            {
                exit = FitExitReason.ParameterDiverged;
                break;
            }
        }

        double aHat = Math.Exp(la), bHat = Math.Exp(lb);
        ll = LogLikelihood(distinct, aHat, bHat);
        // With no over-dispersion the likelihood rises towards the binomial limit a, b → ∞ at fixed p = a/(a + b); there
        // the gradient fades and the iteration stops ("converged" or out of iterations) at some large finite (a, b).
        // The beta-binomial variance is n p (1 − p) [1 + (n − 1) ρ] with ρ = 1/(a + b + 1): once (n_max − 1) ρ < 10⁻⁴ the
        // fit differs from the binomial by less than 0.01 % in variance, which no realistic benchmark resolves (and
        // lgamma rounding at such shapes swamps the likelihood differences), so the supremum is taken to lie at infinity.
        double inflation = (n.Max() - 1) / (aHat + bHat + 1);
        if (exit != FitExitReason.ParameterDiverged && inflation < 1e-4)
            exit = FitExitReason.ParameterDiverged;
        // The gradient test also passes where the likelihood flattens towards a boundary that is not the binomial limit,
        // e.g. a, b → 0 at fixed a/(a + b) when every problem is all-or-nothing (c ∈ {0, n}): converged there at
        // a ≈ 3·10⁻¹⁰. Probe −ℓ along rays out to |ln a|, |ln b| = 25 (RunOffProbe); noise 10⁻¹² of |ℓ|, ten times the
        // rounding of the summed log-likelihood.
        if (exit == FitExitReason.Converged)
        {
            Derivatives(distinct, aHat, bHat, out double ga, out double gb, out _, out _, out _);
            int probes = 0;
            double[]? before = double.IsNaN(previousLa) ? null : [previousLa, previousLb];
            if (RunOffProbe.AnyRayRunsOff(theta => -LogLikelihood(distinct, Math.Exp(theta[0]), Math.Exp(theta[1])), [la, lb], -ll, before,
                    [-ga * aHat, -gb * bHat], 25, 1e-12, ref probes))
                exit = FitExitReason.ParameterDiverged;
        }
        Derivatives(distinct, aHat, bHat, out _, out _, out double faa, out double fab, out double fbb);
        // Observed information J = −H; covariance = J⁻¹.
        double jaa = -faa, jab = -fab, jbb = -fbb;
        double jdet = jaa * jbb - jab * jab;
        double seA = double.NaN, seB = double.NaN, corr = double.NaN;
        if (jaa > 0 && jdet > 0)
        {
            double vaa = jbb / jdet, vbb = jaa / jdet, vab = -jab / jdet;
            seA = Math.Sqrt(vaa);
            seB = Math.Sqrt(vbb);
            corr = vab / (seA * seB);
        }
        return new BetaBinomialFitResult(aHat, bHat, seA, seB, corr, ll, n.Count, iteration, exit);
    }

    /// <summary>The beta-binomial log-likelihood Σ ln[C(n_i, c_i)·B(c_i + a, n_i − c_i + b)/B(a, b)].</summary>
    /// <param name="problems">Per-problem counts. Range: each 0 ≤ c ≤ n.</param>
    /// <param name="a">a. Range: a &gt; 0.</param>
    /// <param name="b">b. Range: b &gt; 0.</param>
    public static double LogLikelihood(IReadOnlyList<ProblemOutcomes> problems, double a, double b)
    {
        Guard.NotEmpty(problems);
        Guard.Positive(a);
        Guard.Positive(b);
        var n = new List<int>();
        var c = new List<int>();
        for (int i = 0; i < problems.Count; i++)
        {
            if (problems[i].Samples < 0 || problems[i].Successes < 0 || problems[i].Successes > problems[i].Samples)
                throw new ArgumentOutOfRangeException(nameof(problems), problems[i].Successes,
                    $"problems[{i}] '{problems[i].ProblemId}': (n, c) = ({problems[i].Samples}, {problems[i].Successes}); allowed: 0 ≤ c ≤ n.");
            n.Add(problems[i].Samples);
            c.Add(problems[i].Successes);
        }
        return LogLikelihood(new DistinctCounts(n, c), a, b);
    }

    /// <summary>
    /// The problems' (n, c) pairs as indices into their distinct values: benchmarks repeat pairs (every unsolved problem
    /// of a uniform allocation is (n, 0)), so each special function is evaluated once per distinct pair. The sums still
    /// run over the problems in their order, adding for each the same double as before, so every result is bit for bit
    /// that of the per-problem loop.
    /// </summary>
    private sealed class DistinctCounts
    {
        public DistinctCounts(List<int> n, List<int> c)
        {
            var index = new Dictionary<(int, int), int>();
            Key = new int[n.Count];
            var ns = new List<int>(); var cs = new List<int>();
            for (int i = 0; i < n.Count; i++)
            {
                if (!index.TryGetValue((n[i], c[i]), out int k))
                {
                    k = ns.Count;
                    index[(n[i], c[i])] = k;
                    ns.Add(n[i]); cs.Add(c[i]);
                }
                Key[i] = k;
            }
            N = ns.ToArray(); C = cs.ToArray();
            BinomialLn = new double[N.Length];
            for (int k = 0; k < N.Length; k++) BinomialLn[k] = MathNet.Numerics.SpecialFunctions.BinomialLn(N[k], C[k]);
        }

        /// <summary>Problem i's distinct pair.</summary>
        public int[] Key { get; }

        public int[] N { get; }

        public int[] C { get; }

        /// <summary>ln C(n, c) of each distinct pair.</summary>
        public double[] BinomialLn { get; }
    }

    private static double LogLikelihood(DistinctCounts counts, double a, double b)
    {
        double lbab = BetaFunctions.LogBeta(a, b);
        var term = new double[counts.N.Length];
        for (int k = 0; k < term.Length; k++)
            term[k] = counts.BinomialLn[k] + BetaFunctions.LogBeta(counts.C[k] + a, counts.N[k] - counts.C[k] + b) - lbab;
        double sum = 0;
        foreach (int k in counts.Key)
            sum += term[k];
        return sum;
    }

    private static void Derivatives(DistinctCounts counts, double a, double b,
        out double ga, out double gb, out double haa, out double hab, out double hbb)
    {
        double psiA = BetaFunctions.Digamma(a), psiB = BetaFunctions.Digamma(b), psiAB = BetaFunctions.Digamma(a + b);
        double triA = BetaFunctions.Trigamma(a), triB = BetaFunctions.Trigamma(b), triAB = BetaFunctions.Trigamma(a + b);
        int m = counts.N.Length;
        var tga = new double[m]; var tgb = new double[m]; var thaa = new double[m]; var thbb = new double[m]; var thab = new double[m];
        for (int k = 0; k < m; k++)
        {
            int nk = counts.N[k], ck = counts.C[k];
            double psiN = BetaFunctions.Digamma(nk + a + b), triN = BetaFunctions.Trigamma(nk + a + b);
            tga[k] = BetaFunctions.Digamma(ck + a) - psiN - psiA + psiAB;
            tgb[k] = BetaFunctions.Digamma(nk - ck + b) - psiN - psiB + psiAB;
            thaa[k] = BetaFunctions.Trigamma(ck + a) - triN - triA + triAB;
            thbb[k] = BetaFunctions.Trigamma(nk - ck + b) - triN - triB + triAB;
            thab[k] = -triN + triAB;
        }
        ga = gb = haa = hab = hbb = 0;
        foreach (int k in counts.Key)
        {
            ga += tga[k];
            gb += tgb[k];
            haa += thaa[k];
            hbb += thbb[k];
            hab += thab[k];
        }
    }

    private static (double A, double B) MomentStart(List<int> n, List<int> c)
    {
        double mean = 0;
        for (int i = 0; i < n.Count; i++)
            mean += (double)c[i] / n[i];
        mean /= n.Count;
        double variance = 0;
        for (int i = 0; i < n.Count; i++)
        {
            double d = (double)c[i] / n[i] - mean;
            variance += d * d;
        }
        variance /= n.Count;
        double m = Math.Clamp(mean, 1e-6, 1 - 1e-6);
        double phi = variance > 0 ? m * (1 - m) / variance - 1 : 100;
        if (!(phi > 0)) phi = 1;
        return (Math.Clamp(m * phi, 1e-2, 1e2), Math.Clamp((1 - m) * phi, 1e-2, 1e2));
    }
}
