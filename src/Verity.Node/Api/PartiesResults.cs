using System.Text.Json.Serialization;
using Verity.Core;
using Verity.Core.Compliance;
using Verity.Core.Notifications;
using Verity.Core.Reconciliation;
using Verity.Core.Records;

namespace Verity.Node.Api;

/// <summary>The database a view rests on.</summary>
/// <param name="Entry">The log entry that holds it.</param>
/// <param name="AsOf">Its as-of date.</param>
/// <param name="Sha256">Its content hash (SHA-256 of the canonical JSON).</param>
public sealed record BasisResult(
    [property: JsonPropertyName("entry")] long Entry,
    [property: JsonPropertyName("as_of")] string AsOf,
    [property: JsonPropertyName("sha256")] string Sha256)
{
    internal static BasisResult? From(RecordDeclaration? basis) =>
        basis is null ? null : new(basis.Index, PartiesApi.Iso(basis.Database.AsOf), basis.Database.Hash.ToString());
}

/// <summary>A party's forces on a date.</summary>
/// <param name="Treaty">The treaty's id.</param>
/// <param name="Party">The party.</param>
/// <param name="At">The date.</param>
/// <param name="TreeSize">The size of the log the answer was derived from.</param>
/// <param name="Basis">The database the forces rest on; null when none is declared on or before the date.</param>
/// <param name="NotificationsApplied">How many notified changes after the basis were applied.</param>
/// <param name="Counts">Items by kind and status, listed and counted by location together.</param>
/// <param name="Items">Items listed one by one (missiles, bombers), after the notified changes.</param>
/// <param name="CountedByLocation">Items the database counts only by location (launchers), as of the basis.</param>
public sealed record ForcesResult(
    [property: JsonPropertyName("treaty")] string Treaty,
    [property: JsonPropertyName("party")] string Party,
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("basis")] BasisResult? Basis,
    [property: JsonPropertyName("notifications_applied")] int NotificationsApplied,
    [property: JsonPropertyName("counts")] IReadOnlyList<CountResult> Counts,
    [property: JsonPropertyName("items")] IReadOnlyList<ItemResult> Items,
    [property: JsonPropertyName("counted_by_location")] IReadOnlyList<LocationCountResult> CountedByLocation)
{
    internal static ForcesResult From(PartyRecord record, DerivedForces forces) => new(
        record.Treaty.Id, record.Party.Value, PartiesApi.Iso(forces.At), record.Size, BasisResult.From(forces.Basis), forces.Applied.Length,
        [.. forces.Counts.Select(c => new CountResult(c.Kind, c.Status, c.Count))],
        [.. forces.Listed.Select(i => new ItemResult(i.Uid, i.Kind, i.Type, i.Status, i.Location, i.Warheads))],
        [.. forces.CountedByLocation.GroupBy(i => (i.Location, i.Kind, i.Status))
            .Select(g => new LocationCountResult(g.Key.Location, g.Key.Kind, g.Key.Status, g.Count()))]);
}

/// <summary>How many items of a kind and status.</summary>
/// <param name="Kind">The item kind.</param>
/// <param name="Status">The status.</param>
/// <param name="Count">The number.</param>
public sealed record CountResult(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("count")] long Count);

/// <summary>How many items of a kind and status at a location.</summary>
/// <param name="Location">The base or facility.</param>
/// <param name="Kind">The item kind.</param>
/// <param name="Status">The status.</param>
/// <param name="Count">The number.</param>
public sealed record LocationCountResult(
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("count")] long Count);

/// <summary>One item as declared.</summary>
/// <param name="Uid">Its unique identifier.</param>
/// <param name="Kind">The item kind.</param>
/// <param name="Type">The type.</param>
/// <param name="Status">The status.</param>
/// <param name="Location">The base or facility.</param>
/// <param name="Warheads">Warheads emplaced.</param>
public sealed record ItemResult(
    [property: JsonPropertyName("uid")] string Uid,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("warheads")] int Warheads);

/// <summary>A party's compliance on a date, derived from its log (and, for its groups, the logs of the other members).</summary>
/// <param name="Treaty">The treaty's id.</param>
/// <param name="Party">The party.</param>
/// <param name="At">The date.</param>
/// <param name="Interpretation">The reading ("agreed").</param>
/// <param name="Standing">The treaty's standing on the date.</param>
/// <param name="TreeSize">The size of the party's log the answer was derived from.</param>
/// <param name="TreeSizes">The size of every log the answer rests on (the party's, and its groups' other members' held), by party.</param>
/// <param name="Inventory">"declared" when a database is declared on or before the date, else "none".</param>
/// <param name="Basis">The database the values rest on, or null.</param>
/// <param name="NotificationsApplied">How many notified changes after the basis were applied.</param>
/// <param name="Note">What the values mean.</param>
/// <param name="Scopes">The party and each group it belongs to, with their limits.</param>
public sealed record PartyComplianceResult(
    [property: JsonPropertyName("treaty")] string Treaty,
    [property: JsonPropertyName("party")] string Party,
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("interpretation")] string Interpretation,
    [property: JsonPropertyName("standing")] string Standing,
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("tree_sizes")] IReadOnlyDictionary<string, long> TreeSizes,
    [property: JsonPropertyName("inventory")] string Inventory,
    [property: JsonPropertyName("basis")] BasisResult? Basis,
    [property: JsonPropertyName("notifications_applied")] int NotificationsApplied,
    [property: JsonPropertyName("note")] string Note,
    [property: JsonPropertyName("scopes")] IReadOnlyList<ScopeResult> Scopes)
{
    /// <summary>What the values are when a database is declared.</summary>
    public const string DeclaredNote = "values are counted by the treaty's rules over the forces the party declared (the basis database plus the changes it notified since); 'declared' is the aggregate number the basis database itself gives, as of its date; a group's values count the forces of all its members";

    internal static PartyComplianceResult From(TreatyRecord treaty, TreatyCompliance compliance, PartyCode party)
    {
        var record = treaty[party]!;
        var own = compliance[party]!;
        var report = own.Report;
        var declared = own.Forces.Basis is not null;
        var groups = compliance.GroupsOf(party).ToList();
        var sizes = groups.SelectMany(g => g.Held).Append(party).Distinct()
            .OrderBy(p => p.Value, StringComparer.Ordinal).ToDictionary(p => p.Value, p => treaty[p]!.Size, StringComparer.Ordinal);
        var scopes = report.Scopes.Select(s => new ScopeResult(
            s.Scope, "party", [.. s.Members.Select(m => m.Value)], [party.Value], [], declared ? [] : [party.Value], StatusWords.Of(s.Standing), null,
            [.. s.Limits.Select(l => new LimitResultJson(
                l.Limit.Id, l.Limit.Article, declared ? l.Value : null, own.Declared.TryGetValue(l.Limit.Id, out var d) ? d : null,
                l.Ceiling, declared ? l.Margin : null, PartiesApi.LimitStatusWithout(l, declared)!))]));
        return new(
            record.Treaty.Id, party.Value, PartiesApi.Iso(report.At), report.Interpretation.Id, StatusWords.Of(report.Standing), record.Size, sizes,
            declared ? "declared" : "none", BasisResult.From(own.Forces.Basis), own.Forces.Applied.Length,
            declared ? DeclaredNote : record.Definition is null ? PartiesApi.NoDataExchangeNote(record.Treaty.Id) : PartiesApi.NoDeclarationNote,
            [.. scopes, .. groups.Select(ScopeResult.From)]);
    }
}

/// <summary>A party or group and its limits.</summary>
/// <param name="Scope">The party or group.</param>
/// <param name="Kind">"party" or "group".</param>
/// <param name="Members">Its parties.</param>
/// <param name="Held">The members whose logs the node holds.</param>
/// <param name="Missing">The members whose logs the node does not hold: their forces are not known, so a group's values are null.</param>
/// <param name="Undeclared">The held members that declare no database on or before the date: their forces are not known either.</param>
/// <param name="Standing">The treaty's standing for it.</param>
/// <param name="Note">For a group whose values are not known, why; null otherwise.</param>
/// <param name="Limits">Its limits.</param>
public sealed record ScopeResult(
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("members")] IReadOnlyList<string> Members,
    [property: JsonPropertyName("held")] IReadOnlyList<string> Held,
    [property: JsonPropertyName("missing")] IReadOnlyList<string> Missing,
    [property: JsonPropertyName("undeclared")] IReadOnlyList<string> Undeclared,
    [property: JsonPropertyName("standing")] string Standing,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("limits")] IReadOnlyList<LimitResultJson> Limits)
{
    /// <summary>The status of a group's limit whose value is not known because a member's log is not held.</summary>
    public const string RecordMissing = "record-missing";

    /// <summary>The status of a limit whose value is not known because nothing is declared on or before the date.</summary>
    public const string NoDeclaration = "no-declaration";

    internal static ScopeResult From(GroupCompliance group)
    {
        var note = group.IsKnown ? null : string.Join("; ", new[]
        {
            group.Missing.IsEmpty ? null : $"the node holds no log of {string.Join(", ", group.Missing)}",
            group.Undeclared.IsEmpty ? null : $"{string.Join(", ", group.Undeclared)} declare{(group.Undeclared.Length == 1 ? "s" : string.Empty)} no database on or before this date",
        }.OfType<string>()) + ": the group's values count every member's forces, so they are null (not a partial sum)";
        var unknown = group.Missing.IsEmpty ? NoDeclaration : RecordMissing;
        return new ScopeResult(
            group.Group.Id, "group", [.. group.Group.Members.Select(m => m.Value)], [.. group.Held.Select(m => m.Value)],
            [.. group.Missing.Select(m => m.Value)], [.. group.Undeclared.Select(m => m.Value)], StatusWords.Of(group.Standing), note,
            [.. group.Limits.Select(l => new LimitResultJson(
                l.Limit.Id, l.Limit.Article, l.Value, null, l.Ceiling, l.Margin, l.Status is { } status ? StatusWords.Of(status) : unknown))]);
    }
}

/// <summary>One limit's counted value, the declared aggregate, and the status.</summary>
/// <param name="Id">The limit's id.</param>
/// <param name="Article">Where the treaty sets it.</param>
/// <param name="Value">The counted value; null when the forces counted are not known (nothing declared on or before the date; for a group, a member's log not held).</param>
/// <param name="Declared">The aggregate the basis database declares for the limit (the party's own scope only); null when none.</param>
/// <param name="Max">The ceiling.</param>
/// <param name="Margin">Ceiling minus value; null with the value.</param>
/// <param name="Status">within, exceeds, not-yet-in-effect, treaty-not-in-force, suspended, expired, no-declaration, or record-missing (a group member's log is not held).</param>
public sealed record LimitResultJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("article")] string? Article,
    [property: JsonPropertyName("value")] long? Value,
    [property: JsonPropertyName("declared")] long? Declared,
    [property: JsonPropertyName("max")] long? Max,
    [property: JsonPropertyName("margin")] long? Margin,
    [property: JsonPropertyName("status")] string Status);

/// <summary>Compliance across the treaty on a date: every party whose log the node holds, and every group.</summary>
/// <param name="Treaty">The treaty's id.</param>
/// <param name="At">The date.</param>
/// <param name="Interpretation">The reading ("agreed").</param>
/// <param name="Standing">The treaty's standing on the date.</param>
/// <param name="TreeSizes">The size of every log the answer rests on, by party.</param>
/// <param name="Missing">The parties whose logs the node does not hold: absent from <paramref name="Parties"/>, never zero.</param>
/// <param name="Parties">Each held party, as <c>GET /parties/{party}/compliance</c> gives it.</param>
/// <param name="Groups">Each group with limits, counted over all its members' forces.</param>
public sealed record TreatyComplianceResult(
    [property: JsonPropertyName("treaty")] string Treaty,
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("interpretation")] string Interpretation,
    [property: JsonPropertyName("standing")] string Standing,
    [property: JsonPropertyName("tree_sizes")] IReadOnlyDictionary<string, long> TreeSizes,
    [property: JsonPropertyName("missing")] IReadOnlyList<string> Missing,
    [property: JsonPropertyName("parties")] IReadOnlyList<PartyComplianceResult> Parties,
    [property: JsonPropertyName("groups")] IReadOnlyList<ScopeResult> Groups)
{
    internal static TreatyComplianceResult From(TreatyRecord treaty, TreatyCompliance compliance) => new(
        treaty.Treaty.Id, PartiesApi.Iso(compliance.At), Verity.Core.Treaties.Interpretation.AgreedId, StatusWords.Of(treaty.Treaty.StandingAt(compliance.At)),
        treaty.Records.OrderBy(r => r.Party.Value, StringComparer.Ordinal).ToDictionary(r => r.Party.Value, r => r.Size, StringComparer.Ordinal),
        [.. compliance.Missing.Select(p => p.Value)],
        [.. compliance.Parties.Select(p => PartyComplianceResult.From(treaty, compliance, p.Forces.Party))],
        [.. compliance.Groups.Select(ScopeResult.From)]);
}

/// <summary>A party's notification deadlines on a date.</summary>
/// <param name="Treaty">The treaty's id.</param>
/// <param name="Party">The party.</param>
/// <param name="At">The date.</param>
/// <param name="TreeSize">The size of the log the answer was derived from.</param>
/// <param name="Coverage">Exactly which obligations the answer covers.</param>
/// <param name="ReceivedFrom">The other parties whose logs the node holds: replies to their notifications are owed and assessed.</param>
/// <param name="NotHeld">The other parties whose logs the node does not hold: replies to them are not assessed.</param>
/// <param name="Owed">Obligations triggered by the date.</param>
/// <param name="OnTime">Provided on time.</param>
/// <param name="Late">Provided late.</param>
/// <param name="Overdue">Not provided; deadline passed.</param>
/// <param name="Pending">Not provided; deadline to come.</param>
/// <param name="Unmatched">Notifications provided that discharge nothing owed.</param>
/// <param name="NotAssessed">Notifications whose obligation cannot be derived from the log.</param>
/// <param name="TreatyYears">Counts per treaty year.</param>
/// <param name="Findings">Every late, overdue or unmatched one.</param>
public sealed record DeadlinesResult(
    [property: JsonPropertyName("treaty")] string Treaty,
    [property: JsonPropertyName("party")] string Party,
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("coverage")] string Coverage,
    [property: JsonPropertyName("received_from")] IReadOnlyList<string> ReceivedFrom,
    [property: JsonPropertyName("not_held")] IReadOnlyList<string> NotHeld,
    [property: JsonPropertyName("owed")] int Owed,
    [property: JsonPropertyName("on_time")] int OnTime,
    [property: JsonPropertyName("late")] int Late,
    [property: JsonPropertyName("overdue")] int Overdue,
    [property: JsonPropertyName("pending")] int Pending,
    [property: JsonPropertyName("unmatched")] int Unmatched,
    [property: JsonPropertyName("not_assessed")] int NotAssessed,
    [property: JsonPropertyName("treaty_years")] IReadOnlyList<TreatyYearCount> TreatyYears,
    [property: JsonPropertyName("findings")] IReadOnlyList<ObligationResult> Findings)
{
    internal static DeadlinesResult From(PartyRecord record, RecordDeadlines deadlines)
    {
        var r = deadlines.Report;
        return new(
            record.Treaty.Id, record.Party.Value, PartiesApi.Iso(r.AsOf), record.Size, RecordDeadlines.Coverage,
            [.. deadlines.ReceivedFrom.Select(p => p.Value)], [.. deadlines.NotHeld.Select(p => p.Value)],
            r.Obligations.Length, r.Count(DeadlineState.OnTime), r.Count(DeadlineState.Late), r.Count(DeadlineState.Overdue), r.Count(DeadlineState.Pending),
            r.Unmatched.Length, deadlines.NotAssessed.Length, r.TreatyYears,
            [.. r.Obligations.Where(o => o.State is DeadlineState.Late or DeadlineState.Overdue)
                .Select(o => new ObligationResult(o.Obligation.Type.Id, o.Obligation.Subject, PartiesApi.Iso(o.Obligation.TriggeredAt), PartiesApi.Iso(o.Obligation.Due), StatusWords.Of(o.State), o.Provided?.Number, o.Provided is null ? null : PartiesApi.Iso(o.Provided.Sent)))
                .Concat(r.Unmatched.Select(d => new ObligationResult(d.Type, d.Subject, PartiesApi.Iso(d.Triggered.AtMidnight()), null, "unmatched", d.Number, PartiesApi.Iso(d.Sent))))]);
    }
}

/// <summary>One obligation (or notification) that is a finding.</summary>
/// <param name="Type">The notification type.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Triggered">When it was triggered, GMT.</param>
/// <param name="Due">When it was due, GMT; null for an unmatched notification.</param>
/// <param name="State">late, overdue or unmatched.</param>
/// <param name="Number">The notification provided, if any.</param>
/// <param name="Sent">When it was provided, if it was.</param>
public sealed record ObligationResult(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("triggered")] string Triggered,
    [property: JsonPropertyName("due")] string? Due,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("number")] string? Number,
    [property: JsonPropertyName("sent")] string? Sent);

/// <summary>The reconciliation of a party's record as of a date.</summary>
/// <param name="Treaty">The treaty's id.</param>
/// <param name="Party">The party.</param>
/// <param name="At">The date.</param>
/// <param name="TreeSize">The size of the log the answer was derived from.</param>
/// <param name="Databases">Databases checked.</param>
/// <param name="Notifications">Notified changes applied.</param>
/// <param name="Findings">Every finding, in date order.</param>
/// <param name="Note">Why there is nothing to reconcile when the treaty has no data exchange; null otherwise.</param>
public sealed record FindingsResult(
    [property: JsonPropertyName("treaty")] string Treaty,
    [property: JsonPropertyName("party")] string Party,
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("databases")] int Databases,
    [property: JsonPropertyName("notifications")] int Notifications,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingResult> Findings,
    [property: JsonPropertyName("note")] string? Note)
{
    internal static FindingsResult From(PartyRecord record, NodaTime.LocalDate at, ReconciliationReport report, Verity.Core.Inspections.InspectionTrail inspections) => new(
        record.Treaty.Id, record.Party.Value, PartiesApi.Iso(at), record.Size, report.Databases, report.Notifications,
        [
            .. report.Findings.Select(f => new FindingResult(StatusWords.Of(f.Kind), PartiesApi.Iso(f.Date), f.Subject, f.Evidence, f.Message)),
            .. inspections.Inspections.Where(i => i.Inspected == record.Party && i.NoticeStep.Arrival <= at)
                .SelectMany(i => i.Findings.Select(f => new FindingResult(f.KindName, PartiesApi.Iso(i.NoticeStep.Arrival), f.Subject,
                    $"inspection {i.Id} by {i.Inspecting}: {i.Inspecting}'s result (entry {i.Result!.Index})", f.Text))),
        ],
        record.Definition is null ? PartiesApi.NoDataExchangeNote(record.Treaty.Id) : null);
}

/// <summary>One reconciliation finding.</summary>
/// <param name="Kind">What was found, as <c>verity reconcile --json</c> names it.</param>
/// <param name="Date">The date it concerns.</param>
/// <param name="Subject">The item's uid, or a database's date.</param>
/// <param name="Evidence">The notification or database it was seen in.</param>
/// <param name="Message">Both sides of the discrepancy.</param>
public sealed record FindingResult(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("evidence")] string Evidence,
    [property: JsonPropertyName("message")] string Message);

/// <summary>An item's history in a party's log.</summary>
/// <param name="Party">The party.</param>
/// <param name="Uid">The item.</param>
/// <param name="TreeSize">The size of the log the answer was derived from.</param>
/// <param name="History">Every statement that mentions it, in date order.</param>
public sealed record ItemHistoryResult(
    [property: JsonPropertyName("party")] string Party,
    [property: JsonPropertyName("uid")] string Uid,
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("history")] IReadOnlyList<HistoryEntryResult> History)
{
    internal static ItemHistoryResult From(PartyRecord record, string uid, IEnumerable<ItemHistoryEntry> history) => new(
        record.Party.Value, uid, record.Size,
        [.. history.Select(h => new HistoryEntryResult(
            PartiesApi.Iso(h.Date), h.Index, h.Type,
            h.Listed is { } i ? new ItemResult(i.Uid, i.Kind, i.Type, i.Status, i.Location, i.Warheads) : null,
            h.Notification is { } n ? new NotificationResult(n.Type, n.Number, PartiesApi.Iso(n.Sent), n.Subject, PartiesApi.Iso(n.Triggered), n.Fields) : null))]);
}

/// <summary>One statement in an item's history.</summary>
/// <param name="Date">The database's as-of date, or the date of the event notified.</param>
/// <param name="Entry">The log entry.</param>
/// <param name="Type">declaration or notification.</param>
/// <param name="Item">The item as the database lists it, for a declaration.</param>
/// <param name="Notification">The notification, for a notification.</param>
public sealed record HistoryEntryResult(
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("entry")] long Entry,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("item")] ItemResult? Item,
    [property: JsonPropertyName("notification")] NotificationResult? Notification);

/// <summary>A notification, as provided.</summary>
/// <param name="Type">The notification type.</param>
/// <param name="Number">Its number.</param>
/// <param name="Sent">When it was provided, GMT.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Triggered">The date of the event.</param>
/// <param name="Fields">Its fields.</param>
public sealed record NotificationResult(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("sent")] string Sent,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("triggered")] string Triggered,
    [property: JsonPropertyName("fields")] IReadOnlyDictionary<string, string> Fields);

/// <summary>The entries of a party's log that could not be read into its record.</summary>
/// <param name="Party">The party.</param>
/// <param name="TreeSize">The size of the log read.</param>
/// <param name="Declarations">Databases read.</param>
/// <param name="Notifications">Notifications read.</param>
/// <param name="Diagnostics">Each problem, naming the entry and the field.</param>
public sealed record DiagnosticsResult(
    [property: JsonPropertyName("party")] string Party,
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("declarations")] int Declarations,
    [property: JsonPropertyName("notifications")] int Notifications,
    [property: JsonPropertyName("diagnostics")] IReadOnlyList<DiagnosticResult> Diagnostics)
{
    internal static DiagnosticsResult From(PartyRecord record) => new(
        record.Party.Value, record.Size, record.Declarations.Length, record.Notifications.Length,
        [.. record.Diagnostics.Select(d => new DiagnosticResult(d.Source, d.Line, d.Column, d.Path, d.Message, d.ToString()))]);
}

/// <summary>One problem with an entry.</summary>
/// <param name="Entry">"entry N".</param>
/// <param name="Line">Line in the body, or 0.</param>
/// <param name="Column">Column in the body, or 0.</param>
/// <param name="Path">The field.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Text">All of it on one line.</param>
public sealed record DiagnosticResult(
    [property: JsonPropertyName("entry")] string Entry,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("text")] string Text);
