using System.Numerics;
using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// Deterministic-equivalent theory of gradient flow in the linear random-feature model of Bordelon, Atanasov &amp;
/// Pehlevan 2024 at finite model size N and finite data P: f = w·Aψ/√N, A ∈ ℝ^(N×M) iid N(0, 1), P samples
/// ψ ~ N(0, Λ), w(0) = 0, ẇ = AΣ̂v/√N with v = w* − Aᵀw/√N and Σ̂ = ΨᵀΨ/P. Gives the test loss L(t) = vᵀΛv, the
/// training loss L̂(t) = vᵀΣ̂v and the mean transfer function H_k(t) = E[v_k(t)]/w*_k, averaged over A and data.
/// </summary>
/// <remarks>
/// arXiv:2402.01092 (ICML 2024): the mean transfer function is the paper's H_k(ω) = 1/(iω + λ_kR₁R₃) (its Eq. 10, as the
/// spec and the authors' blog give it); the loss curves are our derivation (the paper's DMFT Eq. 11 could not be
/// read), the same limit reached by a different route: in Laplace variable s,
/// <list type="number">
/// <item>the N-level renormalised ridge x(s) solves x(1 − D(x)/N)(1 − D(x)/P) = s with D(x) = Σ_k λ_k/(λ_k + x); the
/// P-level one is κ(s) = x(1 − D(x)/N), so κ(1 − D/P) = s; H_k(s) = x/(s(λ_k + x));</item>
/// <item>given A, the N features z = Aψ/√N are Gaussian with population covariance Σ_z, and y − z·θ* is independent
/// noise of variance σ_A² = Σ_k p_k x₀/(λ_k + x₀), D(x₀) = N (the model bottleneck), so training is ridge-in-time on
/// Σ_z; its two-time test error in (s, s′) is E = [S + σ_A²γ]/[(1 − γ)ss′] with γ = G/P,
/// G = Σ_j μ_j²/((μ_j+κ)(μ_j+κ′)) = (κD − κ′D′)/(κ − κ′) and S = Σ_j p_jκκ′/((μ_j+κ)(μ_j+κ′)) = (κW′ − κ′W)/(κ − κ′) − σ_A²,
/// W(x) = Σ_k p_k x/(λ_k + x) (partial fractions over the spectrum μ_j of Σ_z, then the first-order equivalent
/// κ(Λ^½FΛ^½ + κ)⁻¹ ≈ x(Λ + x)⁻¹); on the diagonal the κ′ → κ limits G = D − κD₂/κ_x, S = W − σ_A² − κW₂/κ_x with
/// D₂ = Σλ/(λ+x)², W₂ = Σpλ/(λ+x)², κ_x = dκ/dx = 1 − D/N + xD₂/N;
/// L(t) = σ_A² + 𝓛⁻¹_(s,s′)[E](t, t);</item>
/// <item>the training residual obeys ρ̇ = −Kρ (K = ZZᵀ/P), so L̂(t) = 𝓛⁻¹[W(x)/κ](2t) (the ridge identity
/// λyᵀ(K+λ)⁻¹y/P ≈ (λ/κ)(Σ_j p_jκ/(μ_j+κ) + σ_A²), whose λ-derivative gives the familiar E_tr = (λ/κ)²(E_g + σ²)).</item>
/// </list>
/// P = ∞ reduces to L = 𝓛⁻¹[W(x)/s](2t) with x(1 − D/N) = s, N = ∞ to the two-ridge kernel formula; both are the
/// spec's checked limits. Inversion by the fixed Talbot rule (<see cref="TalbotInversion"/>), x by complex Newton with
/// continuation along each node's ray in t. Proportional-limit theory: exact as N, P, M → ∞ at fixed ratios.
/// </remarks>
public sealed class RandomFeatureFlowTheory
{
    private readonly double[] _lambda;
    private readonly double[] _power;

    private RandomFeatureFlowTheory(LinearTask task, double features, double samples, int nodes)
    {
        Task = task;
        Features = features;
        Samples = samples;
        Nodes = nodes;
        _lambda = task.EigenvalueArray;
        _power = task.TargetPower();
        Bottleneck = ComputeBottleneck();
    }

    /// <summary>Talbot nodes used when none are given.</summary>
    public const int DefaultNodes = 20;

    /// <summary>λ_k and w*_k.</summary>
    public LinearTask Task { get; }

    /// <summary>N (may be +∞).</summary>
    public double Features { get; }

    /// <summary>P (may be +∞).</summary>
    public double Samples { get; }

    /// <summary>Talbot nodes per inversion.</summary>
    public int Nodes { get; }

    /// <summary>σ_A², the model bottleneck: the t → ∞ test loss at P = ∞ (target power outside the span of N features).</summary>
    public double Bottleneck { get; }

    /// <summary>The theory for a task, N and P.</summary>
    /// <param name="task">λ_k and w*_k (p_k = λ_k w*_k²).</param>
    /// <param name="features">N. Range: 1 ≤ N ≤ ∞.</param>
    /// <param name="samples">P. Range: 1 ≤ P ≤ ∞.</param>
    /// <param name="nodes">Talbot nodes M. Range: 8 ≤ M ≤ 60. The default 20 balances the rule's truncation error
    /// (about 10^(−0.6M)) against round-off amplified by e^(0.8M) in the two-variable inversion: about 10⁻⁹ relative.</param>
    public static RandomFeatureFlowTheory Create(LinearTask task, double features, double samples, int nodes = DefaultNodes)
    {
        Guard.NotNull(task);
        Guard.InRange(features, 1, double.PositiveInfinity);
        Guard.InRange(samples, 1, double.PositiveInfinity);
        Guard.InRange(nodes, 8, 60);
        return new RandomFeatureFlowTheory(task, features, samples, nodes);
    }

    /// <summary>Test loss, training loss and gap at each time.</summary>
    /// <param name="times">t values. Range: each finite and &gt; 0, strictly increasing.</param>
    public RandomFeatureFlowTheoryResult Evaluate(IReadOnlyList<double> times)
    {
        RequireTimes(times);
        int m = Nodes, count = times.Count;
        var test = new double[count];
        var train = new double[count];
        var testChain = new Complex[m];
        var trainChain = new Complex[m];
        double sigmaA = Bottleneck;
        double invP = double.IsPositiveInfinity(Samples) ? 0 : 1 / Samples;
        var at = new NodeValues[m];
        for (int j = 0; j < count; j++)
        {
            double t = times[j];
            // Training loss: one-variable transform W(x)/κ inverted at 2t.
            var (s2, c2) = TalbotInversion.Contour(2 * t, m);
            double tr = 0;
            for (int k = 0; k < m; k++)
            {
                var v = Solve(s2[k], ref trainChain[k], j == 0);
                tr += (c2[k] * v.W / v.Kappa).Real;
            }
            train[j] = tr;

            // Test loss: two-variable transform on the diagonal t = t′.
            var (s, c) = TalbotInversion.Contour(t, m);
            for (int k = 0; k < m; k++) at[k] = Solve(s[k], ref testChain[k], j == 0);
            double sum = 0;
            for (int a = 0; a < m; a++)
            {
                Complex inner = 0;
                for (int b = 0; b < m; b++)
                {
                    var e1 = Pair(at[a], at[b], a == b, sigmaA, invP);
                    var e2 = Pair(at[a], at[b].Conjugate(), a == b && b == 0, sigmaA, invP);
                    inner += 0.5 * (c[b] * e1 + Complex.Conjugate(c[b]) * e2);
                }
                sum += (c[a] * inner).Real;
            }
            test[j] = sigmaA + sum;
        }
        return new RandomFeatureFlowTheoryResult(times.ToArray(), test, train, sigmaA, Features, Samples);
    }

    /// <summary>The mean transfer function H_k(t) = E[v_k(t)]/w*_k of mode k (the paper's Eq. 10 in time).</summary>
    /// <param name="mode">k, 0-based. Range: 0 ≤ k &lt; M.</param>
    /// <param name="times">t values. Range: each finite and &gt; 0, strictly increasing.</param>
    public double[] Transfer(int mode, IReadOnlyList<double> times)
    {
        Guard.InRange(mode, 0, _lambda.Length - 1);
        RequireTimes(times);
        var chain = new Complex[Nodes];
        var result = new double[times.Count];
        for (int j = 0; j < times.Count; j++)
        {
            var (s, c) = TalbotInversion.Contour(times[j], Nodes);
            double sum = 0;
            for (int k = 0; k < Nodes; k++)
            {
                var v = Solve(s[k], ref chain[k], j == 0);
                sum += (c[k] * v.X / (s[k] * (_lambda[mode] + v.X))).Real;
            }
            result[j] = sum;
        }
        return result;
    }

    // Quantities at one contour node.
    private readonly record struct NodeValues(Complex S, Complex X, Complex Kappa, Complex D, Complex W, Complex KappaX, Complex D2, Complex W2)
    {
        public NodeValues Conjugate() => new(Complex.Conjugate(S), Complex.Conjugate(X), Complex.Conjugate(Kappa), Complex.Conjugate(D),
            Complex.Conjugate(W), Complex.Conjugate(KappaX), Complex.Conjugate(D2), Complex.Conjugate(W2));
    }

    // E(s, s′) of the remarks; same = the two nodes are one point (use the κ′ → κ limits).
    private static Complex Pair(in NodeValues p, in NodeValues q, bool same, double sigmaA, double invP)
    {
        Complex g, sig;
        if (same)
        {
            g = p.D - p.Kappa * p.D2 / p.KappaX;
            sig = p.W - sigmaA - p.Kappa * p.W2 / p.KappaX;
        }
        else
        {
            var dk = p.Kappa - q.Kappa;
            g = (p.Kappa * p.D - q.Kappa * q.D) / dk;
            sig = (p.Kappa * q.W - q.Kappa * p.W) / dk - sigmaA;
        }
        var gamma = g * invP;
        return (sig + sigmaA * gamma) / ((1 - gamma) * p.S * q.S);
    }

    private NodeValues Solve(Complex s, ref Complex guess, bool first)
    {
        if (first)
        {
            // Continuation along the ray of s from far out (|s| ≥ 10³·(λ_max + 1), where x ≈ s) down to s: near s = 0
            // there are spurious roots (x ≈ s/((1 − M/N)(1 − M/P))) that a start at s itself can fall into.
            double far = 1e3 * (_lambda.Max() + 1);
            double scale = Math.Max(far / s.Magnitude, 1);
            var x = s * scale;
            for (; scale > 1; scale = Math.Max(scale / 2, 1))
                x = Newton(s * scale, x);
            guess = Newton(s, x);
        }
        else
        {
            guess = Newton(s, guess);
        }
        return Values(s, guess);
    }

    private Complex Newton(Complex s, Complex x)
    {
        double invN = double.IsPositiveInfinity(Features) ? 0 : 1 / Features;
        double invP = double.IsPositiveInfinity(Samples) ? 0 : 1 / Samples;
        for (int iter = 0; iter < 200; iter++)
        {
            Complex d = 0, d2 = 0;
            for (int k = 0; k < _lambda.Length; k++)
            {
                var inv = 1 / (_lambda[k] + x);
                d += _lambda[k] * inv;
                d2 += _lambda[k] * inv * inv;
            }
            var a = 1 - d * invN;
            var b = 1 - d * invP;
            var f = x * a * b - s;
            // d/dx[x a b] with a′ = D₂/N, b′ = D₂/P (D′ = −D₂).
            var df = a * b + x * d2 * (invN * b + invP * a);
            var step = f / df;
            double limit = 0.5 * x.Magnitude;
            if (step.Magnitude > limit) step *= limit / step.Magnitude;
            x -= step;
            if (step.Magnitude <= 1e-14 * x.Magnitude) return x;
        }
        throw new InvalidOperationException(FormattableString.Invariant(
            $"The renormalised ridge did not converge at s = {s} (N = {Features}, P = {Samples}); allowed: a contour the Newton continuation can follow."));
    }

    private NodeValues Values(Complex s, Complex x)
    {
        double invN = double.IsPositiveInfinity(Features) ? 0 : 1 / Features;
        Complex d = 0, d2 = 0, w = 0, w2 = 0;
        for (int k = 0; k < _lambda.Length; k++)
        {
            var inv = 1 / (_lambda[k] + x);
            d += _lambda[k] * inv;
            d2 += _lambda[k] * inv * inv;
            w += _power[k] * x * inv;
            w2 += _power[k] * _lambda[k] * inv * inv;
        }
        var kappa = x * (1 - d * invN);
        var kappaX = 1 - d * invN + x * d2 * invN;
        return new NodeValues(s, x, kappa, d, w, kappaX, d2, w2);
    }

    // σ_A² = W(x₀) with D(x₀) = N (0 when N ≥ M or N = ∞).
    private double ComputeBottleneck()
    {
        if (double.IsPositiveInfinity(Features) || Features >= _lambda.Length) return 0;
        double D(double x) { double s = 0; for (int k = 0; k < _lambda.Length; k++) s += _lambda[k] / (_lambda[k] + x); return s; }
        double lo = 1e-300, hi = 1;
        while (D(hi) > Features) hi *= 2;
        lo = hi;
        while (D(lo) < Features && lo > 1e-300) lo /= 2;
        for (int iter = 0; iter < 200; iter++)
        {
            double mid = Math.Sqrt(lo * hi);
            if (D(mid) > Features) lo = mid; else hi = mid;
            if (hi / lo < 1 + 1e-15) break;
        }
        double x0 = Math.Sqrt(lo * hi), w = 0;
        for (int k = 0; k < _lambda.Length; k++) w += _power[k] * x0 / (_lambda[k] + x0);
        return w;
    }

    private static void RequireTimes(IReadOnlyList<double> times, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(times))] string name = "")
    {
        Guard.NotNull(times, name);
        Guard.NotEmpty(times, name);
        Guard.AllFinite(times, name);
        for (int i = 0; i < times.Count; i++)
        {
            Guard.Positive(times[i], name);
            if (i > 0 && !(times[i] > times[i - 1]))
                throw new ArgumentException(FormattableString.Invariant(
                    $"{name}[{i}] = {times[i]} ≤ {name}[{i - 1}] = {times[i - 1]}; allowed: strictly increasing."), name);
        }
    }
}
