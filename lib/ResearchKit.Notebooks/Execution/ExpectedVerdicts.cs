using System.Globalization;
using System.Text;

namespace ResearchKit.Notebooks.Execution;

/// <summary>One row of a notebook's expected verdicts.</summary>
/// <param name="Number">1-based claims row.</param>
/// <param name="Full">The verdict of the committed full-scale run: holds, fails or untested.</param>
/// <param name="Quick">The verdict at quick scale (the test suite's run).</param>
/// <param name="Statement">The claim's statement, which identifies the row.</param>
public sealed record ExpectedVerdict(int Number, string Full, string Quick, string Statement);

/// <summary>
/// The committed expected verdicts of one notebook, <c>notebooks/verdicts/NN-slug.tsv</c>: one line per claims row,
/// <c>row, full, quick, statement</c> separated by tabs, lines starting with <c>#</c> are comments. The test suite
/// checks that a quick-scale run reproduces the quick column and the committed notebook the full column, row by row,
/// rows that do not hold included. A verdict changes only in a commit of its own that says why.
/// </summary>
public static class ExpectedVerdicts
{
    private static readonly string[] Codes = { "holds", "fails", "untested" };

    /// <summary>The expected-verdicts file of a notebook: <c>verdicts/&lt;slug&gt;.tsv</c> beside it.</summary>
    public static string PathFor(string notebookPath)
    {
        ArgumentNullException.ThrowIfNull(notebookPath);
        string folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        return Path.Combine(folder, "verdicts", Path.GetFileNameWithoutExtension(notebookPath) + ".tsv");
    }

    /// <summary>Reads an expected-verdicts file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist (the message says how to make it).</exception>
    /// <exception cref="FormatException">A line is not <c>row, full, quick, statement</c> with known verdicts.</exception>
    public static IReadOnlyList<ExpectedVerdict> Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"No expected verdicts at {path}. Make them after a full-scale run with: dotnet run --project lib/ResearchKit.Notebooks -c Release -- verdicts <notebook>", path);
        var rows = new List<ExpectedVerdict>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            string[] f = line.Split('\t', 4);
            if (f.Length != 4 || !int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out int number)
                || !Codes.Contains(f[1]) || !Codes.Contains(f[2]))
                throw new FormatException($"{path}, line {lineNumber}: expected 'row<TAB>full<TAB>quick<TAB>statement' with verdicts holds|fails|untested, got '{line}'.");
            rows.Add(new ExpectedVerdict(number, f[1], f[2], f[3]));
        }
        return rows;
    }

    /// <summary>The file's text for the given full-scale and quick-scale rows (which must list the same claims).</summary>
    /// <exception cref="ArgumentException">The two runs do not list the same claims in the same order.</exception>
    public static string Format(string notebookName, IReadOnlyList<ClaimRow> full, IReadOnlyList<ClaimRow> quick)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(quick);
        var differences = Compare(full, quick.Select(q => new ExpectedVerdict(q.Number, q.Verdict, q.Verdict, q.Statement)).ToList(), quickScale: true, compareVerdicts: false);
        if (differences.Count > 0)
            throw new ArgumentException($"{notebookName}: the full-scale and quick-scale claims tables do not list the same rows (every row must appear at both scales):\n" + string.Join("\n", differences), nameof(quick));
        var sb = new StringBuilder();
        sb.Append("# Expected verdicts of ").Append(notebookName).Append(" (row, full scale, quick scale, statement).\n");
        sb.Append("# Made by the runner's `verdicts` command; a verdict changes only in a commit of its own that says why.\n");
        for (int i = 0; i < full.Count; i++)
            sb.Append(full[i].Number.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(full[i].Verdict).Append('\t')
              .Append(quick[i].Verdict).Append('\t').Append(OneLine(full[i].Statement)).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// The differences between a run's claims rows and the expected verdicts (empty when they agree): missing or
    /// extra rows, a changed statement, a changed verdict in the chosen column.
    /// </summary>
    public static IReadOnlyList<string> Compare(IReadOnlyList<ClaimRow> actual, IReadOnlyList<ExpectedVerdict> expected, bool quickScale, bool compareVerdicts = true)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        var problems = new List<string>();
        string column = quickScale ? "quick" : "full";
        for (int i = 0; i < Math.Max(actual.Count, expected.Count); i++)
        {
            if (i >= actual.Count)
            {
                problems.Add($"row {expected[i].Number} expected but missing: {expected[i].Statement}");
                continue;
            }
            if (i >= expected.Count)
            {
                problems.Add($"row {actual[i].Number} ({actual[i].Verdict}) has no expected verdict: {actual[i].Statement}");
                continue;
            }
            var (a, e) = (actual[i], expected[i]);
            // At quick scale a statement may name the quick sizes (M = 2000 instead of 60000): numbers are not compared there.
            if (!string.Equals(Key(a.Statement, quickScale), Key(e.Statement, quickScale), StringComparison.Ordinal))
                problems.Add($"row {a.Number}: statement '{a.Statement}' differs from the expected '{e.Statement}'");
            string want = quickScale ? e.Quick : e.Full;
            if (compareVerdicts && a.Verdict != want)
                problems.Add($"row {a.Number}: verdict {a.Verdict}, expected ({column} scale) {want}: {a.Statement}");
        }
        return problems;
    }

    private static string Key(string statement, bool ignoreNumbers) =>
        ignoreNumbers ? System.Text.RegularExpressions.Regex.Replace(OneLine(statement), @"\d+(?:[.,]\d+)*", "#") : OneLine(statement);

    private static string OneLine(string text) => string.Join(' ', text.Split(new[] { '\t', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries)).Trim();
}
