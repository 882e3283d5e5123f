using System.Collections.Immutable;

namespace Verity.Core.Forces;

/// <summary>
/// What an estimate counts: a warhead total (<c>inventory</c>, <c>stockpile</c>, <c>deployed-strategic</c>,
/// <c>deployed-nonstrategic</c>, <c>reserve</c>, <c>retired</c>) or a figure for one system, written
/// <c>launchers:TYPE</c>, <c>missiles:TYPE</c> or <c>warheads:TYPE</c> (such as <c>launchers:DF-41</c>).
/// </summary>
/// <remarks>
/// The totals relate as FAS defines them: stockpile = deployed strategic + deployed non-strategic + reserve, and
/// inventory = stockpile + retired. <c>default</c> is not a valid measure; use <see cref="Parse"/>.
/// </remarks>
public readonly record struct ForceMeasure
{
    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create(",:\"\r\n\t");

    private ForceMeasure(string value) => Value = value;

    /// <summary>The warhead totals, in the order tables show them.</summary>
    public static ImmutableArray<string> Totals { get; } = ["inventory", "stockpile", "deployed-strategic", "deployed-nonstrategic", "reserve", "retired"];

    /// <summary>The prefixes of per-system figures.</summary>
    public static ImmutableArray<string> SystemPrefixes { get; } = ["launchers", "missiles", "warheads"];

    /// <summary>The military stockpile: deployed and reserve warheads, not retired ones.</summary>
    public static ForceMeasure Stockpile { get; } = new("stockpile");

    /// <summary>The text, such as <c>stockpile</c> or <c>launchers:DF-41</c>.</summary>
    public string Value { get; }

    /// <summary>Whether it is a per-system figure (<c>launchers:</c>, <c>missiles:</c>, <c>warheads:</c>).</summary>
    public bool IsSystem => Value?.Contains(':', StringComparison.Ordinal) == true;

    /// <summary>Reads a measure; <c>false</c> for anything outside the vocabulary.</summary>
    public static bool TryParse(string? text, out ForceMeasure measure)
    {
        measure = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (Totals.Contains(text))
        {
            measure = new ForceMeasure(text);
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !SystemPrefixes.Contains(text[..colon]))
        {
            return false;
        }

        var type = text.AsSpan(colon + 1);
        if (type.IsEmpty || type.Length > 64 || type.ContainsAny(Forbidden) || type.Trim().Length != type.Length)
        {
            return false;
        }

        measure = new ForceMeasure(text);
        return true;
    }

    /// <summary>Reads a measure.</summary>
    /// <exception cref="FormatException">The text is not a measure.</exception>
    public static ForceMeasure Parse(string text) => TryParse(text, out var measure) ? measure
        : throw new FormatException($"'{text}' is not a measure: {Expected}");

    /// <summary>What a measure may be, for messages.</summary>
    public static string Expected =>
        $"expected one of {string.Join(", ", Totals)}, or launchers:TYPE, missiles:TYPE, warheads:TYPE (such as launchers:DF-41)";

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
