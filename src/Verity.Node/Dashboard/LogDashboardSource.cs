using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Verity.Core;
using Verity.Core.Compliance;
using Verity.Core.Inspections;
using Verity.Core.Notifications;
using Verity.Core.Records;
using Verity.Core.Treaties;
using Verity.Node.Logs;
using Verity.Node.Peers;
using Verity.Record.Notes;
using Verity.Reports.Dashboard;
using PeerStatus = Verity.Reports.Dashboard.PeerStatus;

namespace Verity.Node.Dashboard;

/// <summary>
/// The dashboard over the signed logs the node holds: each party's page is derived from its <see cref="PartyRecord"/>
/// (the node's own log or its verified mirror of the party's), its groups and the replies it owes from the
/// <see cref="TreatyRecord"/> over every held log, log integrity from the logs and their checkpoints, and the peers and
/// alarms from <see cref="PeerNetwork"/>.
/// </summary>
/// <remarks>What is derived from the records is cached by (treaty record, party, date), the treaty record standing for
/// the tree sizes of every held log: a log that grows makes new keys, and nothing stale is served. What changes without the log growing — checkpoints, peers, alarms — is read on each request.</remarks>
public sealed class LogDashboardSource : IDashboardSource
{
    /// <summary>How many of the latest databases a party's page lists.</summary>
    public const int LatestDatabases = 3;

    // Dates come from requests: keep the caches bounded, whatever dates are asked for.
    private const int MaxCached = 256;
    private readonly PartyRecords _records;
    private readonly LogDirectory _logs;
    private readonly PeerNetwork _network;
    private readonly TimeProvider _clock;
    private readonly Treaty _treaty;
    private readonly Verity.Reports.Dashboard.DashboardProvenance? _provenance;
    // Keyed by the treaty's record itself: PartyRecords gives the same instance while no held log grows.
    private readonly ConcurrentDictionary<(TreatyRecord Record, PartyCode? Party, LocalDate At), TreatyCompliance> _compliance = new();
    private readonly ConcurrentDictionary<(TreatyRecord Record, PartyCode Party, LocalDate At), PartyDashboard> _pages = new();
    // The first and latest statement dates of the held logs, for the treaty record they were read from.
    // A reference, replaced whole: requests read it side by side.
    private StatementDates? _span;

    /// <summary>A source over <paramref name="records"/> (read from <paramref name="logs"/>) and the node's <paramref name="network"/>.</summary>
    /// <param name="records">The records of every log the node holds.</param>
    /// <param name="logs">The logs themselves, for their checkpoints.</param>
    /// <param name="network">The peers and alarms.</param>
    /// <param name="clock">The clock; "today" is read from it.</param>
    /// <param name="provenance">Where the logs came from, said on every page, when the node was told (the demo's nodes are).</param>
    public LogDashboardSource(PartyRecords records, LogDirectory logs, PeerNetwork network, TimeProvider clock, Verity.Reports.Dashboard.DashboardProvenance? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(clock);
        _records = records;
        _logs = logs;
        _network = network;
        _clock = clock;
        _provenance = provenance;
        _treaty = records.Treaty;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Without a date asked for, once the treaty has ended (<see cref="Treaty.End"/> on or before today) the page opens at
    /// the day before its end, its last day in force: the last date on which its obligations stand, and so the last date
    /// its record covers. Not the latest statement's date: a record that stops early (a party that stopped declaring)
    /// would then hide what was owed after it, and a statement after the end is not the treaty's to count; the page
    /// says the latest statement's date beside it.
    /// The picker offers from the treaty's signature (or entry into force, or the first statement, whichever is first)
    /// to today (or the latest statement, if later).
    /// </remarks>
    public async Task<PageDate> DateAsync(LocalDate? asked, LocalDate today, CancellationToken cancellationToken)
    {
        var treaty = await _records.TreatyAsync(cancellationToken).ConfigureAwait(false);
        var (first, latest) = StatementSpan(treaty);
        LocalDate? ended = _treaty.End is { } end && end <= today && end > SupportedDates.Min ? end : null;
        var (at, reason) = asked is { } a ? (a, DateReason.Asked)
            : ended is { } e ? (e.PlusDays(-1), DateReason.LastDayInForce)
            : (today, DateReason.Today);
        var starts = new[] { _treaty.Dates.Signature, _treaty.Dates.EntryIntoForceDate, first }.OfType<LocalDate>().ToList();
        var from = starts.Count == 0 ? today : starts.Min();
        var to = latest is { } l && l > today ? l : today;
        return new PageDate(at, reason, today, from < to ? from : to, to)
        {
            Ended = ended,
            EndedAs = ended is { } x ? _treaty.StandingAt(x) : null,
            LatestStatement = latest,
        };
    }

    /// <inheritdoc />
    public NodeIdentity Node(string address, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(address);
        var own = _logs.Own;
        var party = PartyCode.Parse(own.Log.Party);
        return new NodeIdentity(party, ScopeName(party.Value, PartyName(party), language), address, own.Log.Origin, own.Verifier.ToString());
    }

    /// <inheritdoc />
    public async Task<DashboardModel> OverviewAsync(LocalDate at, string language, CancellationToken cancellationToken)
    {
        var treaty = await _records.TreatyAsync(cancellationToken).ConfigureAwait(false);
        var compliance = Compliance(treaty, null, at);
        var scopes = ImmutableArray.CreateBuilder<ScopeStanding>();
        foreach (var party in compliance.Parties)
        {
            var code = party.Forces.Party;
            var declared = party.Forces.Basis is not null;
            var scope = party.Report[code.Value];
            scopes.Add(new ScopeStanding(code.Value, PartyName(code), false, [code], _treaty.StandingAt(at, code),
                scope is null ? [] : [.. scope.Limits.Select(l => new LimitStanding(l.Limit.Id, l.Limit.Name, l.Limit.Article, declared ? l.Value : null, l.Ceiling, l.Status))]));
        }

        foreach (var group in compliance.Groups)
        {
            scopes.Add(new ScopeStanding(group.Group.Id, group.Group.Name, true, group.Group.Members, group.Standing,
                [.. group.Limits.Select(l => new LimitStanding(l.Limit.Id, l.Limit.Name, l.Limit.Article, l.Value, l.Ceiling, l.Status))]));
        }

        return new DashboardModel(_treaty.Id, _treaty.NameIn(language), at, _treaty.StandingAt(at),
            [.. scopes.Select(s => s with { Name = ScopeName(s.Scope, s.Name, language), Limits = [.. s.Limits.Select(l => l with { Name = LimitName(l.LimitId, l.Name, language) })] })],
            Alarms(), Source(treaty.Records.Select(r => (r.Party, r.Size))))
        { Provenance = _provenance };
    }

    /// <inheritdoc />
    public async Task<PartyDashboard?> PartyAsync(PartyCode party, LocalDate at, string language, CancellationToken cancellationToken)
    {
        if (await _records.GetAsync(party, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var treaty = await _records.TreatyAsync(cancellationToken).ConfigureAwait(false);
        Bound(_pages);
        var page = _pages.GetOrAdd((treaty, party, at), key => Build(key.Record, key.Party, key.At));
        var logs = ImmutableArray.CreateBuilder<LogIntegrity>();
        logs.Add(await OwnIntegrityAsync(cancellationToken).ConfigureAwait(false));
        foreach (var mirror in _logs.Mirrors.Values.OrderBy(m => m.Peer.Party, StringComparer.Ordinal))
        {
            logs.Add(await MirrorIntegrityAsync(mirror, cancellationToken).ConfigureAwait(false));
        }

        var peers = _network.Status.Select(s => new PeerStatus(s.Party, s.Url.ToString(), s.LastContact, s.LastError, s.Acknowledged, s.LastReceipt)).ToImmutableArray();
        var (inspections, quotaUse) = Inspections(await _records.InspectionsAsync(cancellationToken).ConfigureAwait(false), party, at);
        return page with
        {
            TreatyName = _treaty.NameIn(language),
            PartyName = ScopeName(party.Value, page.PartyName, language),
            Scopes = [.. page.Scopes.Select(s => s with { Name = ScopeName(s.Scope, s.Name, language), Limits = [.. s.Limits.Select(l => l with { Name = LimitName(l.LimitId, l.Name, language) })] })],
            Databases = [.. page.Databases.Select(d => d with { Counts = [.. d.Counts.Select(c => c with { Name = CountName(c.Id, c.Name, language) })] })],
            Logs = logs.ToImmutable(),
            Peers = peers,
            Alarms = Alarms(),
            Provenance = _provenance,
            Kinds = _treaty.ItemKinds,
            Statuses = _treaty.Statuses,
            NotificationTypes = _treaty.Notifications,
            Inspections = [.. inspections.Select(i => i with { Type = InspectionTypeName(i.Type, language) })],
            QuotaUse = [.. quotaUse.Select(q => q with { Type = InspectionTypeName(q.Type, language) })],
        };
    }

    // The party's inspections up to the date, as both logs give them, and its quota use in each treaty year it held one
    // in and in the date's.
    private (ImmutableArray<InspectionRow> Rows, ImmutableArray<QuotaUse> Quotas) Inspections(InspectionTrail trail, PartyCode party, LocalDate at)
    {
        var held = trail.Inspections.Where(i => (i.Inspecting == party || i.Inspected == party) && i.NoticeStep.Arrival <= at).ToList();
        var rows = held.Select(i => new InspectionRow(i.Id, i.Inspecting, i.Inspected, i.NoticeStep.Type, i.NoticeStep.Arrival, i.Site, i.Stage,
            (i.Selection?.Step as MissileSelection)?.Selected ?? [], [.. i.Withheld.Select(p => p.Value)],
            [.. ((i.Result?.Step as Core.Inspections.InspectionResult)?.Counted ?? []).Select(c => (c.Uid, c.Warheads))],
            [.. i.Findings.Select(f => f.Said)])).ToImmutableArray();
        // The quotas as `verity inspect quota` derives them, over the notices in the logs: the years shown are those the
        // party inspected in and the page's.
        var shown = held.Where(i => i.Inspecting == party).Select(trail.TreatyYear).Append(_treaty.TreatyYearOf(at)).ToHashSet();
        var quotas = InspectionQuotas.AsOf(_treaty, trail.Held, at, party).Parties.SelectMany(p => p.Years).Where(y => shown.Contains(y.Year))
            .SelectMany(y => y.Types.Where(l => l.Type is not null && l.Used.IsKnown).Select(l => new QuotaUse(l.Type!, y.Year, l.Used.Value!.Value, l.Quota)))
            .ToImmutableArray();
        return (rows, quotas);
    }

    /// <inheritdoc />
    public async Task<ItemHistory?> ItemAsync(PartyCode party, string uid, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uid);
        if (await _records.GetAsync(party, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        var history = record.HistoryOf(uid);
        if (history.IsEmpty)
        {
            return null;
        }

        var first = history[0];
        var kind = first.Listed?.Kind ?? first.Notification?.Fields.GetValueOrDefault("kind") ?? string.Empty;
        var type = first.Listed?.Type ?? first.Notification?.Fields.GetValueOrDefault("type") ?? string.Empty;
        return new ItemHistory(_treaty.NameIn(language), party, uid, kind, type, history, Source([(party, record.Size)]))
        {
            Provenance = _provenance,
            Kinds = _treaty.ItemKinds,
            Statuses = _treaty.Statuses,
            NotificationTypes = _treaty.Notifications,
        };
    }

    private PartyDashboard Build(TreatyRecord treaty, PartyCode party, LocalDate at)
    {
        var record = treaty[party]!;
        var page = Compliance(treaty, party, at);
        var forces = page[party]!.Forces;
        var declarations = record.Declarations.Where(d => d.Database.AsOf <= at).ToList();

        // The series: the value at each database the party declared up to the date, and on the date itself.
        var dates = declarations.Select(d => d.Database.AsOf).Append(at).Distinct().Order().ToList();
        var points = forces.Basis is null ? [] : dates.Select(d => Compliance(treaty, party, d)[party]!).ToList();
        var scopes = points.Count == 0 || points[^1].Report[party.Value] is not { } last
            ? ImmutableArray<ScopeSeries>.Empty
            : [new ScopeSeries(party.Value, PartyName(party), [party],
                [.. last.Limits.Select(l => new LimitSeries(l.Limit.Id, l.Limit.Name, l.Limit.Article, l.Ceiling, l.Limit.From,
                    [.. points.Select(p => p.Report[party.Value]?[l.Limit.Id] is { } x
                        ? new CompliancePoint(p.Report.At, x.Value, p.Declared.TryGetValue(l.Limit.Id, out var d) ? d : null, x.Ceiling, x.Status)
                        : null).OfType<CompliancePoint>()]))], false, [])];

        // Each group the party belongs to: its value at each database any member declared up to the date, and on the
        // date, wherever every member's forces are known; the dates where they are not have no point.
        foreach (var group in page.GroupsOf(party))
        {
            var groupDates = group.Group.Members.Select(m => treaty[m]).OfType<PartyRecord>()
                .SelectMany(r => r.Declarations.Select(d => d.Database.AsOf)).Where(d => d <= at).Append(at).Distinct().Order().ToList();
            var values = groupDates.Select(d => Compliance(treaty, party, d)[group.Group.Id]!).Where(g => g.IsKnown).ToList();
            scopes = scopes.Add(new ScopeSeries(group.Group.Id, group.Group.Name, group.Group.Members,
                [.. group.Limits.Select(l => new LimitSeries(l.Limit.Id, l.Limit.Name, l.Limit.Article, l.Ceiling, l.Limit.From,
                    [.. values.Select(v => v[l.Limit.Id] is { Value: { } value, Status: { } status } x
                        ? new CompliancePoint(v.At, value, null, x.Ceiling, status)
                        : null).OfType<CompliancePoint>()]))],
                true, [.. group.Missing, .. group.Undeclared]));
        }

        var deadlines = treaty.DeadlinesAt(party, at)!;
        var feed = deadlines.Report.Obligations
            .Select(t => new NotificationRow(t.Obligation.Type.Id, t.Provided?.Number, t.Obligation.Subject, t.Obligation.TriggeredAt, t.Obligation.Due, t.Provided?.Sent, State(t.State)))
            .Concat(deadlines.Report.Unmatched.Select(d => new NotificationRow(d.Type, d.Number, d.Subject, d.Triggered.AtMidnight(), null, d.Sent, NotificationState.Unmatched)))
            .Concat(deadlines.NotAssessed.Where(d => d.Triggered <= at).Select(d => new NotificationRow(d.Type, d.Number, d.Subject, d.Triggered.AtMidnight(), null, d.Sent, NotificationState.NotAssessed)))
            .OrderByDescending(r => r.Triggered)
            .ToImmutableArray();

        var latest = declarations.OrderByDescending(d => d.Database.AsOf).Take(LatestDatabases)
            .Select(d => new DatabaseSummary(d.Database.AsOf, d.Database.Hash.ToString(),
                [.. d.Database.Aggregates.Select(a => new DatabaseCount(a.Limit, a.Name, a.Value)), .. d.Database.Categories.Select(c => new DatabaseCount(c.Id, c.Name, c.Count))]))
            .ToImmutableArray();
        var items = forces.Listed
            .OrderBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Uid, StringComparer.Ordinal)
            .Select(i => new ItemLink(i.Uid, i.Kind, i.Type, i.Status, i.Location))
            .ToImmutableArray();
        var reconciled = record.FindingsAt(at);
        return new PartyDashboard(_treaty.Id, _treaty.Name, party, PartyName(party), at, _treaty.StandingAt(at, party),
            record.Declarations.IsEmpty ? null : record.Declarations.Min(d => d.Database.AsOf), forces.Basis?.Database.AsOf,
            scopes, feed, latest, reconciled.Findings, items, forces.CountedByLocation.Length, [], [], [],
            Source(treaty.Records.Where(r => r.Party == party || page.GroupsOf(party).Any(g => g.Group.Members.Contains(r.Party))).Select(r => (r.Party, r.Size))))
        {
            Reconciled = (reconciled.Databases, reconciled.Notifications),
        };
    }

    /// <summary>The first and the latest date of a statement in the held logs: a database's as-of date, a notification's
    /// sending; <c>null</c> when they hold none. Read once per treaty record (a log that grows makes a new one).</summary>
    private (LocalDate? First, LocalDate? Latest) StatementSpan(TreatyRecord treaty)
    {
        if (_span is { } span && ReferenceEquals(span.Record, treaty))
        {
            return (span.First, span.Latest);
        }

        var dates = treaty.Records.SelectMany(r => r.Declarations.Select(d => d.Database.AsOf).Concat(r.Notifications.Select(n => n.Document.Sent.Date))).ToList();
        LocalDate? first = dates.Count == 0 ? null : dates.Min();
        LocalDate? latest = dates.Count == 0 ? null : dates.Max();
        _span = new StatementDates(treaty, first, latest);
        return (first, latest);
    }

    private TreatyCompliance Compliance(TreatyRecord treaty, PartyCode? party, LocalDate at)
    {
        Bound(_compliance);
        return _compliance.GetOrAdd((treaty, party, at), key => key.Record.ComplianceAt(key.At, key.Party));
    }

    private async Task<LogIntegrity> OwnIntegrityAsync(CancellationToken cancellationToken)
    {
        var own = _logs.Own;
        var note = await own.CheckpointAsync(cancellationToken).ConfigureAwait(false);
        var text = note.ToString();
        var opened = Checkpoint.Open(text, [own.Verifier]);
        var problem = opened.Problem;
        if (opened.Checkpoint is { } checkpoint)
        {
            // The signature holds; the root must also be the one recomputed from the log's entries at that size.
            var root = await own.ReadAsync(m => checkpoint.TreeSize == 0 ? Task.FromResult(checkpoint.RootHash) : m.RootAsync(checkpoint.TreeSize, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (root != checkpoint.RootHash)
            {
                problem = $"checkpoint root {checkpoint.RootHash.ToBase64()} differs from the root recomputed from the log, {root.ToBase64()}";
            }
        }

        return new LogIntegrity(own.Log.Party, true, opened.Checkpoint?.TreeSize ?? 0, opened.Checkpoint?.RootHash.ToBase64(), text, problem is null, problem, _clock.GetUtcNow());
    }

    private async Task<LogIntegrity> MirrorIntegrityAsync(Mirror mirror, CancellationToken cancellationToken)
    {
        var size = await _logs.TreeSizeAsync(PartyCode.Parse(mirror.Peer.Party), cancellationToken).ConfigureAwait(false);

        // A mirror's latest checkpoint was verified when it arrived (signature, origin, and the entries hash to its root).
        if (await mirror.LatestAsync(cancellationToken).ConfigureAwait(false) is not { } note)
        {
            return new LogIntegrity(mirror.Peer.Party, false, size, null, null, false, null, mirror.LastVerified);
        }

        var root = mirror.TryOpen(note.ToString(), out _, out var checkpoint, out _) ? checkpoint!.RootHash.ToBase64() : null;
        return new LogIntegrity(mirror.Peer.Party, false, size, root, note.ToString(), true, null, mirror.LastVerified);
    }

    private ImmutableArray<EquivocationAlarm> Alarms() =>
        [.. _network.Alarms.Select(a => new EquivocationAlarm(a.Log, a.Reason, a.First.ToString(), a.Second.ToString()))];

    // A scope's and a limit's name in a language, as the treaty file gives them (English where it gives none).
    private string ScopeName(string scope, string name, string language) =>
        _treaty.Parties.FirstOrDefault(p => p.Code.Value == scope)?.NameIn(language) ?? name;

    private string LimitName(string limitId, string name, string language) =>
        _treaty.Limits.FirstOrDefault(l => l.Id == limitId)?.NameIn(language) ?? name;

    // A database's count is a limit's aggregate or a category's: named as the treaty or the exchange file names it.
    private string CountName(string id, string name, string language) =>
        _treaty.Limits.FirstOrDefault(l => l.Id == id)?.NameIn(language)
        ?? _records.Exchange?.Categories.FirstOrDefault(c => c.Id == id)?.NameIn(language)
        ?? name;

    // An inspection type by its quota's name in a language the treaty file names it in; in English, and where it gives
    // no name, by its id (type-one), as the API and the command line write it.
    private string InspectionTypeName(string type, string language) => language == "en" ? type
        : _treaty.Inspections.Quotas.FirstOrDefault(q => q.Type == type)?.Names.GetValueOrDefault(language) ?? type;

    private string PartyName(PartyCode party) => _treaty.Parties.FirstOrDefault(p => p.Code == party)?.Name ?? party.Value;

    /// <summary>The logs a page rests on, as values for the page's source line: "US (2,157)".</summary>
    private static string Source(IEnumerable<(PartyCode Party, long Size)> logs) =>
        string.Join(", ", logs.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Party} ({l.Size:N0})")));

    private static void Bound<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache)
        where TKey : notnull
    {
        if (cache.Count > MaxCached)
        {
            cache.Clear();
        }
    }

    private static NotificationState State(DeadlineState state) => state switch
    {
        DeadlineState.OnTime => NotificationState.OnTime,
        DeadlineState.Late => NotificationState.Late,
        DeadlineState.Overdue => NotificationState.Overdue,
        _ => NotificationState.Pending,
    };

    private sealed record StatementDates(TreatyRecord Record, LocalDate? First, LocalDate? Latest);
}
