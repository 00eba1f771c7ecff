namespace ResearchKit.Data;

/// <summary>One data file the library can find locally or download.</summary>
/// <param name="FileName">The published name, e.g. <c>train-images-idx3-ubyte.gz</c>. A local copy may also be the
/// uncompressed file (the name without <c>.gz</c>).</param>
/// <param name="ContentSha256">SHA-256 (lower-case hex) of the <b>uncompressed</b> content. It is checked on every
/// copy, downloaded or local, so that any gzip wrapping of the same data (the upstream file, a distribution's
/// repacked one, or the file after gunzip) is accepted and any other content is rejected.</param>
/// <param name="Source">The public address to download the file from.</param>
/// <remarks>Used by <see cref="DataFileLocator"/> and <see cref="FashionMnist"/> (notebook 01).</remarks>
public sealed record DataFileSpec(string FileName, string ContentSha256, Uri Source)
{
    /// <summary>The name of the uncompressed file (the published name without a trailing <c>.gz</c>).</summary>
    public string UncompressedName => FileName.EndsWith(".gz", StringComparison.Ordinal) ? FileName[..^3] : FileName;
}
