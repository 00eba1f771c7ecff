namespace ResearchKit.Data;

/// <summary>Copies a file from a public address to a local path. Injected into <see cref="DataFileLocator"/> so that
/// tests exercise the download path with local files and no network.</summary>
public interface IDataFetcher
{
    /// <summary>Writes the content at <paramref name="source"/> to <paramref name="destinationPath"/>
    /// (overwriting it), or throws.</summary>
    /// <param name="source">The address.</param>
    /// <param name="destinationPath">The local file to write.</param>
    void Fetch(Uri source, string destinationPath);
}
