using ResearchKit.Data;

namespace ResearchKit.Tests.Data;

/// <summary>Readers that failed with an exception that did not say what was wrong (hostile review, issue 10).</summary>
public class UnclearErrorTests
{
    [Theory]
    [InlineData(0xFFFFFFFFu)]
    [InlineData(0x7FFFFFFAu)]
    public void NpyFile_HeaderLengthBeyondTheFile_NamesIt(uint headerLength)
    {
        // 0xFFFFFFFF threw a bare OverflowException; 0x7FFFFFFA wrapped headerStart + headerLength past the length
        // check and failed inside Encoding.GetString.
        using var folder = new TemporaryFolder();
        string path = Path.Combine(folder.Path, "bad.npy");
        var bytes = new byte[20];
        new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 2, 0 }.CopyTo(bytes, 0);
        BitConverter.GetBytes(headerLength).CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => NpyFile.ReadInt64Matrix(path));
        Assert.Contains($"header length {headerLength}", e.Message);
        Assert.Contains("20 bytes", e.Message);
    }
}
