using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Treaties;

namespace Verity.Core.Records;

/// <summary>
/// A group's limits on a date, counted by <see cref="Compliance.ComplianceEvaluator"/> over the combined forces of its
/// members as their own records give them, with which members' records the figures rest on.
/// </summary>
/// <remarks>
/// The values are known only when every member's forces are (<see cref="IsKnown"/>): each member's log is held and
/// each declared a database on or before the date. Otherwise every value is <c>null</c>, and <see cref="Missing"/> and
/// <see cref="Undeclared"/> say whose forces are not known.
/// </remarks>
/// <param name="Group">The group.</param>
/// <param name="At">The date.</param>
/// <param name="Standing">Where the treaty stands for the group (suspended when every member has suspended).</param>
/// <param name="Held">The members whose records are held, in the group's order.</param>
/// <param name="Missing">The members whose records (logs) are not held, in the group's order.</param>
/// <param name="Undeclared">The held members that declared no database on or before the date.</param>
/// <param name="Limits">Each limit of the group.</param>
public sealed record GroupCompliance(
    PartyGroup Group,
    LocalDate At,
    TreatyStanding Standing,
    ImmutableArray<PartyCode> Held,
    ImmutableArray<PartyCode> Missing,
    ImmutableArray<PartyCode> Undeclared,
    ImmutableArray<GroupLimit> Limits)
{
    /// <summary>Whether the values are known: every member's record is held and declares forces on or before the date.</summary>
    public bool IsKnown => Missing.IsEmpty && Undeclared.IsEmpty;

    /// <summary>The members whose forces the values count (held and declared); all members when <see cref="IsKnown"/>.</summary>
    public ImmutableArray<PartyCode> Counted => [.. Held.Except(Undeclared)];

    /// <summary>The result for one limit, or <c>null</c> when it is not the group's.</summary>
    public GroupLimit? this[string limitId] => Limits.FirstOrDefault(l => l.Limit.Id == limitId);
}
