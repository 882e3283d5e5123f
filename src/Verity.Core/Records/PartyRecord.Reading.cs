using NodaTime;
using Verity.Core.Exchanges;
using Verity.Core.Notifications;

namespace Verity.Core.Records;

public sealed partial class PartyRecord
{
    /// <summary>
    /// A record being read in, entry by entry, from a basis record: the one way an entry is added (by
    /// <see cref="Append"/> and <see cref="CheckAll"/> alike), and the state <see cref="Check"/>'s rules read when
    /// statements are checked one after another before any is stored.
    /// </summary>
    private sealed class Reading
    {
        private readonly PartyRecord _basis;
        private readonly List<Diagnostic> _diagnostics;
        private readonly SortedDictionary<LocalDate, RecordDeclaration> _declarations;
        private readonly List<RecordNotification> _notifications;
        private readonly Dictionary<string, long> _numbers;

        // The uids declared so far when known: the basis's (if it had computed them), kept up as entries are added; null
        // when not known or after a database replaced another (its uids may no longer be listed), then computed again
        // when asked. A cache, not a conclusion.
        private HashSet<string>? _declared;
        private HashSet<string>? _listedKinds;

        public Reading(PartyRecord basis)
        {
            _basis = basis;
            _diagnostics = [.. basis.Diagnostics];
            _declarations = new(basis.Declarations.ToDictionary(d => d.Database.AsOf));
            _notifications = [.. basis.Notifications];
            _numbers = basis.UsedNumbers();
            _declared = Volatile.Read(ref basis._declared) is { } known ? new HashSet<string>(known, StringComparer.Ordinal) : null;
            Size = basis.Size;
        }

        /// <summary>How many entries the record has read so far.</summary>
        public long Size { get; private set; }

        /// <summary>Check's rules against the record as read so far; what the body read as (a database, a notification
        /// document), for <see cref="Add"/>.</summary>
        public object? Check(string type, ReadOnlySpan<byte> body, List<Diagnostic> diagnostics)
        {
            var (database, document) = _basis.Check(type, body, Declared(), _numbers, ListedKinds(), diagnostics);
            return (object?)database ?? document;
        }

        /// <summary>Reads <paramref name="entry"/> in; <paramref name="read"/> is what <see cref="Check"/> read its body
        /// as (null: read it here).</summary>
        public void Add(RecordEntry entry, object? read)
        {
            var (treaty, definition, party) = (_basis.Treaty, _basis.Definition, _basis.Party);
            Size++;
            var source = Source(entry.Index);
            switch (entry.Type)
            {
                case StatementTypes.Declaration:
                    if ((read as Database ?? ReadDeclaration(treaty, definition, party, entry.Body.Span, source, _diagnostics)) is { } database)
                    {
                        if (_declarations.TryGetValue(database.AsOf, out var earlier))
                        {
                            _diagnostics.Add(new Diagnostic(source, 0, 0, "as_of", $"a second database as of {database.AsOf:yyyy-MM-dd}: it replaces {Source(earlier.Index)}"));
                            _declared = null;
                        }
                        else
                        {
                            _declared?.UnionWith(database.ListedItems().Keys);
                        }

                        _declarations[database.AsOf] = new RecordDeclaration(entry.Index, database);
                    }

                    break;
                case StatementTypes.Notification:
                    if ((read as NotificationDocument ?? ReadNotification(treaty, party, entry.Body.Span, source, isDeclared: null, _diagnostics)) is { } document)
                    {
                        if (_numbers.TryGetValue(document.Number, out var first))
                        {
                            _diagnostics.Add(new Diagnostic(source, 0, 0, "number", $"number '{document.Number}' is used twice by {party}: first in {Source(first)}; this one is left out"));
                            break;
                        }

                        _numbers[document.Number] = entry.Index;
                        var notification = new RecordNotification(entry.Index, document);
                        _notifications.Add(notification);
                        _declared?.UnionWith(Produced([notification]));
                    }

                    break;
                case StatementTypes.KeyRotation or StatementTypes.Note or StatementTypes.EquivocationAlarm:
                    break;
                default:
                    _diagnostics.Add(new Diagnostic(source, 0, 0, "type", StatementTypes.Unknown(entry.Type)));
                    break;
            }
        }

        /// <summary>The record as read; the reading is not used after.</summary>
        public PartyRecord ToRecord() =>
            new(_basis.Treaty, _basis.Definition, _basis.Party, Size, [.. _declarations.Values], [.. _notifications], [.. _diagnostics]) { _declared = _declared };

        private HashSet<string> Declared() => _declared ??= DeclaredIn(_declarations.Values, _notifications);

        private HashSet<string> ListedKinds() => _listedKinds ??= _basis.ListedKinds();
    }
}
