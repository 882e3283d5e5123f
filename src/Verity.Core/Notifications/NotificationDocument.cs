using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Notifications;

/// <summary>A notification provided: which obligation it discharges (type, subject, trigger date), when, and what it says.</summary>
/// <param name="Type">The notification type's identifier.</param>
/// <param name="Party">The party that provides it.</param>
/// <param name="Number">Its number, unique among the party's notifications.</param>
/// <param name="Sent">When it was provided (the date of provision is the date of receipt), GMT.</param>
/// <param name="Subject">What it is about, as in <see cref="Obligation.Subject"/>.</param>
/// <param name="Triggered">The date of the event it notifies.</param>
/// <param name="Fields">Its fields.</param>
public sealed record NotificationDocument(string Type, PartyCode Party, string Number, LocalDateTime Sent, string Subject, LocalDate Triggered, ImmutableSortedDictionary<string, string> Fields)
{
    /// <summary>The key of the obligation it discharges.</summary>
    public string Key => ObligationKey.Of(Type, Party, Subject, Triggered);
}
