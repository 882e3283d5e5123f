using System.Collections.Immutable;

namespace Verity.Core.Notifications;

/// <summary>Owed for each item event of the listed kinds (a change in data).</summary>
/// <param name="Events">Event kinds, such as <c>moved</c> (see <see cref="Items.ItemEvent"/>).</param>
public sealed record OnItemEvents(ImmutableArray<string> Events) : NotificationTrigger;
