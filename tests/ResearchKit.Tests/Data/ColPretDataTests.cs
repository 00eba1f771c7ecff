using ResearchKit.Data;

namespace ResearchKit.Tests.Data;

public class ColPretDataTests
{
    private static string F(string name) => SharedData.File(ColPretData.Folder, name);

    [Fact]
    public void Gpt3_EightModels_ValLossOnly_EveryRowAccounted()
    {
        var r = ColPretData.LoadGpt3(F("gpt3_extracted.csv"), F("gpt3_metadata.csv"));
        var f = r.Families.Single();
        Assert.Equal(8, f.Models.Count);
        Assert.Equal("GPT-3 175B", f.Target.Model);
        Assert.Equal(175e9, f.Target.Parameters);
        Assert.Equal(12097, r.Account.RowsRead);
        Assert.Equal(6506, r.Account.RowsKept);
        Assert.Equal(5591, r.Account.Dropped.Single().Count);
        Assert.True(r.Account.IsComplete);
        Assert.InRange(f.Models.Max(m => m.MaxTokens), 290e9, 301e9);   // step is billions of tokens
        Assert.All(f.Models, m => Assert.True(m.Checkpoints.Min(c => c.Tokens) >= 9.5e9));
    }

    [Fact]
    public void Opt_TokensAreStepsTimesBatch_PerplexityOrItsLog()
    {
        var r = ColPretData.LoadOpt(F("opt_trajectories.csv"));
        var f = r.Families.Single();
        Assert.Equal(6, f.Models.Count);
        Assert.Equal([36, 22, 21, 18, 15, 30], f.Models.Select(m => m.Checkpoints.Count));
        Assert.Equal(142, r.Account.RowsKept);
        Assert.True(r.Account.IsComplete);
        NumericAssert.Close(1e9, f.Models[0].Checkpoints[0].Tokens, 1e-12); // num_token 9.0 is log10
        NumericAssert.Close(67.52265444265277, f.Models[0].Checkpoints[0].Loss, 1e-12);
        var ln = ColPretData.LoadOpt(F("opt_trajectories.csv"), OptLoss.LogPerplexity).Families.Single();
        NumericAssert.Close(Math.Log(67.52265444265277), ln.Models[0].Checkpoints[0].Loss, 1e-12);
    }

    [Fact]
    public void Olmo_TrailingSpaceTrimmed_TwinDropped_LossIsMeanOfCrossEntropies()
    {
        var r = ColPretData.LoadOlmo(F("olmo.csv"));
        var f = r.Families.Single();
        Assert.Equal(["OLMo-1B", "OLMo-7B"], f.Models.Select(m => m.Model));
        Assert.Equal([735, 529], f.Models.Select(m => m.Checkpoints.Count));
        Assert.Equal(1708, r.Account.RowsRead);
        Assert.Equal(444, r.Account.Dropped.Single(d => d.Reason.Contains("Twin")).Count);
        Assert.True(r.Account.IsComplete);
        Assert.Equal(7e9, f.Target.Parameters);
        Assert.All(f.Models.SelectMany(m => m.Checkpoints), c => Assert.InRange(c.Loss, 1.0, 10.0));
        Assert.Equal(0, f.Models[0].Checkpoints[0].Tokens % ColPretData.OlmoTokensPerStep);
    }

    [Fact]
    public void Datablations_SixteenFamiliesOfThreeSizes()
    {
        var r = ColPretData.LoadDatablations(F("datablations_losses.csv"));
        Assert.Equal(16, r.Families.Count);
        Assert.All(r.Families, f => Assert.Equal([2.8e9, 4.2e9, 8.7e9], f.Models.Select(m => m.Parameters)));
        Assert.Equal(9261, r.Families.Sum(f => f.Models.Sum(m => m.Checkpoints.Count)));
        Assert.True(r.Account.IsComplete);
        var c4 = r["datablations c4 01 ep"];
        NumericAssert.Close(2.3389, c4.Target.FinalLoss, 1e-4);
    }

    [Fact]
    public void Overtrain_104FinalRuns()
    {
        var r = ColPretData.LoadOvertrain(F("overtrain_downstreams.csv"));
        Assert.Equal(104, r.Runs.Count);
        Assert.Equal(3, r.Runs.Select(x => x.Dataset).Distinct().Count());
        Assert.True(r.Account.IsComplete);
    }

    [Fact]
    public void Defaults_FindTheSharedCopies()
    {
        Assert.Single(ColPretData.LoadGpt3Default(SharedData.RepositoryRoot).Families);
        Assert.Single(ColPretData.LoadOptDefault(OptLoss.Perplexity, SharedData.RepositoryRoot).Families);
        Assert.Single(ColPretData.LoadOlmoDefault(SharedData.RepositoryRoot).Families);
    }

    [Fact]
    public void MissingColumn_NamesFileAndColumn()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write("opt.csv", "model_name,model_size,steps,num_token,ppl\nOPT,125m,2000,9.0,67.5\n");
        var e = Assert.Throws<InvalidDataException>(() => ColPretData.LoadOpt(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("'flops'", e.Message);
    }

    [Fact]
    public void NonNumericCell_NamesFileLineAndColumn()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write("opt.csv", "model_name,model_size,steps,num_token,flops,ppl\nOPT,125m,2000,9.0,17.875,67.5\nOPT,125m,4000,9.30103,18.17,abc\n");
        var e = Assert.Throws<InvalidDataException>(() => ColPretData.LoadOpt(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("line 3", e.Message);
        Assert.Contains("'ppl'", e.Message);
    }

    [Fact]
    public void Opt_NumTokenNotLog10OfStepsTimesBatch_Throws()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write("opt.csv", "model_name,model_size,steps,num_token,flops,ppl\nOPT,125m,2000,1000000000,17.875,67.5\n");
        var e = Assert.Throws<InvalidDataException>(() => ColPretData.LoadOpt(path));
        Assert.Contains("'num_token'", e.Message);
    }

    [Fact]
    public void Gpt3_NonNumericStep_And_UnknownModel_NameTheCell()
    {
        using var folder = new TemporaryFolder();
        string meta = folder.Write("m.csv", "model_name,num_params\nGPT-3 Small,125000000\n");
        string bad = folder.Write("e.csv", "model,step,train_loss,val_loss\nsmall,x,,3.1\n");
        var e = Assert.Throws<InvalidDataException>(() => ColPretData.LoadGpt3(bad, meta));
        Assert.Contains("line 2", e.Message);
        Assert.Contains("'step'", e.Message);
        string unknown = folder.Write("u.csv", "model,step,train_loss,val_loss\nhuge,12,,3.1\n");
        Assert.Contains("'huge'", Assert.Throws<InvalidDataException>(() => ColPretData.LoadGpt3(unknown, meta)).Message);
    }

    [Fact]
    public void Datablations_BadSize_NamesTheCell()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write("d.csv", "index,data,epochs,token_num,loss,num_params\n0,c4,1,1000,3.0,big\n");
        var e = Assert.Throws<InvalidDataException>(() => ColPretData.LoadDatablations(path));
        Assert.Contains("line 2", e.Message);
        Assert.Contains("'num_params'", e.Message);
    }

    [Fact]
    public void MissingFile_NamesThePath()
        => Assert.Contains("/nonexistent/olmo.csv", Assert.Throws<FileNotFoundException>(() => ColPretData.LoadOlmo("/nonexistent/olmo.csv")).Message);
}
