using System.Collections.Immutable;
using Verity.Core.Exchanges;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using Verity.Core.Treaties;

namespace Verity.Core.Records;

/// <summary>
/// One party's record as its log gives it: the databases it declared and the notifications it provided, read back from
/// the bodies of its <c>declaration</c> and <c>notification</c> statements and checked against the treaty and the
/// exchange definition. A treaty may have no data exchange (SORT has none): then there is no definition, no
/// declaration reads back (each is a diagnostic), and the views rest on the notifications alone. Every view of the party — forces, compliance, deadlines, findings, an item's history — is
/// derived from it (see <c>PartyRecord.Views.cs</c>), never stored.
/// </summary>
/// <remarks>
/// Immutable and pure. An entry that does not read back (a body that is not the JSON of its type, a statement about
/// another party, an unknown type, a notification number used twice) is left out of the record and reported in
/// <see cref="Diagnostics"/>, naming the entry's index and the field: a bad entry already in a log must not stop the
/// views. A second declaration as of the same date replaces the first (a correction), and says so in a diagnostic.
/// </remarks>
public sealed partial class PartyRecord
{
    // The uids declared so far, computed on first use and carried forward by Append (a cache, not a conclusion).
    private HashSet<string>? _declared;

    private PartyRecord(
        Treaty treaty,
        ExchangeDefinition? definition,
        PartyCode party,
        long size,
        ImmutableArray<RecordDeclaration> declarations,
        ImmutableArray<RecordNotification> notifications,
        ImmutableArray<Diagnostic> diagnostics)
    {
        Treaty = treaty;
        Definition = definition;
        Party = party;
        Size = size;
        Declarations = declarations;
        Notifications = notifications;
        Diagnostics = diagnostics;
    }

    /// <summary>The treaty.</summary>
    public Treaty Treaty { get; }

    /// <summary>The exchange definition the databases follow; <c>null</c> when the treaty has no data exchange (then
    /// <see cref="Declarations"/> is empty).</summary>
    public ExchangeDefinition? Definition { get; }

    /// <summary>The party whose record it is.</summary>
    public PartyCode Party { get; }

    /// <summary>How many entries it was built from (the log's tree size, when built from a whole log).</summary>
    public long Size { get; }

    /// <summary>The databases declared, one per as-of date, by as-of date.</summary>
    public ImmutableArray<RecordDeclaration> Declarations { get; }

    /// <summary>The notifications provided, in log order.</summary>
    public ImmutableArray<RecordNotification> Notifications { get; }

    /// <summary>Every entry that could not be read into the record, with its index (as <c>entry N</c>) and field.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Reads a party's entries into its record.</summary>
    /// <param name="treaty">The treaty.</param>
    /// <param name="definition">The exchange definition (the treaty's); <c>null</c> when the treaty has no data exchange.</param>
    /// <param name="party">The party whose log it is.</param>
    /// <param name="entries">Its entries, in log order: indexes 0, 1, 2…</param>
    /// <exception cref="ArgumentException">The definition is another treaty's, or an entry's index is not the next one.</exception>
    public static PartyRecord Build(Treaty treaty, ExchangeDefinition? definition, PartyCode party, IEnumerable<RecordEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(entries);
        if (definition is not null && definition.TreatyId != treaty.Id)
        {
            throw new ArgumentException($"the exchange definition is for treaty '{definition.TreatyId}', not '{treaty.Id}'.", nameof(definition));
        }

        return new PartyRecord(treaty, definition, party, 0, [], [], []).Append(entries);
    }

    /// <summary>
    /// This record with further entries of the party's log read in: what <see cref="Build"/> gives for all of the
    /// entries, without reading the earlier ones again.
    /// </summary>
    /// <param name="entries">The entries that follow, in log order: indexes from <see cref="Size"/> on.</param>
    /// <exception cref="ArgumentException">An entry's index is not the next one.</exception>
    public PartyRecord Append(IEnumerable<RecordEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var reading = new Reading(this);
        foreach (var entry in entries)
        {
            reading.Add(FollowsOrThrow(entry, reading.Size, nameof(entries)), read: null);
        }

        return reading.ToRecord();
    }

    /// <summary>
    /// Checks a statement before it is appended to this party's log: a known type; for a declaration, a database of
    /// this party that reads back (none does when the treaty has no data exchange); for a notification, a document of
    /// this party that reads back, whose number is not used yet and whose items were declared (listed in a database, or
    /// produced by an earlier notification or by itself; items of kinds the databases count only by location cannot be
    /// checked one by one and pass; without a data exchange nothing is declared, and no item is checked).
    /// </summary>
    /// <param name="type">The statement type.</param>
    /// <param name="body">The body.</param>
    /// <returns>Every problem, each with its field (<c>type</c>, or the body's JSON path); empty when the statement may be appended.</returns>
    public ImmutableArray<Diagnostic> Check(string type, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(type);
        var diagnostics = new List<Diagnostic>();
        Check(type, body, DeclaredUids(), UsedNumbers(), ListedKinds(), diagnostics);
        return [.. diagnostics];
    }

    /// <summary>
    /// Checks statements to be appended after this record's entries, in order: each as <see cref="Check(string, ReadOnlySpan{byte})"/>
    /// checks one, against the record as the statements before it leave it (a number used earlier in the list is used;
    /// an item declared or produced earlier in the list is declared); and reads them in, as <see cref="Append"/> would,
    /// without reading any body twice. One pass: the record is not rebuilt per statement.
    /// </summary>
    /// <param name="statements">The statements' types and bodies, in log order.</param>
    /// <returns>The position of the first statement that does not pass and its problems, or -1 and none; and, when every
    /// statement passes, this record with all of them read in (their entries from <see cref="Size"/> on), else <c>null</c>.</returns>
    public (int Index, ImmutableArray<Diagnostic> Problems, PartyRecord? Record) CheckAll(IReadOnlyList<(string Type, ReadOnlyMemory<byte> Body)> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var reading = new Reading(this);
        for (var i = 0; i < statements.Count; i++)
        {
            var (type, body) = statements[i];
            var diagnostics = new List<Diagnostic>();
            var read = reading.Check(type, body.Span, diagnostics);
            if (diagnostics.Count > 0)
            {
                return (i, [.. diagnostics], null);
            }

            reading.Add(new RecordEntry(Size + i, type, body), read);
        }

        return (-1, [], reading.ToRecord());
    }

    // The check of one statement against the state given; what it read, for the caller to carry forward.
    private (Database? Database, NotificationDocument? Document) Check(
        string type, ReadOnlySpan<byte> body, HashSet<string> declared, Dictionary<string, long> numbers, HashSet<string> listedKinds, List<Diagnostic> diagnostics)
    {
        const string Source = "body";
        switch (type)
        {
            case StatementTypes.Declaration when Definition is null:
                // The type itself is refused, not the body: no body could be read.
                diagnostics.Add(new Diagnostic("statement", 0, 0, "type", NoDataExchange(Treaty)));
                return default;
            case StatementTypes.Declaration:
                return (ReadDeclaration(Treaty, Definition, Party, body, Source, diagnostics), null);
            case StatementTypes.Notification:
                var isDeclared = Definition is null ? null : new Func<PartyCode, string, bool>((_, uid) => declared.Contains(uid));
                var document = ReadNotification(Treaty, Party, body, Source, isDeclared, diagnostics, produced: true, listedKinds);
                if (document is not null && numbers.TryGetValue(document.Number, out var used))
                {
                    diagnostics.Add(new Diagnostic(Source, 0, 0, "number", $"number '{document.Number}' is already used by {PartyRecord.Source(used)}"));
                }

                return (null, document);
            case StatementTypes.KeyRotation or StatementTypes.Note:
                return default;
            case StatementTypes.EquivocationAlarm:
                diagnostics.Add(new Diagnostic("statement", 0, 0, "type", "an equivocation-alarm is recorded by the node itself, with the evidence it verified"));
                return default;
            default:
                diagnostics.Add(new Diagnostic("statement", 0, 0, "type", StatementTypes.Unknown(type)));
                return default;
        }
    }

    // Each notification number in the record, with the entry that first used it.
    private Dictionary<string, long> UsedNumbers()
    {
        var numbers = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var notification in Notifications)
        {
            numbers.TryAdd(notification.Document.Number, notification.Index);
        }

        return numbers;
    }

    /// <summary>Why a declaration cannot be read when <paramref name="treaty"/> has no data exchange.</summary>
    public static string NoDataExchange(Treaty treaty)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        return $"treaty {treaty.Id} has no data exchange: declarations cannot be read";
    }

    private static string Source(long index) => $"entry {index}";

    private static RecordEntry FollowsOrThrow(RecordEntry entry, long size, string parameter)
    {
        ArgumentNullException.ThrowIfNull(entry, parameter);
        return entry.Index == size ? entry
            : throw new ArgumentException($"entry {entry.Index} does not follow the record's {size} entries: entries must come in log order from {size}.", parameter);
    }

    private static Database? ReadDeclaration(Treaty treaty, ExchangeDefinition? definition, PartyCode party, ReadOnlySpan<byte> body, string source, List<Diagnostic> diagnostics)
    {
        if (definition is null)
        {
            diagnostics.Add(new Diagnostic(source, 0, 0, "type", NoDataExchange(treaty)));
            return null;
        }

        if (Text(body, source, diagnostics) is not { } json)
        {
            return null;
        }

        Database database;
        try
        {
            database = Database.Parse(json, source, definition, treaty);
        }
        catch (InputException e)
        {
            diagnostics.AddRange(e.Diagnostics);
            return null;
        }

        if (database.Party != party)
        {
            diagnostics.Add(new Diagnostic(source, 0, 0, "party", $"a database of {database.Party}, in {party}'s log: a party declares only its own forces"));
            return null;
        }

        return database;
    }

    private static NotificationDocument? ReadNotification(
        Treaty treaty,
        PartyCode party,
        ReadOnlySpan<byte> body,
        string source,
        Func<PartyCode, string, bool>? isDeclared,
        List<Diagnostic> diagnostics,
        bool produced = false,
        HashSet<string>? listedKinds = null)
    {
        var before = diagnostics.Count;
        if (Text(body, source, diagnostics) is not { } json)
        {
            return null;
        }

        // The item check needs the document's own fields (an item it produces, a kind counted by location), so it is
        // made here after reading rather than by the reader's set of declared uids.
        NotificationDocument document;
        try
        {
            document = NotificationReader.ParseDocument(json, source, treaty, isDeclared: null);
        }
        catch (InputException e)
        {
            diagnostics.AddRange(e.Diagnostics);
            return null;
        }

        if (document.Party != party)
        {
            diagnostics.Add(new Diagnostic(source, 0, 0, "party", $"a notification of {document.Party}, in {party}'s log: a party provides only its own notifications"));
            return null;
        }

        if (isDeclared is not null && treaty.FindNotification(document.Type) is { } type)
        {
            var kind = document.Fields.GetValueOrDefault("kind");
            var checkable = kind is null || listedKinds is null || listedKinds.Contains(kind);
            var producesItself = produced && document.Fields.GetValueOrDefault("event") == "produced";
            foreach (var field in type.Fields.Where(f => f.Type == FieldType.Uid))
            {
                if (document.Fields.TryGetValue(field.Name, out var uid) && checkable && !(producesItself && uid == document.Fields.GetValueOrDefault("uid")) && !isDeclared(party, uid))
                {
                    diagnostics.Add(new Diagnostic(source, 0, 0, $"fields.{field.Name}", $"item '{uid}' was never declared by {party}: no database in the log lists it and no notification produced it"));
                }
            }
        }

        return diagnostics.Count > before ? null : document;
    }

    private static string? Text(ReadOnlySpan<byte> body, string source, List<Diagnostic> diagnostics)
    {
        if (Utf8Text.TryDecode(body, source, out var text, out var problem))
        {
            return text;
        }

        diagnostics.Add(problem);
        return null;
    }

    /// <summary>Every uid a database in the record lists or a notification in it produced.</summary>
    private HashSet<string> DeclaredUids()
    {
        if (Volatile.Read(ref _declared) is { } known)
        {
            return known;
        }

        var uids = DeclaredIn(Declarations, Notifications);
        Volatile.Write(ref _declared, uids);
        return uids;
    }

    private static HashSet<string> DeclaredIn(IEnumerable<RecordDeclaration> declarations, IEnumerable<RecordNotification> notifications)
    {
        var uids = new HashSet<string>(declarations.SelectMany(d => d.Database.ListedItems().Keys), StringComparer.Ordinal);
        uids.UnionWith(Produced(notifications));
        return uids;
    }

    private static IEnumerable<string> Produced(IEnumerable<RecordNotification> notifications) =>
        notifications.Where(n => n.Document.Fields.GetValueOrDefault("event") == "produced")
            .Select(n => n.Document.Fields.GetValueOrDefault("uid")).OfType<string>();

    /// <summary>The kinds the definition's item categories list one by one.</summary>
    private HashSet<string> ListedKinds() =>
        (Definition?.Categories ?? []).Where(c => c.Detail == CategoryDetail.Items)
            .SelectMany(c => c.Where.Where(w => w.Attribute == "kind" && !w.Negated).SelectMany(w => w.Values))
            .ToHashSet(StringComparer.Ordinal);
}
