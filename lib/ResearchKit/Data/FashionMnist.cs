using ResearchKit.Numerics;

namespace ResearchKit.Data;

/// <summary>
/// Loads Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017): 70 000 grey 28×28 images of clothing in ten classes. Looks
/// in, in order: an explicit directory, the repository's <c>data/cache/fashion-mnist/</c>,
/// <c>/usr/share/datasets/fashion-mnist</c> (Debian package <c>dataset-fashion-mnist</c>), and otherwise downloads
/// the files from the dataset's public address into <c>data/cache/fashion-mnist/</c>.
/// </summary>
/// <remarks>
/// <para>The checksums are SHA-256 of the <b>uncompressed</b> IDX content. They were computed from the Debian
/// package's files (dataset-fashion-mnist 0.0~git20200523.55506a9-1), which hold the same data as the upstream
/// files but not byte-identical .gz files: Debian re-wrote the gzip headers (each .gz is exactly 24 bytes shorter,
/// the length of the stripped original-file-name field, and their MD5s therefore differ from the ones in the
/// upstream README). The decompressed sizes agree with the IDX headers (47 040 016, 60 008, 7 840 016 and 10 008
/// bytes), so one content checksum accepts the upstream .gz, Debian's .gz and a gunzipped copy alike.</para>
/// <para>Levi &amp; Oz (arXiv 2306.14975 v3) use Fashion-MNIST among their real-world datasets. Used by notebook 01.</para>
/// </remarks>
public static class FashionMnist
{
    /// <summary>The directory the Debian package installs the files into.</summary>
    public const string SystemDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The dataset's public download address (the upstream README's links).</summary>
    public static readonly Uri PublicBase = new("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

    /// <summary>How to get the data by hand, as stated in error messages.</summary>
    public const string HowToGet = "install the Debian package (apt-get install dataset-fashion-mnist), or download the four .gz files from "
        + "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/ into data/cache/fashion-mnist/";

    /// <summary>The training images.</summary>
    public static readonly DataFileSpec TrainImages = new("train-images-idx3-ubyte.gz",
        "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", new Uri(PublicBase, "train-images-idx3-ubyte.gz"));

    /// <summary>The training labels.</summary>
    public static readonly DataFileSpec TrainLabels = new("train-labels-idx1-ubyte.gz",
        "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9", new Uri(PublicBase, "train-labels-idx1-ubyte.gz"));

    /// <summary>The test images.</summary>
    public static readonly DataFileSpec TestImages = new("t10k-images-idx3-ubyte.gz",
        "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", new Uri(PublicBase, "t10k-images-idx3-ubyte.gz"));

    /// <summary>The test labels.</summary>
    public static readonly DataFileSpec TestLabels = new("t10k-labels-idx1-ubyte.gz",
        "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34", new Uri(PublicBase, "t10k-labels-idx1-ubyte.gz"));

    /// <summary>The standard locator: explicit directory, repository cache, system directory, then download into
    /// the repository cache (when the repository root is known).</summary>
    /// <param name="explicitDirectory">A directory to look in first, or null.</param>
    /// <param name="repositoryRoot">The repository root; null: found from the current directory
    /// (<see cref="Workbook.FindRepositoryRoot"/>), and without one there is no cache and no download.</param>
    /// <param name="fetcher">The downloader; null: <see cref="HttpDataFetcher"/>.</param>
    /// <param name="systemDirectory">The system directory; null: <see cref="SystemDirectory"/> (tests pass another).</param>
    public static DataFileLocator Locator(string? explicitDirectory = null, string? repositoryRoot = null, IDataFetcher? fetcher = null, string? systemDirectory = null)
    {
        string? root = repositoryRoot ?? Workbook.FindRepositoryRoot();
        string? cache = root is null ? null : Path.Combine(root, "data", "cache", "fashion-mnist");
        return new DataFileLocator(new[] { explicitDirectory, cache, systemDirectory ?? SystemDirectory }, cache, fetcher ?? new HttpDataFetcher(), HowToGet);
    }

    /// <summary>Loads one split with the standard locator.</summary>
    /// <param name="split">Train (60 000) or test (10 000).</param>
    /// <param name="explicitDirectory">A directory to look in first, or null.</param>
    public static FashionMnistSet Load(FashionMnistSplit split, string? explicitDirectory = null)
        => Load(split, Locator(explicitDirectory));

    /// <summary>Loads one split with a given locator.</summary>
    /// <param name="split">Train (60 000) or test (10 000).</param>
    /// <param name="locator">Where to look and how to download.</param>
    public static FashionMnistSet Load(FashionMnistSplit split, DataFileLocator locator)
    {
        Guard.NotNull(locator);
        var (imagesSpec, labelsSpec) = split == FashionMnistSplit.Train ? (TrainImages, TrainLabels) : (TestImages, TestLabels);
        var images = IdxReader.ParseImages(locator.ReadVerified(imagesSpec, out string imagesPath), imagesPath);
        var labels = IdxReader.ParseLabels(locator.ReadVerified(labelsSpec, out string labelsPath), labelsPath);
        if (labels.Length != images.Count)
            throw new InvalidDataException($"'{imagesPath}' holds {images.Count} images but '{labelsPath}' holds {labels.Length} labels; allowed: equal counts.");
        return new FashionMnistSet(images, labels, imagesPath);
    }
}
