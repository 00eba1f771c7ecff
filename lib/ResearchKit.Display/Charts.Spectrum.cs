using Plotly.NET;
using ResearchKit.Numerics;
using ResearchKit.PowerLaws;

namespace ResearchKit.Display;

public static partial class Charts
{
    /// <summary>Default number of ranks a spectrum is thinned to (evenly in log rank).</summary>
    public const int DefaultSpectrumPoints = 300;

    /// <summary>
    /// A rank-ordered spectrum λ₁ ≥ λ₂ ≥ … as markers against the rank i on log–log axes, with a fitted power law
    /// C·i^(−s) drawn as a line over the ranks it was fitted on.
    /// </summary>
    /// <param name="name">The series name in the legend (e.g. "CIFAR-10"); may be empty.</param>
    /// <param name="descending">The eigenvalues, largest first. Range: finite, &gt; 0 (a log axis), non-increasing, non-empty.</param>
    /// <param name="fit">Optional fit from <see cref="PowerLawFit.FitRankOrdered"/>; its window must lie inside the spectrum.</param>
    /// <param name="color">Index into <see cref="ChartStyle.Palette"/>. Range: ≥ 0.</param>
    /// <param name="maxPoints">About how many ranks to draw (evenly in log rank; first and last kept). Range: ≥ 2.</param>
    /// <remarks>The fit's slope s is the paper's 1 + α (Levi &amp; Oz 2023, Sec. 3); notebook 01.</remarks>
    public static GenericChart RankOrderedSpectrum(string name, IReadOnlyList<double> descending, PowerLawFitResult? fit = null,
        int color = 0, int maxPoints = DefaultSpectrumPoints)
    {
        Guard.NotNull(name);
        Guard.AllFinite(descending);
        Guard.AtLeast(color, 0);
        Guard.AtLeast(maxPoints, 2);
        RequirePositive(descending, nameof(descending), "on a log axis (drop the zero or negative tail first)");
        for (int i = 1; i < descending.Count; i++)
        {
            if (descending[i] > descending[i - 1])
                throw new ArgumentException(FormattableString.Invariant(
                    $"descending[{i}] = {descending[i]:G6} > descending[{i - 1}] = {descending[i - 1]:G6}; allowed: non-increasing (largest first)."),
                    nameof(descending));
        }
        var ranks = Enumerable.Range(1, descending.Count).Select(i => (double)i).ToArray();
        var kept = ChartData.Thin(ranks, descending, maxPoints, logX: true);
        var parts = new List<GenericChart>
        {
            Traces.Scatter("markers", kept.X, kept.Y, Label(name, "eigenvalues"), Grouped(name,
                ("marker", Traces.Object(("color", ColorOf(color)), ("size", 5), ("opacity", 0.7))))),
        };
        if (fit is not null)
        {
            if (fit.Window.LastRank > descending.Count)
                throw new ArgumentOutOfRangeException(nameof(fit), fit.Window.LastRank, FormattableString.Invariant(
                    $"fit.Window.LastRank = {fit.Window.LastRank} is out of range; allowed: ≤ the spectrum's length {descending.Count}."));
            double first = fit.Window.FirstRank, last = fit.Window.LastRank;
            string label = FormattableString.Invariant($"{Label(name, "fit")}: s = {fit.Slope:G4} (ranks {fit.Window.FirstRank}–{fit.Window.LastRank})");
            // A power law is straight on log–log axes, and plotly.js draws segments straight in screen space: two points suffice.
            parts.Add(Traces.Scatter("lines", new[] { first, last },
                ChartData.Round(new[] { fit.Evaluate(first), fit.Evaluate(last) }, nameof(fit)), label, Grouped(name,
                ("line", Traces.Object(("color", ColorOf(color)), ("width", 3))))));
        }
        return Finish(Chart.combine(parts), logX: true, logY: true);
    }
}
