namespace Verity.Core;

/// <summary>One problem with an input: where it is, what is wrong, what was expected.</summary>
/// <param name="Source">The file or request the problem is in, as the user named it.</param>
/// <param name="Line">1-based line, or 0 when the problem has no line (a missing file).</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="Path">The field, such as <c>limits[1].max</c> or the CSV column; empty when none.</param>
/// <param name="Message">What is wrong and what was expected, with the values involved.</param>
public sealed record Diagnostic(string Source, int Line, int Column, string Path, string Message)
{
    /// <summary>What is wrong as a phrase, where the core words it so for a report to show in any language (a
    /// projection's gap); <c>null</c> for a problem only the command line or the API reports, in English.</summary>
    public Text.Phrase? Said { get; init; }

    /// <summary>Formats as <c>file:line:column: path: message</c>, leaving out the parts that are unknown.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? (Column > 0 ? $"{Source}:{Line}:{Column}" : $"{Source}:{Line}") : Source;
        return Path.Length > 0 ? $"{where}: {Path}: {Message}" : $"{where}: {Message}";
    }
}
