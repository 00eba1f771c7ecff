namespace ResearchKit.Data;

/// <summary>
/// The 50 model configurations of Hoffmann et al.'s Table A9, as tabulated (with derived parameter counts) by
/// Schaeffer, Levi et al. 2025 in <c>data/chinchilla_model_parameters.csv</c> of their repository.
/// </summary>
/// <remarks>Hoffmann et al. 2022 (arXiv 2203.15556), Table A9; Schaeffer, Levi et al. 2025 (arXiv 2509.23963), Sec. 2. Notebook 10.</remarks>
public sealed class ChinchillaTableA9
{
    /// <summary>The file's name.</summary>
    public const string FileName = "chinchilla_model_parameters.csv";

    /// <summary>SHA-256 of the file (50 data rows).</summary>
    public const string Sha256 = "77bfd71258eef9e27f87095cbd0821a7b0c487722c18fb108831d6b6c8cb8721";

    /// <summary>Where it is published.</summary>
    public static readonly Uri Source = new(
        "https://raw.githubusercontent.com/RylanSchaeffer/KoyejoLab-Robustness-Chinchilla-Compute-Optimal-Scaling/ad412e61aa4c8e4247d4dbe6f9dab6380a2900bc/data/chinchilla_model_parameters.csv");

    /// <summary>Columns the loader reads.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "d_model", "ffw_size", "kv_size", "n_heads", "n_layers", "Reported Parameters (M)", "Tied (Un)Embed, No Gating",
        "Tied (Un)Embed, No Gating, Best Fit Attn Params Prefactor", "Relative Error (%)",
    ];

    private ChinchillaTableA9(IReadOnlyList<ChinchillaModelConfiguration> rows, string path)
    {
        Configurations = rows;
        SourcePath = path;
    }

    /// <summary>The configurations in file order.</summary>
    public IReadOnlyList<ChinchillaModelConfiguration> Configurations { get; }

    /// <summary>The file read.</summary>
    public string SourcePath { get; }

    /// <summary>Reads the CSV at <paramref name="path"/>.</summary>
    /// <param name="path">The CSV file.</param>
    /// <exception cref="FileNotFoundException">No file (the message says where to get it).</exception>
    /// <exception cref="InvalidDataException">A missing column or a bad cell (naming file, line and column).</exception>
    public static ChinchillaTableA9 Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Chinchilla Table A9: no file at {path}. Get {FileName} from {Source} (SHA-256 {Sha256}).", path);
        var t = CsvTable.Read(path, Columns);
        var rows = new List<ChinchillaModelConfiguration>();
        foreach (var r in t.Rows)
        {
            int Positive(string c)
            {
                int v = t.Integer(r, c);
                if (v < 1)
                    throw new InvalidDataException($"{path}: line {r.Line}, column '{c}' = {v}; allowed: ≥ 1.");
                return v;
            }
            rows.Add(new ChinchillaModelConfiguration(r.Line, Positive("d_model"), Positive("ffw_size"), Positive("kv_size"), Positive("n_heads"),
                Positive("n_layers"), t.PositiveNumber(r, "Reported Parameters (M)"), t.PositiveNumber(r, "Tied (Un)Embed, No Gating"),
                t.PositiveNumber(r, "Tied (Un)Embed, No Gating, Best Fit Attn Params Prefactor"), t.Number(r, "Relative Error (%)")));
        }
        return new ChinchillaTableA9(rows, path);
    }

    /// <summary>Finds the CSV (shared data, then data/cache/, then a download with checksum).</summary>
    /// <param name="repositoryRoot">The repository root; default: found from the current directory.</param>
    /// <param name="fetcher">The downloader; default HTTP.</param>
    /// <param name="allowDownload">Whether a missing file may be downloaded.</param>
    public static ChinchillaTableA9 LoadDefault(string? repositoryRoot = null, IDataFetcher? fetcher = null, bool allowDownload = true)
        => Load(SharedDataFile.Locate(repositoryRoot, "chinchilla-table-a9", new DataFileSpec(FileName, Sha256, Source), fetcher, allowDownload,
            $"download {Source} into data/cache/"));
}
