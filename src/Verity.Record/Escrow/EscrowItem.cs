using System.Diagnostics.CodeAnalysis;

namespace Verity.Record.Escrow;

/// <summary>One item of an item-level declaration: a line of text whose first comma-separated field is the item's
/// identifier, for example <c>ICBM-0042,RS-24,Teykovo</c>.</summary>
/// <remarks><c>default</c> is not an item; use <see cref="Parse"/>.</remarks>
public sealed record EscrowItem
{
    private EscrowItem(string text) => Text = text;

    /// <summary>The whole line, exactly as declared.</summary>
    public string Text { get; }

    /// <summary>The identifier: the text up to the first comma.</summary>
    public string Id => Text.Split(',', 2)[0];

    /// <summary>Parses an item line: non-empty, no control characters, a non-empty identifier.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out EscrowItem? item, [NotNullWhen(false)] out string? problem)
    {
        item = null;
        if (string.IsNullOrEmpty(text) || text.Split(',', 2)[0].Trim().Length == 0)
        {
            problem = "an item needs a non-empty identifier before the first comma";
            return false;
        }

        if (text.Any(char.IsControl))
        {
            problem = $"item '{text}' contains a control character";
            return false;
        }

        item = new EscrowItem(text);
        problem = null;
        return true;
    }

    /// <summary>Parses an item line.</summary>
    /// <exception cref="FormatException">The line is not an item.</exception>
    public static EscrowItem Parse(string text) => TryParse(text, out var item, out var problem) ? item : throw new FormatException(problem);

    /// <inheritdoc/>
    public override string ToString() => Text;
}
