using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Notifications;

/// <summary>A notification a party owes: its type, what it is about, when it was triggered and when it is due, and what it must say.</summary>
/// <param name="Type">The notification type.</param>
/// <param name="Party">The party that owes it.</param>
/// <param name="Subject">What it is about: an item's uid, a period's as-of date, an activity's id, the notification replied to.</param>
/// <param name="TriggeredAt">When the trigger occurred, GMT.</param>
/// <param name="Due">The latest moment it may be provided, GMT.</param>
/// <param name="Fields">The fields it must carry, as derived from the record.</param>
public sealed record Obligation(NotificationType Type, PartyCode Party, string Subject, LocalDateTime TriggeredAt, LocalDateTime Due, ImmutableSortedDictionary<string, string> Fields)
{
    /// <summary>What identifies the obligation among all of a party's: type, subject and trigger time.</summary>
    public string Key => ObligationKey.Of(Type.Id, Party, Subject, TriggeredAt.Date);

    /// <summary>The first day it is owed: its trigger, or for an advance notice its deadline.</summary>
    public LocalDate OwedFrom => Due < TriggeredAt ? Due.Date : TriggeredAt.Date;
}
