using System.Globalization;
using ResearchKit.ScalingLaws;

namespace ResearchKit.Data;

/// <summary>Rows of a source file left out on purpose, with the reason.</summary>
/// <param name="Reason">Why they were left out.</param>
/// <param name="Count">How many.</param>
public sealed record DroppedRows(string Reason, int Count);

/// <summary>How every data row of a file was used: kept, or dropped for a stated reason.</summary>
/// <param name="File">The file's name.</param>
/// <param name="RowsRead">Data rows in the file (the header not counted).</param>
/// <param name="RowsKept">Rows that became checkpoints or runs.</param>
/// <param name="Dropped">The rows dropped, by reason.</param>
public sealed record RowAccount(string File, int RowsRead, int RowsKept, IReadOnlyList<DroppedRows> Dropped)
{
    /// <summary>True when kept + dropped = read (every row accounted for).</summary>
    public bool IsComplete => RowsKept + Dropped.Sum(d => d.Count) == RowsRead;
}

/// <summary>Families read from one file, with the account of its rows.</summary>
/// <param name="Families">The scaling families.</param>
/// <param name="Account">Every row of the file, kept or dropped with a reason.</param>
public sealed record ColPretFamilies(IReadOnlyList<TrajectoryFamily> Families, RowAccount Account)
{
    /// <summary>The family called <paramref name="name"/>.</summary>
    /// <param name="name">A family name.</param>
    public TrajectoryFamily this[string name] => Families.FirstOrDefault(f => f.Name == name)
        ?? throw new ArgumentException($"No family '{name}'; present: {string.Join(", ", Families.Select(f => f.Name))}.", nameof(name));
}

/// <summary>One final model of Gadre et al.'s over-training testbed (no intermediate checkpoints).</summary>
/// <param name="Dataset">Training data (<c>c4_original</c>, <c>rpj</c>, <c>rw_original</c>).</param>
/// <param name="Model">Architecture name (e.g. <c>d=96_l=8_h=4</c>).</param>
/// <param name="Parameters">N.</param>
/// <param name="Tokens">D.</param>
/// <param name="TokensPerParameter">The token multiplier D/N of the run's name.</param>
/// <param name="Loss">Validation loss on the training distribution (<c>loss_openlm</c>, nats/token).</param>
/// <param name="Line">Line in the file.</param>
public sealed record OvertrainRun(string Dataset, string Model, double Parameters, double Tokens, double TokensPerParameter, double Loss, int Line);

/// <summary>The over-training testbed's 104 final models, with the row account.</summary>
/// <param name="Runs">Every run.</param>
/// <param name="Account">The row account.</param>
public sealed record OvertrainRuns(IReadOnlyList<OvertrainRun> Runs, RowAccount Account);

/// <summary>How OPT's validation perplexity becomes the fitted quantity.</summary>
public enum OptLoss
{
    /// <summary>The perplexity as it is (the authors' code renames the column <c>ppl</c> to <c>loss</c> and fits it unchanged).</summary>
    Perplexity,
    /// <summary>ln(perplexity), cross-entropy in nats per token (the workbook's alternative).</summary>
    LogPerplexity,
}

/// <summary>
/// Loaders for the per-family loss tables released with "A Hitchhiker's Guide to Scaling Law Estimation" (repository
/// IBM/ColPret), as <see cref="TrajectoryFamily"/> values with units made explicit and every row accounted for.
/// </summary>
/// <remarks>
/// Choshen, Zhang, Andreas 2024 (arXiv 2410.11840). The conversions follow the authors' <c>util/read_data.py</c>:
/// GPT-3 <c>step</c> is billions of tokens and only <c>val_loss</c> is fitted; OPT tokens = steps × the OPT batch size
/// (equal to 10^<c>num_token</c>: that column and <c>flops</c> are log₁₀); OLMo tokens = Step × 4·10⁶, loss = the mean of
/// the row's non-empty <c>*CrossEntropyLoss</c> columns, <c>OLMo-1B </c> (trailing space) trimmed, Twin-2T outside the
/// family; datablations families are data × epochs, and its <c>flops</c> column (wrong as stored) is not read.
/// Files: <c>../shared/data/colpret-hitchhiker/</c> (SOURCE.md). Notebook 25.
/// </remarks>
public static class ColPretData
{
    /// <summary>The shared-data folder name.</summary>
    public const string Folder = "colpret-hitchhiker";

    /// <summary>The upstream repository.</summary>
    public static readonly Uri Source = new("https://github.com/IBM/ColPret/tree/16f23bbe054277ddc4afd07a972dd7cfbe3f48c3");

    /// <summary>File names and SHA-256 of the shared copies.</summary>
    public static IReadOnlyDictionary<string, string> Sha256 { get; } = new Dictionary<string, string>
    {
        ["gpt3_extracted.csv"] = "ea73b550de60d8b278523fa69385df0c2892546f8820aea12b4d1fe2d4f98962",
        ["gpt3_metadata.csv"] = "83bd02474a9ccb992ce3e25df58c0d5010d1117ff8f809c3e64c9d877f4dbdba",
        ["opt_trajectories.csv"] = "c3a53ccc7a412f0caff4179ce484acf1c2aab36b25677473658f094362449ff5",
        ["olmo.csv"] = "008a3a0ff6a6f0832ecbe6498e1720f17864f23ffda4a9ce3239bf2ceec0ad8a",
        ["datablations_losses.csv"] = "b3c448c2cd1a17128e06ee3120a9c377c4e2bf649e09b2446db59f98ef957b48",
        ["overtrain_downstreams.csv"] = "689a4027953463771916b443713ed793e7af3623eafb52bc8c9bc0f5f0d8029d",
    };

    /// <summary>OPT's batch size in tokens by model (Zhang et al. 2022, Table 1; the authors' <c>row_to_tokens_seen</c>).</summary>
    public static IReadOnlyDictionary<string, (double Parameters, double BatchTokens)> OptSizes { get; } = new Dictionary<string, (double, double)>
    {
        ["125m"] = (125e6, 0.5e6), ["1.3b"] = (1.3e9, 1e6), ["6.7b"] = (6.7e9, 2e6),
        ["13b"] = (13e9, 4e6), ["30b"] = (30e9, 4e6), ["175b"] = (175e9, 2e6),
    };

    /// <summary>OLMo tokens per optimiser step (4·10⁶, the authors' conversion).</summary>
    public const double OlmoTokensPerStep = 4e6;

    /// <summary>GPT-3's eight loss curves (validation loss against tokens), N from Table 2.1 (<c>gpt3_metadata.csv</c>).</summary>
    /// <param name="extractedPath"><c>gpt3_extracted.csv</c> (columns model, step, train_loss, val_loss).</param>
    /// <param name="metadataPath"><c>gpt3_metadata.csv</c> (columns model_name, num_params).</param>
    /// <exception cref="InvalidDataException">A missing column, a non-numeric cell (naming file, line and column), an unknown model.</exception>
    public static ColPretFamilies LoadGpt3(string extractedPath, string metadataPath)
    {
        var meta = CsvTable.Read(Existing(metadataPath), ["model_name", "num_params"]);
        var sizes = new List<(string Name, double N)>();
        foreach (var row in meta.Rows)
            sizes.Add((meta.Text(row, "model_name"), meta.PositiveNumber(row, "num_params")));
        var table = CsvTable.Read(Existing(extractedPath), ["model", "step", "train_loss", "val_loss"]);
        var points = new Dictionary<string, List<TrainingCheckpoint>>();
        int trainOnly = 0;
        foreach (var row in table.Rows)
        {
            string key = table.Text(row, "model");
            var match = sizes.FirstOrDefault(s => s.Name.Contains(key, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
                throw new InvalidDataException($"{table.Path}: line {row.Line}, column 'model' = '{key}' matches no model_name of {metadataPath}.");
            double tokens = table.PositiveNumber(row, "step") * 1e9;
            double? val = table.OptionalNumber(row, "val_loss");
            table.OptionalNumber(row, "train_loss"); // validated even though it is not fitted
            if (val is null)
            {
                trainOnly++;
                continue;
            }
            if (!(val > 0))
                throw new InvalidDataException($"{table.Path}: line {row.Line}, column 'val_loss' = {val}; allowed: > 0.");
            if (!points.TryGetValue(match.Name, out var list))
                points[match.Name] = list = [];
            list.Add(new TrainingCheckpoint(tokens, val.Value, row.Line));
        }
        var family = new TrajectoryFamily("GPT-3", points.Select(p => new LossTrajectory(p.Key, sizes.First(s => s.Name == p.Key).N, p.Value)).ToArray());
        int kept = points.Values.Sum(v => v.Count);
        return new([family], new RowAccount(Path.GetFileName(extractedPath), table.Rows.Count, kept,
            [new DroppedRows("training-loss point without val_loss (the authors fit val_loss only)", trainOnly)]));
    }

    /// <summary>OPT's six trajectories (Xia et al. 2023); tokens = steps × batch, checked against 10^num_token.</summary>
    /// <param name="path"><c>opt_trajectories.csv</c>.</param>
    /// <param name="loss">Perplexity as the authors fit it, or its logarithm.</param>
    /// <exception cref="InvalidDataException">A missing column, a non-numeric cell, an unknown size, or num_token ≠ log₁₀(steps × batch).</exception>
    public static ColPretFamilies LoadOpt(string path, OptLoss loss = OptLoss.Perplexity)
    {
        var table = CsvTable.Read(Existing(path), ["model_size", "steps", "num_token", "flops", "ppl"]);
        var points = new Dictionary<string, List<TrainingCheckpoint>>();
        foreach (var row in table.Rows)
        {
            string size = table.Text(row, "model_size");
            if (!OptSizes.TryGetValue(size, out var s))
                throw new InvalidDataException($"{table.Path}: line {row.Line}, column 'model_size' = '{size}' is not an OPT size ({string.Join(", ", OptSizes.Keys)}).");
            double tokens = table.PositiveNumber(row, "steps") * s.BatchTokens;
            double log10Tokens = table.Number(row, "num_token");
            if (Math.Abs(Math.Log10(tokens) - log10Tokens) > 1e-6)
                throw new InvalidDataException($"{table.Path}: line {row.Line}, column 'num_token' = {log10Tokens.ToString(CultureInfo.InvariantCulture)} ≠ log10(steps × {s.BatchTokens}) = {Math.Log10(tokens).ToString(CultureInfo.InvariantCulture)}.");
            table.Number(row, "flops");
            double ppl = table.PositiveNumber(row, "ppl");
            if (loss == OptLoss.LogPerplexity && !(ppl > 1))
                throw new InvalidDataException($"{table.Path}: line {row.Line}, column 'ppl' = {ppl}; allowed for ln ppl: > 1.");
            if (!points.TryGetValue(size, out var list))
                points[size] = list = [];
            list.Add(new TrainingCheckpoint(tokens, loss == OptLoss.Perplexity ? ppl : Math.Log(ppl), row.Line));
        }
        var family = new TrajectoryFamily(loss == OptLoss.Perplexity ? "OPT" : "OPT (ln ppl)",
            points.Select(p => new LossTrajectory("OPT-" + p.Key, OptSizes[p.Key].Parameters, p.Value)).ToArray());
        return new([family], new RowAccount(Path.GetFileName(path), table.Rows.Count, table.Rows.Count, []));
    }

    /// <summary>
    /// OLMo-1B and OLMo-7B (Groeneveld et al. 2024): loss = mean of the row's non-empty <c>*CrossEntropyLoss</c> columns,
    /// tokens = Step × 4·10⁶. OLMo-7B-Twin-2T rows are counted as dropped (outside the family in the authors' code).
    /// </summary>
    /// <param name="path"><c>olmo.csv</c>.</param>
    /// <exception cref="InvalidDataException">A missing column, a non-numeric cell, or an unknown num_params.</exception>
    public static ColPretFamilies LoadOlmo(string path)
    {
        var table = CsvTable.Read(Existing(path), ["Step", "model_name", "num_params"]);
        var lossColumns = table.Header.Where(h => h.Contains("CrossEntropyLoss", StringComparison.Ordinal)).ToArray();
        if (lossColumns.Length == 0)
            throw new InvalidDataException($"{table.Path}: no '*CrossEntropyLoss' column in the header.");
        var points = new Dictionary<string, List<TrainingCheckpoint>>();
        var sizes = new Dictionary<string, double>();
        int twin = 0, noLoss = 0, noTokens = 0;
        foreach (var row in table.Rows)
        {
            string model = table.Text(row, "model_name"); // trims 'OLMo-1B ' to 'OLMo-1B'
            double step = table.Number(row, "Step");
            double n = ParseSize(table, row, "num_params");
            var losses = lossColumns.Select(c => table.OptionalNumber(row, c)).Where(v => v is not null).Select(v => v!.Value).ToArray();
            if (model == "OLMo-7B-Twin-2T") { twin++; continue; }
            if (losses.Length == 0) { noLoss++; continue; }
            if (!(step > 0)) { noTokens++; continue; }
            if (!points.TryGetValue(model, out var list))
            {
                points[model] = list = [];
                sizes[model] = n;
            }
            list.Add(new TrainingCheckpoint(step * OlmoTokensPerStep, losses.Average(), row.Line));
        }
        var family = new TrajectoryFamily("OLMo", points.Select(p => new LossTrajectory(p.Key, sizes[p.Key], p.Value)).ToArray());
        var dropped = new List<DroppedRows> { new("OLMo-7B-Twin-2T: not in the OLMo scaling family (authors' get_olmo)", twin) };
        if (noLoss > 0) dropped.Add(new("no cross-entropy column set", noLoss));
        if (noTokens > 0) dropped.Add(new("Step ≤ 0", noTokens));
        return new([family], new RowAccount(Path.GetFileName(path), table.Rows.Count, points.Values.Sum(v => v.Count), dropped));
    }

    /// <summary>
    /// Muennighoff et al.'s data-constrained runs: one family per (data, epochs) with the 2.8B, 4.2B and 8.7B models;
    /// tokens = <c>token_num</c>; the stored <c>flops</c> column is not read (it is not 6·N·D).
    /// </summary>
    /// <param name="path"><c>datablations_losses.csv</c>.</param>
    /// <exception cref="InvalidDataException">A missing column, a non-numeric cell or an unknown num_params.</exception>
    public static ColPretFamilies LoadDatablations(string path)
    {
        var table = CsvTable.Read(Existing(path), ["data", "epochs", "token_num", "loss", "num_params"]);
        var groups = new SortedDictionary<string, Dictionary<string, (double N, List<TrainingCheckpoint> Points)>>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            string data = table.Text(row, "data");
            int epochs = table.Integer(row, "epochs");
            double n = ParseSize(table, row, "num_params");
            string key = $"datablations {data} {epochs:D2} ep";
            if (!groups.TryGetValue(key, out var models))
                groups[key] = models = new();
            string model = $"{table.Text(row, "num_params")}-{data}-{epochs}ep";
            if (!models.TryGetValue(model, out var m))
                models[model] = m = (n, []);
            m.Points.Add(new TrainingCheckpoint(table.PositiveNumber(row, "token_num"), table.PositiveNumber(row, "loss"), row.Line));
        }
        var families = groups.Select(g => new TrajectoryFamily(g.Key, g.Value.Select(m => new LossTrajectory(m.Key, m.Value.N, m.Value.Points)).ToArray())).ToArray();
        return new(families, new RowAccount(Path.GetFileName(path), table.Rows.Count, table.Rows.Count, []));
    }

    /// <summary>The over-training testbed's final models (Gadre et al. 2024): N, D, D/N and <c>loss_openlm</c>.</summary>
    /// <param name="path"><c>overtrain_downstreams.csv</c>.</param>
    public static OvertrainRuns LoadOvertrain(string path)
    {
        var table = CsvTable.Read(Existing(path), ["dataset_name", "model_name", "N", "D", "tok_mult", "loss_openlm"]);
        var runs = table.Rows.Select(row => new OvertrainRun(table.Text(row, "dataset_name"), table.Text(row, "model_name"), table.PositiveNumber(row, "N"),
            table.PositiveNumber(row, "D"), table.PositiveNumber(row, "tok_mult"), table.PositiveNumber(row, "loss_openlm"), row.Line)).ToArray();
        return new(runs, new RowAccount(Path.GetFileName(path), table.Rows.Count, runs.Length, []));
    }

    /// <summary>GPT-3 from the shared folder (SHA-256 checked).</summary>
    /// <param name="repositoryRoot">The repository root; default: found from the current directory.</param>
    public static ColPretFamilies LoadGpt3Default(string? repositoryRoot = null) => LoadGpt3(Locate("gpt3_extracted.csv", repositoryRoot), Locate("gpt3_metadata.csv", repositoryRoot));

    /// <summary>OPT from the shared folder (SHA-256 checked).</summary>
    /// <param name="loss">Perplexity or ln perplexity.</param>
    /// <param name="repositoryRoot">The repository root; default: found from the current directory.</param>
    public static ColPretFamilies LoadOptDefault(OptLoss loss = OptLoss.Perplexity, string? repositoryRoot = null) => LoadOpt(Locate("opt_trajectories.csv", repositoryRoot), loss);

    /// <summary>OLMo from the shared folder (SHA-256 checked).</summary>
    /// <param name="repositoryRoot">The repository root; default: found from the current directory.</param>
    public static ColPretFamilies LoadOlmoDefault(string? repositoryRoot = null) => LoadOlmo(Locate("olmo.csv", repositoryRoot));

    /// <summary>The datablations families from the shared folder (SHA-256 checked).</summary>
    /// <param name="repositoryRoot">The repository root; default: found from the current directory.</param>
    public static ColPretFamilies LoadDatablationsDefault(string? repositoryRoot = null) => LoadDatablations(Locate("datablations_losses.csv", repositoryRoot));

    /// <summary>The over-training runs from the shared folder (SHA-256 checked).</summary>
    /// <param name="repositoryRoot">The repository root; default: found from the current directory.</param>
    public static OvertrainRuns LoadOvertrainDefault(string? repositoryRoot = null) => LoadOvertrain(Locate("overtrain_downstreams.csv", repositoryRoot));

    private static string Locate(string file, string? root)
        => SharedDataFile.Locate(root, Folder, new DataFileSpec(file, Sha256[file], Source), null, false,
            $"the file is in ../shared/data/{Folder}/ (see its SOURCE.md; upstream {Source})");

    private static string Existing(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"ColPret data: no file at {path} (see ../shared/data/{Folder}/SOURCE.md; upstream {Source}).", path);
        return path;
    }

    /// <summary>"2.8B", "125M", "1B" → a count.</summary>
    private static double ParseSize(CsvTable table, (int Line, string[] Fields) row, string column)
    {
        string v = table.Text(row, column);
        double mult = v.EndsWith('B') || v.EndsWith('b') ? 1e9 : v.EndsWith('M') || v.EndsWith('m') ? 1e6 : 0;
        if (mult > 0 && double.TryParse(v[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x > 0 && double.IsFinite(x))
            return x * mult;
        throw new InvalidDataException($"{table.Path}: line {row.Line}, column '{column}' = '{v}' is not a model size such as '2.8B' or '125M'.");
    }
}
