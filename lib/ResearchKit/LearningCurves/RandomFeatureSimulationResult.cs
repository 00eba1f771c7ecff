namespace ResearchKit.LearningCurves;

/// <summary>One simulated draw of a K-member linear random-feature ensemble (K = 1: one model), exact population errors.</summary>
/// <param name="SampleSize">P.</param>
/// <param name="Features">N per member.</param>
/// <param name="Members">K.</param>
/// <param name="Ridge">λ (library convention).</param>
/// <param name="NoiseVariance">σ².</param>
/// <param name="TestError">E_g of the ensemble mean, Σ_k λ_k(w̄ₑ_k − w̄_k)², without the test label noise (add σ² for 16's E).</param>
/// <param name="MemberTestError">Mean over members of each member's E_g (an estimate of the K = 1 error).</param>
/// <param name="TrainError">Mean over members of (1/P)|y − Φa|².</param>
/// <param name="EffectiveWeights">The ensemble mean's weights in input space, (1/K)Σ F a/√N.</param>
public sealed record RandomFeatureSimulationResult(
    int SampleSize, int Features, int Members, double Ridge, double NoiseVariance, double TestError,
    double MemberTestError, double TrainError, IReadOnlyList<double> EffectiveWeights);
