namespace ResearchKit.SolvableModels;

/// <summary>Hidden-layer activation of a <see cref="TwoLayerNetwork"/>.</summary>
public enum HiddenActivation
{
    /// <summary>φ(z) = z: a two-layer linear network.</summary>
    Linear,

    /// <summary>φ(z) = tanh z.</summary>
    Tanh,
}
