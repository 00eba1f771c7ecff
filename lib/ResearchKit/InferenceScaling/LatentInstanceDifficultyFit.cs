namespace ResearchKit.InferenceScaling;

/// <summary>
/// One ridge fit of the Latent Instance Difficulty model on N samples, with its generalisation diagnostics and the
/// training bias B_N(x) = xᵀ(θ̂ − θ*) on fresh test inputs.
/// </summary>
/// <param name="TrainingSize">N, the number of training samples.</param>
/// <param name="ExcessRisk">E_x[B_N(x)²] = (θ̂ − θ*)ᵀΣ(θ̂ − θ*), the generalisation loss above the noise floor.</param>
/// <param name="TestBiases">B_N(x) for independent test inputs x ~ N(0, Σ).</param>
/// <param name="MeanTrainingNoiseVariance">The sample mean of σ_η²/τ_x over the training set (diagnostic: it has no finite mean when β ≤ 2).</param>
/// <remarks>Levi, "Learning Shrinks the Hard Tail", arXiv 2601.03764 (LID model). Used by notebook 08.</remarks>
public sealed record LatentInstanceDifficultyFit(int TrainingSize, double ExcessRisk, double[] TestBiases, double MeanTrainingNoiseVariance);
