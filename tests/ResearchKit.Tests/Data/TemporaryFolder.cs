namespace ResearchKit.Tests.Data;

/// <summary>A fresh folder under the system temp path, deleted on dispose; a fake repository root for loader tests.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rk-" + Guid.NewGuid().ToString("N"), "repo");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, string text)
    {
        string file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose()
    {
        string parent = Directory.GetParent(Path)!.FullName;
        if (Directory.Exists(parent))
            Directory.Delete(parent, recursive: true);
    }
}
