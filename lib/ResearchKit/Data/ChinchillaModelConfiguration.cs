namespace ResearchKit.Data;

/// <summary>One row of Hoffmann et al.'s Table A9 (a model configuration) with the counts Schaeffer, Levi et al. derived from it.</summary>
/// <param name="Line">The 1-based line in the CSV.</param>
/// <param name="ModelDimension">d_model.</param>
/// <param name="FeedForwardSize">d_ff (<c>ffw_size</c>).</param>
/// <param name="KeyValueSize">d_kv (<c>kv_size</c>).</param>
/// <param name="Heads">n_heads.</param>
/// <param name="Layers">n_layers.</param>
/// <param name="ReportedMillions">Table A9's own parameter count, in millions (integer).</param>
/// <param name="StandardMillions">The authors' <c>Tied (Un)Embed, No Gating</c> column: the standard count, rounded to integer millions.</param>
/// <param name="BestFitMillions">The authors' <c>…, Best Fit Attn Params Prefactor</c> column (attention prefactor 5), integer millions.</param>
/// <param name="RelativeErrorPercent">The authors' <c>Relative Error (%)</c> of the unrounded standard count against the reported one.</param>
public sealed record ChinchillaModelConfiguration(int Line, int ModelDimension, int FeedForwardSize, int KeyValueSize, int Heads, int Layers,
    double ReportedMillions, double StandardMillions, double BestFitMillions, double RelativeErrorPercent);
