using ResearchKit.ScalingLaws;

namespace ResearchKit.Data;

/// <summary>Which loss a GPT-3 curve point is.</summary>
public enum Gpt3LossSplit
{
    /// <summary>The <c>train_loss</c> column.</summary>
    Train,

    /// <summary>The <c>val_loss</c> column.</summary>
    Validation,
}

/// <summary>One GPT-3 model of Brown et al.'s Table 2.1 as stored in ColPret's <c>gpt3_metadata.csv</c>.</summary>
/// <param name="Key">The model's name in <c>gpt3_extracted.csv</c> (<c>small</c>, …, <c>175b</c>).</param>
/// <param name="Name">The metadata's <c>model_name</c> (e.g. <c>GPT-3 Small</c>).</param>
/// <param name="Parameters"><c>num_params</c>.</param>
/// <param name="BatchTokens"><c>batch_size_tokens</c> (the full batch in tokens).</param>
/// <param name="LearningRate"><c>learning_rate</c>, the peak rate.</param>
/// <param name="Line">The metadata file's line.</param>
public sealed record Gpt3Model(string Key, string Name, double Parameters, double BatchTokens, double LearningRate, int Line);

/// <summary>One digitised point of a GPT-3 loss curve.</summary>
/// <param name="Model">The key (<c>small</c>, …).</param>
/// <param name="TokensBillions"><c>step</c>: tokens elapsed, in billions.</param>
/// <param name="Split">Train or validation.</param>
/// <param name="Loss">Cross-entropy, nats/token.</param>
/// <param name="Line">The file's line (header = 1).</param>
public sealed record Gpt3LossPoint(string Model, double TokensBillions, Gpt3LossSplit Split, double Loss, int Line);

/// <summary>How the rows of <c>gpt3_extracted.csv</c> were used: every row is a train or a validation point of a known model.</summary>
/// <param name="Rows">Data rows read.</param>
/// <param name="TrainRows">Rows with <c>train_loss</c> (and no <c>val_loss</c>).</param>
/// <param name="ValidationRows">Rows with <c>val_loss</c> (and no <c>train_loss</c>).</param>
/// <param name="PerModel">(model key, train rows, validation rows), in the metadata's order.</param>
public sealed record Gpt3RowAccount(int Rows, int TrainRows, int ValidationRows, IReadOnlyList<(string Model, int Train, int Validation)> PerModel);

/// <summary>
/// The GPT-3 training and validation loss curves digitised by the ColPret authors from Brown et al. 2020 (arXiv 2005.14165),
/// with each model's batch size and peak learning rate (Table 2.1), and the GPT-3 learning-rate schedule of App. B.2:
/// linear warm-up over the first 375 M tokens, cosine decay to 10 % of the peak over 260 B tokens, then 10 % to 300 B.
/// </summary>
/// <remarks>
/// Files <c>raw_data/gpt3/extracted.csv</c> and <c>gpt3_metadata.xlsx</c> (converted to CSV) of IBM/ColPret (commit
/// 16f23bbe; Choshen, Zhang, Andreas, arXiv 2410.11840). Each row of the curves holds exactly one of the two losses; the
/// loader refuses a row with both or neither, a model absent from the metadata, and a non-positive rate or batch. Used by
/// notebook 24 (one schedule per model: fit quality of Tissue et al.'s annealing law) and available to notebook 25.
/// </remarks>
public sealed class Gpt3LossCurves
{
    /// <summary>The curves' file name.</summary>
    public const string CurvesFileName = "gpt3_extracted.csv";

    /// <summary>The metadata's file name.</summary>
    public const string MetadataFileName = "gpt3_metadata.csv";

    /// <summary>SHA-256 of <see cref="CurvesFileName"/> (12 097 data rows, CRLF line ends).</summary>
    public const string CurvesSha256 = "ea73b550de60d8b278523fa69385df0c2892546f8820aea12b4d1fe2d4f98962";

    /// <summary>SHA-256 of <see cref="MetadataFileName"/> (8 rows).</summary>
    public const string MetadataSha256 = "83bd02474a9ccb992ce3e25df58c0d5010d1117ff8f809c3e64c9d877f4dbdba";

    /// <summary>Columns of the curves the loader reads.</summary>
    public static IReadOnlyList<string> CurvesColumns { get; } = ["model", "step", "train_loss", "val_loss"];

    /// <summary>Columns of the metadata the loader reads.</summary>
    public static IReadOnlyList<string> MetadataColumns { get; } = ["model_name", "num_params", "batch_size_tokens", "learning_rate"];

    /// <summary>Tokens of every GPT-3 run (App. B.2: "All models were trained for a total of 300 billion tokens").</summary>
    public const double TrainingTokens = 300e9;

    /// <summary>Linear warm-up, in tokens (App. B.2: "a linear LR warmup over the first 375 million tokens").</summary>
    public const double WarmupTokens = 375e6;

    /// <summary>End of the cosine decay, in tokens (App. B.2: "cosine decay for learning rate down to 10% of its value, over 260 billion tokens").</summary>
    public const double DecayEndTokens = 260e9;

    /// <summary>The final rate as a share of the peak (App. B.2: "training continues at 10% of the original learning rate").</summary>
    public const double FinalRateShare = 0.1;

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["small"] = "GPT-3 Small", ["medium"] = "GPT-3 Medium", ["large"] = "GPT-3 Large", ["xl"] = "GPT-3 XL",
        ["2.7b"] = "GPT-3 2.7B", ["6.7b"] = "GPT-3 6.7B", ["13b"] = "GPT-3 13B", ["175b"] = "GPT-3 175B",
    };

    private Gpt3LossCurves(IReadOnlyList<Gpt3Model> models, IReadOnlyList<Gpt3LossPoint> points, Gpt3RowAccount account, string curvesPath)
    {
        Models = models;
        Points = points;
        Account = account;
        CurvesPath = curvesPath;
    }

    /// <summary>The 8 models in the metadata's order.</summary>
    public IReadOnlyList<Gpt3Model> Models { get; }

    /// <summary>Every point of the curves file, in file order.</summary>
    public IReadOnlyList<Gpt3LossPoint> Points { get; }

    /// <summary>How the rows were used.</summary>
    public Gpt3RowAccount Account { get; }

    /// <summary>The curves file read.</summary>
    public string CurvesPath { get; }

    /// <summary>The model with key <paramref name="key"/>.</summary>
    /// <param name="key">E.g. <c>small</c>.</param>
    /// <exception cref="ArgumentException">No such model (the message lists the keys).</exception>
    public Gpt3Model Model(string key) => Models.FirstOrDefault(m => m.Key == key)
        ?? throw new ArgumentException($"No GPT-3 model '{key}'; present: {string.Join(", ", Models.Select(m => m.Key))}.", nameof(key));

    /// <summary>The points of one model and split, in file order.</summary>
    /// <param name="key">The model key.</param>
    /// <param name="split">Train or validation.</param>
    public IReadOnlyList<Gpt3LossPoint> Curve(string key, Gpt3LossSplit split)
    {
        Model(key);
        return Points.Where(p => p.Model == key && p.Split == split).ToArray();
    }

    /// <summary>
    /// The GPT-3 schedule of <paramref name="model"/> in optimiser steps at its full batch: T = 300 B/batch steps, a linear
    /// warm-up over 375 M/batch steps (marked as warm-up), cosine decay from the peak to 10 % at 260 B/batch steps, then 10 %.
    /// The batch-size ramp of App. B.2 (32 k tokens up to the full batch over the first 4–12 B tokens) is not modelled.
    /// </summary>
    /// <param name="model">A model from <see cref="Models"/>.</param>
    public static LearningRateSchedule Schedule(Gpt3Model model)
    {
        Numerics.Guard.NotNull(model);
        int total = (int)Math.Round(TrainingTokens / model.BatchTokens);
        int warmup = Math.Max(1, (int)Math.Round(WarmupTokens / model.BatchTokens));
        int decayEnd = (int)Math.Round(DecayEndTokens / model.BatchTokens);
        double peak = model.LearningRate, floor = FinalRateShare * peak;
        var rates = new double[total];
        for (int s = 1; s <= total; s++)
        {
            rates[s - 1] = s <= warmup ? peak * s / warmup
                : s >= decayEnd ? floor
                : floor + (peak - floor) * 0.5 * (1 + Math.Cos(Math.PI * (s - warmup) / (decayEnd - warmup)));
        }
        return new LearningRateSchedule(rates, warmup);
    }

    /// <summary>
    /// One model's curve as an <see cref="AnnealingCurve"/> on <see cref="Schedule"/>: step = round(tokens/batch), clamped to
    /// 1 … T (digitised tokens run to 300.04 B), points in file order.
    /// </summary>
    /// <param name="key">The model key.</param>
    /// <param name="split">Train or validation.</param>
    public AnnealingCurve AnnealingCurve(string key, Gpt3LossSplit split)
    {
        var model = Model(key);
        var schedule = Schedule(model);
        var points = Curve(key, split);
        var steps = points.Select(p => Math.Clamp((int)Math.Round(p.TokensBillions * 1e9 / model.BatchTokens), 1, schedule.Steps)).ToArray();
        return new AnnealingCurve($"{model.Name} ({split})", schedule, steps, points.Select(p => p.Loss).ToArray());
    }

    /// <summary>Reads the curves and the metadata.</summary>
    /// <param name="curvesPath">Path of <c>gpt3_extracted.csv</c>.</param>
    /// <param name="metadataPath">Path of <c>gpt3_metadata.csv</c>.</param>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A missing column, a non-numeric or non-positive cell (the message names file, line and
    /// column), a row with both or neither loss, an unknown model, or a repeated metadata row.</exception>
    public static Gpt3LossCurves Load(string curvesPath, string metadataPath)
    {
        ArgumentNullException.ThrowIfNull(curvesPath);
        ArgumentNullException.ThrowIfNull(metadataPath);
        foreach (string p in new[] { curvesPath, metadataPath })
            if (!File.Exists(p))
                throw new FileNotFoundException($"GPT-3 curves: no file at {p} (IBM/ColPret raw_data/gpt3; see ../shared/data/colpret-hitchhiker/SOURCE.md).", p);

        var meta = CsvTable.Read(metadataPath, MetadataColumns);
        var models = new List<Gpt3Model>();
        foreach (var row in meta.Rows)
        {
            string name = meta.Text(row, "model_name");
            string? key = Names.FirstOrDefault(kv => kv.Value == name).Key;
            if (key is null)
                throw new InvalidDataException($"{metadataPath}: line {row.Line}, column 'model_name' = '{name}' is not a GPT-3 model of Table 2.1 ({string.Join(", ", Names.Values)}).");
            if (models.Any(m => m.Key == key))
                throw new InvalidDataException($"{metadataPath}: line {row.Line} repeats model '{name}'.");
            models.Add(new Gpt3Model(key, name, meta.PositiveNumber(row, "num_params"), meta.PositiveNumber(row, "batch_size_tokens"),
                meta.PositiveNumber(row, "learning_rate"), row.Line));
        }

        var curves = CsvTable.Read(curvesPath, CurvesColumns);
        var points = new List<Gpt3LossPoint>(curves.Rows.Count);
        var counts = models.ToDictionary(m => m.Key, _ => (Train: 0, Validation: 0));
        foreach (var row in curves.Rows)
        {
            string key = curves.Text(row, "model");
            if (!counts.TryGetValue(key, out var c))
                throw new InvalidDataException($"{curvesPath}: line {row.Line}, column 'model' = '{key}' has no row in {metadataPath} (known: {string.Join(", ", counts.Keys)}).");
            double tokens = curves.PositiveNumber(row, "step");
            double? train = curves.OptionalNumber(row, "train_loss"), val = curves.OptionalNumber(row, "val_loss");
            if (train is null == val is null)
                throw new InvalidDataException(
                    $"{curvesPath}: line {row.Line} has {(train is null ? "neither" : "both")} 'train_loss' and 'val_loss'; allowed: exactly one.");
            var split = train is null ? Gpt3LossSplit.Validation : Gpt3LossSplit.Train;
            string column = split == Gpt3LossSplit.Train ? "train_loss" : "val_loss";
            double loss = curves.PositiveNumber(row, column);
            points.Add(new Gpt3LossPoint(key, tokens, split, loss, row.Line));
            counts[key] = split == Gpt3LossSplit.Train ? (c.Train + 1, c.Validation) : (c.Train, c.Validation + 1);
        }
        var account = new Gpt3RowAccount(points.Count, points.Count(p => p.Split == Gpt3LossSplit.Train),
            points.Count(p => p.Split == Gpt3LossSplit.Validation), models.Select(m => (m.Key, counts[m.Key].Train, counts[m.Key].Validation)).ToArray());
        return new Gpt3LossCurves(models, points, account, curvesPath);
    }

    /// <summary>Reads both files from <c>../shared/data/colpret-hitchhiker/</c> beside the repository root, checking their SHA-256.</summary>
    /// <param name="repositoryRoot">The root (a folder holding ResearchKit.sln); default: found from the current directory.</param>
    public static Gpt3LossCurves LoadDefault(string? repositoryRoot = null)
    {
        const string how = "copy raw_data/gpt3/extracted.csv of IBM/ColPret (commit 16f23bbe) as gpt3_extracted.csv, and gpt3_metadata.xlsx converted to CSV, into ../shared/data/colpret-hitchhiker/";
        var source = new Uri("https://github.com/IBM/ColPret/tree/16f23bbe054277ddc4afd07a972dd7cfbe3f48c3/raw_data/gpt3");
        string curves = SharedDataFile.Locate(repositoryRoot, "colpret-hitchhiker", new DataFileSpec(CurvesFileName, CurvesSha256, source), null, false, how);
        string meta = SharedDataFile.Locate(repositoryRoot, "colpret-hitchhiker", new DataFileSpec(MetadataFileName, MetadataSha256, source), null, false, how);
        return Load(curves, meta);
    }
}
