namespace ResearchKit.Data;

/// <summary>The default <see cref="IDataFetcher"/>: an HTTP(S) GET (or a file copy for <c>file://</c> addresses).</summary>
public sealed class HttpDataFetcher : IDataFetcher
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromMinutes(10) };

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
        using var response = Client.GetAsync(source, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using var input = response.Content.ReadAsStream();
        using var output = File.Create(destinationPath);
        input.CopyTo(output);
    }
}
