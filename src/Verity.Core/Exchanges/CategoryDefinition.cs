using System.Collections.Immutable;
using Verity.Core.Counting;

namespace Verity.Core.Exchanges;

/// <summary>One category of data in a database: the items it holds, by a filter over item attributes.</summary>
/// <param name="Id">The identifier, such as <c>deployed-icbms</c>.</param>
/// <param name="Name">A readable name.</param>
/// <param name="Reference">The provision that defines it, such as "Part Two, Section II".</param>
/// <param name="Where">The conditions an item meets to be in the category; all must hold.</param>
/// <param name="Detail">Whether items are listed one by one or counted by location.</param>
/// <param name="HeldIn">
/// The category whose items hold these at each location (deployed missiles in deployed launchers), or <c>null</c>:
/// at no location may there be more of these than of those.
/// </param>
public sealed record CategoryDefinition(string Id, string Name, string? Reference, ImmutableArray<Condition> Where, CategoryDetail Detail, string? HeldIn = null)
{
    /// <summary>Its name in other languages, by code (<c>names:</c>); translations made for Verity unless the treaty
    /// file's <c>translations</c> say the language is its authentic text.</summary>
    public ImmutableDictionary<string, string> Names { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Its name in <paramref name="language"/>, or <see cref="Name"/> where the file gives none.</summary>
    public string NameIn(string language) => Names.GetValueOrDefault(language) ?? Name;
}
