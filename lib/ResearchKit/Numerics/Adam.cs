namespace ResearchKit.Numerics;

/// <summary>
/// The Adam optimiser (Kingma &amp; Ba 2015) as a small stateful stepper over a flat parameter vector: first and second
/// moment estimates with bias correction, θ ← θ − η m̂ / (√v̂ + ε).
/// </summary>
/// <remarks>
/// Used by <see cref="ResearchKit.SolvableModels.LogisticDynamics"/> for the Adam runs of Beck, Levi &amp; Bar-Sinai
/// (arXiv 2410.04489, Fig. 5), in notebook 03.
/// </remarks>
public sealed class Adam
{
    private readonly double[] _m;
    private readonly double[] _v;
    private double _beta1Power = 1;
    private double _beta2Power = 1;

    /// <summary>Creates an optimiser for <paramref name="parameterCount"/> parameters with zero moment estimates.</summary>
    /// <param name="parameterCount">Number of parameters. Range: ≥ 1.</param>
    /// <param name="learningRate">η. Range: η &gt; 0.</param>
    /// <param name="beta1">β₁, decay of the first moment. Range: 0 ≤ β₁ &lt; 1.</param>
    /// <param name="beta2">β₂, decay of the second moment. Range: 0 ≤ β₂ &lt; 1.</param>
    /// <param name="epsilon">ε, added to √v̂. Range: ε &gt; 0.</param>
    public Adam(int parameterCount, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        Guard.Positive(parameterCount);
        Guard.Positive(learningRate);
        Guard.InRange(beta1, 0, Math.BitDecrement(1.0));
        Guard.InRange(beta2, 0, Math.BitDecrement(1.0));
        Guard.Positive(epsilon);
        _m = new double[parameterCount];
        _v = new double[parameterCount];
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <summary>β₁.</summary>
    public double Beta1 { get; }

    /// <summary>β₂.</summary>
    public double Beta2 { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>Number of steps taken.</summary>
    public int StepCount { get; private set; }

    // g² must be finite: √double.MaxValue ≈ 1.34e154.
    private const double MaxGradient = 1e154;

    /// <summary>Updates <paramref name="parameters"/> in place with one Adam step along <paramref name="gradient"/>.</summary>
    /// <exception cref="ArgumentException">Lengths differ from the parameter count, or the gradient is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A gradient entry whose square overflows (|g| &gt; 1e154): the second
    /// moment would become ∞ and every later step 0.</exception>
    public void Step(double[] parameters, double[] gradient) => Step(parameters, gradient, LearningRate);

    /// <summary>
    /// One Adam step with the learning rate <paramref name="learningRate"/> in place of <see cref="LearningRate"/>
    /// (a schedule: the moment estimates do not depend on the rate).
    /// </summary>
    /// <param name="parameters">θ, updated in place.</param>
    /// <param name="gradient">∂L/∂θ at θ.</param>
    /// <param name="learningRate">This step's η. Range: ≥ 0 (0 updates the moments only).</param>
    /// <exception cref="ArgumentException">As <see cref="Step(double[], double[])"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Step(double[], double[])"/>, or a negative or non-finite rate.</exception>
    public void Step(double[] parameters, double[] gradient, double learningRate)
    {
        Guard.NonNegative(learningRate);
        Guard.NotNull(parameters);
        Guard.AllFinite(gradient);
        Guard.SameLength(parameters.Length, _m.Length, nameof(parameters), "the optimiser's parameter count");
        Guard.SameLength(gradient.Length, _m.Length, nameof(gradient), "the optimiser's parameter count");
        for (int i = 0; i < gradient.Length; i++)
        {
            if (!(Math.Abs(gradient[i]) <= MaxGradient))
                throw new ArgumentOutOfRangeException(nameof(gradient), gradient[i],
                    FormattableString.Invariant($"gradient[{i}] = {gradient[i]:G6} is out of range; allowed: |gradient[i]| ≤ {MaxGradient:G3} (its square must stay finite, or the second moment becomes ∞ and the parameters stop moving)."));
        }
        StepCount++;
        _beta1Power *= Beta1;
        _beta2Power *= Beta2;
        double c1 = 1 - _beta1Power, c2 = 1 - _beta2Power;
        for (int i = 0; i < parameters.Length; i++)
        {
            double g = gradient[i];
            _m[i] = Beta1 * _m[i] + (1 - Beta1) * g;
            _v[i] = Beta2 * _v[i] + (1 - Beta2) * g * g;
            parameters[i] -= learningRate * (_m[i] / c1) / (Math.Sqrt(_v[i] / c2) + Epsilon);
        }
    }
}
