namespace ResearchKit.Data;

/// <summary>One Chinchilla training run as re-extracted by Besiroglu et al. from Hoffmann et al.'s Fig. 4.</summary>
/// <param name="Line">The 1-based line in the CSV (the header is line 1), so a dropped row can be named.</param>
/// <param name="Parameters">N, model parameters (column <c>Model Size</c> / <c>N_params</c>).</param>
/// <param name="Tokens">D = C/(6N) (Besiroglu et al.'s definition; column <c>D_tokens</c> when present).</param>
/// <param name="Compute">C, training FLOP.</param>
/// <param name="Loss">Final training loss (nats per token).</param>
public sealed record ChinchillaRun(int Line, double Parameters, double Tokens, double Compute, double Loss);
