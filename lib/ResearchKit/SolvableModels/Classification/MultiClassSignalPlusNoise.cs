using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>A labelled K-class sample.</summary>
/// <param name="Points">N×d, one sample per row.</param>
/// <param name="Labels">N class indices in 0 … K − 1.</param>
/// <param name="Classes">K.</param>
public sealed record MultiClassSample(Matrix<double> Points, int[] Labels, int Classes)
{
    /// <summary>N.</summary>
    public int Count => Points.RowCount;

    /// <summary>d.</summary>
    public int Dimension => Points.ColumnCount;
}

/// <summary>
/// The K-class signal-plus-noise model of Beck, Bar Sinai &amp; Levi (arXiv 2602.12039, Sec. 7.1, Eq. 8): x = μ_c + ξ with
/// ξ = σ_f η_f + σ_n η_n, η_f isotropic Gaussian in the centred signal subspace S = span{μ_c − μ̄} and η_n isotropic
/// Gaussian in S^⊥. The class means are μ_c = μ_f e_c (c = 0 … K − 1), our choice of affinely independent means (the
/// paper gives only μ_f); classes are drawn uniformly.
/// </summary>
public sealed class MultiClassSignalPlusNoise
{
    /// <summary>Creates the model.</summary>
    /// <param name="classes">K. Range: ≥ 2.</param>
    /// <param name="dimension">d. Range: ≥ K + 1.</param>
    /// <param name="signal">μ_f. Range: &gt; 0.</param>
    /// <param name="signalWidth">σ_f. Range: ≥ 0.</param>
    /// <param name="noiseWidth">σ_n. Range: &gt; 0.</param>
    public MultiClassSignalPlusNoise(int classes, int dimension, double signal, double signalWidth, double noiseWidth)
    {
        Guard.AtLeast(classes, 2);
        Guard.AtLeast(dimension, classes + 1);
        Guard.Positive(signal);
        Guard.NonNegative(signalWidth);
        Guard.Positive(noiseWidth);
        if (!double.IsFinite(signal) || !double.IsFinite(signalWidth) || !double.IsFinite(noiseWidth))
            throw new ArgumentOutOfRangeException(nameof(signal), "signal, signalWidth and noiseWidth must be finite.");
        Classes = classes; Dimension = dimension; Signal = signal; SignalWidth = signalWidth; NoiseWidth = noiseWidth;
    }

    /// <summary>K.</summary>
    public int Classes { get; }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>μ_f.</summary>
    public double Signal { get; }

    /// <summary>σ_f.</summary>
    public double SignalWidth { get; }

    /// <summary>σ_n.</summary>
    public double NoiseWidth { get; }

    /// <summary>Draws N labelled points.</summary>
    /// <param name="count">N. Range: ≥ 1.</param>
    /// <param name="random">The random stream.</param>
    public MultiClassSample Sample(int count, Random random)
    {
        Guard.Positive(count);
        Guard.NotNull(random);
        int k = Classes, d = Dimension;
        var x = Matrix<double>.Build.Dense(count, d);
        var labels = new int[count];
        var z = new double[d];
        for (int i = 0; i < count; i++)
        {
            int c = random.Next(k);
            labels[i] = c;
            for (int j = 0; j < d; j++) z[j] = Normal.Sample(random, 0, 1);
            double m = 0;
            for (int j = 0; j < k; j++) m += z[j];
            m /= k;
            // The first K coordinates: centred part in S (σ_f), their mean along (1, …, 1) in S^⊥ (σ_n).
            for (int j = 0; j < k; j++) x[i, j] = (j == c ? Signal : 0) + SignalWidth * (z[j] - m) + NoiseWidth * m;
            for (int j = k; j < d; j++) x[i, j] = NoiseWidth * z[j];
        }
        return new MultiClassSample(x, labels, k);
    }
}
