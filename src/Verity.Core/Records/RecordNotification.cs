using Verity.Core.Notifications;

namespace Verity.Core.Records;

/// <summary>A notification a party provided, with the log entry that holds it.</summary>
/// <param name="Index">The entry's index in the party's log.</param>
/// <param name="Document">The document, read back and checked.</param>
public sealed record RecordNotification(long Index, NotificationDocument Document);
