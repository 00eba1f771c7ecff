namespace ResearchKit.ScalingLaws;

/// <summary>
/// Huber's penalty ρ_δ(r) = ½r² for |r| ≤ δ, δ(|r| − ½δ) beyond, and its derivative ψ_δ(r) = clamp(r, −δ, δ): the
/// summed objective of the Chinchilla-style fits (Hoffmann et al. 2022, Eq. 3; Besiroglu et al. 2024) and of the
/// annealing law (Tissue et al. 2024).
/// </summary>
internal static class HuberPenalty
{
    /// <summary>ρ_δ(r), with ψ_δ(r) in <paramref name="psi"/>. δ &gt; 0 is the caller's (checked where it is set).</summary>
    internal static double Value(double r, double delta, out double psi)
    {
        double abs = Math.Abs(r);
        if (abs <= delta)
        {
            psi = r;
            return 0.5 * r * r;
        }
        psi = r > 0 ? delta : -delta;
        return delta * (abs - 0.5 * delta);
    }
}
