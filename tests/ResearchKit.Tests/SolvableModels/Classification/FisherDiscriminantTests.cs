using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class FisherDiscriminantTests
{
    [Fact]
    public void FromSample_LargeSample_AlignsWithPopulationFisher()
    {
        var m = new GaussianClassesModel(new[] { 0.5, 0.5, 0, 0.2 }, new[] { 1.0, 0.3, 2, 0.5 });
        var s = m.Sample(40000, new Random(4));
        Assert.True(FisherDiscriminant.Cosine(FisherDiscriminant.FromSample(s), m.FisherDirection()) > 0.999);
        // and the population Fisher direction is not the mean direction (the check is not trivial)
        Assert.True(FisherDiscriminant.Cosine(m.Mean.ToArray(), m.FisherDirection()) < 0.9);
    }

    [Fact]
    public void Cosine_KnownValues()
    {
        NumericAssert.Close(1, FisherDiscriminant.Cosine(new[] { 1.0, 2 }, new[] { 2.0, 4 }), 1e-15);
        NumericAssert.CloseAbs(0, FisherDiscriminant.Cosine(new[] { 1.0, 0 }, new[] { 0.0, 3 }), 1e-15);
        Assert.True(double.IsNaN(FisherDiscriminant.Cosine(new[] { 0.0, 0 }, new[] { 1.0, 3 })));
    }

    [Fact]
    public void BadInput_Throws()
    {
        var m = GaussianClassesModel.SignalPlusNoise(5, 1, 1, 1);
        Assert.ThrowsAny<ArgumentException>(() => FisherDiscriminant.FromSample(m.Sample(6, new Random(1))));
        var one = m.Sample(20, new Random(1));
        Assert.ThrowsAny<ArgumentException>(() => FisherDiscriminant.FromSample(one with { Labels = Enumerable.Repeat(1.0, 20).ToArray() }));
        Assert.ThrowsAny<ArgumentException>(() => FisherDiscriminant.Cosine(new[] { 1.0 }, new[] { 1.0, 2 }));
        Assert.ThrowsAny<ArgumentException>(() => FisherDiscriminant.Cosine(new[] { double.NaN }, new[] { 1.0 }));
    }
}

public class FisherFoldedTests
{
    [Fact]
    public void FromFoldedSample_IsTheDirectionOfTheLeastSquaresFitToAConstantTarget()
    {
        // Σ̂⁻¹μ̂ ∝ (X̃ᵀX̃)⁻¹X̃ᵀ1 (Sherman–Morrison): the minimiser of Σ (S·x̃ᵢ − a)² (Cor. 3.3).
        var s = ResearchKit.SolvableModels.GaussianClassesModel.SignalPlusNoise(6, 1.0, 0.7, 1.3).Sample(50, new Random(8));
        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(50, 6, (i, j) => s.Labels[i] * s.Points[i, j]);
        var ls = x.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(50, 1.0)).ToArray();
        NumericAssert.Close(1.0, ResearchKit.SolvableModels.FisherDiscriminant.Cosine(ls, ResearchKit.SolvableModels.FisherDiscriminant.FromFoldedSample(s)), 1e-12);
    }

    [Fact]
    public void FromFoldedSample_TooFewPoints_Throws()
    {
        var s = ResearchKit.SolvableModels.GaussianClassesModel.SignalPlusNoise(6, 1.0, 0.7, 1.3).Sample(6, new Random(9));
        Assert.Throws<ArgumentException>(() => ResearchKit.SolvableModels.FisherDiscriminant.FromFoldedSample(s));
    }
}
