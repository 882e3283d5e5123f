using System.Text;

namespace Verity.Cli;

/// <summary>Writes a page as <c>index.html</c> into a folder, through a temporary file.</summary>
internal static class HtmlFile
{
    /// <summary>Writes <paramref name="html"/> to <c>index.html</c> in <paramref name="directory"/> (created if needed).</summary>
    /// <returns>The path written.</returns>
    public static string Write(string directory, string html)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "index.html");
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, html, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
        return Path.GetFullPath(path);
    }
}
