using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// The duplicated-row regression at a fixed budget: T training rows of which a share f are copies, d = round(f·T/r)
/// distinct rows each used r times and n = T − r·d unique rows, swept over r (the analogue of the paper's iso-FLOP
/// sweep over the repeat count R at a fixed repeated-token share).
/// </summary>
/// <remarks>
/// Chudnovsky, Kazdan, Levi, Schaeffer et al. 2026 (arXiv 2606.24998), linear model (secondary course notes on v1:
/// "with duplicated rows again at 10 % of the budget"). The closed forms are averaged over Gaussian designs; the Gram
/// matrices are drawn directly (Bartlett's decomposition when a block has at least m rows), so the cost does not grow
/// with T. Clean reference: with T unique Gaussian rows, E[L_test] − ‖β_out‖² = m/(T − m − 1) (inverse-Wishart mean);
/// the sample-efficiency analogue of CEG is T*/T with T* the clean rows of the same excess risk. Notebook 11.
/// </remarks>
public static class DuplicationSweep
{
    /// <summary>The split of a budget at repeat count r: d = round(f·T/r) distinct duplicated rows, n = T − r·d unique rows.</summary>
    /// <param name="trainingRows">T. Range: ≥ 1.</param>
    /// <param name="duplicatedFraction">f. Range: (0, 1].</param>
    /// <param name="repeats">r. Range: 1 … f·T (at least one duplicated row).</param>
    public static (int Unique, int Duplicated) Split(int trainingRows, double duplicatedFraction, int repeats)
    {
        Guard.Positive(trainingRows);
        Guard.Positive(duplicatedFraction);
        Guard.InRange(duplicatedFraction, 0, 1);
        Guard.Positive(repeats);
        int d = (int)Math.Round(duplicatedFraction * trainingRows / repeats, MidpointRounding.AwayFromZero);
        if (d < 1 || repeats > duplicatedFraction * trainingRows * (1 + 1e-12) || (long)repeats * d > trainingRows)
            throw new ArgumentOutOfRangeException(nameof(repeats), repeats, FormattableString.Invariant(
                $"repeats = {repeats} leaves d = {d} duplicated rows of a budget of {trainingRows}; allowed: 1 ≤ r ≤ f·T = {duplicatedFraction * trainingRows:G6}."));
        return (trainingRows - repeats * d, d);
    }

    /// <summary>
    /// The repeat counts that split the duplicated budget f·T exactly (r·d = f·T): the divisors of f·T, ascending.
    /// </summary>
    /// <param name="trainingRows">T. Range: ≥ 1.</param>
    /// <param name="duplicatedFraction">f, with f·T a whole number of rows. Range: (0, 1].</param>
    public static int[] ExactRepeatCounts(int trainingRows, double duplicatedFraction)
    {
        Guard.Positive(trainingRows);
        Guard.Positive(duplicatedFraction);
        Guard.InRange(duplicatedFraction, 0, 1);
        double budget = duplicatedFraction * trainingRows;
        int rows = (int)Math.Round(budget);
        if (rows < 1 || Math.Abs(budget - rows) > 1e-9 * budget)
            throw new ArgumentOutOfRangeException(nameof(duplicatedFraction), duplicatedFraction, FormattableString.Invariant(
                $"duplicatedFraction = {duplicatedFraction:G6} gives f·T = {budget:G6} rows; allowed: a whole number ≥ 1."));
        return Enumerable.Range(1, rows).Where(r => rows % r == 0).ToArray();
    }

    /// <summary>E[L_test] − ‖β_out‖² with T unique standard Gaussian rows and m observed coordinates: m/(T − m − 1).</summary>
    /// <param name="observed">m. Range: ≥ 1.</param>
    /// <param name="trainingRows">T. Range: ≥ m + 2.</param>
    public static double CleanExcessTestRisk(int observed, int trainingRows)
    {
        Guard.Positive(observed);
        Guard.AtLeast(trainingRows, observed + 2);
        return observed / (trainingRows - observed - 1.0);
    }

    /// <summary>The (real) number of clean rows T* whose excess risk m/(T* − m − 1) equals <paramref name="excess"/>.</summary>
    /// <param name="observed">m. Range: ≥ 1.</param>
    /// <param name="excess">An excess test risk. Range: finite, &gt; 0.</param>
    public static double CleanRowsForExcess(int observed, double excess)
    {
        Guard.Positive(observed);
        Guard.Positive(excess);
        return observed + 1 + observed / excess;
    }

    /// <summary>
    /// Draws the Gram matrix XᵀX of <paramref name="rows"/> standard Gaussian rows of dimension m: Wishart(rows, I_m) by
    /// Bartlett's decomposition when rows ≥ m, from the rows themselves otherwise (rank-deficient).
    /// </summary>
    /// <param name="rows">Number of rows. Range: ≥ 0.</param>
    /// <param name="observed">m. Range: ≥ 1.</param>
    /// <param name="random">The generator.</param>
    public static Matrix<double> GaussianGram(int rows, int observed, Random random)
    {
        Guard.AtLeast(rows, 0);
        Guard.Positive(observed);
        Guard.NotNull(random);
        if (rows < observed)
        {
            var x = Matrix<double>.Build.Dense(rows, observed, (_, _) => Normal.Sample(random, 0, 1));
            return x.TransposeThisAndMultiply(x);
        }
        // Bartlett: A lower triangular, A_ii = √χ²(rows − i), A_ij ~ 𝒩(0, 1) below the diagonal; AAᵀ ~ Wishart(rows, I).
        var a = Matrix<double>.Build.Dense(observed, observed);
        for (int i = 0; i < observed; i++)
        {
            a[i, i] = Math.Sqrt(Gamma.Sample(random, 0.5 * (rows - i), 0.5));     // χ²(k) = Gamma(k/2, rate 1/2)
            for (int j = 0; j < i; j++)
                a[i, j] = Normal.Sample(random, 0, 1);
        }
        return a.TransposeAndMultiply(a);
    }

    /// <summary>
    /// The closed-form risks at each repeat count, averaged over <paramref name="designs"/> Gaussian designs per point
    /// (in parallel; design j at point i draws from its own generator, so results do not depend on the thread count).
    /// </summary>
    /// <param name="observed">m. Range: ≥ 1.</param>
    /// <param name="trainingRows">T. Range: ≥ m + 2.</param>
    /// <param name="duplicatedFraction">f. Range: (0, 1].</param>
    /// <param name="repeats">The repeat counts r, each in 1 … f·T, with n + d ≥ m. Non-empty.</param>
    /// <param name="designs">Designs per point. Range: ≥ 2.</param>
    /// <param name="seed">Master seed.</param>
    public static DuplicationSweepResult Run(int observed, int trainingRows, double duplicatedFraction, IReadOnlyList<int> repeats, int designs, int seed)
    {
        Guard.Positive(observed);
        Guard.AtLeast(trainingRows, observed + 2);
        Guard.NotEmpty(repeats);
        Guard.AtLeast(designs, 2);
        var splits = repeats.Select(r => (R: r, Split: Split(trainingRows, duplicatedFraction, r))).ToArray();
        foreach (var (r, (n, d)) in splits)
            if (n + d < observed)
                throw new ArgumentOutOfRangeException(nameof(repeats), r, $"repeats = {r} leaves n + d = {n + d} distinct rows < m = {observed}; least squares is not determined.");
        var risks = Sweep.Run(splits.Length * designs, seed, (k, random) =>
        {
            var (r, (n, d)) = splits[k / designs];
            return DuplicatedRowRegression.RisksFromGram(GaussianGram(n, observed, random), GaussianGram(d, observed, random), trainingRows, r);
        });
        double clean = CleanExcessTestRisk(observed, trainingRows);
        var points = splits.Select((s, i) =>
        {
            var block = risks.Skip(i * designs).Take(designs).ToArray();
            double[] excess = block.Select(b => b.ExcessTest).ToArray();
            double[] train = block.Select(b => b.Train).ToArray();
            double mean = excess.Average();
            double se = StandardError(excess);
            // T*/T = (m + 1 + m/e)/T; its error by the delta method, |d(T*/T)/de| = m/(e²T).
            return new DuplicationSweepPoint(s.R, s.Split.Duplicated, s.Split.Unique, mean, se,
                excess.Quantile(0.1), excess.Quantile(0.9), train.Average(), StandardError(train),
                mean / clean, CleanRowsForExcess(observed, mean) / trainingRows, observed * se / (mean * mean * trainingRows));
        }).ToArray();
        return new DuplicationSweepResult(observed, trainingRows, duplicatedFraction, designs, clean, points);
    }

    /// <summary>
    /// Monte-Carlo least squares against the closed forms at one repeat count: for each of <paramref name="designs"/>
    /// Gaussian designs, <paramref name="noiseDraws"/> draws of the unobserved noise (shared by copies) are fitted by
    /// least squares; the closed forms of the same designs are compared pairwise.
    /// </summary>
    /// <param name="observed">m. Range: ≥ 1.</param>
    /// <param name="trainingRows">T. Range: ≥ m + 2.</param>
    /// <param name="duplicatedFraction">f. Range: (0, 1].</param>
    /// <param name="repeats">r. Range: 1 … f·T, with n + d ≥ m.</param>
    /// <param name="designs">Designs. Range: ≥ 2.</param>
    /// <param name="noiseDraws">Noise draws per design. Range: ≥ 2.</param>
    /// <param name="seed">Master seed.</param>
    public static DuplicationMonteCarloPoint Simulate(int observed, int trainingRows, double duplicatedFraction, int repeats, int designs, int noiseDraws, int seed)
    {
        Guard.Positive(observed);
        Guard.AtLeast(trainingRows, observed + 2);
        Guard.AtLeast(designs, 2);
        Guard.AtLeast(noiseDraws, 2);
        var (n, d) = Split(trainingRows, duplicatedFraction, repeats);
        if (n + d < observed)
            throw new ArgumentOutOfRangeException(nameof(repeats), repeats, $"repeats = {repeats} leaves n + d = {n + d} distinct rows < m = {observed}; least squares is not determined.");
        var runs = Sweep.Run(designs, seed, (_, random) =>
        {
            var model = DuplicatedRowRegression.Sample(observed, n, d, repeats, random);
            var (test, testSe, train, trainSe) = model.Simulate(noiseDraws, random);
            return (ClosedTest: model.ExpectedTestRisk() - 1, SimTest: test - 1, TestSe: testSe, ClosedTrain: model.ExpectedTrainRisk(), SimTrain: train, TrainSe: trainSe);
        });
        double[] simTest = runs.Select(x => x.SimTest).ToArray();
        // The closed forms are exact given the design, so the paired difference carries only the noise draws' error:
        // its standard error pools the within-design standard errors, sqrt(Σ se_j²)/J.
        double Pooled(Func<(double ClosedTest, double SimTest, double TestSe, double ClosedTrain, double SimTrain, double TrainSe), double> se) =>
            Math.Sqrt(runs.Sum(x => se(x) * se(x))) / runs.Length;
        return new DuplicationMonteCarloPoint(repeats, d, n, runs.Average(x => x.ClosedTest), simTest.Average(), StandardError(simTest),
            runs.Average(x => x.SimTest - x.ClosedTest), Pooled(x => x.TestSe), runs.Average(x => x.ClosedTrain), runs.Average(x => x.SimTrain),
            runs.Average(x => x.SimTrain - x.ClosedTrain), Pooled(x => x.TrainSe));
    }

    private static double StandardError(double[] v)
    {
        double mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1) / v.Length);
    }
}

/// <summary>One repeat count of a <see cref="DuplicationSweep"/>: closed-form risks averaged over designs.</summary>
/// <param name="Repeats">r.</param>
/// <param name="DuplicatedRows">d.</param>
/// <param name="UniqueRows">n.</param>
/// <param name="ExcessTestRisk">Mean over designs of E[L_test | design] − ‖β_out‖².</param>
/// <param name="ExcessTestRiskError">Its standard error over designs.</param>
/// <param name="ExcessTestRiskLower">10 % quantile over designs.</param>
/// <param name="ExcessTestRiskUpper">90 % quantile over designs.</param>
/// <param name="TrainRisk">Mean over designs of E[L_train | design].</param>
/// <param name="TrainRiskError">Its standard error over designs.</param>
/// <param name="RelativeExcess">Mean excess over the clean value m/(T − m − 1).</param>
/// <param name="SampleEfficiency">T*/T: the clean rows that reach the mean excess, over the rows spent.</param>
/// <param name="SampleEfficiencyError">Its standard error (delta method from the excess risk's).</param>
public sealed record DuplicationSweepPoint(int Repeats, int DuplicatedRows, int UniqueRows, double ExcessTestRisk, double ExcessTestRiskError,
    double ExcessTestRiskLower, double ExcessTestRiskUpper, double TrainRisk, double TrainRiskError, double RelativeExcess, double SampleEfficiency,
    double SampleEfficiencyError);

/// <summary>A sweep over r at fixed m, T and f.</summary>
/// <param name="Observed">m.</param>
/// <param name="TrainingRows">T.</param>
/// <param name="DuplicatedFraction">f.</param>
/// <param name="Designs">Designs per point.</param>
/// <param name="CleanExcessTestRisk">m/(T − m − 1).</param>
/// <param name="Points">One per repeat count, in the order given.</param>
public sealed record DuplicationSweepResult(int Observed, int TrainingRows, double DuplicatedFraction, int Designs, double CleanExcessTestRisk,
    IReadOnlyList<DuplicationSweepPoint> Points)
{
    /// <summary>The point of largest mean excess risk (the first, on ties).</summary>
    public DuplicationSweepPoint Peak => Points.Aggregate((a, b) => b.ExcessTestRisk > a.ExcessTestRisk ? b : a);
}

/// <summary>Monte-Carlo least squares against the closed forms at one repeat count (paired over the same designs).</summary>
/// <param name="Repeats">r.</param>
/// <param name="DuplicatedRows">d.</param>
/// <param name="UniqueRows">n.</param>
/// <param name="ClosedFormExcessTest">Mean closed-form excess test risk over the designs.</param>
/// <param name="SimulatedExcessTest">Mean simulated excess test risk.</param>
/// <param name="SimulatedExcessTestError">Its standard error over designs.</param>
/// <param name="TestDifference">Mean of simulated − closed form, design by design.</param>
/// <param name="TestDifferenceError">Its standard error from the noise draws (pooled within-design standard errors).</param>
/// <param name="ClosedFormTrain">Mean closed-form train risk.</param>
/// <param name="SimulatedTrain">Mean simulated train risk.</param>
/// <param name="TrainDifference">Mean of simulated − closed form train risk.</param>
/// <param name="TrainDifferenceError">Its standard error from the noise draws.</param>
public sealed record DuplicationMonteCarloPoint(int Repeats, int DuplicatedRows, int UniqueRows, double ClosedFormExcessTest, double SimulatedExcessTest,
    double SimulatedExcessTestError, double TestDifference, double TestDifferenceError, double ClosedFormTrain, double SimulatedTrain,
    double TrainDifference, double TrainDifferenceError);
