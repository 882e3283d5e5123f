using System.Collections.Immutable;

namespace Verity.Core.Records;

/// <summary>
/// The statement types a party's log may hold, and what each body is. Everything a view shows is derived from the
/// bodies of <see cref="Declaration"/> and <see cref="Notification"/> statements plus the treaty.
/// </summary>
public static class StatementTypes
{
    /// <summary>One database of the data exchange in its canonical JSON (what <c>verity exchange --out</c> writes; <see cref="Exchanges.Database.Parse"/> reads it).</summary>
    public const string Declaration = "declaration";

    /// <summary>One notification document, a JSON object (an element of what <c>verity notify --export</c> writes; <see cref="Loading.NotificationReader.ParseDocument"/> reads it).</summary>
    public const string Notification = "notification";

    /// <summary>The party's next key (Verity.Record's <c>KeyRotation.Type</c>); it carries no data for the views.</summary>
    public const string KeyRotation = "key-rotation";

    /// <summary>A remark of the party for the record (a clarification, a statement in a dispute): any bytes, read by no view.</summary>
    public const string Note = "note";

    /// <summary>An equivocation alarm a node raised about another party's log, with both of that party's signed
    /// checkpoints as evidence (JSON <c>{"log", "reason", "checkpoints": [note, note]}</c>); recorded by the node itself.</summary>
    public const string EquivocationAlarm = "equivocation-alarm";

    /// <summary>Every known type, in this order.</summary>
    public static ImmutableArray<string> Known { get; } = [Declaration, Notification, KeyRotation, Note, EquivocationAlarm];

    /// <summary>Whether <paramref name="type"/> is a known statement type.</summary>
    public static bool IsKnown(string? type) => type is not null && Known.Contains(type, StringComparer.Ordinal);

    /// <summary>The message for a type that is not known, listing the known ones.</summary>
    public static string Unknown(string type) => $"unknown statement type '{type}': known are {string.Join(", ", Known)}";
}
