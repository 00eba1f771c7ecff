namespace ResearchKit.SolvableModels;

/// <summary>Closed-form risks of least squares with verbatim duplicates, conditional on the observed design.</summary>
/// <param name="ExcessTest">E[L_test | design] − ‖β_out‖² (the part above the floor).</param>
/// <param name="Train">E[L_train | design] (mean squared residual over the n + r·d training rows).</param>
/// <remarks>Chudnovsky et al. 2026 (arXiv 2606.24998), Eqs. (9)–(10) as read in secondary course notes. Notebook 11.</remarks>
public sealed record DuplicatedRowRisks(double ExcessTest, double Train);
