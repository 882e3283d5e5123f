using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Cli;

/// <summary>The one way the CLI writes JSON: indented, UTF-8 text unescaped, to standard output.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(CliContext context, JsonNode node) =>
        context.Out.Profile.Out.Writer.WriteLine(node.ToJsonString(Options));
}
