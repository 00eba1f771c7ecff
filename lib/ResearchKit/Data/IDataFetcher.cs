namespace ResearchKit.Data;

/// <summary>
/// Copies a public data file to a local path. The loaders take one as an argument so that the download path can be
/// exercised in tests with local files, never over the network.
/// </summary>
public interface IDataFetcher
{
    /// <summary>Writes the content found at <paramref name="source"/> to <paramref name="destinationPath"/>.</summary>
    /// <param name="source">The public address of the file.</param>
    /// <param name="destinationPath">A local file path; overwritten if present.</param>
    void Fetch(Uri source, string destinationPath);
}
