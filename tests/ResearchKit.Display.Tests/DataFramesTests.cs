using Microsoft.Data.Analysis;

namespace ResearchKit.Display.Tests;

public class DataFramesTests
{
    public enum Kind { Linear, Tanh }

    public sealed record Fit(string Model, double Alpha, int Steps, long Parameters, bool Converged, Kind Activation, double? Error);

    [Fact]
    public void FromColumns_KeepsTheDeclaredTypesAndOrder()
    {
        var df = DataFrames.FromColumns(
            DataFrames.Column("model", new[] { "a", "b" }),
            DataFrames.Column("alpha", new[] { 0.123456789012345, 2.0 }),
            DataFrames.Column("n", new[] { 1, 2 }),
            DataFrames.Column("params", new[] { 1L << 40, 2L }),
            DataFrames.Column("ok", new[] { true, false }));
        Assert.Equal(new[] { "model", "alpha", "n", "params", "ok" }, df.Columns.Select(c => c.Name));
        Assert.Equal(new[] { typeof(string), typeof(double), typeof(int), typeof(long), typeof(bool) }, df.Columns.Select(c => c.DataType));
        Assert.Equal(0.123456789012345, (double)df["alpha"][0]!);
        Assert.Equal(2, df.Rows.Count);
    }

    [Fact]
    public void FromColumns_MismatchedLengths_NamesBothColumns()
    {
        var e = Assert.Throws<ArgumentException>(() => DataFrames.FromColumns(
            DataFrames.Column("a", new[] { 1.0, 2.0 }), DataFrames.Column("b", new[] { 1.0 })));
        Assert.Equal("columns", e.ParamName);
        Assert.Contains("column 'b' has 1 rows but column 'a' has 2", e.Message);
    }

    [Fact]
    public void FromColumns_EmptyOrRepeated_Throws()
    {
        Assert.Throws<ArgumentException>(() => DataFrames.FromColumns());
        var e = Assert.Throws<ArgumentException>(() => DataFrames.FromColumns(DataFrames.Column("a", Array.Empty<double>())));
        Assert.Contains("no rows", e.Message);
        var e2 = Assert.Throws<ArgumentException>(() => DataFrames.FromColumns(
            DataFrames.Column("a", new[] { 1.0 }), DataFrames.Column("a", new[] { 2 })));
        Assert.Contains("'a' appears twice", e2.Message);
    }

    [Fact]
    public void Column_NaN_RejectedUnlessAllowed()
    {
        var e = Assert.Throws<ArgumentException>(() => DataFrames.Column("loss", new[] { 1.0, double.NaN }));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("column 'loss': values[1] = NaN is not finite", e.Message);
        Assert.True(double.IsNaN((double)DataFrames.Column("loss", new[] { 1.0, double.NaN }, allowNonFinite: true)[1]!));
    }

    [Fact]
    public void Column_BadNameOrNullString_Throws()
    {
        Assert.Throws<ArgumentException>(() => DataFrames.Column(" ", new[] { 1.0 }));
        var e = Assert.Throws<ArgumentException>(() => DataFrames.Column("s", new[] { "a", null! }));
        Assert.Contains("values[1] is null", e.Message);
    }

    [Fact]
    public void FromRecords_OneColumnPerPropertyTypedByTheProperty()
    {
        var df = DataFrames.FromRecords(new[]
        {
            new Fit("linear", 0.25, 100, 1_000_000_000_000, true, Kind.Linear, 0.01),
            new Fit("tanh", 0.5, 200, 7, false, Kind.Tanh, null),
        });
        Assert.Equal(new[] { "Model", "Alpha", "Steps", "Parameters", "Converged", "Activation", "Error" }, df.Columns.Select(c => c.Name));
        Assert.Equal(new[] { typeof(string), typeof(double), typeof(int), typeof(long), typeof(bool), typeof(string), typeof(double) },
            df.Columns.Select(c => c.DataType));
        Assert.Equal("tanh", df["Model"][1]);
        Assert.Equal("Tanh", df["Activation"][1]);
        Assert.Null(df["Error"][1]);
        Assert.Equal(1, df["Error"].NullCount);
        Assert.Equal(1_000_000_000_000L, df["Parameters"][0]);
    }

    [Fact]
    public void FromRecords_NaN_NamesRecordAndProperty()
    {
        var e = Assert.Throws<ArgumentException>(() => DataFrames.FromRecords(new[]
        {
            new Fit("a", 1, 1, 1, true, Kind.Linear, 0), new Fit("b", double.NaN, 1, 1, true, Kind.Linear, 0),
        }));
        Assert.Equal("records", e.ParamName);
        Assert.Contains("records[1].Alpha = NaN is not finite", e.Message);
    }

    private sealed record Unsupported(DateTime When);

    [Fact]
    public void FromRecords_EmptyOrUnsupported_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => DataFrames.FromRecords(Array.Empty<Fit>()));
        Assert.Contains("records is empty", e.Message);
        var e2 = Assert.Throws<ArgumentException>(() => DataFrames.FromRecords(new[] { new Unsupported(DateTime.UnixEpoch) }));
        Assert.Contains("Unsupported.When has type DateTime; allowed: double, float, int, long, bool, string", e2.Message);
    }

    [Fact]
    public void LoadCsv_UsesTheDeclaredTypesNotSingle()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rk-display-{Environment.ProcessId}-types.csv");
        File.WriteAllText(path, "model,n,loss\nA,1000,0.123456789012\nB,2000,1e-12\n");
        try
        {
            var df = DataFrames.LoadCsv(path, ("model", typeof(string)), ("n", typeof(long)), ("loss", typeof(double)));
            Assert.Equal(new[] { typeof(string), typeof(long), typeof(double) }, df.Columns.Select(c => c.DataType));
            Assert.Equal(0.123456789012, (double)df["loss"][0]!);
            Assert.Equal(2000L, df["n"][1]);
            Assert.Equal(typeof(float), DataFrame.LoadCsv(path).Columns["loss"].DataType); // what the package guesses unasked
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadCsv_HeaderDiffers_Throws()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rk-display-{Environment.ProcessId}-header.csv");
        File.WriteAllText(path, "model,loss\nA,0.1\n");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => DataFrames.LoadCsv(path, ("model", typeof(string)), ("error", typeof(double))));
            Assert.Contains("header is 'model,loss'; allowed: the declared columns 'model,error'", e.Message);
            var e2 = Assert.Throws<ArgumentException>(() => DataFrames.LoadCsv(path, ("model", typeof(string)), ("loss", typeof(decimal))));
            Assert.Contains("has type Decimal; allowed: Double, Single, Int32, Int64, Boolean, String", e2.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadCsv_MissingFile_SaysWhereItLooked()
    {
        string path = Path.Combine(Path.GetTempPath(), "rk-display-no-such-file.csv");
        var e = Assert.Throws<FileNotFoundException>(() => DataFrames.LoadCsv(path, ("a", typeof(double))));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Head_PastTheRowCount_ReturnsAllRows()
    {
        var df = DataFrames.FromColumns(DataFrames.Column("a", new[] { 1.0, 2.0, 3.0 }));
        Assert.Equal(3, DataFrames.Head(df, 10).Rows.Count);
        Assert.Equal(2, DataFrames.Head(df, 2).Rows.Count);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DataFrames.Head(df, 0));
        Assert.Equal("rows", e.ParamName);
    }

    [Fact]
    public void Rounded_RoundsFloatingColumnsOnlyAndLeavesTheFrame()
    {
        var df = DataFrames.FromColumns(
            DataFrames.Column("alpha", new[] { 1.0 / 3, double.NaN }, allowNonFinite: true),
            DataFrames.Column("n", new[] { 123456789, 2 }),
            DataFrames.Column("model", new[] { "a", "b" }));
        var shown = DataFrames.Rounded(df, 3);
        Assert.Equal(0.333, (double)shown["alpha"][0]!);
        Assert.True(double.IsNaN((double)shown["alpha"][1]!));
        Assert.Equal(123456789, shown["n"][0]);
        Assert.Equal("b", shown["model"][1]);
        Assert.Equal(1.0 / 3, (double)df["alpha"][0]!);
        Assert.Equal(df.Columns.Select(c => c.DataType), shown.Columns.Select(c => c.DataType));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DataFrames.Rounded(df, 0));
        Assert.Equal("significantDigits", e.ParamName);
    }
}
