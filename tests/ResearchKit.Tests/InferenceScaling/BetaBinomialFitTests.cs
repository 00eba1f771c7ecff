using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

public class BetaBinomialFitTests
{
    private static ProblemOutcomes[] Simulate(double a, double b, int problems, int attempts, int seed)
    {
        var random = new Random(seed);
        var beta = new MathNet.Numerics.Distributions.Beta(a, b, random);
        var result = new ProblemOutcomes[problems];
        for (int i = 0; i < problems; i++)
        {
            double u = beta.Sample();
            int c = 0;
            for (int t = 0; t < attempts; t++)
                if (random.NextDouble() < u) c++;
            result[i] = new ProblemOutcomes($"p{i}", attempts, c);
        }
        return result;
    }

    [Fact]
    public void LogLikelihood_SmallData_MatchesHighPrecision()
    {
        // mpmath (40 digits): Σ log(binomial(n, c)·beta(c + a, n − c + b)/beta(a, b)), a = 0.7, b = 2.3.
        var data = new[] { new ProblemOutcomes("", 10, 0), new("", 10, 3), new("", 20, 20), new("", 5, 1) };
        NumericAssert.Close(-11.484145388673258268, BetaBinomialFit.LogLikelihood(data, 0.7, 2.3), 1e-13);
    }

    [Fact]
    public void Fit_Maximum_HasZeroFiniteDifferenceGradientAndMatchingCurvature()
    {
        var data = Simulate(0.3, 8, 300, 100, 5);
        var fit = BetaBinomialFit.Fit(data);
        Assert.True(fit.Converged, fit.ExitReason.ToString());
        double L(double a, double b) => BetaBinomialFit.LogLikelihood(data, a, b);
        double ha = 1e-5 * fit.A, hb = 1e-5 * fit.B;
        double ga = (L(fit.A + ha, fit.B) - L(fit.A - ha, fit.B)) / (2 * ha);
        double gb = (L(fit.A, fit.B + hb) - L(fit.A, fit.B - hb)) / (2 * hb);
        // Scaled to the log-parameters; the finite-difference noise is ~1e-6 here.
        NumericAssert.CloseAbs(0, ga * fit.A, 1e-4, "a·∂ℓ/∂a");
        NumericAssert.CloseAbs(0, gb * fit.B, 1e-4, "b·∂ℓ/∂b");
        // Observed information by second differences: Var(â) = J_bb/det J.
        double da = 1e-3 * fit.A, db = 1e-3 * fit.B, l0 = L(fit.A, fit.B);
        double jaa = -(L(fit.A + da, fit.B) - 2 * l0 + L(fit.A - da, fit.B)) / (da * da);
        double jbb = -(L(fit.A, fit.B + db) - 2 * l0 + L(fit.A, fit.B - db)) / (db * db);
        double jab = -(L(fit.A + da, fit.B + db) - L(fit.A + da, fit.B - db) - L(fit.A - da, fit.B + db) + L(fit.A - da, fit.B - db)) / (4 * da * db);
        double det = jaa * jbb - jab * jab;
        NumericAssert.Close(Math.Sqrt(jbb / det), fit.StandardErrorA, 1e-3, "SE(a)");
        NumericAssert.Close(Math.Sqrt(jaa / det), fit.StandardErrorB, 1e-3, "SE(b)");
    }

    [Fact]
    public void Fit_SimulatedData_RecoversParametersWithCalibratedErrors()
    {
        // 40 independent data sets from Beta(0.3, 8): the z-scores of â should have mean ≈ 0 and spread ≈ 1.
        const double a = 0.3, b = 8;
        var z = new List<double>();
        for (int r = 0; r < 40; r++)
        {
            var fit = BetaBinomialFit.Fit(Simulate(a, b, 400, 100, 100 + r));
            Assert.True(fit.Converged);
            z.Add((fit.A - a) / fit.StandardErrorA);
        }
        double mean = z.Average();
        double sd = Math.Sqrt(z.Sum(v => (v - mean) * (v - mean)) / (z.Count - 1));
        // With 40 replicates the sample mean has SE ≈ 0.16 and the sample SD ≈ 1 ± 0.11.
        Assert.InRange(mean, -0.6, 0.6);
        Assert.InRange(sd, 0.7, 1.35);
    }

    [Fact]
    public void Fit_ConventionsAgree()
    {
        var fit = BetaBinomialFit.Fit(Simulate(0.5, 3, 200, 50, 9));
        NumericAssert.Close(fit.ToSuccessBeta().PassAtK(1000), fit.ToFailureBeta().PassAtK(1000), 1e-14);
        Assert.Equal(fit.A, fit.ToFailureBeta().Beta);
    }

    [Fact]
    public void Fit_EveryProblemAllOrNothing_RunsOffTowardsZeroAndIsNotConverged()
    {
        // Each problem always succeeds or always fails (c ∈ {0, n}): the likelihood rises towards a, b → 0 at fixed
        // a/(a + b) (U concentrated on {0, 1}), with no maximum; its gradient in (ln a, ln b) fades like a, b.
        var data = new[] { new ProblemOutcomes("", 10, 0), new("", 10, 10), new("", 10, 0), new("", 10, 0), new("", 10, 10) };
        var r = BetaBinomialFit.Fit(data);
        Assert.True(r.ExitReason != ResearchKit.Numerics.FitExitReason.Converged, $"a = {r.A}, b = {r.B}, exit {r.ExitReason}");
    }

    [Fact]
    public void Fit_AllFailures_ThrowsExplainingNoMaximum()
    {
        var e = Assert.Throws<ArgumentException>(() => BetaBinomialFit.Fit([new("x", 10, 0), new("y", 10, 0)]));
        Assert.Contains("all c = 0", e.Message);
    }

    [Fact]
    public void Fit_AllSuccesses_Throws()
        => Assert.Throws<ArgumentException>(() => BetaBinomialFit.Fit([new("x", 10, 10)]));

    [Fact]
    public void Fit_CountAboveSamples_ThrowsNamingTheProblem()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BetaBinomialFit.Fit([new("ok", 10, 2), new("bad one", 10, 12)]));
        Assert.Contains("problems[1] 'bad one'", e.Message);
    }

    [Fact]
    public void Fit_Empty_Throws()
        => Assert.Throws<ArgumentException>(() => BetaBinomialFit.Fit([]));

    [Fact]
    public void Fit_ZeroAttemptProblems_ContributeNothing()
    {
        var data = Simulate(0.5, 3, 100, 50, 4);
        var with = BetaBinomialFit.Fit([.. data, new ProblemOutcomes("unsampled", 0, 0)]);
        var without = BetaBinomialFit.Fit(data);
        NumericAssert.Close(without.A, with.A, 1e-12);
        Assert.Equal(100, with.Problems);
    }
}
