namespace ResearchKit.SolvableModels;

/// <summary>One simulated GD run of the linear teacher–student model, recorded at chosen steps.</summary>
/// <param name="Steps">GD step counts t at which the state was recorded (ascending).</param>
/// <param name="TrainLoss">L_tr(t) = (1/(N d_out)) Σᵢ ‖D(t)ᵀxᵢ‖² over the training set.</param>
/// <param name="GeneralizationLoss">L_gen(t) = ‖D(t)‖²_F / d_out, the exact population loss for x ~ N(0, I).</param>
/// <param name="TrainAccuracy">Fraction of training samples with (1/d_out)‖D(t)ᵀxᵢ‖² &lt; ε.</param>
/// <param name="TestAccuracy">Fraction of held-out samples with (1/d_out)‖D(t)ᵀx‖² &lt; ε.</param>
/// <param name="SmallestEigenvalue">Smallest eigenvalue of Σ_tr (diagnostic; ≈ 0 for λ &gt; 1).</param>
/// <param name="LargestEigenvalue">Largest eigenvalue of Σ_tr (diagnostic; sets the stability limit).</param>
/// <remarks>Produced by <see cref="LinearTeacherStudentSimulation"/>. Used in notebooks 02 and 04.</remarks>
public sealed record LinearTeacherStudentTrajectory(
    double[] Steps,
    double[] TrainLoss,
    double[] GeneralizationLoss,
    double[] TrainAccuracy,
    double[] TestAccuracy,
    double SmallestEigenvalue,
    double LargestEigenvalue);
