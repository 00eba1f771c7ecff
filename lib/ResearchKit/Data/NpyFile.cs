using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace ResearchKit.Data;

/// <summary>
/// A reader for NumPy's <c>.npy</c> format (versions 1.0–3.0): the magic <c>\x93NUMPY</c>, a version, a header
/// length, a Python-literal header dict (<c>descr</c>, <c>fortran_order</c>, <c>shape</c>) and the raw array bytes.
/// Only what the workbook's data need is supported: two-dimensional little-endian int64 arrays in C order.
/// </summary>
/// <remarks>Format: NumPy Enhancement Proposal 1 (NEP 1). Used by <see cref="Cifar10H"/> (notebook 08).</remarks>
public static partial class NpyFile
{
    /// <summary>Reads a two-dimensional little-endian int64 (<c>&lt;i8</c>) array stored in C order.</summary>
    /// <param name="path">The .npy file.</param>
    /// <returns>The array, indexed [row, column].</returns>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">Not an .npy file, another dtype/order/rank, or a truncated body (the message names the file).</exception>
    public static long[,] ReadInt64Matrix(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"No .npy file at {path}.", path);
        byte[] bytes = File.ReadAllBytes(path);

        ReadOnlySpan<byte> magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(magic))
            throw new InvalidDataException($"{path} is not an .npy file (missing the \\x93NUMPY magic).");
        int major = bytes[6];
        int headerLength, headerStart;
        switch (major)
        {
            case 1:
                headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8, 2));
                headerStart = 10;
                break;
            case 2 or 3 when bytes.Length >= 12:
                uint declared = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8, 4));
                // Checked here: a length past int.MaxValue was a bare OverflowException, and one near it wrapped
                // headerStart + headerLength below the file length.
                if (declared > (uint)(bytes.Length - 12))
                    throw new InvalidDataException($"{path}: the header length {declared} runs past the end of the file ({bytes.Length} bytes).");
                headerLength = (int)declared;
                headerStart = 12;
                break;
            default:
                throw new InvalidDataException($"{path}: .npy version {major}.{bytes[7]} is not supported (allowed: 1.0–3.0).");
        }
        if ((long)headerStart + headerLength > bytes.Length)
            throw new InvalidDataException($"{path}: the header length {headerLength} runs past the end of the file ({bytes.Length} bytes).");
        string header = Encoding.Latin1.GetString(bytes, headerStart, headerLength);

        string descr = Field(DescrPattern(), header, "descr", path);
        if (descr != "<i8")
            throw new InvalidDataException($"{path}: dtype '{descr}' is not supported; allowed: '<i8' (little-endian int64).");
        string fortran = Field(FortranPattern(), header, "fortran_order", path);
        if (fortran != "False")
            throw new InvalidDataException($"{path}: fortran_order = {fortran}; allowed: False (C order).");
        string shapeText = Field(ShapePattern(), header, "shape", path);
        string[] dims = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (dims.Length != 2 || !int.TryParse(dims[0], out int rows) || !int.TryParse(dims[1], out int columns) || rows < 0 || columns < 0)
            throw new InvalidDataException($"{path}: shape ({shapeText}) is not supported; allowed: a two-dimensional shape (rows, columns).");

        int dataStart = headerStart + headerLength;
        long expected = (long)rows * columns * sizeof(long);
        if (bytes.Length - dataStart != expected)
            throw new InvalidDataException(
                $"{path}: the body holds {bytes.Length - dataStart} bytes but shape ({rows}, {columns}) of int64 needs {expected}; the file is truncated or corrupt.");

        var result = new long[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                result[r, c] = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(dataStart + 8 * (r * columns + c), 8));
        return result;
    }

    private static string Field(Regex pattern, string header, string key, string path)
    {
        Match m = pattern.Match(header);
        if (!m.Success)
            throw new InvalidDataException($"{path}: the .npy header has no '{key}' entry: {header.Trim()}");
        return m.Groups[1].Value;
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
