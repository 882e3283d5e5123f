using System.Text.Json;

namespace Verity.Record.Tests;

/// <summary>Files under testdata/, copied beside the test assembly.</summary>
internal static class TestData
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "testdata", relative);

    public static string ReadText(string relative) => File.ReadAllText(PathOf(relative));

    public static JsonDocument ReadJson(string relative) => JsonDocument.Parse(File.ReadAllText(PathOf(relative)));
}
