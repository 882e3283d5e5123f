using System.Collections.Immutable;

namespace Verity.Core.Treaties;

/// <summary>A party to a treaty.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code.</param>
/// <param name="Name">The party's name as the treaty gives it.</param>
public sealed record Party(PartyCode Code, string Name)
{
    /// <summary>Its name in other languages than English, by BCP 47 code (<c>ru</c>, <c>fa-AF</c>); the treaty's
    /// <see cref="Treaty.Translations"/> say on what authority each rests.</summary>
    public ImmutableDictionary<string, string> Names { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Its name in <paramref name="language"/>, or in English where the treaty gives none.</summary>
    public string NameIn(string language) => Names.GetValueOrDefault(language) ?? Name;
}
