namespace ResearchKit.LearningCurves;

/// <summary>One online-SGD run of <see cref="TwoLayerLinearSgd"/>.</summary>
/// <param name="Steps">SGD steps t at which the loss was recorded (increasing).</param>
/// <param name="Loss">Population loss L(t) = vᵀΛv after t steps; NaN from the first recorded step after a divergence.</param>
/// <param name="Diverged">True when the loss left the finite range or grew beyond 10⁶·L(0) (learning rate too large).</param>
/// <param name="Width">N.</param>
/// <param name="FeatureLearning">γ (0: lazy, 15's linear random-feature model).</param>
/// <param name="InitialLoss">L(0) = Σ λ_k w*_k².</param>
/// <param name="WidthFloor">The lazy model's t → ∞ limit for this draw of A₀: the target power outside the span of the N features.</param>
public sealed record TwoLayerLinearSgdResult(
    int[] Steps, double[] Loss, bool Diverged, int Width, double FeatureLearning, double InitialLoss, double WidthFloor);
