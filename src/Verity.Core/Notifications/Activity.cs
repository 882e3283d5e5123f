using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Notifications;

/// <summary>A dated occurrence that is not a change to an item but may make a notification owed: a launch, an inspection flight.</summary>
/// <param name="Id">An identifier unique among the party's activities, such as "L-2019-07".</param>
/// <param name="Party">The party that conducts it (and owes the notification).</param>
/// <param name="Kind">The activity kind, such as <c>launch</c>.</param>
/// <param name="At">When it takes place, GMT.</param>
/// <param name="Fields">What the notification about it will say.</param>
public sealed record Activity(string Id, PartyCode Party, string Kind, LocalDateTime At, ImmutableSortedDictionary<string, string> Fields);
