using System.Text;

namespace Verity.Cli;

/// <summary>Writes a page (<c>index.html</c> unless named) into a folder, through a temporary file.</summary>
internal static class HtmlFile
{
    /// <summary>Writes <paramref name="html"/> to <paramref name="fileName"/> in <paramref name="directory"/> (created if needed).</summary>
    /// <returns>The path written.</returns>
    public static string Write(string directory, string html, string fileName = "index.html")
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, html, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
        return Path.GetFullPath(path);
    }
}
