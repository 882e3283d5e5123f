using System.Text.RegularExpressions;

namespace Verity.Record.Storage;

/// <summary>The rules every store applies to the notes it keeps beside a log (<see cref="ILogStore.WriteNoteAsync"/>):
/// a name is a short lowercase identifier, a text is a small note such as a signed checkpoint.</summary>
public static partial class LogNotes
{
    /// <summary>The longest note text a store keeps, in UTF-16 characters (a checkpoint with a few signatures is
    /// well under 1,000).</summary>
    public const int MaxLength = 16 * 1024;

    /// <summary>True if <paramref name="name"/> may name a note: 1 to 64 of lowercase letters, digits, '-' and '.',
    /// starting with a letter or digit, such as <c>latest-checkpoint</c>.</summary>
    public static bool IsValidName(string? name) => name is not null && Name().IsMatch(name);

    /// <summary>Throws unless <paramref name="name"/> may name a note.</summary>
    /// <exception cref="ArgumentException">It may not.</exception>
    public static void ThrowIfInvalidName(string name, string parameter = "name")
    {
        ArgumentNullException.ThrowIfNull(name, parameter);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a note name: expected 1 to 64 lowercase letters, digits, '-' or '.', starting with a letter or digit, such as \"latest-checkpoint\".", parameter);
        }
    }

    /// <summary>Throws unless <paramref name="name"/> and <paramref name="text"/> may be kept as a note.</summary>
    /// <exception cref="ArgumentException">The name is not a note name, or the text is too long or holds a NUL.</exception>
    public static void ThrowIfInvalid(string name, string text)
    {
        ThrowIfInvalidName(name);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new ArgumentException($"note '{name}' is {text.Length} characters, more than the {MaxLength} a store keeps", nameof(text));
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"note '{name}' holds a NUL character at {text.IndexOf('\0', StringComparison.Ordinal)}", nameof(text));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,63}$")]
    private static partial Regex Name();
}
