using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>One simulated GD run of the two-layer teacher–student model, recorded at chosen steps.</summary>
/// <param name="Steps">GD step counts t at which the state was recorded (ascending).</param>
/// <param name="TrainLoss">L_tr(t) = (1/(N d_out)) Σᵢ ‖f_S(xᵢ) − f_T(xᵢ)‖² over the training set.</param>
/// <param name="GeneralizationLoss">
/// L_gen(t): for a linear network the exact population loss ‖D(t)‖²/d_out of the end-to-end residual
/// D = S⁽⁰⁾S⁽¹⁾ − T⁽⁰⁾T⁽¹⁾; for tanh the mean over the held-out samples (no closed form).
/// </param>
/// <param name="TrainAccuracy">Fraction of training samples with (1/d_out)‖f_S(x) − f_T(x)‖² &lt; ε.</param>
/// <param name="TestAccuracy">Fraction of held-out samples with (1/d_out)‖f_S(x) − f_T(x)‖² &lt; ε.</param>
/// <param name="HalfTrace">h(t) = (‖S⁽⁰⁾‖² + ‖S⁽¹⁾‖²)/2, the quantity Eq. 18 freezes at h₀ ≈ ½ (diagnostic).</param>
/// <param name="InitialResidualNorm">
/// ‖D₀‖² of the end-to-end linear map S₀⁽⁰⁾S₀⁽¹⁾ − T⁽⁰⁾T⁽¹⁾ (for tanh: of the network linearised at 0, tanh′(0) = 1).
/// </param>
/// <param name="SecondLayerGramEigenvalues">
/// Eigenvalues gⱼ of S₀⁽¹⁾ᵀS₀⁽¹⁾ (d_out × d_out) at initialisation, ascending: the per-output-direction rates that Eq. 18
/// replaces by their mean 1/(2 d_out) (see <see cref="FrozenGramTwoLayerTheory"/>).
/// </param>
/// <remarks>Produced by <see cref="TwoLayerTeacherStudentSimulation"/>. Used in notebook 02.</remarks>
public sealed record TwoLayerTeacherStudentTrajectory(
    double[] Steps,
    double[] TrainLoss,
    double[] GeneralizationLoss,
    double[] TrainAccuracy,
    double[] TestAccuracy,
    double[] HalfTrace,
    double InitialResidualNorm,
    IReadOnlyList<double> SecondLayerGramEigenvalues)
{
    /// <summary>t*_tr and t*_gen: first recorded crossings of <paramref name="level"/> (interpolated in log t).</summary>
    /// <param name="level">Accuracy level. Range: 0 &lt; level &lt; 1.</param>
    public GrokkingTimes CrossingTimes(double level)
    {
        Guard.InOpenRange(level, 0, 1);
        return new GrokkingTimes(AccuracyCrossing.First(Steps, TrainAccuracy, level), AccuracyCrossing.First(Steps, TestAccuracy, level));
    }
}
