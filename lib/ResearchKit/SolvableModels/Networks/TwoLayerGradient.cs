using MathNet.Numerics.LinearAlgebra;

namespace ResearchKit.SolvableModels;

/// <summary>Gradients of the mean squared error with respect to both weight matrices.</summary>
/// <param name="Loss">ℒ = (1/(N d_out)) Σᵢ ‖f(xᵢ) − yᵢ‖².</param>
/// <param name="FirstLayer">∂ℒ/∂W₁ (d_h × d_in).</param>
/// <param name="SecondLayer">∂ℒ/∂W₂ (d_out × d_h).</param>
public sealed record TwoLayerGradient(double Loss, Matrix<double> FirstLayer, Matrix<double> SecondLayer);
