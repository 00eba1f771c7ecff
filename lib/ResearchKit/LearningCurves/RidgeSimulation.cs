using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// Simulates ridge regression ŵ = (XᵀX/P + λ)⁻¹Xᵀy/P on P Gaussian samples of a <see cref="LinearTask"/> in its
/// eigenbasis (x = z ⊙ √λ, z ~ N(0, I); y = x·w̄ + ε, ε ~ N(0, σ²)), scored by the exact population error.
/// </summary>
/// <remarks>
/// The finite system behind the equivalent of Atanasov et al. 2024 (arXiv:2405.00592), as in the authors' code
/// (linear_regression.ipynb, simulate_theory) but without a finite test set. Solves through the eigendecomposition of
/// the smaller of XXᵀ/P (P ≤ M) and XᵀX/P (P &gt; M) by <see cref="Linalg.SymmetricEigen"/>, which also gives the GCV
/// traces; λ = 0 is the minimum-norm interpolator (pseudo-inverse). Notebook 13.
/// </remarks>
public static class RidgeSimulation
{
    /// <summary>One draw of X and ε and the fit.</summary>
    /// <param name="task">Spectrum and target.</param>
    /// <param name="sampleSize">P. Range: ≥ 1.</param>
    /// <param name="ridge">λ. Range: 0 ≤ λ &lt; ∞.</param>
    /// <param name="noiseVariance">σ². Range: 0 ≤ σ² &lt; ∞.</param>
    /// <param name="random">Source of randomness (X, then ε).</param>
    public static RidgeSimulationResult Run(LinearTask task, int sampleSize, double ridge, double noiseVariance, Random random)
    {
        Guard.NotNull(task);
        return RunTargets(new[] { task }, sampleSize, ridge, noiseVariance, random)[0];
    }

    /// <summary>
    /// One draw of X and ε fitted to the targets of several tasks on one spectrum: the Gram matrix and its eigendecomposition
    /// are computed once and shared. Result i is bit-identical to <see cref="Run"/> on tasks[i] with a generator in the
    /// same state (X and ε are drawn from the spectrum alone).
    /// </summary>
    /// <param name="tasks">The tasks. Range: at least one; every task with the same eigenvalues.</param>
    /// <param name="sampleSize">P. Range: ≥ 1.</param>
    /// <param name="ridge">λ. Range: 0 ≤ λ &lt; ∞.</param>
    /// <param name="noiseVariance">σ². Range: 0 ≤ σ² &lt; ∞.</param>
    /// <param name="random">Source of randomness (X, then ε).</param>
    public static RidgeSimulationResult[] RunTargets(IReadOnlyList<LinearTask> tasks, int sampleSize, double ridge, double noiseVariance, Random random)
    {
        Guard.NotNull(tasks);
        if (tasks.Count == 0 || tasks.Any(t => t is null))
            throw new ArgumentException("tasks must hold at least one task, none null.", nameof(tasks));
        var first = tasks[0];
        foreach (var t in tasks)
            if (t.Modes != first.Modes || !t.EigenvalueArray.AsSpan().SequenceEqual(first.EigenvalueArray))
                throw new ArgumentException("tasks differ in their eigenvalues; allowed: tasks on one spectrum (only the targets may differ).", nameof(tasks));
        Guard.Positive(sampleSize);
        Guard.NonNegative(ridge);
        Guard.NonNegative(noiseVariance);
        Guard.NotNull(random);
        int p = sampleSize, m = first.Modes;
        var x = SampleInputs(first, p, random);
        var noise = new double[p];
        Normal.Samples(random, noise, 0, Math.Sqrt(noiseVariance));
        var eps = Vector<double>.Build.DenseOfArray(noise);
        var solver = Factor(x, ridge);
        var wNoise = solver.Solve(eps);
        var results = new RidgeSimulationResult[tasks.Count];
        for (int ti = 0; ti < tasks.Count; ti++)
        {
            var task = tasks[ti];
            var clean = x.Multiply(Vector<double>.Build.DenseOfArray(task.WeightArray));
            var wClean = solver.Solve(clean);
            var w = wClean + wNoise;
            var eig = task.EigenvalueArray;
            var target = task.WeightArray;
            double test = 0, signal = 0, noiseError = 0;
            for (int k = 0; k < m; k++)
            {
                double d = w[k] - target[k], dc = wClean[k] - target[k];
                test += eig[k] * d * d;
                signal += eig[k] * dc * dc;
                noiseError += eig[k] * wNoise[k] * wNoise[k];
            }
            var residual = clean + eps - x.Multiply(w);
            double train = residual.DotProduct(residual) / p;
            double s = solver.InverseS > 0 ? 1 / solver.InverseS : double.PositiveInfinity;
            results[ti] = new RidgeSimulationResult(p, ridge, noiseVariance, test, signal, noiseError, train, solver.Df1, s, wClean.ToArray());
        }
        return results;
    }

    /// <summary>P×M matrix of inputs x = z ⊙ √λ (rows = samples), drawn column by column.</summary>
    internal static Matrix<double> SampleInputs(LinearTask task, int p, Random random)
    {
        int m = task.Modes;
        var data = new double[p * m];
        Normal.Samples(random, data, 0, 1);
        var eig = task.EigenvalueArray;
        for (int k = 0; k < m; k++)
        {
            double scale = Math.Sqrt(eig[k]);
            for (int i = 0; i < p; i++) data[k * p + i] *= scale;
        }
        return Matrix<double>.Build.Dense(p, m, data);
    }

    /// <summary>
    /// Ridge fits of the design <paramref name="x"/> (P×d) to two label vectors, through the eigendecomposition of the
    /// smaller Gram; also df = tr(Σ̂(Σ̂+λ)⁻¹) and S⁻¹ = λ·tr((XXᵀ/P + λ)⁻¹)/P.
    /// </summary>
    internal static (Vector<double> A, Vector<double> B, double Df1, double InverseS) Fit(Matrix<double> x, Vector<double> ya, Vector<double> yb, double ridge)
    {
        var solver = Factor(x, ridge);
        return (solver.Solve(ya), solver.Solve(yb), solver.Df1, solver.InverseS);
    }

    /// <summary>The eigendecomposition of the smaller Gram of <paramref name="x"/>, ready to solve for any label vector.</summary>
    internal static GramSolver Factor(Matrix<double> x, double ridge)
    {
        int p = x.RowCount, d = x.ColumnCount;
        bool dual = p <= d;
        var gram = dual ? Linalg.Gram(x.Transpose()) : Linalg.Gram(x); // XXᵀ (P×P) or XᵀX (d×d)
        gram = gram.Divide(p);
        var eigen = Linalg.SymmetricEigen(gram);
        var values = eigen.Values;
        double cutoff = values.Max() * 1e-12 * Math.Max(p, d);
        var inverse = new double[values.Length];
        double df = 0, traceInverse = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double v = Math.Max(values[i], 0);
            if (ridge > 0)
            {
                inverse[i] = 1 / (v + ridge);
                df += v / (v + ridge);
                traceInverse += 1 / (v + ridge);
            }
            else if (v > cutoff)
            {
                inverse[i] = 1 / v;
                df += 1;
            }
        }
        double inverseS = ridge > 0 ? ridge * traceInverse / p + (dual ? 0 : 1 - (double)d / p) : (dual ? 0 : 1 - df / p);
        return new GramSolver(x, eigen.Vectors, inverse, dual, df, inverseS);
    }

    /// <summary>A factored ridge problem: ŵ for any labels y from the shared eigendecomposition.</summary>
    internal sealed class GramSolver(Matrix<double> x, Matrix<double> vectors, double[] inverse, bool dual, double df1, double inverseS)
    {
        public double Df1 { get; } = df1;
        public double InverseS { get; } = inverseS;

        public Vector<double> Solve(Vector<double> y)
        {
            int p = x.RowCount;
            if (dual)
            {
                // ŵ = Xᵀ (G + λ)⁻¹ y / P
                var c = vectors.TransposeThisAndMultiply(y);
                for (int i = 0; i < c.Count; i++) c[i] *= inverse[i];
                return x.TransposeThisAndMultiply(vectors.Multiply(c)) / p;
            }
            var b = x.TransposeThisAndMultiply(y) / p;
            var e = vectors.TransposeThisAndMultiply(b);
            for (int i = 0; i < e.Count; i++) e[i] *= inverse[i];
            return vectors.Multiply(e);
        }
    }
}
