using System.Security.Cryptography;
using System.Text;
using ResearchKit.Numerics;

namespace ResearchKit.Data;

/// <summary>
/// Finds a data file: in each search directory in order (the published name, then its uncompressed name), and
/// otherwise downloads it into the cache directory. Every copy is checked against the SHA-256 of its uncompressed
/// content; a missing or corrupt file raises an exception that names every place looked and how to get the data.
/// </summary>
/// <remarks>Used by <see cref="FashionMnist"/> (notebook 01), <see cref="Cifar10H"/> (notebook 08) and <see cref="MonkeysPassAtK"/> (notebooks 06–09).</remarks>
public sealed class DataFileLocator
{
    /// <summary>Creates a locator.</summary>
    /// <param name="searchDirectories">Directories to look in, in order (null entries are skipped).</param>
    /// <param name="cacheDirectory">Where downloads go; null disables downloading.</param>
    /// <param name="fetcher">The downloader; null disables downloading.</param>
    /// <param name="howToGet">One sentence on how a user can get the data by hand, appended to error messages.</param>
    public DataFileLocator(IEnumerable<string?> searchDirectories, string? cacheDirectory, IDataFetcher? fetcher, string howToGet)
    {
        Guard.NotNull(searchDirectories);
        SearchDirectories = searchDirectories.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d!).ToArray();
        CacheDirectory = cacheDirectory;
        Fetcher = fetcher;
        HowToGet = Guard.NotNull(howToGet);
    }

    /// <summary>The directories searched, in order.</summary>
    public IReadOnlyList<string> SearchDirectories { get; }

    /// <summary>Where downloads are written (null: no download).</summary>
    public string? CacheDirectory { get; }

    /// <summary>The downloader (null: no download).</summary>
    public IDataFetcher? Fetcher { get; }

    /// <summary>How a user can get the data by hand.</summary>
    public string HowToGet { get; }

    /// <summary>The verified uncompressed content of <paramref name="spec"/>, and the path it came from.</summary>
    /// <param name="spec">The file to find.</param>
    /// <param name="origin">The path of the copy that was used.</param>
    /// <exception cref="FileNotFoundException">No copy anywhere and the download was impossible or failed.</exception>
    /// <exception cref="InvalidDataException">A copy was found but its content does not match the checksum.</exception>
    public byte[] ReadVerified(DataFileSpec spec, out string origin)
    {
        Guard.NotNull(spec);
        var looked = new List<string>();
        foreach (var dir in SearchDirectories.Concat(CacheDirectory is null ? Array.Empty<string>() : new[] { CacheDirectory }).Distinct())
        {
            foreach (var name in new[] { spec.FileName, spec.UncompressedName }.Distinct())
            {
                string path = Path.Combine(dir, name);
                looked.Add(path);
                if (File.Exists(path))
                {
                    origin = path;
                    return Verified(spec, path, looked);
                }
            }
        }
        if (CacheDirectory is null || Fetcher is null)
            throw new FileNotFoundException(Message(spec, looked, "was not found and downloading is not available (no cache directory or fetcher)"));
        string target = Path.Combine(CacheDirectory, spec.FileName);
        string partial = target + ".part";
        try
        {
            Directory.CreateDirectory(CacheDirectory);
            Fetcher.Fetch(spec.Source, partial);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException or TaskCanceledException)
        {
            TryDelete(partial);
            throw new FileNotFoundException(Message(spec, looked, $"was not found, and downloading {spec.Source} into {CacheDirectory} failed: {e.Message}"), target, e);
        }
        try
        {
            byte[] content = Verified(spec, partial, looked);
            File.Move(partial, target, overwrite: true);
            origin = target;
            return content;
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <summary>SHA-256 of <paramref name="content"/> as lower-case hex.</summary>
    /// <param name="content">The bytes.</param>
    public static string Sha256Hex(byte[] content) => Convert.ToHexString(SHA256.HashData(Guard.NotNull(content))).ToLowerInvariant();

    private byte[] Verified(DataFileSpec spec, string path, List<string> looked)
    {
        byte[] content;
        try
        {
            content = IdxReader.ReadContent(path);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException(Message(spec, looked, $"is corrupt at {path}: {e.Message}"), e);
        }
        string actual = Sha256Hex(content);
        if (!string.Equals(actual, spec.ContentSha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException(Message(spec, looked,
                $"is corrupt at {path}: the SHA-256 of its uncompressed content is {actual}, expected {spec.ContentSha256}. Delete it and try again"));
        return content;
    }

    private string Message(DataFileSpec spec, List<string> looked, string what)
    {
        var sb = new StringBuilder();
        sb.Append(spec.FileName).Append(' ').Append(what).Append(". Looked in: ");
        sb.Append(looked.Count == 0 ? "(nowhere)" : string.Join(", ", looked));
        if (CacheDirectory is not null)
            sb.Append("; download target: ").Append(Path.Combine(CacheDirectory, spec.FileName));
        sb.Append(". To get the data: ").Append(HowToGet).Append(" (source: ").Append(spec.Source).Append(").");
        return sb.ToString();
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (IOException)
        {
            // The partial file is left behind; the next attempt overwrites it.
        }
    }
}
