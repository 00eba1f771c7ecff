namespace ResearchKit.Data;

/// <summary>
/// Locates a public data file for a loader: <c>../shared/data/&lt;folder&gt;/</c> beside the repository root, then
/// <c>data/cache/</c> under the root, then a download into <c>data/cache/</c>; every copy's SHA-256 is checked.
/// </summary>
/// <remarks>Used by the scaling-law loaders (notebooks 10 and 25).</remarks>
internal static class SharedDataFile
{
    public static string Locate(string? repositoryRoot, string folder, DataFileSpec spec, IDataFetcher? fetcher, bool allowDownload, string howToGet)
    {
        string? root = repositoryRoot ?? Workbook.FindRepositoryRoot();
        if (root is null)
            throw new FileNotFoundException(
                $"{spec.FileName}: no repository root (a folder holding ResearchKit.sln) above {Directory.GetCurrentDirectory()}; pass the file's path to Load. " +
                $"To get the data: {howToGet} (source: {spec.Source}).");
        string shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", folder));
        string cache = Path.Combine(root, "data", "cache");
        var locator = new DataFileLocator([shared], allowDownload ? cache : null, allowDownload ? fetcher ?? new HttpDataFetcher() : null, howToGet);
        locator.ReadVerified(spec, out string origin);
        return origin;
    }
}
