using System.IO.Compression;
using ResearchKit.Numerics;

namespace ResearchKit.Data;

/// <summary>
/// Reads IDX files of unsigned bytes: images (magic 0x00000803, three dimensions) and labels (magic 0x00000801,
/// one dimension). A gzip-compressed file (first bytes 1F 8B) is decompressed on the fly.
/// </summary>
/// <remarks>
/// The header is big-endian: two zero bytes, the type code 0x08 (unsigned byte), the number of dimensions, then each
/// dimension as a 32-bit integer; the payload follows and must have exactly the product of the dimensions in
/// bytes. Anything else (wrong magic, zero or negative dimension, short or over-long payload, a broken gzip stream)
/// raises <see cref="InvalidDataException"/> naming the file. Used by notebook 01 through
/// <see cref="FashionMnist"/>.
/// </remarks>
public static class IdxReader
{
    private const int ImagesMagic = 0x00000803;
    private const int LabelsMagic = 0x00000801;

    /// <summary>Reads an image file (raw or gzip).</summary>
    /// <param name="path">The file path.</param>
    public static IdxImages ReadImages(string path)
    {
        byte[] content = ReadContent(path);
        return ParseImages(content, path);
    }

    /// <summary>Reads a label file (raw or gzip).</summary>
    /// <param name="path">The file path.</param>
    public static byte[] ReadLabels(string path)
    {
        byte[] content = ReadContent(path);
        return ParseLabels(content, path);
    }

    /// <summary>The file's bytes, decompressed when the file is gzip.</summary>
    /// <param name="path">The file path.</param>
    public static byte[] ReadContent(string path)
    {
        Guard.NotNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"IDX file '{path}' does not exist.", path);
        byte[] raw = File.ReadAllBytes(path);
        if (raw.Length >= 2 && raw[0] == 0x1F && raw[1] == 0x8B)
        {
            try
            {
                using var gz = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
                using var output = new MemoryStream();
                gz.CopyTo(output);
                return output.ToArray();
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"IDX file '{path}' is not a valid gzip stream ({e.Message}).", e);
            }
        }
        return raw;
    }

    /// <summary>Parses the bytes of an image file.</summary>
    /// <param name="content">The uncompressed IDX bytes.</param>
    /// <param name="origin">The file's name, for error messages.</param>
    public static IdxImages ParseImages(byte[] content, string origin)
    {
        var dims = ParseHeader(content, origin, ImagesMagic, 3);
        return new IdxImages(dims[0], dims[1], dims[2], content.AsSpan(16).ToArray());
    }

    /// <summary>Parses the bytes of a label file.</summary>
    /// <param name="content">The uncompressed IDX bytes.</param>
    /// <param name="origin">The file's name, for error messages.</param>
    public static byte[] ParseLabels(byte[] content, string origin)
    {
        ParseHeader(content, origin, LabelsMagic, 1);
        return content.AsSpan(8).ToArray();
    }

    private static int[] ParseHeader(byte[] content, string origin, int expectedMagic, int dimensionCount)
    {
        Guard.NotNull(content);
        int headerLength = 4 + 4 * dimensionCount;
        string kind = dimensionCount == 3 ? "an IDX image file (magic 0x00000803)" : "an IDX label file (magic 0x00000801)";
        if (content.Length < headerLength)
            throw new InvalidDataException($"'{origin}' is truncated: {content.Length} bytes, shorter than the {headerLength}-byte header of {kind}.");
        int magic = ReadBigEndian(content, 0);
        if (magic != expectedMagic)
            throw new InvalidDataException($"'{origin}' has magic number 0x{magic:X8}; expected {kind}.");
        var dims = new int[dimensionCount];
        long payload = 1;
        for (int i = 0; i < dimensionCount; i++)
        {
            dims[i] = ReadBigEndian(content, 4 + 4 * i);
            if (dims[i] <= 0)
                throw new InvalidDataException($"'{origin}' declares dimension {i} = {dims[i]}; allowed: ≥ 1.");
        }
        for (int i = 0; i < dimensionCount; i++)
        {
            // Three int dimensions can exceed a long (2³⁰·2³⁰·16 = 2⁶⁴ wrapped to 0 and matched an empty body).
            if (payload > Array.MaxLength / dims[i])
                throw new InvalidDataException(
                    $"'{origin}' declares {string.Join("×", dims)} bytes of data, more than {Array.MaxLength}; allowed: a body that fits one .NET array (≤ {Array.MaxLength} bytes).");
            payload *= dims[i];
        }
        long actual = content.Length - headerLength;
        if (actual != payload)
            throw new InvalidDataException(actual < payload
                ? $"'{origin}' is truncated: the header declares {string.Join("×", dims)} = {payload} bytes of data but the file holds {actual}."
                : $"'{origin}' has {actual - payload} bytes beyond the {string.Join("×", dims)} = {payload} declared by its header.");
        return dims;
    }

    private static int ReadBigEndian(byte[] b, int offset)
        => (b[offset] << 24) | (b[offset + 1] << 16) | (b[offset + 2] << 8) | b[offset + 3];
}
