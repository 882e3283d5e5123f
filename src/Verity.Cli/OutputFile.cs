using System.Text;
using Verity.Core;

namespace Verity.Cli;

/// <summary>
/// Writes what a verb makes (a page, an exported file) through a temporary file and a rename, so that a file is whole
/// or absent; a place that cannot be written (a folder under a file, a file that is a folder, no permission) is bad
/// input naming the path and why, exit 2, never an exception.
/// </summary>
internal static class OutputFile
{
    /// <summary>Writes <paramref name="html"/> to <paramref name="fileName"/> in <paramref name="directory"/> (created if needed).</summary>
    /// <returns>The path written.</returns>
    /// <exception cref="InputException">The folder or the file cannot be written.</exception>
    public static string Write(string directory, string html, string fileName = "index.html") =>
        WriteText(Path.Combine(directory, fileName), html, "--out");

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, creating its folder if needed.</summary>
    /// <param name="path">The file.</param>
    /// <param name="text">What to write, as UTF-8 without a byte order mark.</param>
    /// <param name="option">The option that named the place, for the message.</param>
    /// <returns>The full path written.</returns>
    /// <exception cref="InputException">The folder or the file cannot be written.</exception>
    public static string WriteText(string path, string text, string option)
    {
        var temporary = path + ".tmp";
        try
        {
            if (Directory.Exists(path))
            {
                throw new InputException(new Diagnostic(path, 0, 0, string.Empty, $"{option} names a folder; give a file to write"));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(temporary, text, new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw new InputException(new Diagnostic(path, 0, 0, string.Empty, $"cannot write the file {option} names: {Reason(e)}"));
        }
    }

    private static string Reason(Exception e) => e switch
    {
        DirectoryNotFoundException => "a folder on its path cannot be made (is a part of the path a file?)",
        UnauthorizedAccessException => "permission denied",
        _ when e.Message.Contains("Not a directory", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase)
            => "a part of its path is a file, not a folder",
        _ => e.Message,
    };
}
