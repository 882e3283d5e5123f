using System.Collections.Immutable;
using Verity.Core;

namespace Verity.Reports.Dashboard;

/// <summary>A party or group with a series per limit: what is charted.</summary>
/// <param name="Scope">The party's code or the group's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Members">Its parties.</param>
/// <param name="Limits">One series per limit.</param>
public sealed record ScopeSeries(string Scope, string Name, ImmutableArray<PartyCode> Members, ImmutableArray<LimitSeries> Limits);
