using Verity.Core.Replay;

namespace Verity.Cli.Commands;

/// <summary>The self-contained HTML report of a replay.</summary>
internal static class ReplayReport
{
    public static string Write(ReplayResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "index.html");
        File.WriteAllText(path, $"<html><body>{result.Treaty.Name}</body></html>");
        return path;
    }
}
