using System.IO.Compression;
using ResearchKit.Data;

namespace ResearchKit.Tests.Data;

/// <summary>Small IDX files made by the tests themselves.</summary>
internal static class IdxFiles
{
    public static byte[] Images(int count, int rows, int cols, Func<int, byte>? pixel = null)
    {
        var b = new List<byte>();
        b.AddRange(BigEndian(0x00000803));
        b.AddRange(BigEndian(count));
        b.AddRange(BigEndian(rows));
        b.AddRange(BigEndian(cols));
        for (int i = 0; i < count * rows * cols; i++) b.Add(pixel?.Invoke(i) ?? (byte)(i % 251));
        return b.ToArray();
    }

    public static byte[] Labels(int count)
    {
        var b = new List<byte>();
        b.AddRange(BigEndian(0x00000801));
        b.AddRange(BigEndian(count));
        for (int i = 0; i < count; i++) b.Add((byte)(i % 10));
        return b.ToArray();
    }

    public static byte[] Gzip(byte[] content)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(content);
        return ms.ToArray();
    }

    public static string TempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rk-idx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static byte[] BigEndian(int v) => new[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v };
}

public class IdxReaderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_RawOrGzip_RoundTrips(bool gzip)
    {
        string dir = IdxFiles.TempDirectory();
        var content = IdxFiles.Images(3, 2, 4);
        string path = Path.Combine(dir, "img");
        File.WriteAllBytes(path, gzip ? IdxFiles.Gzip(content) : content);
        var images = IdxReader.ReadImages(path);
        Assert.Equal((3, 2, 4, 8), (images.Count, images.Rows, images.Columns, images.PixelCount));
        Assert.Equal((byte)(1 * 8 + 1 * 4 + 3), images[1, 1, 3]);
        var x = images.ToMatrix(2);
        Assert.Equal(2, x.RowCount);
        Assert.Equal(13.0, x[1, 5]);
        var picked = images.ToMatrix(indices: new[] { 2, 0 });
        Assert.Equal(16.0, picked[0, 0]);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void ReadLabels_RoundTrips()
    {
        string dir = IdxFiles.TempDirectory();
        string path = Path.Combine(dir, "lab.gz");
        File.WriteAllBytes(path, IdxFiles.Gzip(IdxFiles.Labels(12)));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (byte)(i % 10)), IdxReader.ReadLabels(path));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Parse_BadMagic_Throws()
    {
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ParseImages(IdxFiles.Labels(4), "f"));
        Assert.Contains("magic", e.Message);
        Assert.Throws<InvalidDataException>(() => IdxReader.ParseLabels(IdxFiles.Images(1, 2, 2), "f"));
    }

    [Fact]
    public void Parse_ZeroDimension_Throws()
    {
        var bytes = IdxFiles.Images(2, 3, 3);
        bytes[11] = 0; // rows = 0
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ParseImages(bytes, "f"));
        Assert.Contains("dimension 1 = 0", e.Message);
    }

    [Fact]
    public void Parse_WrongDimensions_TruncatedOrTooLong_Throws()
    {
        var bytes = IdxFiles.Images(2, 3, 3);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ParseImages(bytes[..^1], "f"));
        Assert.Contains("truncated", e.Message);
        Assert.Throws<InvalidDataException>(() => IdxReader.ParseImages(bytes.Concat(new byte[] { 1 }).ToArray(), "f"));
        Assert.Throws<InvalidDataException>(() => IdxReader.ParseImages(bytes[..10], "f"));
        bytes[7] = 3; // declares 3 images, holds 2
        Assert.Throws<InvalidDataException>(() => IdxReader.ParseImages(bytes, "f"));
    }

    [Fact]
    public void ReadContent_CorruptGzip_ThrowsNamingFile()
    {
        string dir = IdxFiles.TempDirectory();
        string path = Path.Combine(dir, "bad.gz");
        var gz = IdxFiles.Gzip(IdxFiles.Images(5, 4, 4));
        File.WriteAllBytes(path, gz[..(gz.Length / 2)]);
        var e = Assert.ThrowsAny<Exception>(() => IdxReader.ReadImages(path));
        Assert.True(e is InvalidDataException or EndOfStreamException, e.GetType().Name);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void ReadImages_Missing_ThrowsFileNotFound()
        => Assert.Throws<FileNotFoundException>(() => IdxReader.ReadImages(Path.Combine(Path.GetTempPath(), "no-such-idx-file")));

    [Fact]
    public void ToMatrix_BadArguments_Throw()
    {
        var images = IdxReader.ParseImages(IdxFiles.Images(3, 2, 2), "f");
        Assert.Throws<ArgumentOutOfRangeException>(() => images.ToMatrix(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => images.ToMatrix(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => images.ToMatrix(indices: new[] { 3 }));
    }
}
