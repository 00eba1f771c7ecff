using System.Security.Cryptography;

namespace ResearchKit.Data;

/// <summary>
/// The download cache <c>data/cache/</c> under the repository root (git-ignored): files are fetched from their
/// public source, checked against a known SHA-256 and only then kept.
/// </summary>
public static class DataCache
{
    /// <summary>The cache folder <c>&lt;root&gt;/data/cache</c>.</summary>
    /// <param name="repositoryRoot">The repository root (the folder holding ResearchKit.sln).</param>
    public static string Folder(string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        return Path.Combine(repositoryRoot, "data", "cache");
    }

    /// <summary>The lower-case hexadecimal SHA-256 of a file's bytes.</summary>
    /// <param name="path">An existing file.</param>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    /// <summary>
    /// Returns the path of <paramref name="fileName"/> in the cache, fetching it first when absent. A fetched file
    /// is written to a temporary name, checked against <paramref name="expectedSha256"/>, and moved into place only
    /// if it matches; a cached file that does not match is reported, never used.
    /// </summary>
    /// <param name="repositoryRoot">The repository root; the cache is its <c>data/cache</c> folder.</param>
    /// <param name="fileName">The file's name inside the cache.</param>
    /// <param name="source">The public address to fetch from.</param>
    /// <param name="expectedSha256">The known SHA-256 (hexadecimal).</param>
    /// <param name="fetcher">How to fetch; <see cref="HttpDataFetcher"/> on a user's machine, a local copy in tests.</param>
    /// <exception cref="InvalidDataException">The cached or fetched file does not have the expected SHA-256.</exception>
    public static string GetOrFetch(string repositoryRoot, string fileName, Uri source, string expectedSha256, IDataFetcher fetcher)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fetcher);
        string folder = Folder(repositoryRoot);
        string target = Path.Combine(folder, fileName);
        if (File.Exists(target))
        {
            string actual = Sha256(target);
            if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException(
                    $"The cached file {target} has SHA-256 {actual}, expected {expectedSha256}: it is corrupt or a different version. " +
                    $"Delete it to fetch it again from {source}.");
            return target;
        }

        Directory.CreateDirectory(folder);
        string temporary = target + ".part";
        try
        {
            fetcher.Fetch(source, temporary);
            string actual = Sha256(temporary);
            if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException(
                    $"The file fetched from {source} has SHA-256 {actual}, expected {expectedSha256}; it was not kept.");
            File.Move(temporary, target, overwrite: true);
            return target;
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
