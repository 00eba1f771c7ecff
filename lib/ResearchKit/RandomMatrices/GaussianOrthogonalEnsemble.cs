using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// The Gaussian orthogonal ensemble: real symmetric matrices H = (G + Gᵀ)/2 with G of iid N(0, 1) entries. Its
/// local level statistics are the chaotic (GOE) reference of notebook 01.
/// </summary>
/// <remarks>Mehta, <i>Random Matrices</i>, ch. 2; Atas et al., PRL 110, 084101 (2013). Used by notebook 01 and the
/// tests of the level statistics.</remarks>
public static class GaussianOrthogonalEnsemble
{
    /// <summary>The eigenvalues, ascending, of one n×n GOE matrix.</summary>
    /// <param name="size">n. Range: n ≥ 2.</param>
    /// <param name="random">Source of randomness.</param>
    public static double[] SampleEigenvalues(int size, Random random)
    {
        Guard.AtLeast(size, 2);
        Guard.NotNull(random);
        var g = Matrix<double>.Build.Dense(size, size, (_, _) => Normal.Sample(random, 0, 1));
        var h = (g + g.Transpose()) * 0.5;
        return Linalg.SymmetricEigenvalues(h);
    }

    /// <summary>The semicircle counting function of <see cref="SampleEigenvalues"/>: the expected number of
    /// eigenvalues below x, n·F_sc(x) with radius R = √(2n).</summary>
    /// <param name="size">n. Range: n ≥ 1.</param>
    /// <param name="x">The level. Range: finite.</param>
    public static double SemicircleCount(int size, double x)
    {
        Guard.Positive(size);
        Guard.Finite(x);
        double r = Math.Sqrt(2.0 * size);
        double t = Math.Clamp(x / r, -1, 1);
        return size * (0.5 + (t * Math.Sqrt(1 - t * t) + Math.Asin(t)) / Math.PI);
    }
}
