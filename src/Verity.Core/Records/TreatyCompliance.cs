using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Records;

/// <summary>Compliance across the treaty on a date: each held party's own limits and each group's limits over its members' combined forces.</summary>
/// <param name="At">The date.</param>
/// <param name="Parties">Each party whose record is held (its own scope only), in the treaty's order.</param>
/// <param name="Groups">Each group with limits, in the treaty's order.</param>
/// <param name="Missing">The parties whose records are not held: absent from <paramref name="Parties"/>, never zero.</param>
public sealed record TreatyCompliance(
    LocalDate At,
    ImmutableArray<RecordCompliance> Parties,
    ImmutableArray<GroupCompliance> Groups,
    ImmutableArray<PartyCode> Missing)
{
    /// <summary>The compliance of <paramref name="party"/>, or <c>null</c> when its record is not held (or was not asked for).</summary>
    public RecordCompliance? this[PartyCode party] => Parties.FirstOrDefault(p => p.Forces.Party == party);

    /// <summary>The group <paramref name="groupId"/>, or <c>null</c>.</summary>
    public GroupCompliance? this[string groupId] => Groups.FirstOrDefault(g => g.Group.Id == groupId);

    /// <summary>The groups <paramref name="party"/> belongs to.</summary>
    public IEnumerable<GroupCompliance> GroupsOf(PartyCode party) => Groups.Where(g => g.Group.Members.Contains(party));
}
