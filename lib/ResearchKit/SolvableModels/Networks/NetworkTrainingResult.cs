namespace ResearchKit.SolvableModels;

/// <summary>A trained <see cref="TwoLayerNetwork"/> and its training loss at every step.</summary>
/// <param name="Network">The network after the last step.</param>
/// <param name="Loss">Mean squared error before each step and after the last (length steps + 1).</param>
public sealed record NetworkTrainingResult(TwoLayerNetwork Network, double[] Loss);
