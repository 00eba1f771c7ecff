using ResearchKit.ScalingLaws;

namespace ResearchKit.Data;

/// <summary>
/// The 245 Chinchilla training runs (N, C, final loss) that Besiroglu et al. recovered from the SVG of Hoffmann et al.'s
/// Fig. 4, with D = C/(6N), and the selection they fit (the 5 highest-loss rows dropped, 240 kept).
/// </summary>
/// <remarks>
/// Besiroglu, Erdil, Barnett, You 2024 (arXiv 2404.10102); data file <c>data/svg_extracted_data.csv</c> of
/// epoch-research/analyzing-chinchilla. Notebook 10.
/// </remarks>
public sealed class ChinchillaEpochRuns
{
    /// <summary>The original file's name.</summary>
    public const string FileName = "svg_extracted_data.csv";

    /// <summary>The derived file's name (columns N_params, D_tokens, C_flop, loss; same rows).</summary>
    public const string DerivedFileName = "chinchilla_N_D_loss.csv";

    /// <summary>SHA-256 of <see cref="FileName"/> (245 data rows, 23 224 bytes).</summary>
    public const string Sha256 = "193478df4e90f040016431996c45682659306840ecdadf83cfb9cd5ca0aa1b30";

    /// <summary>Where the original file is published.</summary>
    public static readonly Uri Source = new(
        "https://raw.githubusercontent.com/epoch-research/analyzing-chinchilla/92258837425e1b5f2851d624287f0120583a3d0e/data/svg_extracted_data.csv");

    /// <summary>Columns of the original file the loader reads.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["Model Size", "Training FLOP", "loss"];

    /// <summary>Columns of the derived file.</summary>
    public static IReadOnlyList<string> DerivedColumns { get; } = ["N_params", "D_tokens", "C_flop", "loss"];

    private ChinchillaEpochRuns(IReadOnlyList<ChinchillaRun> runs, string path)
    {
        Runs = runs;
        SourcePath = path;
    }

    /// <summary>Every row of the file, in file order.</summary>
    public IReadOnlyList<ChinchillaRun> Runs { get; }

    /// <summary>The file read.</summary>
    public string SourcePath { get; }

    /// <summary>
    /// The rows Besiroglu et al. fit: all but the <paramref name="dropHighest"/> highest losses (their
    /// <c>nr_of_models_excluded = 5</c>), with the dropped rows named.
    /// </summary>
    /// <param name="dropHighest">How many of the highest-loss rows to drop. Range: 0 ≤ k &lt; rows.</param>
    public ChinchillaSelection Selection(int dropHighest = 5)
    {
        Numerics.Guard.InRange(dropHighest, 0, Runs.Count - 1);
        var dropped = Runs.OrderByDescending(r => r.Loss).ThenBy(r => r.Line).Take(dropHighest).ToArray();
        var droppedLines = dropped.Select(r => r.Line).ToHashSet();
        return new ChinchillaSelection(Runs.Where(r => !droppedLines.Contains(r.Line)).ToArray(), dropped);
    }

    /// <summary>Reads the original (<see cref="Columns"/>) or the derived (<see cref="DerivedColumns"/>) CSV.</summary>
    /// <param name="path">The CSV file.</param>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/> (the message says where to get it).</exception>
    /// <exception cref="InvalidDataException">A missing column, a non-numeric or non-positive cell (naming file, line and column), or no rows.</exception>
    public static ChinchillaEpochRuns Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Chinchilla runs: no file at {path}. Get {FileName} from {Source} (SHA-256 {Sha256}).", path);
        bool derived = File.ReadLines(path).FirstOrDefault()?.StartsWith("N_params", StringComparison.Ordinal) == true;
        var table = CsvTable.Read(path, derived ? DerivedColumns : Columns);
        var runs = new List<ChinchillaRun>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            double n = table.PositiveNumber(row, derived ? "N_params" : "Model Size");
            double c = table.PositiveNumber(row, derived ? "C_flop" : "Training FLOP");
            double d = derived ? table.PositiveNumber(row, "D_tokens") : c / (6.0 * n);
            runs.Add(new ChinchillaRun(row.Line, n, d, c, table.PositiveNumber(row, "loss")));
        }
        return new ChinchillaEpochRuns(runs, path);
    }

    /// <summary>
    /// Finds the original CSV in <c>../shared/data/chinchilla-epoch/</c> beside the repository root, else in
    /// <c>data/cache/</c>, else downloads it there from <see cref="Source"/>; the SHA-256 is checked.
    /// </summary>
    /// <param name="repositoryRoot">The repository root; default: found from the current directory.</param>
    /// <param name="fetcher">The downloader; default HTTP. Null disables downloading only if <paramref name="allowDownload"/> is false.</param>
    /// <param name="allowDownload">Whether a missing file may be downloaded.</param>
    public static ChinchillaEpochRuns LoadDefault(string? repositoryRoot = null, IDataFetcher? fetcher = null, bool allowDownload = true)
        => Load(SharedDataFile.Locate(repositoryRoot, "chinchilla-epoch", new DataFileSpec(FileName, Sha256, Source), fetcher, allowDownload,
            $"download {Source} into data/cache/"));
}

/// <summary>The rows a Chinchilla fit uses and the rows it leaves out on purpose.</summary>
/// <param name="Kept">The rows fitted.</param>
/// <param name="Dropped">The rows dropped (the highest losses), each with its line in the file.</param>
public sealed record ChinchillaSelection(IReadOnlyList<ChinchillaRun> Kept, IReadOnlyList<ChinchillaRun> Dropped)
{
    /// <summary>The kept rows as fit input.</summary>
    public LossObservations Observations => new(Kept.Select(r => r.Parameters).ToArray(), Kept.Select(r => r.Tokens).ToArray(),
        Kept.Select(r => r.Loss).ToArray());
}
