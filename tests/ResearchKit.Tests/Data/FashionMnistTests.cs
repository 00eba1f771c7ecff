using ResearchKit.Data;

namespace ResearchKit.Tests.Data;

public class FashionMnistTests
{
    private sealed class CopyFetcher : IDataFetcher
    {
        private readonly Dictionary<Uri, byte[]> _files;
        public CopyFetcher(Dictionary<Uri, byte[]> files) => _files = files;
        public List<Uri> Requests { get; } = new();
        public void Fetch(Uri source, string destinationPath)
        {
            Requests.Add(source);
            if (!_files.TryGetValue(source, out var bytes)) throw new IOException($"404 {source}");
            File.WriteAllBytes(destinationPath, bytes);
        }
    }

    private static (DataFileSpec spec, byte[] gz) SmallSpec(string name = "imgs-idx3-ubyte.gz")
    {
        var content = IdxFiles.Images(4, 3, 3);
        return (new DataFileSpec(name, DataFileLocator.Sha256Hex(content), new Uri("https://example.invalid/" + name)), IdxFiles.Gzip(content));
    }

    [Fact]
    public void ReadVerified_SearchOrder_FirstDirectoryWins()
    {
        var (spec, gz) = SmallSpec();
        string a = IdxFiles.TempDirectory(), b = IdxFiles.TempDirectory();
        File.WriteAllBytes(Path.Combine(b, spec.FileName), gz);
        // Uncompressed copy in the first directory: found before the .gz in the second.
        File.WriteAllBytes(Path.Combine(a, spec.UncompressedName), IdxFiles.Images(4, 3, 3));
        var locator = new DataFileLocator(new[] { a, b }, null, null, "ask");
        locator.ReadVerified(spec, out string origin);
        Assert.Equal(Path.Combine(a, spec.UncompressedName), origin);
        File.Delete(origin);
        locator.ReadVerified(spec, out origin);
        Assert.Equal(Path.Combine(b, spec.FileName), origin);
        Directory.Delete(a, true);
        Directory.Delete(b, true);
    }

    [Fact]
    public void ReadVerified_NotLocal_DownloadsIntoCacheAndVerifies()
    {
        var (spec, gz) = SmallSpec();
        string cache = Path.Combine(IdxFiles.TempDirectory(), "cache");
        var fetcher = new CopyFetcher(new() { [spec.Source] = gz });
        var locator = new DataFileLocator(new[] { IdxFiles.TempDirectory() }, cache, fetcher, "ask");
        var content = locator.ReadVerified(spec, out string origin);
        Assert.Equal(Path.Combine(cache, spec.FileName), origin);
        Assert.Equal(4, IdxReader.ParseImages(content, origin).Count);
        // The second call finds the cached copy and does not download again.
        locator.ReadVerified(spec, out _);
        Assert.Single(fetcher.Requests);
    }

    [Fact]
    public void ReadVerified_DownloadChecksumMismatch_ThrowsAndLeavesNoFile()
    {
        var (spec, _) = SmallSpec();
        string cache = Path.Combine(IdxFiles.TempDirectory(), "cache");
        var fetcher = new CopyFetcher(new() { [spec.Source] = IdxFiles.Gzip(IdxFiles.Images(4, 3, 3, i => 9)) });
        var locator = new DataFileLocator(Array.Empty<string>(), cache, fetcher, "ask");
        var e = Assert.Throws<InvalidDataException>(() => locator.ReadVerified(spec, out _));
        Assert.Contains("SHA-256", e.Message);
        Assert.Empty(Directory.GetFiles(cache));
    }

    [Fact]
    public void ReadVerified_LocalCorruptCopy_ThrowsNamingIt()
    {
        var (spec, gz) = SmallSpec();
        string dir = IdxFiles.TempDirectory();
        string path = Path.Combine(dir, spec.FileName);
        File.WriteAllBytes(path, IdxFiles.Gzip(IdxFiles.Images(4, 3, 3, i => 1)));
        var e = Assert.Throws<InvalidDataException>(() => new DataFileLocator(new[] { dir }, null, null, "ask").ReadVerified(spec, out _));
        Assert.Contains(path, e.Message);
        File.WriteAllBytes(path, gz[..20]);
        Assert.Throws<InvalidDataException>(() => new DataFileLocator(new[] { dir }, null, null, "ask").ReadVerified(spec, out _));
    }

    [Fact]
    public void ReadVerified_MissingEverywhere_MessageNamesEveryPlaceAndHowToGet()
    {
        var (spec, _) = SmallSpec();
        string a = IdxFiles.TempDirectory(), cache = Path.Combine(IdxFiles.TempDirectory(), "c");
        var locator = new DataFileLocator(new[] { a }, cache, new CopyFetcher(new()), "apt-get install something");
        var e = Assert.Throws<FileNotFoundException>(() => locator.ReadVerified(spec, out _));
        Assert.Contains(Path.Combine(a, spec.FileName), e.Message);
        Assert.Contains(Path.Combine(a, spec.UncompressedName), e.Message);
        Assert.Contains(Path.Combine(cache, spec.FileName), e.Message);
        Assert.Contains("apt-get install something", e.Message);
        Assert.Contains("404", e.Message);
    }

    [Fact]
    public void Locator_Standard_SearchOrderAndHowToGet()
    {
        string root = IdxFiles.TempDirectory();
        var locator = FashionMnist.Locator("/explicit", root, new CopyFetcher(new()), "/sys");
        Assert.Equal(new[] { "/explicit", Path.Combine(root, "data", "cache", "fashion-mnist"), "/sys" }, locator.SearchDirectories);
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(FashionMnistSplit.Test, locator));
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
        Assert.Contains("/explicit/t10k-images-idx3-ubyte.gz", e.Message);
        Assert.Contains("/sys/t10k-images-idx3-ubyte", e.Message);
    }

    [Fact]
    public void Load_DownloadPath_WithInjectedFetcher_VerifiesRealChecksums()
    {
        // The real checksums reject a self-made file served as the test labels.
        string root = IdxFiles.TempDirectory();
        var fetcher = new CopyFetcher(new()
        {
            [FashionMnist.TestImages.Source] = IdxFiles.Gzip(IdxFiles.Images(2, 28, 28)),
            [FashionMnist.TestLabels.Source] = IdxFiles.Gzip(IdxFiles.Labels(2)),
        });
        var locator = FashionMnist.Locator(null, root, fetcher, Path.Combine(root, "no-system-dir"));
        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(FashionMnistSplit.Test, locator));
        Assert.Contains("t10k-images-idx3-ubyte.gz", e.Message);
        Assert.Equal(new[] { FashionMnist.TestImages.Source }, fetcher.Requests);
    }

    [Fact]
    public void Load_SystemCopy_WhenInstalled_HasPublishedShape()
    {
        // Runs against the Debian package's files where they are installed (CI installs them); elsewhere it checks
        // that the loader reports their absence instead.
        if (!Directory.Exists(FashionMnist.SystemDirectory))
        {
            Assert.ThrowsAny<IOException>(() => FashionMnist.Load(FashionMnistSplit.Test,
                FashionMnist.Locator(null, IdxFiles.TempDirectory(), new CopyFetcher(new()))));
            return;
        }
        var set = FashionMnist.Load(FashionMnistSplit.Test, FashionMnist.Locator(null, IdxFiles.TempDirectory(), new CopyFetcher(new())));
        Assert.Equal((10000, 28, 28), (set.Images.Count, set.Images.Rows, set.Images.Columns));
        Assert.Equal(10000, set.Labels.Length);
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(1000, set.Labels.Count(l => l == c)));
    }
}
