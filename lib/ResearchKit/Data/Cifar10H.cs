namespace ResearchKit.Data;

/// <summary>
/// CIFAR-10H (Peterson, Battleday, Griffiths, Russakovsky, ICCV 2019, arXiv 1908.07086): for each of the 10 000
/// CIFAR-10 test images, how many human annotators chose each of the 10 classes. Licence CC BY-NC-SA 4.0: the
/// project does not ship the file; tests read it from <c>../shared/data/cifar-10h/</c> and a user's machine fetches
/// it from the public repository into <c>data/cache/</c>, checked by SHA-256.
/// </summary>
/// <remarks>Used by notebook 08 (Levi 2026, real-data proxy for the hard tail).</remarks>
public sealed class Cifar10H
{
    /// <summary>The file name, as in the source repository.</summary>
    public const string FileName = "cifar10h-counts.npy";

    /// <summary>SHA-256 of <c>data/cifar10h-counts.npy</c> at commit 48da312b (jcpeterson/cifar-10h).</summary>
    public const string Sha256 = "9b36b4550349af56c79083356312eb4af856cc5fd3caf1f669d40b9d0bbb69ff";

    /// <summary>The public source: the raw file at a fixed commit of github.com/jcpeterson/cifar-10h.</summary>
    public static readonly Uri Source =
        new("https://raw.githubusercontent.com/jcpeterson/cifar-10h/48da312b193b82e6939ec20f23d1f09cbdd849c8/data/cifar10h-counts.npy");

    /// <summary>The CIFAR-10 class names in label order 0..9.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    private readonly int[,] counts;

    private Cifar10H(int[,] counts, string sourcePath)
    {
        this.counts = counts;
        SourcePath = sourcePath;
    }

    /// <summary>The file the counts were read from.</summary>
    public string SourcePath { get; }

    /// <summary>The number of images (10 000 for the published file).</summary>
    public int ImageCount => counts.GetLength(0);

    /// <summary>The number of classes (10).</summary>
    public int ClassCount => counts.GetLength(1);

    /// <summary>How many annotators chose class <paramref name="label"/> for image <paramref name="image"/>.</summary>
    /// <param name="image">Row, the CIFAR-10 test-set index. Range: 0 ≤ image &lt; <see cref="ImageCount"/>.</param>
    /// <param name="label">Class index. Range: 0 ≤ label &lt; <see cref="ClassCount"/>.</param>
    public int Count(int image, int label)
    {
        Numerics.Guard.InRange(image, 0, ImageCount - 1);
        Numerics.Guard.InRange(label, 0, ClassCount - 1);
        return counts[image, label];
    }

    /// <summary>The number of annotators of image <paramref name="image"/> (row sum).</summary>
    /// <param name="image">Range: 0 ≤ image &lt; <see cref="ImageCount"/>.</param>
    public int Annotators(int image)
    {
        Numerics.Guard.InRange(image, 0, ImageCount - 1);
        int sum = 0;
        for (int j = 0; j < ClassCount; j++)
            sum += counts[image, j];
        return sum;
    }

    /// <summary>A copy of the counts, indexed [image, class].</summary>
    public int[,] ToArray() => (int[,])counts.Clone();

    /// <summary>Reads the counts from an .npy file (int64, shape (images, 10)).</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">Wrong format, a shape other than (·, 10), a negative count, an image with no annotator, or a count beyond int range (the message names row and column).</exception>
    public static Cifar10H Load(string path)
    {
        long[,] raw = NpyFile.ReadInt64Matrix(path);
        int rows = raw.GetLength(0), columns = raw.GetLength(1);
        if (columns != ClassNames.Count)
            throw new InvalidDataException($"{path}: shape ({rows}, {columns}); allowed: ({rows}, {ClassNames.Count}), one column per CIFAR-10 class.");
        if (rows == 0)
            throw new InvalidDataException($"{path}: the array has no rows.");
        var counts = new int[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            long total = 0;
            for (int j = 0; j < columns; j++)
            {
                long v = raw[i, j];
                if (v < 0 || v > int.MaxValue)
                    throw new InvalidDataException($"{path}: row {i}, column {j} ({ClassNames[j]}) holds {v}; allowed: a count 0 ≤ value ≤ {int.MaxValue}.");
                counts[i, j] = (int)v;
                total += v;
            }
            if (total == 0)
                throw new InvalidDataException($"{path}: row {i} has no annotations (all counts 0).");
        }
        return new Cifar10H(counts, path);
    }

    /// <summary>
    /// Finds and reads the counts: <c>../shared/data/cifar-10h/</c> beside the repository when present, else the
    /// cache <c>data/cache/</c>, else fetches the file from <see cref="Source"/> into the cache (SHA-256 checked).
    /// </summary>
    /// <param name="repositoryRoot">The repository root; default: found by walking up from the current directory to ResearchKit.sln.</param>
    /// <param name="fetcher">How to fetch; default <see cref="HttpDataFetcher"/>. Tests pass a local copier.</param>
    /// <exception cref="DirectoryNotFoundException">No repository root was given or found.</exception>
    /// <exception cref="FileNotFoundException">No copy was found and the download failed (the message names every place looked).</exception>
    /// <exception cref="InvalidDataException">A found or fetched file fails the SHA-256 check or the format check.</exception>
    public static Cifar10H LoadDefault(string? repositoryRoot = null, IDataFetcher? fetcher = null)
    {
        string root = repositoryRoot ?? Workbook.FindRepositoryRoot()
            ?? throw new DirectoryNotFoundException(
                $"CIFAR-10H: no repository root (a folder holding ResearchKit.sln) above {Directory.GetCurrentDirectory()}; " +
                $"call Cifar10H.Load(path) with a copy of {FileName} from {Source}.");
        string shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "cifar-10h"));
        string cache = Path.Combine(root, "data", "cache");
        var locator = new DataFileLocator(new[] { shared, cache }, cache, fetcher ?? new HttpDataFetcher(),
            $"download {Source} by hand into {cache}");
        locator.ReadVerified(Spec, out string origin);
        return Load(origin);
    }

    /// <summary>The file as the data locator knows it: name, SHA-256 and public source.</summary>
    public static DataFileSpec Spec { get; } = new(FileName, Sha256, Source);
}
