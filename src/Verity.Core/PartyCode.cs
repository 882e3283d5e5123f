namespace Verity.Core;

/// <summary>A party, by ISO 3166-1 alpha-2 code, such as "US".</summary>
/// <remarks><c>default</c> is not a valid party; use <see cref="Parse"/> or <see cref="TryParse"/>.</remarks>
public readonly record struct PartyCode
{
    private PartyCode(string value) => Value = value;

    /// <summary>The two capital letters.</summary>
    public string Value { get; }

    /// <summary>Reads a party code: exactly two capital ASCII letters.</summary>
    public static bool TryParse(string? text, out PartyCode code)
    {
        if (text is { Length: 2 } && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1]))
        {
            code = new PartyCode(text);
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>Reads a party code.</summary>
    /// <exception cref="FormatException">The text is not two capital letters.</exception>
    public static PartyCode Parse(string text) => TryParse(text, out var code)
        ? code
        : throw new FormatException($"'{text}' is not a party code: expected two capital letters such as \"US\".");

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
