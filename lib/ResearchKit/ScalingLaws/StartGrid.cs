using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>The starting points θ₀ = (a, b, e, α, β) a Chinchilla fit is run from; the best end point wins.</summary>
/// <remarks>Hoffmann et al. 2022 (arXiv 2203.15556), App. D.2; Besiroglu et al. 2024, Sec. 3. Notebook 10.</remarks>
public sealed class StartGrid
{
    private readonly ChinchillaLogParameters[] points;

    /// <summary>A grid from explicit starting points.</summary>
    /// <param name="points">At least one θ₀, each finite.</param>
    public StartGrid(IReadOnlyList<ChinchillaLogParameters> points)
    {
        Guard.NotEmpty(points);
        for (int i = 0; i < points.Count; i++)
        {
            Guard.NotNull(points[i], $"{nameof(points)}[{i}]");
            Guard.AllFinite(points[i].ToArray(), $"{nameof(points)}[{i}]");
        }
        this.points = points.ToArray();
    }

    /// <summary>The starting points, in the order they are tried.</summary>
    public IReadOnlyList<ChinchillaLogParameters> Points => points;

    /// <summary>Number of starting points.</summary>
    public int Count => points.Length;

    /// <summary>
    /// The Cartesian product of the given values, in the order a (outermost), b, e, α, β (innermost).
    /// </summary>
    /// <param name="logParameterCoefficients">Values of a.</param>
    /// <param name="logDataCoefficients">Values of b.</param>
    /// <param name="logIrreducibleLosses">Values of e.</param>
    /// <param name="parameterExponents">Values of α.</param>
    /// <param name="dataExponents">Values of β.</param>
    public static StartGrid Product(IReadOnlyList<double> logParameterCoefficients, IReadOnlyList<double> logDataCoefficients,
        IReadOnlyList<double> logIrreducibleLosses, IReadOnlyList<double> parameterExponents, IReadOnlyList<double> dataExponents)
    {
        Guard.AllFinite(logParameterCoefficients);
        Guard.AllFinite(logDataCoefficients);
        Guard.AllFinite(logIrreducibleLosses);
        Guard.AllFinite(parameterExponents);
        Guard.AllFinite(dataExponents);
        var list = new List<ChinchillaLogParameters>();
        foreach (double a in logParameterCoefficients)
            foreach (double b in logDataCoefficients)
                foreach (double e in logIrreducibleLosses)
                    foreach (double alpha in parameterExponents)
                        foreach (double beta in dataExponents)
                            list.Add(new(a, b, e, alpha, beta));
        return new StartGrid(list);
    }

    /// <summary>
    /// Besiroglu et al.'s grid (epoch-research/analyzing-chinchilla, data_analysis.ipynb): α, β ∈ {0, 0.5, …, 2},
    /// e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25}: 6·6·5·5·5 = 4500 starts.
    /// </summary>
    public static StartGrid Besiroglu() => Product(Steps(0, 5, 6), Steps(0, 5, 6), Steps(-1, 0.5, 5), Steps(0, 0.5, 5), Steps(0, 0.5, 5));

    /// <summary>A single start.</summary>
    /// <param name="start">θ₀.</param>
    public static StartGrid Single(ChinchillaLogParameters start) => new([Guard.NotNull(start)]);

    private static double[] Steps(double first, double step, int count) => Enumerable.Range(0, count).Select(i => first + step * i).ToArray();
}
