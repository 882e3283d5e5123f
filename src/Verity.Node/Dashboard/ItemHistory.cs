using System.Collections.Immutable;
using Verity.Core;

namespace Verity.Node.Dashboard;

/// <summary>One item's history: every event in the party's record, in order.</summary>
/// <param name="Treaty">The treaty's name.</param>
/// <param name="Party">The party.</param>
/// <param name="Uid">The item's unique identifier.</param>
/// <param name="Kind">Its kind when it entered the record.</param>
/// <param name="Type">Its type when it entered the record.</param>
/// <param name="Events">Its events, in order.</param>
/// <param name="Source">Where the record comes from.</param>
public sealed record ItemHistory(string Treaty, PartyCode Party, string Uid, string Kind, string Type, ImmutableArray<ItemHistoryEvent> Events, string Source);
