namespace ResearchKit.SolvableModels;

/// <summary>
/// A data model for linear classification whose test metrics are exact: in closed form for the Gaussian models (for a
/// classifier (w, b) the test margin y(w·x + b) is a mixture of Gaussians), or averages over a fixed held-out set
/// (<see cref="EmpiricalClassificationTask"/>).
/// </summary>
public interface ILinearClassificationTask
{
    /// <summary>d, the input dimension.</summary>
    int Dimension { get; }

    /// <summary>Draws N training samples with <paramref name="random"/>.</summary>
    ClassificationSample Sample(int count, Random random);

    /// <summary>The exact test accuracy P[y(w·x + b) &gt; 0] of the classifier (w, b).</summary>
    double TestAccuracy(IReadOnlyList<double> weights, double bias);

    /// <summary>The exact expected test loss E φ(y(w·x + b)) (Gaussian quadrature; closed form for the exponential loss).</summary>
    double TestLoss(IReadOnlyList<double> weights, double bias, MarginLoss loss);
}
