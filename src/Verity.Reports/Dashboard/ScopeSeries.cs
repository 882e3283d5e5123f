using System.Collections.Immutable;
using Verity.Core;

namespace Verity.Reports.Dashboard;

/// <summary>A party or group with a series per limit: what is charted.</summary>
/// <param name="Scope">The party's code or the group's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Members">Its parties.</param>
/// <param name="Limits">One series per limit; a group's has a point only at the dates where every member's forces are known.</param>
/// <param name="IsGroup">Whether it is a group of parties, whose values count the forces of all its members.</param>
/// <param name="NotKnown">For a group, the members whose forces are not known on the page's date (their log is not held,
/// or they declared no database on or before it), so that the group has no value on that date; empty otherwise.</param>
public sealed record ScopeSeries(string Scope, string Name, ImmutableArray<PartyCode> Members, ImmutableArray<LimitSeries> Limits, bool IsGroup, ImmutableArray<PartyCode> NotKnown);
