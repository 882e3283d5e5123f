using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace Verity.Core.Notifications;

/// <summary>How a party that keeps every deadline provides what it owes: the documents of an honest record.</summary>
public static class NotificationPlan
{
    /// <summary>The value of a required field the record does not give.</summary>
    public const string NotInRecord = "not in the record";

    /// <summary>
    /// One document per obligation, numbered in order, provided the day after the trigger at 12:00 GMT (or at the
    /// deadline if that is sooner), and an hour before the deadline for notices owed in advance. Required fields the
    /// record does not give are marked <see cref="NotInRecord"/>.
    /// </summary>
    public static ImmutableArray<NotificationDocument> Provide(IEnumerable<Obligation> obligations)
    {
        ArgumentNullException.ThrowIfNull(obligations);
        var serials = new Dictionary<PartyCode, int>();
        var documents = ImmutableArray.CreateBuilder<NotificationDocument>();
        foreach (var o in obligations.OrderBy(o => o.TriggeredAt))
        {
            var serial = serials.GetValueOrDefault(o.Party) + 1;
            serials[o.Party] = serial;
            var sent = o.Type.Deadline.InAdvance
                ? o.Due.PlusHours(-1)
                : Min(o.TriggeredAt.Date.PlusDays(1).At(new LocalTime(12, 0)), o.Due);
            var number = string.Create(CultureInfo.InvariantCulture, $"{o.Party}-{serial:D6}");
            var fields = o.Fields;
            foreach (var missing in o.Type.Fields.Where(f => f.Required && !fields.ContainsKey(f.Name)))
            {
                // What the record cannot know (a clearance number, a database's hash) is marked, never invented.
                fields = fields.Add(missing.Name, NotInRecord);
            }

            documents.Add(new NotificationDocument(o.Type.Id, o.Party, number, sent, o.Subject, o.TriggeredAt.Date, fields));
        }

        return documents.ToImmutable();
    }

    private static LocalDateTime Min(LocalDateTime a, LocalDateTime b) => a <= b ? a : b;
}
