using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// A finite set of N questions and how repeated attempts at each one succeed: either independent Bernoulli trials
/// with a latent success probability p_i, or a replay of recorded outcomes (n_i attempts of which c_i were correct)
/// drawn in a uniformly random order without replacement. The only thing the coverage simulators need is the
/// distribution of each question's solve time T_i (the index of its first successful attempt), which this type samples.
/// </summary>
/// <remarks>
/// <para>
/// For recorded outcomes P(T_i &gt; k) = C(n_i − c_i, k)/C(n_i, k), exactly the per-problem unbiased failure
/// estimate of <see cref="PassAtK"/>; a question with c_i = 0 is never solved, and after n_i attempts its record is
/// exhausted (it stays unsolved). For probabilities P(T_i &gt; k) = (1 − p_i)^k; p_i = 0 is never solved.
/// </para>
/// <para>Meir et al., arXiv 2601.21522 (coverage@cost, Sec. 3). Used by notebook 07.</para>
/// </remarks>
public sealed class CoverageQuestions
{
    /// <summary>The solve time of a question that is never solved.</summary>
    public const long Never = long.MaxValue;

    private readonly double[]? _probabilities;
    private readonly ProblemOutcomes[]? _recorded;

    private CoverageQuestions(double[]? probabilities, ProblemOutcomes[]? recorded)
    {
        _probabilities = probabilities;
        _recorded = recorded;
    }

    /// <summary>N, the number of questions.</summary>
    public int Count => _probabilities?.Length ?? _recorded!.Length;

    /// <summary>True when the questions replay recorded outcomes (without replacement).</summary>
    public bool IsRecorded => _recorded is not null;

    /// <summary>Questions with independent Bernoulli attempts of success probability p_i.</summary>
    /// <param name="successProbabilities">p_i for each question. Range: 0 ≤ p_i ≤ 1; at least one question.</param>
    /// <exception cref="ArgumentException">Empty, or an entry outside [0, 1] (the message names its index).</exception>
    public static CoverageQuestions FromSuccessProbabilities(IReadOnlyList<double> successProbabilities)
    {
        Guard.NotEmpty(successProbabilities);
        var p = new double[successProbabilities.Count];
        for (int i = 0; i < p.Length; i++)
        {
            double v = successProbabilities[i];
            if (!(v >= 0 && v <= 1))
                throw new ArgumentOutOfRangeException(nameof(successProbabilities), v,
                    $"successProbabilities[{i}] = {v} is out of range; allowed: 0 ≤ p ≤ 1.");
            p[i] = v;
        }
        return new CoverageQuestions(p, null);
    }

    /// <summary>Questions that replay recorded outcomes: n_i attempts, c_i correct, drawn in random order.</summary>
    /// <param name="problems">Each question's (n, c). Range: n ≥ 1, 0 ≤ c ≤ n; at least one question.</param>
    /// <exception cref="ArgumentException">Empty, or inconsistent counts (the message names the problem).</exception>
    public static CoverageQuestions FromRecordedOutcomes(IReadOnlyList<ProblemOutcomes> problems)
    {
        Guard.NotEmpty(problems);
        var copy = new ProblemOutcomes[problems.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            PassAtK.ValidateProblem(problems[i]);
            copy[i] = problems[i];
        }
        return new CoverageQuestions(null, copy);
    }

    /// <summary>
    /// The population failure curve F(k) = 1 − pass@k for k = 0 … <paramref name="maxAttempts"/> (F(0) = 1): the
    /// mean over questions of P(T_i &gt; k). For recorded outcomes beyond a question's n_i, P(T_i &gt; k) = [c_i = 0].
    /// </summary>
    /// <param name="maxAttempts">K, the largest k. Range: 1 ≤ K ≤ Array.MaxLength − 1 (the curve is one array).</param>
    /// <returns>An array of length K + 1, element k = F(k).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAttempts"/> outside its range.</exception>
    public double[] FailureCurve(int maxAttempts)
    {
        // maxAttempts + 1 wrapped at int.MaxValue (a bare OverflowException).
        Guard.InRange(maxAttempts, 1, Array.MaxLength - 1);
        var f = new double[maxAttempts + 1];
        if (_probabilities is not null)
        {
            foreach (double p in _probabilities)
            {
                double logQ = LogOneMinus(p);
                f[0] += 1;
                for (int k = 1; k <= maxAttempts; k++)
                    f[k] += p >= 1 ? 0 : Math.Exp(k * logQ);
            }
        }
        else
        {
            foreach (var q in _recorded!)
            {
                int n = q.Samples, c = q.Successes;
                double survival = 1;
                f[0] += 1;
                for (int k = 1; k <= maxAttempts; k++)
                {
                    // C(n−c,k)/C(n,k) = Π_{i<k} (1 − c/(n−i)); zero once k > n − c, and 1 forever when c = 0.
                    if (c > 0)
                        survival = k > n - c ? 0 : survival * (1 - (double)c / (n - k + 1));
                    f[k] += survival;
                }
            }
        }
        for (int k = 0; k <= maxAttempts; k++)
            f[k] /= Count;
        return f;
    }

    /// <summary>Draws the solve time T_i of question <paramref name="index"/>, or <see cref="Never"/>.</summary>
    internal long SampleSolveTime(int index, Random random)
    {
        if (_probabilities is not null)
        {
            double p = _probabilities[index];
            if (p <= 0) return Never;
            if (p >= 1) return 1;
            // Geometric on {1, 2, …}: T = 1 + ⌊ln U / ln(1 − p)⌋ with U ∈ (0, 1].
            double u = 1 - random.NextDouble();
            double t = 1 + Math.Floor(Math.Log(u) / LogOneMinus(p));
            return t >= 9e18 ? Never : (long)t;
        }

        var q = _recorded![index];
        int n = q.Samples, c = q.Successes;
        if (c == 0) return Never;
        if (c <= 32)
        {
            // The first success is the smallest of c distinct uniform positions in 1..n.
            var positions = new HashSet<int>();
            int min = int.MaxValue;
            while (positions.Count < c)
            {
                int pos = random.Next(1, n + 1);
                if (positions.Add(pos) && pos < min) min = pos;
            }
            return min;
        }

        // Many successes: walk the survival function Π (1 − c/(n−i)) until it drops below U (expected ≈ n/(c+1) steps).
        double target = random.NextDouble(), survival = 1;
        for (int k = 1; k <= n - c + 1; k++)
        {
            survival *= 1 - (double)c / (n - k + 1);
            if (survival <= target) return k;
        }
        return n - c + 1;
    }

    // ln(1 − p) to full relative precision for small p (Kahan's trick; net8.0 has no Math.Log1P).
    private static double LogOneMinus(double p)
    {
        double u = 1 - p;
        return u == 1 ? -p : Math.Log(u) * -p / (u - 1);
    }
}
