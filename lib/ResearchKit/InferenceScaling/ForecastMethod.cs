namespace ResearchKit.InferenceScaling;

/// <summary>The pass@k forecasting methods compared by Kazdan, Schaeffer et al. (arXiv 2510.05197).</summary>
public enum ForecastMethod
{
    /// <summary>Uniform sampling, then the log–log regression of pass@k on k, extrapolated and capped at 1 (<see cref="PassAtKRegressionForecast"/>).</summary>
    LogLogRegression,

    /// <summary>Uniform sampling, then the discretised-Beta fit (<see cref="DiscretizedBetaFit"/>).</summary>
    DiscretizedBetaUniform,

    /// <summary>Uniform sampling, then the beta-binomial maximum-likelihood fit (<see cref="BetaBinomialFit"/>).</summary>
    BetaBinomialUniform,

    /// <summary>Dynamic sampling (Algorithm 1), then the beta-binomial fit: the paper's method.</summary>
    BetaBinomialDynamic,
}
