using System.Globalization;
using System.Reflection;
using Microsoft.Data.Analysis;
using ResearchKit.Numerics;

namespace ResearchKit.Display;

/// <summary>
/// Microsoft.Data.Analysis <see cref="DataFrame"/>s with declared column types, checked on the way in: from named
/// columns, from a sequence of records, or from a CSV file. Two traps of the package are closed here:
/// <c>DataFrame.LoadCsv</c> guesses <c>Single</c> (7 digits) for every number unless told the types, and
/// <c>DataFrame.Head(n)</c> throws when n exceeds the row count.
/// </summary>
/// <remarks>
/// A DataFrame displays as an HTML table in VS Code and in the workbook runner (Microsoft.Data.Analysis's kernel
/// extension); notebooks/README.md, "Display types". Column order is the order given (for records: the order the
/// properties are declared), row order the order of the input: the same calls give the same table.
/// </remarks>
public static class DataFrames
{
    /// <summary>The column types a DataFrame built here may have.</summary>
    public static IReadOnlyList<Type> SupportedTypes { get; } = new[]
    {
        typeof(double), typeof(float), typeof(int), typeof(long), typeof(bool), typeof(string),
    };

    /// <summary>A column of doubles.</summary>
    /// <param name="name">Column name. Range: not empty.</param>
    /// <param name="values">The values. Range: finite unless <paramref name="allowNonFinite"/>.</param>
    /// <param name="allowNonFinite">Accept NaN and ±∞ (e.g. "no fit" in a results table).</param>
    public static DoubleDataFrameColumn Column(string name, IReadOnlyList<double> values, bool allowNonFinite = false)
    {
        RequireName(name);
        Guard.NotNull(values);
        if (!allowNonFinite)
        {
            for (int i = 0; i < values.Count; i++)
            {
                if (!double.IsFinite(values[i]))
                    throw new ArgumentException(FormattableString.Invariant(
                        $"column '{name}': values[{i}] = {values[i]} is not finite; allowed: finite values (or allowNonFinite: true)."), nameof(values));
            }
        }
        return new DoubleDataFrameColumn(name, values);
    }

    /// <summary>A column of 32-bit integers.</summary>
    /// <param name="name">Column name. Range: not empty.</param>
    /// <param name="values">The values.</param>
    public static Int32DataFrameColumn Column(string name, IReadOnlyList<int> values)
    {
        RequireName(name);
        Guard.NotNull(values);
        return new Int32DataFrameColumn(name, values);
    }

    /// <summary>A column of 64-bit integers.</summary>
    /// <param name="name">Column name. Range: not empty.</param>
    /// <param name="values">The values.</param>
    public static Int64DataFrameColumn Column(string name, IReadOnlyList<long> values)
    {
        RequireName(name);
        Guard.NotNull(values);
        return new Int64DataFrameColumn(name, values);
    }

    /// <summary>A column of booleans.</summary>
    /// <param name="name">Column name. Range: not empty.</param>
    /// <param name="values">The values.</param>
    public static BooleanDataFrameColumn Column(string name, IReadOnlyList<bool> values)
    {
        RequireName(name);
        Guard.NotNull(values);
        return new BooleanDataFrameColumn(name, values);
    }

    /// <summary>A column of strings.</summary>
    /// <param name="name">Column name. Range: not empty.</param>
    /// <param name="values">The values. Range: no null element (use "" or "—").</param>
    public static StringDataFrameColumn Column(string name, IReadOnlyList<string> values)
    {
        RequireName(name);
        Guard.NotNull(values);
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
                throw new ArgumentException($"column '{name}': values[{i}] is null; allowed: a string (use \"\" or \"—\" for none).", nameof(values));
        }
        return new StringDataFrameColumn(name, values);
    }

    /// <summary>A DataFrame of the given columns, in order.</summary>
    /// <param name="columns">Columns from <see cref="Column(string, IReadOnlyList{double}, bool)"/> and its overloads.
    /// Range: at least one; equal lengths, at least one row; distinct names.</param>
    /// <exception cref="ArgumentException">No columns, a null column, lengths differ, no rows, or a name repeats.</exception>
    public static DataFrame FromColumns(params DataFrameColumn[] columns)
    {
        Guard.NotEmpty(columns);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Length; i++)
        {
            if (columns[i] is null)
                throw new ArgumentNullException(nameof(columns), $"columns[{i}] is null; allowed: a column.");
            if (columns[i].Length != columns[0].Length)
                throw new ArgumentException(FormattableString.Invariant(
                    $"column '{columns[i].Name}' has {columns[i].Length} rows but column '{columns[0].Name}' has {columns[0].Length}; allowed: equal lengths."), nameof(columns));
            if (!names.Add(columns[i].Name))
                throw new ArgumentException($"column name '{columns[i].Name}' appears twice; allowed: distinct names.", nameof(columns));
        }
        if (columns[0].Length == 0)
            throw new ArgumentException("the columns have no rows; allowed: at least one row.", nameof(columns));
        return new DataFrame(columns);
    }

    /// <summary>
    /// A DataFrame with one row per record and one column per public property, in declaration order, typed by the
    /// property: double, float, int, long, bool, string (and their nullable forms, null shown as missing); an enum becomes
    /// a string column.
    /// </summary>
    /// <typeparam name="T">The record type, e.g. <c>record Fit(string Model, double Alpha, double Error)</c>.</typeparam>
    /// <param name="records">The rows. Range: at least one; not null.</param>
    /// <param name="allowNonFinite">Accept NaN and ±∞ in double and float properties.</param>
    /// <exception cref="ArgumentException">No records, a null record, a property of another type, or a non-finite value.</exception>
    public static DataFrame FromRecords<T>(IEnumerable<T> records, bool allowNonFinite = false)
    {
        Guard.NotNull(records);
        var rows = records.ToList();
        if (rows.Count == 0)
            throw new ArgumentException("records is empty; allowed: at least one record.", nameof(records));
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r] is null)
                throw new ArgumentNullException(nameof(records), $"records[{r}] is null; allowed: a record.");
        }
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)
            .ToArray();
        if (properties.Length == 0)
            throw new ArgumentException($"{typeof(T).Name} has no public properties; allowed: a record type with at least one.", nameof(records));
        var columns = properties.Select(p => ColumnOf(p, rows, allowNonFinite)).ToArray();
        return new DataFrame(columns);
    }

    /// <summary>
    /// Reads a CSV file with a header row into a DataFrame with the declared column names and types (invariant
    /// culture: '.' is the decimal point).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">Every column of the file, in order, with its type (one of <see cref="SupportedTypes"/>).</param>
    /// <exception cref="FileNotFoundException">The file is missing (the message gives the full path looked at).</exception>
    /// <exception cref="InvalidDataException">The header differs from the declared columns, or a value does not parse as its type.</exception>
    public static DataFrame LoadCsv(string path, params (string Name, Type Type)[] columns)
    {
        Guard.NotNull(path);
        Guard.NotEmpty(columns);
        for (int i = 0; i < columns.Length; i++)
        {
            RequireName(columns[i].Name);
            if (columns[i].Type is null || !SupportedTypes.Contains(columns[i].Type))
                throw new ArgumentException(
                    $"columns[{i}] ('{columns[i].Name}') has type {columns[i].Type?.Name ?? "null"}; allowed: {string.Join(", ", SupportedTypes.Select(t => t.Name))}.",
                    nameof(columns));
        }
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new FileNotFoundException($"CSV file not found: looked for {full}.", full);
        string header = File.ReadLines(full).FirstOrDefault() ?? "";
        string[] found = header.Split(',').Select(h => h.Trim()).ToArray();
        string[] expected = columns.Select(c => c.Name).ToArray();
        if (!found.SequenceEqual(expected, StringComparer.Ordinal))
            throw new InvalidDataException($"{full}: header is '{header}'; allowed: the declared columns '{string.Join(",", expected)}'.");
        try
        {
            return DataFrame.LoadCsv(full, ',', header: true, columnNames: null, dataTypes: columns.Select(c => c.Type).ToArray(),
                cultureInfo: CultureInfo.InvariantCulture);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{full}: a value does not parse as its declared column type ({e.Message}).", e);
        }
    }

    /// <summary>The first <paramref name="rows"/> rows, or all of them when the frame is shorter (where
    /// <c>DataFrame.Head</c> throws).</summary>
    /// <param name="frame">The DataFrame.</param>
    /// <param name="rows">Rows wanted. Range: ≥ 1.</param>
    public static DataFrame Head(DataFrame frame, int rows)
    {
        Guard.NotNull(frame);
        Guard.Positive(rows);
        return frame.Head((int)Math.Min(rows, frame.Rows.Count));
    }

    /// <summary>
    /// A copy for display with every double and float rounded to <paramref name="significantDigits"/> significant digits
    /// (the HTML table otherwise shows 17); missing values, NaN and ±∞ stay as they are, other columns are copied.
    /// </summary>
    /// <param name="frame">The DataFrame; not changed.</param>
    /// <param name="significantDigits">Digits kept. Range: 1 ≤ digits ≤ 15.</param>
    public static DataFrame Rounded(DataFrame frame, int significantDigits = 4)
    {
        Guard.NotNull(frame);
        Guard.InRange(significantDigits, 1, 15);
        string format = "G" + significantDigits.ToString(CultureInfo.InvariantCulture);
        double Round(double v) => double.IsFinite(v) ? double.Parse(v.ToString(format, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : v;
        var columns = frame.Columns.Select(column => column switch
        {
            DoubleDataFrameColumn d => new DoubleDataFrameColumn(d.Name, d.Select(v => v is { } x ? Round(x) : (double?)null)),
            SingleDataFrameColumn f => new SingleDataFrameColumn(f.Name, f.Select(v => v is { } x ? (float)Round(x) : (float?)null)),
            _ => column.Clone(),
        }).ToArray();
        return new DataFrame(columns);
    }

    private static void RequireName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException($"column name is '{name}'; allowed: a non-empty name.", nameof(name));
    }

    private static DataFrameColumn ColumnOf<T>(PropertyInfo property, List<T> records, bool allowNonFinite)
    {
        Type type = property.PropertyType;
        Type core = Nullable.GetUnderlyingType(type) ?? type;
        object?[] values = records.Select(r => property.GetValue(r)).ToArray();
        string name = property.Name;
        if (core == typeof(double) || core == typeof(float))
        {
            for (int r = 0; r < values.Length; r++)
            {
                double v = values[r] is null ? 0 : Convert.ToDouble(values[r], CultureInfo.InvariantCulture);
                if (!allowNonFinite && !double.IsFinite(v))
                    throw new ArgumentException(FormattableString.Invariant(
                        $"records[{r}].{name} = {v} is not finite; allowed: finite values (or allowNonFinite: true)."), nameof(records));
            }
        }
        if (core == typeof(double)) return new DoubleDataFrameColumn(name, values.Select(v => (double?)v));
        if (core == typeof(float)) return new SingleDataFrameColumn(name, values.Select(v => (float?)v));
        if (core == typeof(int)) return new Int32DataFrameColumn(name, values.Select(v => (int?)v));
        if (core == typeof(long)) return new Int64DataFrameColumn(name, values.Select(v => (long?)v));
        if (core == typeof(bool)) return new BooleanDataFrameColumn(name, values.Select(v => (bool?)v));
        if (core == typeof(string)) return new StringDataFrameColumn(name, values.Select(v => (string?)v));
        if (core.IsEnum) return new StringDataFrameColumn(name, values.Select(v => v?.ToString()));
        throw new ArgumentException(
            $"{typeof(T).Name}.{name} has type {type.Name}; allowed: double, float, int, long, bool, string, their nullable forms, or an enum.", nameof(records));
    }
}
