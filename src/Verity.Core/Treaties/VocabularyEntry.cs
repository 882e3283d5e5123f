using System.Collections.Immutable;

namespace Verity.Core.Treaties;

/// <summary>A term of the treaty's vocabulary: an item kind or a status.</summary>
/// <param name="Id">The identifier used in inventories and counting rules.</param>
/// <param name="Name">A readable name.</param>
/// <param name="Text">What the treaty says of it, where it helps.</param>
/// <param name="Translations">Its name in other languages, by language code (such as <c>ru</c>).</param>
public sealed record VocabularyEntry(string Id, string Name, string? Text, ImmutableDictionary<string, string> Translations)
{
    /// <summary>For a status, the role it plays (see <see cref="StatusRole"/>), as the file declares it; <c>null</c> when it declares none.</summary>
    public string? Role { get; init; }

    /// <summary>Its name in a language, falling back to <see cref="Name"/>.</summary>
    public string NameIn(string language) => Translations.GetValueOrDefault(language) ?? Name;
}
