namespace ResearchKit.LearningCurves;

/// <summary>The mean loss of one-pass mini-batch SGD on one draw of A₀ (<see cref="OnlineSgdTheory"/>).</summary>
/// <param name="Steps">SGD steps t at which the mean loss is given (increasing).</param>
/// <param name="Loss">E[L(t)] over the batches, given A₀; NaN from the first step at which the recursion left the finite range.</param>
/// <param name="Diverged">True when the mean loss left the finite range or grew beyond 10⁶·L(0) (learning rate too large for this B).</param>
/// <param name="Width">N.</param>
/// <param name="Batch">B (∞: population gradient descent).</param>
/// <param name="InitialLoss">L(0) = Σ λ_k w*_k².</param>
/// <param name="WidthFloor">The target power outside the span of the N features (the t → ∞ loss of gradient flow).</param>
public sealed record OnlineSgdTheoryResult(int[] Steps, double[] Loss, bool Diverged, int Width, double Batch, double InitialLoss, double WidthFloor);
