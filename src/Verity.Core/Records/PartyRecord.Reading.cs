using NodaTime;
using Verity.Core.Exchanges;
using Verity.Core.Notifications;

namespace Verity.Core.Records;

public sealed partial class PartyRecord
{
    /// <summary>
    /// A record being read in, entry by entry, from a basis record: the one way an entry is added (by
    /// <see cref="Append"/> and <see cref="CheckAll"/> alike), and the state a <see cref="StatementReader"/>'s check
    /// reads when statements are checked one after another before any is stored.
    /// </summary>
    internal sealed class Reading
    {
        // The basis's own collections until the first entry is added, then copies of them the reading adds to: a check
        // of one statement against the basis copies nothing.
        private List<Diagnostic>? _diagnostics;
        private SortedDictionary<LocalDate, RecordDeclaration>? _declarations;
        private List<RecordNotification>? _notifications;
        private List<RecordInspectionStep>? _steps;
        private Dictionary<string, long> _numbers;

        // The uids declared so far when known: the basis's (if it had computed them), kept up as entries are added; null
        // when not known or after a database replaced another (its uids may no longer be listed), then computed again
        // when asked. A cache, not a conclusion.
        private HashSet<string>? _declared;
        private HashSet<string>? _listedKinds;
        private bool _owned;

        public Reading(PartyRecord basis)
        {
            Basis = basis;
            _numbers = basis.UsedNumbers();
            _declared = Volatile.Read(ref basis._declared);
            Size = basis.Size;
        }

        /// <summary>The record the reading started from: its treaty, definition and party are the reading's.</summary>
        public PartyRecord Basis { get; }

        /// <summary>How many entries the record has read so far.</summary>
        public long Size { get; private set; }

        /// <summary>Every uid a database read so far lists or a notification read so far produced.</summary>
        public HashSet<string> Declared => _declared ??= _owned ? DeclaredIn(_declarations!.Values, _notifications!) : Basis.DeclaredUids();

        /// <summary>The kinds the definition's item categories list one by one.</summary>
        public HashSet<string> ListedKinds => _listedKinds ??= Basis.ListedKinds();

        /// <summary>The entry that first used notification number <paramref name="number"/>, if any has.</summary>
        public long? FirstUse(string number) => _numbers.TryGetValue(number, out var first) ? first : null;

        /// <summary>The problems of a submitted statement against the record as read so far; <paramref name="read"/>
        /// is what its reader read (its own problems already in <paramref name="diagnostics"/>).</summary>
        public void Check(string type, object? read, List<Diagnostic> diagnostics)
        {
            if (StatementTypes.Find(type) is not { } reader)
            {
                diagnostics.Add(new Diagnostic("statement", 0, 0, "type", StatementTypes.Unknown(type)));
            }
            else if (diagnostics.Count == 0)
            {
                reader.Check(this, read, CheckedSource, diagnostics);
            }
        }

        /// <summary>Reads <paramref name="entry"/> in; <paramref name="read"/> is what its type's reader read (its
        /// problems given in <paramref name="problems"/>, recorded here).</summary>
        public void Add(RecordEntry entry, object? read, List<Diagnostic>? problems)
        {
            Own();
            Size++;
            if (problems is { Count: > 0 })
            {
                _diagnostics!.AddRange(problems);
            }

            if (StatementTypes.Find(entry.Type) is { } reader)
            {
                reader.Add(this, entry, read);
            }
            else
            {
                _diagnostics!.Add(new Diagnostic(Source(entry.Index), 0, 0, "type", StatementTypes.Unknown(entry.Type)));
            }
        }

        /// <summary>A database declared at entry <paramref name="index"/>: it replaces one as of the same date.</summary>
        public void Declare(long index, Database database)
        {
            if (_declarations!.TryGetValue(database.AsOf, out var earlier))
            {
                _diagnostics!.Add(new Diagnostic(Source(index), 0, 0, "as_of", $"a second database as of {database.AsOf:yyyy-MM-dd}: it replaces {Source(earlier.Index)}"));
                _declared = null;
            }
            else
            {
                _declared?.UnionWith(database.ListedItems().Keys);
            }

            _declarations[database.AsOf] = new RecordDeclaration(index, database);
        }

        /// <summary>A notification provided at entry <paramref name="index"/>: left out when its number is used.</summary>
        public void Notify(long index, NotificationDocument document)
        {
            if (_numbers.TryGetValue(document.Number, out var first))
            {
                _diagnostics!.Add(new Diagnostic(Source(index), 0, 0, "number", $"number '{document.Number}' is used twice by {Basis.Party}: first in {Source(first)}; this one is left out"));
                return;
            }

            _numbers[document.Number] = index;
            var notification = new RecordNotification(index, document);
            _notifications!.Add(notification);
            _declared?.UnionWith(Produced([notification]));
        }

        /// <summary>The inspection steps read so far, in log order.</summary>
        public IReadOnlyList<RecordInspectionStep> InspectionSteps => _owned ? _steps! : Basis.InspectionSteps;

        /// <summary>An inspection step stated at entry <paramref name="index"/>.</summary>
        public void Step(long index, string type, Inspections.InspectionStep step) => _steps!.Add(new RecordInspectionStep(index, type, step));

        /// <summary>The record as read; the reading is not used after.</summary>
        public PartyRecord ToRecord() => !_owned ? Basis
            : new(Basis.Treaty, Basis.Definition, Basis.Party, Size, [.. _declarations!.Values], [.. _notifications!], [.. _steps!], [.. _diagnostics!])
            {
                _declared = _declared,
                _numbers = _numbers,
            };

        // Copies the basis's collections before the first entry is added to them.
        private void Own()
        {
            if (_owned)
            {
                return;
            }

            _diagnostics = [.. Basis.Diagnostics];
            _declarations = new(Basis.Declarations.ToDictionary(d => d.Database.AsOf));
            _notifications = [.. Basis.Notifications];
            _steps = [.. Basis.InspectionSteps];
            _numbers = new Dictionary<string, long>(_numbers, StringComparer.Ordinal);
            _declared = _declared is { } known ? new HashSet<string>(known, StringComparer.Ordinal) : null;
            _owned = true;
        }
    }
}
