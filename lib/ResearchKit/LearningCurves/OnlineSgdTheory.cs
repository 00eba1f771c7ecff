using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// The exact mean loss of one-pass mini-batch SGD on the linear random-feature model of Bordelon, Atanasov &amp;
/// Pehlevan (2024), given the first layer A₀: f = w·A₀ψ/√N, ψ ~ N(0, Λ), a fresh batch of B samples a step,
/// w ← w + η A₀Σ̂_B v/√N, v = w* − A₀ᵀw/√N, L = vᵀΛv (<see cref="TwoLayerLinearSgd"/> with γ = 0).
/// A closed recursion of N means and N second moments — our derivation, not the paper's SGD DMFT (not found).
/// </summary>
/// <remarks>
/// <para>Derivation (ours; notebook 15 writes it out). Let q = A₀Λv = c − Kw/√N with K = A₀ΛA₀ᵀ, c = A₀Λw*, and
/// h = A₀Σ̂_B v, so w′ = w + ηh/√N. Given w, E[h] = q; for Gaussian ψ, E[ψψᵀXψψᵀ] = 2ΛXΛ + Λ tr(ΛX) (Isserlis) for
/// symmetric X, hence for the mean of B independent outer products E[Σ̂XΣ̂] = ΛXΛ + (ΛXΛ + Λ tr(ΛX))/B and, with
/// X = vvᵀ, E[hhᵀ] = (1 + 1/B) qqᵀ + K·L/B — the 1/B term is the Gaussian fourth moment. In the eigenbasis
/// K = U diag(d) Uᵀ, with y = Uᵀw, c̃ = Uᵀc, m_i = E[y_i], s_i = E[y_i²]:</para>
/// <para>E[L] = L(0) − 2 Σ c̃_i m_i/√N + Σ d_i s_i/N,<br/>
/// m_i ← m_i + (η/√N)(c̃_i − d_i m_i/√N),<br/>
/// s_i ← s_i + (2η/√N)(c̃_i m_i − d_i s_i/√N) + (η²/N)[(1 + 1/B)(c̃_i² − 2c̃_i d_i m_i/√N + d_i² s_i/N) + d_i E[L]/B].</para>
/// <para>Only the diagonal of E[yyᵀ] enters, because every matrix acting on it is diagonal in this basis, so the
/// recursion is closed and exact (no proportional limit, no Gaussian closure beyond the data's own Gaussianity): O(N)
/// a step after one N×N eigen-solve. B = ∞ is gradient descent on the population loss; η → 0 with time ηt is the
/// P = ∞ gradient flow (<see cref="RandomFeatureGradientFlow"/>). The excess over B = ∞ is the variance B adds; its
/// source term d_i E[L]/B is proportional to the loss itself (multiplicative noise), so at N = ∞ it vanishes with L,
/// while at finite N it stays ∝ the width floor. A₀ is drawn exactly as <see cref="TwoLayerLinearSgd.Run"/> and
/// <see cref="RandomFeatureGradientFlow.Draw"/> draw it: one seed, one A₀. arXiv:2402.01092 (ICML 2024), one-pass SGD
/// (its SGD DMFT appendix, not transcribed); notebook 15.</para>
/// </remarks>
public sealed class OnlineSgdTheory
{
    private OnlineSgdTheory(LinearTask task, int width, double learningRate, double batch)
    {
        Task = task;
        Width = width;
        LearningRate = learningRate;
        Batch = batch;
    }

    /// <summary>λ_k and w*_k.</summary>
    public LinearTask Task { get; }

    /// <summary>N.</summary>
    public int Width { get; }

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <summary>B (∞: population gradient descent).</summary>
    public double Batch { get; }

    /// <summary>The recursion with its hyper-parameters.</summary>
    /// <param name="task">λ_k and w*_k (p_k = λ_k w*_k²).</param>
    /// <param name="width">N. Range: 1 ≤ N &lt; M (the modes of <paramref name="task"/>).</param>
    /// <param name="learningRate">η. Range: 0 &lt; η &lt; ∞.</param>
    /// <param name="batch">B. Range: 1 ≤ B ≤ ∞ (∞: no batch noise).</param>
    public static OnlineSgdTheory Create(LinearTask task, int width, double learningRate, double batch)
    {
        Guard.NotNull(task);
        Guard.InRange(width, 1, task.Modes - 1);
        Guard.Positive(learningRate);
        Guard.Finite(learningRate);
        if (!(batch >= 1))
            throw new ArgumentOutOfRangeException(nameof(batch), batch, FormattableString.Invariant($"batch = {batch} is out of range; allowed: 1 ≤ B ≤ ∞."));
        return new OnlineSgdTheory(task, width, learningRate, batch);
    }

    /// <summary>Draws A₀ and runs the mean-loss recursion from w = 0.</summary>
    /// <param name="recordSteps">Steps t at which to give E[L(t)]. Range: strictly increasing, each 0 ≤ t ≤ <see cref="TwoLayerLinearSgd.MaxSteps"/>.</param>
    /// <param name="random">Source of A₀ (the same draw as <see cref="TwoLayerLinearSgd.Run"/> with the same seed).</param>
    public OnlineSgdTheoryResult ExpectedLoss(IReadOnlyList<int> recordSteps, Random random)
    {
        Guard.NotEmpty(recordSteps);
        Guard.NotNull(random);
        for (int i = 0; i < recordSteps.Count; i++)
        {
            Guard.InRange(recordSteps[i], 0, TwoLayerLinearSgd.MaxSteps, nameof(recordSteps));
            if (i > 0 && recordSteps[i] <= recordSteps[i - 1])
                throw new ArgumentException(FormattableString.Invariant(
                    $"recordSteps[{i}] = {recordSteps[i]} ≤ recordSteps[{i - 1}] = {recordSteps[i - 1]}; allowed: strictly increasing."), nameof(recordSteps));
        }
        int n = Width;
        var basis = FeatureKernelBasis.Draw(Task, n, random);
        var d = basis.KernelEigenvalues;
        var c = basis.TargetProjection;
        double initialLoss = basis.InitialLoss;
        double eta = LearningRate, sqrtN = Math.Sqrt(n), inverseBatch = double.IsPositiveInfinity(Batch) ? 0 : 1 / Batch;
        var mean = new double[n];
        var second = new double[n];
        var steps = recordSteps.ToArray();
        var loss = new double[steps.Length];
        int next = 0, last = steps[^1];
        bool diverged = false;
        for (int t = 0; ; t++)
        {
            double cm = 0, ds = 0;
            for (int i = 0; i < n; i++)
            {
                cm += c[i] * mean[i];
                ds += d[i] * second[i];
            }
            double l = initialLoss - 2 * cm / sqrtN + ds / n;
            if (!double.IsFinite(l) || l > 1e6 * initialLoss)
            {
                diverged = true;
                for (; next < steps.Length; next++) loss[next] = double.NaN;
                break;
            }
            l = Math.Max(l, 0);
            if (t == steps[next])
            {
                loss[next++] = l;
                if (next == steps.Length) break;
            }
            if (t >= last) break;
            for (int i = 0; i < n; i++)
            {
                double m = mean[i], s = second[i], di = d[i], ci = c[i];
                double q2 = ci * ci - 2 * ci * di * m / sqrtN + di * di * s / n;   // E[q_i²]
                second[i] = s + 2 * eta / sqrtN * (ci * m - di * s / sqrtN) + eta * eta / n * ((1 + inverseBatch) * q2 + di * l * inverseBatch);
                mean[i] = m + eta / sqrtN * (ci - di * m / sqrtN);
            }
        }
        return new OnlineSgdTheoryResult(steps, loss, diverged, n, Batch, initialLoss, basis.Floor);
    }
}
