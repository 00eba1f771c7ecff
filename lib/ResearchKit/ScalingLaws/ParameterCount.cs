using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>Which reading of a model's parameter count a fit uses (Schaeffer, Levi et al. 2025, Sec. 2).</summary>
public enum ParameterCountConvention
{
    /// <summary>The count Hoffmann et al. report in Table A9.</summary>
    Reported,

    /// <summary>The standard count V·d + n_l·4·d·d_kv·n_h + n_l·2·d·d_ff (tied embeddings, no gating).</summary>
    Standard,

    /// <summary>The standard count with the attention prefactor 5 instead of 4, the authors' best fit to the reported counts.</summary>
    BestFit,
}

/// <summary>Parameter counts of a decoder-only transformer from its configuration.</summary>
/// <remarks>Schaeffer, Levi et al. 2025 (arXiv 2509.23963), Sec. 2 and their <c>chinchilla_model_parameters.csv</c>; Hoffmann et al. 2022, Table A9 (vocabulary 32 168). Notebook 10.</remarks>
public static class ParameterCount
{
    /// <summary>Chinchilla's vocabulary size V (SentencePiece, Hoffmann et al. 2022).</summary>
    public const int ChinchillaVocabulary = 32_168;

    /// <summary>
    /// N = V·d + n_l·p·d·d_kv·n_h + n_l·2·d·d_ff: tied (un)embedding, attention with prefactor p (4 = Q, K, V and output
    /// projections), a two-matrix feed-forward block, no gating, biases and norms left out.
    /// </summary>
    /// <param name="vocabulary">V. Range: ≥ 1.</param>
    /// <param name="modelDimension">d. Range: ≥ 1.</param>
    /// <param name="keyValueSize">d_kv. Range: ≥ 1.</param>
    /// <param name="heads">n_h. Range: ≥ 1.</param>
    /// <param name="layers">n_l. Range: ≥ 1.</param>
    /// <param name="feedForwardSize">d_ff. Range: ≥ 1.</param>
    /// <param name="attentionPrefactor">p. Range: p &gt; 0; 4 standard, 5 the authors' best fit.</param>
    public static double Transformer(int vocabulary, int modelDimension, int keyValueSize, int heads, int layers, int feedForwardSize,
        double attentionPrefactor = 4)
    {
        Guard.Positive(vocabulary);
        Guard.Positive(modelDimension);
        Guard.Positive(keyValueSize);
        Guard.Positive(heads);
        Guard.Positive(layers);
        Guard.Positive(feedForwardSize);
        Guard.Positive(attentionPrefactor);
        double d = modelDimension;
        return vocabulary * d + layers * attentionPrefactor * d * keyValueSize * heads + layers * 2.0 * d * feedForwardSize;
    }
}
