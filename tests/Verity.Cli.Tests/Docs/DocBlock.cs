namespace Verity.Cli.Tests.Docs;

/// <summary>
/// One fenced block of a Markdown file: where it opens, its language and its lines. The docs test runs the shell blocks
/// (<c>sh</c>, <c>bash</c>, <c>shell</c>, <c>console</c>) unless their first line marks them as not run here.
/// </summary>
/// <param name="File">The file, relative to the repository root, such as <c>docs/trust.md</c>.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Language">The fence's language, empty when none.</param>
/// <param name="Lines">The lines between the fences.</param>
public sealed record DocBlock(string File, int Line, string Language, IReadOnlyList<string> Lines)
{
    private static readonly string[] ShellLanguages = ["sh", "bash", "shell", "console"];

    /// <summary>The markers a reader sees at the top of a shell block that the docs test does not run.</summary>
    public static readonly string[] NotRunMarkers = ["# illustration", "# run by .ci/run"];

    /// <summary>Where the block is, for messages: <c>docs/trust.md:37</c>.</summary>
    public string Where => $"{File}:{Line}";

    /// <summary>Whether the block is shell: a script (<c>sh</c>) or a transcript (<c>console</c>).</summary>
    public bool IsShell => ShellLanguages.Contains(Language, StringComparer.Ordinal);

    /// <summary>Whether the block is a transcript: <c>$ </c> lines are commands, the lines after them their output.</summary>
    public bool IsTranscript => Language == "console";

    /// <summary>Whether the block has no language yet reads as shell (a <c>$ </c> prompt, or a first line that runs verity): it must say which it is.</summary>
    public bool LooksLikeUnlabeledShell =>
        Language.Length == 0 && (Lines.Any(l => l.StartsWith("$ ", StringComparison.Ordinal))
            || Lines.FirstOrDefault(l => l.Trim().Length > 0)?.TrimStart().StartsWith("verity ", StringComparison.Ordinal) == true);

    /// <summary>The marker on its first line that keeps the docs test from running it, or <c>null</c> when it runs.</summary>
    public string? NotRunMarker =>
        Lines.FirstOrDefault(l => l.Trim().Length > 0) is { } first ? NotRunMarkers.FirstOrDefault(m => first.StartsWith(m, StringComparison.Ordinal)) : null;

    /// <summary>Every fenced block of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<DocBlock> Parse(string file, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<DocBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var open = i;
            var language = lines[i][3..].Trim();
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                body.Add(lines[i]);
            }

            blocks.Add(new DocBlock(file, open + 1, language, body));
        }

        return blocks;
    }
}
