using ResearchKit.Data;
using ResearchKit.ScalingLaws;

namespace ResearchKit.Tests.Data;

public class Gpt3LossCurvesTests
{
    private static string Curves => SharedData.File("colpret-hitchhiker", Gpt3LossCurves.CurvesFileName);

    private static string Metadata => SharedData.File("colpret-hitchhiker", Gpt3LossCurves.MetadataFileName);

    private const string MetaHeader = "model_name,num_params,num_layers,d_model,num_heads,head_dim,batch_size_tokens,learning_rate\n";

    [Fact]
    public void Load_SharedFiles_AccountsForEveryRow()
    {
        var data = Gpt3LossCurves.Load(Curves, Metadata);
        Assert.Equal(8, data.Models.Count);
        Assert.Equal(12097, data.Account.Rows);
        Assert.Equal(5591, data.Account.TrainRows);
        Assert.Equal(6506, data.Account.ValidationRows);
        Assert.Equal(data.Account.Rows, data.Account.PerModel.Sum(m => m.Train + m.Validation));
        Assert.Equal(("small", 1523, 578), data.Account.PerModel[0]);
        Assert.Equal(("175b", 1062, 1111), data.Account.PerModel[^1]);
        Assert.Equal(6e-4, data.Model("small").LearningRate);
        Assert.Equal(3.2e6, data.Model("175b").BatchTokens);
        Assert.Equal(578, data.Curve("small", Gpt3LossSplit.Validation).Count);
    }

    [Fact]
    public void LoadDefault_FindsTheSharedCopies()
    {
        var data = Gpt3LossCurves.LoadDefault(SharedData.RepositoryRoot);
        Assert.Equal(Path.GetFullPath(Curves), data.CurvesPath);
    }

    [Fact]
    public void Schedule_FollowsAppendixB()
    {
        var data = Gpt3LossCurves.Load(Curves, Metadata);
        var small = data.Model("small");
        var s = Gpt3LossCurves.Schedule(small);
        Assert.Equal(600000, s.Steps);                 // 300 B tokens / 0.5 M
        Assert.Equal(750, s.WarmupSteps);              // 375 M / 0.5 M
        NumericAssert.Close(6e-4, s.Rates[749], 1e-14);
        NumericAssert.Close(6e-4 / 750, s.Rates[0], 1e-14);
        NumericAssert.Close(6e-5, s.Rates[520000 - 1], 1e-12);   // 260 B / 0.5 M
        NumericAssert.Close(6e-5, s.Rates[^1], 1e-14);
        Assert.Equal(6e-4, s.PeakRate);
        var curve = data.AnnealingCurve("small", Gpt3LossSplit.Validation);
        Assert.Equal(578, curve.Count);
        Assert.All(curve.Steps, st => Assert.InRange(st, 1, s.Steps));
    }

    [Theory]
    [InlineData("model,step,train_loss\nsmall,10,3.0\n", "missing column 'val_loss'")]
    [InlineData("model,step,train_loss,val_loss\nsmall,ten,3.0,\n", "line 2, column 'step' = 'ten'")]
    [InlineData("model,step,train_loss,val_loss\nsmall,10,3.0,x\n", "line 2, column 'val_loss' = 'x'")]
    [InlineData("model,step,train_loss,val_loss\nsmall,10,3.0,2.9\n", "both")]
    [InlineData("model,step,train_loss,val_loss\nsmall,10,,\n", "neither")]
    [InlineData("model,step,train_loss,val_loss\nhuge,10,3.0,\n", "'huge'")]
    [InlineData("model,step,train_loss,val_loss\nsmall,10,-3.0,\n", "column 'train_loss'")]
    [InlineData("model,step,train_loss,val_loss\n", "no data rows")]
    public void Load_BadCurves_NamesFileRowAndColumn(string text, string expected)
    {
        using var folder = new TemporaryFolder();
        string curves = Path.Combine(folder.Path, "curves.csv"), meta = Path.Combine(folder.Path, "meta.csv");
        File.WriteAllText(curves, text);
        File.WriteAllText(meta, MetaHeader + "GPT-3 Small,125000000,12,768,12,64,500000,6.0e-4\n");
        var e = Assert.Throws<InvalidDataException>(() => Gpt3LossCurves.Load(curves, meta));
        Assert.Contains(expected, e.Message);
        Assert.Contains(curves, e.Message);
    }

    [Theory]
    [InlineData("GPT-3 Small,125000000,12,768,12,64,500000,-6.0e-4\n", "column 'learning_rate'")]
    [InlineData("GPT-3 Small,125000000,12,768,12,64,500000,NaN\n", "column 'learning_rate' = 'NaN'")]
    [InlineData("GPT-3 Small,125000000,12,768,12,64,500000,Infinity\n", "column 'learning_rate'")]
    [InlineData("GPT-3 Small,125000000,12,768,12,64,500000,\n", "column 'learning_rate' = ''")]
    [InlineData("GPT-3 Small,125000000,12,768,12,64,0,6e-4\n", "column 'batch_size_tokens'")]
    [InlineData("GPT-4,125000000,12,768,12,64,500000,6e-4\n", "'GPT-4'")]
    [InlineData("GPT-3 Small,125000000,12,768,12,64,500000,6e-4\nGPT-3 Small,125000000,12,768,12,64,500000,6e-4\n", "repeats")]
    public void Load_BadMetadata_NamesFileRowAndColumn(string rows, string expected)
    {
        using var folder = new TemporaryFolder();
        string curves = Path.Combine(folder.Path, "curves.csv"), meta = Path.Combine(folder.Path, "meta.csv");
        File.WriteAllText(curves, "model,step,train_loss,val_loss\nsmall,10,3.0,\n");
        File.WriteAllText(meta, MetaHeader + rows);
        var e = Assert.Throws<InvalidDataException>(() => Gpt3LossCurves.Load(curves, meta));
        Assert.Contains(expected, e.Message);
        Assert.Contains(meta, e.Message);
    }

    [Fact]
    public void Load_MissingFileOrColumn_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => Gpt3LossCurves.Load("/nonexistent/c.csv", Metadata));
        using var folder = new TemporaryFolder();
        string meta = Path.Combine(folder.Path, "meta.csv");
        File.WriteAllText(meta, "model_name,num_params,batch_size_tokens\nGPT-3 Small,1,2\n");
        var e = Assert.Throws<InvalidDataException>(() => Gpt3LossCurves.Load(Curves, meta));
        Assert.Contains("missing column 'learning_rate'", e.Message);
        Assert.Throws<FileNotFoundException>(() => Gpt3LossCurves.LoadDefault(folder.Path));
    }
}
