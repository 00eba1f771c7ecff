using System.Globalization;
using ResearchKit.InferenceScaling;

namespace ResearchKit.Data;

/// <summary>
/// Per-problem repeated-sampling outcomes from "Large Language Monkeys" (Brown et al., arXiv 2407.21787): for 7 Pythia
/// models on 128 MATH problems and 5 models on 140 CodeContests problems, n = 10 000 attempts per problem and the
/// number c judged correct. The counts exist publicly only as Parquet files; the loader reads the documented CSV
/// summary <c>model,benchmark,problem_id,n,c</c> (see <see cref="HowToProduce"/>).
/// </summary>
/// <remarks>
/// Data fitted by Levi (arXiv 2410.16377, Sec. 3.2.1) and Kazdan, Schaeffer et al. (arXiv 2510.05197). Used by
/// notebooks 06, 07 and 09.
/// </remarks>
public sealed class MonkeysPassAtK
{
    /// <summary>The CSV file's name in <c>../shared/data/large-language-monkeys-passk/</c> and in <c>data/cache/</c>.</summary>
    public const string FileName = "monkeys_per_problem_n_c.csv";

    /// <summary>SHA-256 of the documented CSV (1 596 data rows, 55 491 bytes, CRLF line ends).</summary>
    public const string Sha256 = "3cc9bda6d1aeafa32dc7d975a8ccf708620af17b456a44376180a9b2e17e81d6";

    /// <summary>The column names the CSV must carry (in any order; other columns are ignored).</summary>
    public static IReadOnlyList<string> Columns { get; } = ["model", "benchmark", "problem_id", "n", "c"];

    /// <summary>The public repository the counts come from (as Parquet files; see <see cref="HowToProduce"/>).</summary>
    public static readonly Uri SourceRepository = new("https://github.com/SullivanC19/monkeys_revisited");

    /// <summary>
    /// How to produce the CSV from the public Parquet files: a command that writes exactly the documented file
    /// (same rows, order and line ends, so its SHA-256 matches <see cref="Sha256"/>).
    /// </summary>
    public const string HowToProduce =
        "The per-problem counts are public only as Parquet files in https://github.com/SullivanC19/monkeys_revisited " +
        "(commit 792adf7b47f4cc99a0374d42a6014138ef267d5e), data/processed_data/large_language_monkeys_pythia_math_individual_outcomes.parquet " +
        "and data/processed_data/large_language_monkeys_code_contests_individual_outcomes.parquet (one row per model, problem and attempt; " +
        "columns 'Model', 'Benchmark', 'Problem Idx', 'Score' with Score 0/1). Produce the CSV with Python 3 and pandas + pyarrow:\n" +
        "  git clone https://github.com/SullivanC19/monkeys_revisited && cd monkeys_revisited && git checkout 792adf7b47f4cc99a0374d42a6014138ef267d5e\n" +
        "  python3 - <<'PY'\n" +
        "  import csv, pandas as pd\n" +
        "  d = 'data/processed_data/large_language_monkeys_'\n" +
        "  df = pd.concat([pd.read_parquet(d + s + '_individual_outcomes.parquet') for s in ('code_contests', 'pythia_math')])\n" +
        "  g = df.groupby(['Benchmark', 'Model', 'Problem Idx'])['Score'].agg(n='size', c=lambda s: int((s > 0).sum())).reset_index()\n" +
        "  order = ['Gemma 2B', 'Gemma 7B', 'Llama 3 8B', 'Llama 3 8B Instruct', 'Llama 3 70B Instruct', 'Pythia 70M', 'Pythia 160M',\n" +
        "           'Pythia 410M', 'Pythia 1B', 'Pythia 2.8B', 'Pythia 6.9B', 'Pythia 12B']\n" +
        "  g['rank'] = g['Model'].map(order.index)\n" +
        "  g = g.sort_values(['Benchmark', 'rank', 'Problem Idx'])\n" +
        "  with open('monkeys_per_problem_n_c.csv', 'w', newline='') as f:\n" +
        "      w = csv.writer(f)  # CRLF line ends, as in the documented file\n" +
        "      w.writerow(['model', 'benchmark', 'problem_id', 'n', 'c'])\n" +
        "      for r in g.itertuples(index=False):\n" +
        "          w.writerow([r.Model, r.Benchmark, int(r[2]), int(r.n), int(r.c)])\n" +
        "  PY\n" +
        "then copy monkeys_per_problem_n_c.csv into data/cache/ of this repository (its SHA-256 is checked), or pass its path to MonkeysPassAtK.Load.";

    private MonkeysPassAtK(IReadOnlyList<MonkeysRow> rows, string sourcePath)
    {
        Rows = rows;
        SourcePath = sourcePath;
    }

    /// <summary>All rows in file order.</summary>
    public IReadOnlyList<MonkeysRow> Rows { get; }

    /// <summary>The file the rows were read from.</summary>
    public string SourcePath { get; }

    /// <summary>The benchmarks present, in file order.</summary>
    public IReadOnlyList<string> Benchmarks => Rows.Select(r => r.Benchmark).Distinct().ToArray();

    /// <summary>The models evaluated on <paramref name="benchmark"/>, in file order.</summary>
    /// <param name="benchmark">A benchmark name, e.g. <c>MATH</c>.</param>
    public IReadOnlyList<string> Models(string benchmark)
        => Rows.Where(r => r.Benchmark == benchmark).Select(r => r.Model).Distinct().ToArray();

    /// <summary>The per-problem (n, c) of one model on one benchmark, labelled "model / benchmark / problem_id".</summary>
    /// <param name="model">A model name as in the file.</param>
    /// <param name="benchmark">A benchmark name as in the file.</param>
    /// <exception cref="ArgumentException">No rows for that model and benchmark (the message lists what exists).</exception>
    public IReadOnlyList<ProblemOutcomes> Problems(string model, string benchmark)
    {
        var list = Rows.Where(r => r.Model == model && r.Benchmark == benchmark)
            .Select(r => new ProblemOutcomes($"{r.Model} / {r.Benchmark} / {r.ProblemId}", r.Samples, r.Successes))
            .ToArray();
        if (list.Length == 0)
            throw new ArgumentException(
                $"No rows for model '{model}' on benchmark '{benchmark}' in {SourcePath}; present: " +
                string.Join("; ", Rows.Select(r => $"{r.Model} / {r.Benchmark}").Distinct()) + ".", nameof(model));
        return list;
    }

    /// <summary>Reads and validates the CSV summary at <paramref name="path"/> (no checksum: a file of the user's own making is accepted if every row is valid).</summary>
    /// <param name="path">The CSV file.</param>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/> (the message says how to produce it).</exception>
    /// <exception cref="InvalidDataException">A missing column, no data rows, a row with the wrong number of fields, an empty name, a non-integer or negative count, c &gt; n, or a repeated (model, benchmark, problem_id); the message names the file, the row and the column.</exception>
    public static MonkeysPassAtK Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Large Language Monkeys: no file at {path}.\n{HowToProduce}", path);

        using var reader = new StreamReader(path);
        string? headerLine = reader.ReadLine();
        if (headerLine is null)
            throw new InvalidDataException($"{path}: the file is empty; expected the header {string.Join(',', Columns)} and data rows.");
        string[] header = CsvTable.Split(headerLine, path, 1);
        var index = new Dictionary<string, int>();
        for (int j = 0; j < header.Length; j++)
            index.TryAdd(header[j].Trim(), j);
        foreach (string column in Columns)
        {
            if (!index.ContainsKey(column))
                throw new InvalidDataException(
                    $"{path}: missing column '{column}' in the header (found: {string.Join(", ", header)}); required: {string.Join(", ", Columns)}.");
        }

        var rows = new List<MonkeysRow>();
        var seen = new Dictionary<(string, string, int), int>();
        int line = 1;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (text.Length == 0 && reader.Peek() < 0)
                break; // a final empty line is the file's end, not a row
            string[] f = CsvTable.Split(text, path, line);
            if (f.Length != header.Length)
                throw new InvalidDataException($"{path}: row at line {line} has {f.Length} fields, the header has {header.Length}.");
            string model = Text(f, index["model"], "model", path, line);
            string benchmark = Text(f, index["benchmark"], "benchmark", path, line);
            int problemId = Integer(f, index["problem_id"], "problem_id", path, line);
            int n = Integer(f, index["n"], "n", path, line);
            int c = Integer(f, index["c"], "c", path, line);
            if (problemId < 0)
                throw new InvalidDataException($"{path}: line {line}, column 'problem_id' = {problemId}; allowed: ≥ 0.");
            if (n < 1)
                throw new InvalidDataException($"{path}: line {line}, column 'n' = {n}; allowed: n ≥ 1.");
            if (c < 0)
                throw new InvalidDataException($"{path}: line {line}, column 'c' = {c} is negative; allowed: 0 ≤ c ≤ n = {n}.");
            if (c > n)
                throw new InvalidDataException($"{path}: line {line}, column 'c' = {c} exceeds column 'n' = {n}; allowed: 0 ≤ c ≤ n.");
            if (seen.TryGetValue((model, benchmark, problemId), out int first))
                throw new InvalidDataException(
                    $"{path}: line {line} repeats (model '{model}', benchmark '{benchmark}', problem_id {problemId}) from line {first}.");
            seen[(model, benchmark, problemId)] = line;
            rows.Add(new MonkeysRow(model, benchmark, problemId, n, c));
        }
        if (rows.Count == 0)
            throw new InvalidDataException($"{path}: the file has a header but no data rows.");
        return new MonkeysPassAtK(rows, path);
    }

    /// <summary>
    /// Finds and reads the CSV: <c>../shared/data/large-language-monkeys-passk/</c> beside the repository root when
    /// present, else <c>data/cache/</c> under the root. Both copies must have the documented SHA-256. The CSV is not
    /// downloadable as such: when neither exists the error names both places and says how to produce the file.
    /// </summary>
    /// <param name="repositoryRoot">The repository root; default: found by walking up from the current directory to ResearchKit.sln.</param>
    /// <exception cref="FileNotFoundException">Neither copy exists (the message says where it looked and how to produce the CSV).</exception>
    /// <exception cref="InvalidDataException">A copy with another SHA-256, or invalid content.</exception>
    public static MonkeysPassAtK LoadDefault(string? repositoryRoot = null)
    {
        string? root = repositoryRoot ?? Workbook.FindRepositoryRoot();
        if (root is null)
            throw new FileNotFoundException(
                $"Large Language Monkeys: no repository root (a folder holding ResearchKit.sln) above {Directory.GetCurrentDirectory()}; " +
                $"pass the CSV's path to MonkeysPassAtK.Load.\n{HowToProduce}");
        string shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "large-language-monkeys-passk"));
        string cache = Path.Combine(root, "data", "cache");
        // No download: the CSV exists publicly only as Parquet files, so the locator has no fetcher and its error
        // message carries the recipe instead.
        var locator = new DataFileLocator(new[] { shared, cache }, cacheDirectory: null, fetcher: null, HowToProduce);
        locator.ReadVerified(new DataFileSpec(FileName, Sha256, SourceRepository), out string origin);
        return Load(origin);
    }

    private static string Text(string[] fields, int column, string name, string path, int line)
    {
        string v = fields[column].Trim();
        if (v.Length == 0)
            throw new InvalidDataException($"{path}: line {line}, column '{name}' is empty.");
        return v;
    }

    private static int Integer(string[] fields, int column, string name, string path, int line)
    {
        string v = fields[column].Trim();
        if (int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            return value;
        // Integer-valued decimals such as "12.0" (pandas writes float columns so) are counts; anything else is not.
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)
            && d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue)
            return (int)d;
        throw new InvalidDataException($"{path}: line {line}, column '{name}' = '{v}' is not an integer count.");
    }
}
