using System.Collections.Immutable;

namespace Verity.Core.Treaties;

/// <summary>An item kind or an item status the treaty defines, such as <c>icbm</c> or <c>deployed</c>.</summary>
/// <param name="Id">The identifier used in inventories and counting rules.</param>
/// <param name="Name">A readable name.</param>
/// <param name="Text">What the treaty says of it, where it helps.</param>
/// <param name="Translations">Its name in other languages, by language code (such as <c>ru</c>).</param>
public sealed record VocabularyEntry(string Id, string Name, string? Text, ImmutableDictionary<string, string> Translations)
{
    /// <summary>Its name in a language, falling back to <see cref="Name"/>.</summary>
    public string NameIn(string language) => Translations.GetValueOrDefault(language) ?? Name;
}
