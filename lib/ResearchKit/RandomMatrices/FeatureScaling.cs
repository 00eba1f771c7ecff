namespace ResearchKit.RandomMatrices;

/// <summary>How the features (columns) of a data matrix are normalised before the covariance is formed.</summary>
/// <remarks>Levi &amp; Oz (arXiv 2306.14975 v3, Sec. 2) centre and standardise every feature. Used by notebook 01.</remarks>
public enum FeatureScaling
{
    /// <summary>Subtract each feature's sample mean; keep its variance.</summary>
    Centre,

    /// <summary>Subtract each feature's sample mean and divide by its sample standard deviation, so that Σ is a
    /// correlation matrix. A feature with zero variance (e.g. an always-black pixel) is left at zero and counted
    /// in <see cref="EmpiricalSpectrum.ConstantFeatureCount"/>; it contributes an exact zero eigenvalue.</summary>
    Standardise,
}
