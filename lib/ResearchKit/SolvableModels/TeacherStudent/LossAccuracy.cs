using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Accuracy of a linear regressor whose residual Dᵀx is isotropic Gaussian with per-output loss
/// L = (1/d_out) E‖Dᵀx‖²: the fraction of samples whose per-output squared error (1/d_out)‖Dᵀx‖² is below ε,
/// A = 1 − Γ(d_out/2, d_out ε/(2L)) / Γ(d_out/2); for d_out = 1 this is erf(√(ε/(2L))).
/// </summary>
/// <remarks>
/// Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441) Eqs. 10 and 13; (1/d_out)‖Dᵀx‖² = (L/d_out) χ²_{d_out} for isotropic D,
/// which makes Eq. 13 exact.
/// Used in notebooks 02 and 04.
/// </remarks>
public static class LossAccuracy
{
    /// <summary>The accuracy level at which the paper reads off crossing times: erf(√2) ≈ 0.9545, reached at L = ε/4 for d_out = 1.</summary>
    public static readonly double CrossingAccuracy = SpecialFunctions.Erf(Math.Sqrt(2));

    /// <summary>Accuracy A(L) for threshold ε and output dimension d_out (Eq. 13).</summary>
    /// <param name="loss">L, the per-output loss. Range: L ≥ 0 (A = 1 at L = 0).</param>
    /// <param name="errorThreshold">ε. Range: ε &gt; 0.</param>
    /// <param name="outputDimension">d_out. Range: d_out ≥ 1.</param>
    public static double Accuracy(double loss, double errorThreshold, int outputDimension = 1)
    {
        Guard.NonNegative(loss);
        Guard.Positive(errorThreshold);
        Guard.Positive(outputDimension);
        if (loss == 0)
            return 1;
        double x = outputDimension * errorThreshold / (2 * loss);
        // A subnormal loss makes x = ∞, where MathNet's P(a, ∞) is NaN; the limit is 1.
        if (double.IsPositiveInfinity(x))
            return 1;
        return SpecialFunctions.GammaLowerRegularized(outputDimension / 2.0, x);
    }

    /// <summary>The loss at which the accuracy equals <paramref name="accuracy"/>: the inverse of <see cref="Accuracy"/>.</summary>
    /// <param name="accuracy">A. Range: 0 &lt; A &lt; 1.</param>
    /// <param name="errorThreshold">ε. Range: ε &gt; 0.</param>
    /// <param name="outputDimension">d_out. Range: d_out ≥ 1.</param>
    public static double LossAtAccuracy(double accuracy, double errorThreshold, int outputDimension = 1)
    {
        Guard.InOpenRange(accuracy, 0, 1);
        Guard.Positive(errorThreshold);
        Guard.Positive(outputDimension);
        double x = SpecialFunctions.GammaLowerRegularizedInv(outputDimension / 2.0, accuracy);
        return outputDimension * errorThreshold / (2 * x);
    }

    /// <summary>
    /// The measured counterpart of <see cref="Accuracy"/>: the fraction of rows of <paramref name="errors"/> (one sample's
    /// output errors each) whose per-output squared error (1/d_out)‖e‖² is below <paramref name="threshold"/>.
    /// </summary>
    internal static double FractionBelow(Matrix<double> errors, double threshold) => FractionBelow(errors, threshold, 0, errors.ColumnCount);

    /// <summary>
    /// <see cref="FractionBelow(Matrix{double}, double)"/> of the columns <paramref name="firstColumn"/> … firstColumn +
    /// <paramref name="columns"/> − 1 of <paramref name="errors"/> (one recorded step's errors in a block of steps side
    /// by side). Each row's squares are summed column after column, the order of the one-step form.
    /// </summary>
    internal static double FractionBelow(Matrix<double> errors, double threshold, int firstColumn, int columns)
    {
        int rows = errors.RowCount;
        var sums = new double[rows];
        var cells = errors.AsColumnMajorArray();
        for (int j = firstColumn; j < firstColumn + columns; j++)
        {
            if (cells is null)
            {
                for (int i = 0; i < rows; i++)
                    sums[i] += errors[i, j] * errors[i, j];
                continue;
            }
            int offset = j * rows;
            for (int i = 0; i < rows; i++)
                sums[i] += cells[offset + i] * cells[offset + i];
        }
        int hits = 0;
        for (int i = 0; i < rows; i++)
        {
            if (sums[i] / columns < threshold)
                hits++;
        }
        return (double)hits / rows;
    }
}
