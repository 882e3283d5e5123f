using System.Collections.Immutable;

namespace Verity.Core.Treaties;

/// <summary>A named group of parties whose forces a limit may count together, such as United States + United Kingdom + France.</summary>
/// <param name="Id">The group's identifier in the treaty file.</param>
/// <param name="Name">A readable name.</param>
/// <param name="Members">The member parties, each a party of the treaty.</param>
public sealed record PartyGroup(string Id, string Name, ImmutableArray<PartyCode> Members);
