namespace Verity.Fuzz;

/// <summary>The seed files: the bundled data and the test vectors, copied beside the harness.</summary>
/// <param name="Directory">Where <c>data/</c> and <c>corpus/</c> are.</param>
public sealed record Corpus(string Directory)
{
    /// <summary>The files beside this assembly.</summary>
    public static Corpus Beside => new(AppContext.BaseDirectory);

    public byte[] Bytes(string path) => File.ReadAllBytes(System.IO.Path.Combine(Directory, path));

    public string Text(string path) => File.ReadAllText(System.IO.Path.Combine(Directory, path));

    /// <summary>Every file matching <paramref name="pattern"/> in <paramref name="folder"/>, by name.</summary>
    public IEnumerable<byte[]> Files(string folder, string pattern) =>
        System.IO.Directory.GetFiles(System.IO.Path.Combine(Directory, folder), pattern).Order(StringComparer.Ordinal).Select(File.ReadAllBytes);
}
