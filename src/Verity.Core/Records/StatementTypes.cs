using System.Collections.Frozen;
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

    // The one table of statement types: each type with the reader that reads its bodies into a party's record and
    // checks them before signing. The known types, the record's reading and the node's checks all follow from it.
    private static readonly ImmutableArray<PartyRecord.StatementReader> Readers =
    [
        new PartyRecord.DeclarationStatement(),
        new PartyRecord.NotificationStatement(),
        new PartyRecord.OpaqueStatement(KeyRotation),
        new PartyRecord.OpaqueStatement(Note),
        new PartyRecord.AlarmStatement(),
        .. Inspections.InspectionStatements.All.Select(type => new PartyRecord.InspectionStatement(type)),
    ];

    private static readonly FrozenDictionary<string, PartyRecord.StatementReader> ByType = Readers.ToFrozenDictionary(r => r.Type, StringComparer.Ordinal);

    /// <summary>Every known type, in this order.</summary>
    public static ImmutableArray<string> Known { get; } = [.. Readers.Select(r => r.Type)];

    /// <summary>Whether <paramref name="type"/> is a known statement type.</summary>
    public static bool IsKnown(string? type) => type is not null && ByType.ContainsKey(type);

    /// <summary>Whether a statement of <paramref name="type"/> submitted to a node is checked against the party's
    /// record (its body must read back into it; see <see cref="PartyRecord.Check"/>) before the node signs it.</summary>
    public static bool IsCheckedAgainstRecord(string type) => ByType.TryGetValue(type, out var reader) && reader.CheckedAgainstRecord;

    /// <summary>The reader of <paramref name="type"/>, or <c>null</c> when the type is not known.</summary>
    internal static PartyRecord.StatementReader? Find(string type) => ByType.GetValueOrDefault(type);

    /// <summary>The message for a type that is not known, listing the known ones.</summary>
    public static string Unknown(string type) => $"unknown statement type '{type}': known are {string.Join(", ", Known)}";
}
