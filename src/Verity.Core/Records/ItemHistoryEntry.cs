using NodaTime;
using Verity.Core.Exchanges;
using Verity.Core.Notifications;

namespace Verity.Core.Records;

/// <summary>One statement that mentions an item: a database that lists it, or a notification about it.</summary>
/// <param name="Date">The database's as-of date, or the date of the event notified.</param>
/// <param name="Index">The log entry that holds the statement.</param>
/// <param name="Type">The statement type: <c>declaration</c> or <c>notification</c>.</param>
/// <param name="Listed">The item as the database lists it; <c>null</c> for a notification.</param>
/// <param name="Notification">The notification; <c>null</c> for a database.</param>
public sealed record ItemHistoryEntry(LocalDate Date, long Index, string Type, DatabaseItem? Listed, NotificationDocument? Notification);
