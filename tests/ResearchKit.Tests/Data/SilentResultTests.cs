using ResearchKit.Data;

namespace ResearchKit.Tests.Data;

/// <summary>Silently wrong results of the data readers (hostile review, issue 10).</summary>
public class SilentResultTests
{
    [Fact]
    public void IdxReader_DimensionsWhoseProductWraps_AreRejected()
    {
        // 2³⁰ × 2³⁰ × 16 = 2⁶⁴ wrapped to 0 in a long, matching an empty body: 2³⁰ images of 0 pixels were "read".
        var bytes = new byte[16];
        void Write(int offset, int value)
        {
            bytes[offset] = (byte)(value >> 24); bytes[offset + 1] = (byte)(value >> 16);
            bytes[offset + 2] = (byte)(value >> 8); bytes[offset + 3] = (byte)value;
        }
        Write(0, 0x803); Write(4, 1 << 30); Write(8, 1 << 30); Write(12, 16);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ParseImages(bytes, "crafted"));
        Assert.Contains("1073741824×1073741824×16", e.Message);
        Assert.Contains("allowed", e.Message);
    }
}
