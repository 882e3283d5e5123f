using Verity.Core.Exchanges;
using Verity.Core.Loading;
using Verity.Core.Notifications;

namespace Verity.Core.Records;

public sealed partial class PartyRecord
{
    /// <summary>
    /// How the statements of one type are read into a party's record: each type is declared once, in
    /// <see cref="StatementTypes.Readers"/>, and the record, its checks before signing and the node's list of what an
    /// operator may submit all follow from that table. A body is read in two steps: <see cref="Read"/>, from the body
    /// and the record's treaty, definition and party alone (pure, so that a batch's bodies are read side by side), then
    /// <see cref="Check"/> (before signing) or <see cref="Add"/> (into the record) against the record as read so far.
    /// </summary>
    /// <param name="type">The statement type.</param>
    /// <param name="checkedAgainstRecord">Whether a submitted statement of the type is checked against the party's
    /// record (its body must read back into it) before the node signs it.</param>
    internal abstract class StatementReader(string type, bool checkedAgainstRecord)
    {
        /// <summary>The statement type.</summary>
        public string Type => type;

        /// <summary>Whether a submitted statement of the type is checked against the party's record before signing.</summary>
        public bool CheckedAgainstRecord => checkedAgainstRecord;

        /// <summary>What <paramref name="body"/> reads as for <paramref name="record"/>'s party, or <c>null</c> with its
        /// problems in <paramref name="diagnostics"/>; <paramref name="submitted"/> when the statement is being
        /// submitted rather than read back from the log. Reads nothing of the record but its treaty, definition and party.</summary>
        public abstract object? Read(PartyRecord record, ReadOnlySpan<byte> body, string source, bool submitted, List<Diagnostic> diagnostics);

        /// <summary>What a submitted statement must pass against the record as read so far, besides reading back.</summary>
        public virtual void Check(Reading reading, object? read, string source, List<Diagnostic> diagnostics)
        {
        }

        /// <summary>Reads the entry into the record; <paramref name="read"/> is what <see cref="Read"/> gave (null when
        /// it did not read back, its problems already recorded).</summary>
        public virtual void Add(Reading reading, RecordEntry entry, object? read)
        {
        }

        /// <summary>The body as UTF-8 text read by <paramref name="parse"/>, or <c>null</c> with the problems of either.</summary>
        protected static T? Parse<T>(ReadOnlySpan<byte> body, string source, List<Diagnostic> diagnostics, Func<string, T> parse)
            where T : class
        {
            if (Text(body, source, diagnostics) is not { } json)
            {
                return null;
            }

            try
            {
                return parse(json);
            }
            catch (InputException e)
            {
                diagnostics.AddRange(e.Diagnostics);
                return null;
            }
        }
    }

    /// <summary>A database of the data exchange: it replaces an earlier one as of the same date.</summary>
    internal sealed class DeclarationStatement() : StatementReader(StatementTypes.Declaration, checkedAgainstRecord: true)
    {
        public override object? Read(PartyRecord record, ReadOnlySpan<byte> body, string source, bool submitted, List<Diagnostic> diagnostics)
        {
            if (record.Definition is null)
            {
                // Submitted, the type itself is refused, not the body: no body could be read.
                diagnostics.Add(new Diagnostic(submitted ? "statement" : source, 0, 0, "type", NoDataExchange(record.Treaty)));
                return null;
            }

            var definition = record.Definition;
            if (Parse(body, source, diagnostics, json => Database.Parse(json, source, definition, record.Treaty)) is not { } database)
            {
                return null;
            }

            if (database.Party != record.Party)
            {
                diagnostics.Add(new Diagnostic(source, 0, 0, "party", $"a database of {database.Party}, in {record.Party}'s log: a party declares only its own forces"));
                return null;
            }

            return database;
        }

        public override void Add(Reading reading, RecordEntry entry, object? read)
        {
            if (read is Database database)
            {
                reading.Declare(entry.Index, database);
            }
        }
    }

    /// <summary>A notification document: its number is the party's once, its items were declared.</summary>
    internal sealed class NotificationStatement() : StatementReader(StatementTypes.Notification, checkedAgainstRecord: true)
    {
        public override object? Read(PartyRecord record, ReadOnlySpan<byte> body, string source, bool submitted, List<Diagnostic> diagnostics)
        {
            if (Parse(body, source, diagnostics, json => NotificationReader.ParseDocument(json, source, record.Treaty, isDeclared: null)) is not { } document)
            {
                return null;
            }

            if (document.Party != record.Party)
            {
                diagnostics.Add(new Diagnostic(source, 0, 0, "party", $"a notification of {document.Party}, in {record.Party}'s log: a party provides only its own notifications"));
                return null;
            }

            return document;
        }

        // The item check needs the document's own fields (an item it produces, a kind counted by location), so it is
        // made here, after reading, rather than by the document reader's set of declared uids. Without a data exchange
        // nothing is declared, and no item is checked.
        public override void Check(Reading reading, object? read, string source, List<Diagnostic> diagnostics)
        {
            if (read is not NotificationDocument document)
            {
                return;
            }

            var record = reading.Basis;
            if (record.Definition is not null && record.Treaty.FindNotification(document.Type) is { } type)
            {
                var kind = document.Fields.GetValueOrDefault("kind");
                var checkable = kind is null || reading.ListedKinds.Contains(kind);
                var producesItself = document.Fields.GetValueOrDefault("event") == "produced";
                foreach (var field in type.Fields.Where(f => f.Type == FieldType.Uid))
                {
                    if (document.Fields.TryGetValue(field.Name, out var uid) && checkable && !(producesItself && uid == document.Fields.GetValueOrDefault("uid")) && !reading.Declared.Contains(uid))
                    {
                        diagnostics.Add(new Diagnostic(source, 0, 0, $"fields.{field.Name}", $"item '{uid}' was never declared by {record.Party}: no database in the log lists it and no notification produced it"));
                    }
                }
            }

            if (reading.FirstUse(document.Number) is { } used)
            {
                diagnostics.Add(new Diagnostic(source, 0, 0, "number", $"number '{document.Number}' is already used by {PartyRecord.Source(used)}"));
            }
        }

        public override void Add(Reading reading, RecordEntry entry, object? read)
        {
            if (read is NotificationDocument document)
            {
                reading.Notify(entry.Index, document);
            }
        }
    }

    /// <summary>A step of an inspection (<see cref="Inspections.InspectionStatements"/>): a JSON object checked against
    /// its type's schema and the treaty. Whether it fits the inspection as both parties' logs hold it (its order, the
    /// quota, the site, the draw) is checked by <see cref="Inspections.InspectionTrail.Admit(PartyRecord, string, ReadOnlySpan{byte})"/>, which needs the other
    /// party's record too.</summary>
    internal sealed class InspectionStatement(string type) : StatementReader(type, checkedAgainstRecord: true)
    {
        public override object? Read(PartyRecord record, ReadOnlySpan<byte> body, string source, bool submitted, List<Diagnostic> diagnostics) =>
            Parse(body, source, diagnostics, json => InspectionStepReader.Parse(Type, json, source, record.Treaty));

        public override void Add(Reading reading, RecordEntry entry, object? read)
        {
            if (read is Inspections.InspectionStep step)
            {
                reading.Step(entry.Index, Type, step);
            }
        }
    }

    /// <summary>A type whose bodies carry nothing for the views (a key rotation, a note): read as they are.</summary>
    internal sealed class OpaqueStatement(string type) : StatementReader(type, checkedAgainstRecord: false)
    {
        public override object? Read(PartyRecord record, ReadOnlySpan<byte> body, string source, bool submitted, List<Diagnostic> diagnostics) => null;
    }

    /// <summary>An equivocation alarm: recorded by the node itself with the evidence it verified, never submitted.</summary>
    internal sealed class AlarmStatement() : StatementReader(StatementTypes.EquivocationAlarm, checkedAgainstRecord: true)
    {
        public override object? Read(PartyRecord record, ReadOnlySpan<byte> body, string source, bool submitted, List<Diagnostic> diagnostics)
        {
            if (submitted)
            {
                diagnostics.Add(new Diagnostic("statement", 0, 0, "type", "an equivocation-alarm is recorded by the node itself, with the evidence it verified"));
            }

            return null;
        }
    }
}
