namespace Verity.Cli.Tests;

/// <summary>The docs the tests run: each copied beside the tests, so that a worked example is checked against a run.</summary>
public static class DocsText
{
    /// <summary>The text of docs/<paramref name="name"/>.</summary>
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", name));

    /// <summary>The first fenced block in <paramref name="language"/> (empty for a bare fence) after the text <paramref name="after"/>.</summary>
    public static string Block(string docs, string language, string after)
    {
        var text = docs[docs.IndexOf(after, StringComparison.Ordinal)..];
        var open = text.IndexOf("```" + language + "\n", StringComparison.Ordinal) + language.Length + 4;
        return text[open..text.IndexOf("```", open, StringComparison.Ordinal)];
    }
}
