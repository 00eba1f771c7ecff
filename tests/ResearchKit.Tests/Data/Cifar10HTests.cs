using System.Text;
using ResearchKit.Data;

namespace ResearchKit.Tests.Data;

public class Cifar10HTests
{
    private static string RealFile => SharedData.File("cifar-10h", Cifar10H.FileName);

    /// <summary>Copies a local file instead of downloading, and records what it was asked for.</summary>
    private sealed class LocalFetcher(string file) : IDataFetcher
    {
        public List<Uri> Requests { get; } = [];

        public void Fetch(Uri source, string destinationPath)
        {
            Requests.Add(source);
            File.Copy(file, destinationPath, overwrite: true);
        }
    }

    private sealed class FailingFetcher : IDataFetcher
    {
        public void Fetch(Uri source, string destinationPath) => throw new HttpRequestException("no network");
    }

    // Builds an .npy v1.0 file: magic, version, header length, header padded with spaces to 64 bytes, body.
    private static byte[] Npy(string descr, string shape, byte[] body, string fortran = "False")
    {
        string dict = $"{{'descr': '{descr}', 'fortran_order': {fortran}, 'shape': ({shape}), }}";
        int total = 10 + dict.Length + 1;
        int padded = (total + 63) / 64 * 64;
        string header = dict + new string(' ', padded - total) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange("NUMPY"u8.ToArray());
        bytes.AddRange([1, 0, (byte)(header.Length & 0xff), (byte)(header.Length >> 8)]);
        bytes.AddRange(Encoding.Latin1.GetBytes(header));
        bytes.AddRange(body);
        return bytes.ToArray();
    }

    private static byte[] Int64Body(params long[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();

    [Fact]
    public void Load_SharedFile_MatchesDocumentedFigures()
    {
        var data = Cifar10H.Load(RealFile);
        Assert.Equal(10000, data.ImageCount);
        Assert.Equal(10, data.ClassCount);
        // SOURCE.md: 47..63 annotators per image, 511 000 labels, 43.93 % unanimous.
        int[] annotators = Enumerable.Range(0, data.ImageCount).Select(data.Annotators).ToArray();
        Assert.Equal(47, annotators.Min());
        Assert.Equal(63, annotators.Max());
        Assert.Equal(511000, annotators.Sum());
        int unanimous = Enumerable.Range(0, data.ImageCount)
            .Count(i => Enumerable.Range(0, 10).Any(j => data.Count(i, j) == annotators[i]));
        Assert.Equal(4393, unanimous);
    }

    [Fact]
    public void Load_SmallHandMadeArray_ReadsCOrder()
    {
        using var folder = new TemporaryFolder();
        string path = Path.Combine(folder.Path, "x.npy");
        File.WriteAllBytes(path, Npy("<i8", "2, 10", Int64Body([.. Enumerable.Range(0, 20).Select(i => (long)i)])));
        var data = Cifar10H.Load(path);
        Assert.Equal(13, data.Count(1, 3));
        Assert.Equal(45, data.Annotators(0));
    }

    [Theory]
    [InlineData("<f8", "2, 10", "False", 160, "dtype '<f8'")]
    [InlineData("<i8", "2, 10", "True", 160, "fortran_order")]
    [InlineData("<i8", "20,", "False", 160, "shape")]
    [InlineData("<i8", "2, 10", "False", 150, "truncated")]
    [InlineData("<i8", "2, 9", "False", 144, "one column per CIFAR-10 class")]
    public void Load_UnsupportedOrCorruptArray_ErrorNamesTheProblem(string descr, string shape, string fortran, int bodyBytes, string fragment)
    {
        using var folder = new TemporaryFolder();
        string path = Path.Combine(folder.Path, "x.npy");
        File.WriteAllBytes(path, Npy(descr, shape, new byte[bodyBytes], fortran));
        var e = Assert.Throws<InvalidDataException>(() => Cifar10H.Load(path));
        Assert.Contains(fragment, e.Message);
    }

    [Fact]
    public void Load_NegativeCount_ErrorNamesRowAndColumn()
    {
        using var folder = new TemporaryFolder();
        string path = Path.Combine(folder.Path, "x.npy");
        long[] values = [.. Enumerable.Repeat(5L, 20)];
        values[13] = -2;
        File.WriteAllBytes(path, Npy("<i8", "2, 10", Int64Body(values)));
        var e = Assert.Throws<InvalidDataException>(() => Cifar10H.Load(path));
        Assert.Contains("row 1, column 3 (cat) holds -2", e.Message);
    }

    [Fact]
    public void Load_NotNpy_ErrorNamesMagic()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write("x.npy", "model,benchmark\n");
        Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => Cifar10H.Load(path)).Message);
    }

    [Fact]
    public void LoadDefault_NoSharedCopy_FetchesIntoCacheOnceWithChecksum()
    {
        using var folder = new TemporaryFolder();
        var fetcher = new LocalFetcher(RealFile);
        var data = Cifar10H.LoadDefault(folder.Path, fetcher);
        string cached = Path.Combine(Path.Combine(folder.Path, "data", "cache"), Cifar10H.FileName);
        Assert.Equal(cached, data.SourcePath);
        Assert.Equal(Cifar10H.Source, Assert.Single(fetcher.Requests));
        Cifar10H.LoadDefault(folder.Path, fetcher); // second call is served from the cache
        Assert.Single(fetcher.Requests);
    }

    [Fact]
    public void LoadDefault_FetchedFileWithWrongChecksum_IsRejectedAndNotKept()
    {
        using var folder = new TemporaryFolder();
        string wrong = folder.Write("wrong.npy", "not the data");
        var e = Assert.Throws<InvalidDataException>(() => Cifar10H.LoadDefault(folder.Path, new LocalFetcher(wrong)));
        Assert.Contains("SHA-256", e.Message);
        Assert.False(File.Exists(Path.Combine(Path.Combine(folder.Path, "data", "cache"), Cifar10H.FileName)));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Path, "data", "cache")));
    }

    [Fact]
    public void LoadDefault_CorruptCachedFile_IsReportedNotUsed()
    {
        using var folder = new TemporaryFolder();
        folder.Write(Path.Combine("data", "cache", Cifar10H.FileName), "corrupt");
        var e = Assert.Throws<InvalidDataException>(() => Cifar10H.LoadDefault(folder.Path, new LocalFetcher(RealFile)));
        Assert.Contains("Delete it", e.Message);
    }

    [Fact]
    public void LoadDefault_FetchFails_SaysWhereItLookedAndWhatToDownload()
    {
        using var folder = new TemporaryFolder();
        var e = Assert.Throws<FileNotFoundException>(() => Cifar10H.LoadDefault(folder.Path, new FailingFetcher()));
        Assert.Contains("cifar-10h", e.Message);
        Assert.Contains(Cifar10H.Source.ToString(), e.Message);
        Assert.Contains(Path.Combine(folder.Path, "data", "cache"), e.Message);
    }
}
