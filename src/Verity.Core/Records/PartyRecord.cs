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
    // How many bodies are read one after another; from this many on, side by side.
    private const int ReadAlone = 32;

    // How many entries of a log are read side by side at a time.
    private const int ReadTogether = 4096;

    // Where the problems of a statement being submitted are said to be.
    private const string CheckedSource = "body";

    // The uids declared so far and the notification numbers used, computed on first use and carried forward by a
    // reading (caches, not conclusions).
    private HashSet<string>? _declared;
    private Dictionary<string, long>? _numbers;

    private PartyRecord(
        Treaty treaty,
        ExchangeDefinition? definition,
        PartyCode party,
        long size,
        ImmutableArray<RecordDeclaration> declarations,
        ImmutableArray<RecordNotification> notifications,
        ImmutableArray<RecordInspectionStep> inspectionSteps,
        ImmutableArray<Diagnostic> diagnostics)
    {
        Treaty = treaty;
        Definition = definition;
        Party = party;
        Size = size;
        Declarations = declarations;
        Notifications = notifications;
        InspectionSteps = inspectionSteps;
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

    /// <summary>The steps of inspections the party stated (as inspecting or inspected party), in log order; the
    /// inspections themselves are derived from both parties' steps (<see cref="Inspections.InspectionTrail"/>).</summary>
    public ImmutableArray<RecordInspectionStep> InspectionSteps { get; }

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

        return new PartyRecord(treaty, definition, party, 0, [], [], [], []).Append(entries);
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
        foreach (var chunk in entries.Chunk(ReadTogether))
        {
            for (var i = 0; i < chunk.Length; i++)
            {
                FollowsOrThrow(chunk[i], reading.Size + i, nameof(entries));
            }

            var read = ReadAll(chunk.Select(e => (e.Type, e.Body, Source(e.Index))).ToArray(), submitted: false);
            for (var i = 0; i < chunk.Length; i++)
            {
                reading.Add(chunk[i], read[i].Value, read[i].Problems);
            }
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
        var read = StatementTypes.Find(type)?.Read(this, body, CheckedSource, submitted: true, diagnostics);
        new Reading(this).Check(type, read, diagnostics);
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
        var read = ReadAll([.. statements.Select(s => (s.Type, s.Body, CheckedSource))], submitted: true);
        var reading = new Reading(this);
        for (var i = 0; i < statements.Count; i++)
        {
            var (type, body) = statements[i];
            var problems = read[i].Problems ?? [];
            reading.Check(type, read[i].Value, problems);
            if (problems.Count > 0)
            {
                return (i, [.. problems], null);
            }

            reading.Add(new RecordEntry(Size + i, type, body), read[i].Value, problems: null);
        }

        return (-1, [], reading.ToRecord());
    }

    // Reads each body by its type's reader, on its own (the readers are pure), side by side when there are enough to
    // repay it; an unknown type reads as nothing. Each result in the order given, with its problems (null: none).
    private (object? Value, List<Diagnostic>? Problems)[] ReadAll((string Type, ReadOnlyMemory<byte> Body, string Source)[] bodies, bool submitted)
    {
        var read = new (object? Value, List<Diagnostic>? Problems)[bodies.Length];
        void One(int i)
        {
            var (type, body, source) = bodies[i];
            if (StatementTypes.Find(type) is not { } reader)
            {
                return;
            }

            var problems = new List<Diagnostic>();
            var value = reader.Read(this, body.Span, source, submitted, problems);
            read[i] = (value, problems.Count > 0 ? problems : null);
        }

        if (bodies.Length < ReadAlone)
        {
            for (var i = 0; i < bodies.Length; i++)
            {
                One(i);
            }
        }
        else
        {
            Parallel.For(0, bodies.Length, One);
        }

        return read;
    }

    // Each notification number in the record, with the entry that first used it (computed once, carried forward by a
    // reading; never changed once the record has it).
    private Dictionary<string, long> UsedNumbers()
    {
        if (Volatile.Read(ref _numbers) is { } known)
        {
            return known;
        }

        var numbers = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var notification in Notifications)
        {
            numbers.TryAdd(notification.Document.Number, notification.Index);
        }

        Volatile.Write(ref _numbers, numbers);
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
