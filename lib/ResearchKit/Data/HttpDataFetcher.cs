namespace ResearchKit.Data;

/// <summary>
/// The default <see cref="IDataFetcher"/>: HTTP(S) GET through <see cref="HttpClient"/>, and plain copies for
/// <c>file://</c> addresses.
/// </summary>
public sealed class HttpDataFetcher : IDataFetcher
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromMinutes(5) };

    /// <inheritdoc />
    public void Fetch(Uri source, string destinationPath)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destinationPath);
        if (source.IsFile)
        {
            File.Copy(source.LocalPath, destinationPath, overwrite: true);
            return;
        }
        using var response = Client.GetAsync(source).GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
            throw new IOException($"Downloading {source} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
        using var input = response.Content.ReadAsStream();
        using var output = File.Create(destinationPath);
        input.CopyTo(output);
    }
}
