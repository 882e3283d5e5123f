using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using NodaTime;
using Verity.Core;
using Verity.Core.Compliance;
using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using Verity.Core.Reconciliation;
using Verity.Core.Replay;
using Verity.Core.Treaties;
using Verity.Record.Notes;

namespace Verity.Node.Dashboard;

/// <summary>
/// The dashboard over the treaty's <b>replayed public record</b> (<c>data/history/&lt;treaty&gt;-*</c>: the published
/// aggregates replayed item by item, with the notifications and databases an honest party would have sent), plus the
/// node's own log for log integrity. A stand-in until the node derives each party's record from the signed
/// declarations in the logs; every page says where its figures come from.
/// </summary>
public sealed class ReplayDashboardSource : IDashboardSource
{
    /// <summary>How many of the latest databases a party's page lists.</summary>
    public const int LatestDatabases = 3;

    private const int MaxCachedPages = 64;
    private static readonly Period Step = Period.FromMonths(1);
    private readonly Treaty _treaty;
    private readonly ReplayResult _replay;
    private readonly ExchangeDefinition? _exchanges;
    private readonly PartyLog? _log;
    private readonly TimeProvider _clock;
    private readonly Lazy<ImmutableArray<Obligation>> _owed;
    private readonly Lazy<ImmutableArray<NotificationDocument>> _provided;
    private readonly ConcurrentDictionary<LocalDate, ImmutableArray<ComplianceReport>> _series = new();
    private readonly ConcurrentDictionary<(PartyCode, LocalDate), PartyDashboard> _pages = new();
    private readonly string _sourceNote;

    private ReplayDashboardSource(Treaty treaty, ReplayResult replay, ExchangeDefinition? exchanges, PartyLog? log, TimeProvider clock, string source)
    {
        _treaty = treaty;
        _replay = replay;
        _exchanges = exchanges;
        _log = log;
        _clock = clock;
        _sourceNote = source;
        _owed = new(() =>
        {
            var until = (_treaty.Expiry ?? LocalDate.FromDateTime(_clock.GetUtcNow().UtcDateTime)).PlusDays(-1);
            return [.. _treaty.Parties.SelectMany(p => ObligationGenerator.Generate(_treaty, p.Code, _replay.Ledger, [], [], until))];
        });

        // What an honest party sent: every obligation met on time (as verity demo and verity deadlines replay it).
        _provided = new(() => NotificationPlan.Provide(_owed.Value));
    }

    /// <summary>Replays the record of <paramref name="treaty"/> found under <paramref name="dataDirectory"/>
    /// (<c>history/&lt;id&gt;-forces.yaml</c>, <c>-aggregates.csv</c>, optionally <c>-breakdowns.csv</c> and
    /// <c>exchanges/&lt;id&gt;.yaml</c>); <c>null</c> when the treaty has no replayable record there.</summary>
    /// <param name="treaty">The treaty.</param>
    /// <param name="dataDirectory">The folder holding <c>history/</c> and <c>exchanges/</c>.</param>
    /// <param name="log">The node's own log, for the log integrity panel; <c>null</c> for none.</param>
    /// <param name="clock">The clock, for "last seen" and the notifications' horizon of a treaty without expiry.</param>
    /// <exception cref="InputException">A record file is malformed.</exception>
    public static ReplayDashboardSource? TryLoad(Treaty treaty, string dataDirectory, PartyLog? log, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(clock);
        var history = Path.Combine(dataDirectory, "history");
        var modelPath = Path.Combine(history, treaty.Id + "-forces.yaml");
        var aggregatesPath = Path.Combine(history, treaty.Id + "-aggregates.csv");
        if (!File.Exists(modelPath) || !File.Exists(aggregatesPath))
        {
            return null;
        }

        var model = HistoryReader.ReadForceModel(Read(modelPath), modelPath);
        var figures = HistoryReader.ReadAggregates(new StringReader(Read(aggregatesPath)), aggregatesPath);
        var breakdownsPath = Path.Combine(history, treaty.Id + "-breakdowns.csv");
        var breakdowns = File.Exists(breakdownsPath) ? HistoryReader.ReadBreakdowns(new StringReader(Read(breakdownsPath)), breakdownsPath) : [];
        var exchangesPath = Path.Combine(dataDirectory, "exchanges", treaty.Id + ".yaml");
        var exchanges = File.Exists(exchangesPath) ? ExchangeReader.Parse(Read(exchangesPath), exchangesPath, treaty) : null;
        var replay = ReplayRunner.Run(treaty, model, figures, breakdowns, Interpretation.Agreed);
        var source = $"{treaty.Name}'s public record replayed item by item (data/history/{treaty.Id}-*: published aggregates; item identifiers are synthetic), "
            + "with the notifications and databases an honest party would have sent; log integrity is this node's own log";
        return new ReplayDashboardSource(treaty, replay, exchanges, log, clock, source);
    }

    /// <inheritdoc />
    public Task<DashboardModel> OverviewAsync(LocalDate at, CancellationToken cancellationToken)
    {
        var report = ComplianceEvaluator.Evaluate(_treaty, _replay.Ledger.AsOf(at), at, Interpretation.Agreed);
        var scopes = report.Scopes
            .Select(s => new ScopeStanding(s.Scope, ScopeName(s.Scope), _treaty.FindGroup(s.Scope) is not null, s.Members, s.Standing,
                [.. s.Limits.Select(l => new LimitStanding(l.Limit.Id, l.Limit.Name, l.Limit.Article, l.Value, l.Ceiling, l.Status))]))
            .OrderBy(s => s.IsGroup)
            .ToImmutableArray();
        return Task.FromResult(new DashboardModel(_treaty.Id, _treaty.Name, at, report.Standing, scopes, _sourceNote));
    }

    /// <inheritdoc />
    public async Task<PartyDashboard?> PartyAsync(PartyCode party, LocalDate at, CancellationToken cancellationToken)
    {
        if (!_treaty.HasParty(party))
        {
            return null;
        }

        // The date comes from the request: keep the cache small, whatever dates are asked for.
        if (_pages.Count > MaxCachedPages)
        {
            _pages.Clear();
            _series.Clear();
        }

        var page = _pages.GetOrAdd((party, at), key => Build(key.Item1, key.Item2));
        var logs = _log is null ? ImmutableArray<LogIntegrity>.Empty : [await IntegrityAsync(_log, cancellationToken).ConfigureAwait(false)];
        return page with { Logs = logs };
    }

    /// <inheritdoc />
    public Task<ItemHistory?> ItemAsync(PartyCode party, string uid, CancellationToken cancellationToken)
    {
        var events = _replay.Ledger.History(uid);
        if (events.IsEmpty || events[0] is not ItemProduced produced || produced.Item.Party != party)
        {
            return Task.FromResult<ItemHistory?>(null);
        }

        return Task.FromResult<ItemHistory?>(new ItemHistory(_treaty.Name, party, uid, produced.Item.Kind, produced.Item.Type,
            [.. events.Select(e => new ItemHistoryEvent(e.Date, e.Kind, e.Describe()))], _sourceNote));
    }

    private PartyDashboard Build(PartyCode party, LocalDate at)
    {
        var reports = _series.GetOrAdd(at, Series);
        var scopes = reports.IsEmpty
            ? ImmutableArray<ScopeSeries>.Empty
            : [.. reports[0].Scopes.Where(s => s.Members.Contains(party)).Select(s => new ScopeSeries(s.Scope, ScopeName(s.Scope), s.Members,
                [.. s.Limits.Select(l => new LimitSeries(l.Limit.Id, l.Limit.Name, l.Limit.Article, l.Ceiling, l.Limit.From,
                    [.. reports.Select(r => r[s.Scope]?[l.Limit.Id] is { } x ? new CompliancePoint(r.At, x.Value, x.Ceiling, x.Status) : null).OfType<CompliancePoint>()]))]))];

        var deadlines = DeadlineTracker.Track(_treaty, party, _owed.Value, _provided.Value, at);
        var feed = deadlines.Obligations
            .Select(t => new NotificationRow(t.Obligation.Type.Id, t.Provided?.Number, t.Obligation.Subject, t.Obligation.TriggeredAt, t.Obligation.Due, t.Provided?.Sent, State(t.State)))
            .Concat(deadlines.Unmatched.Select(d => new NotificationRow(d.Type, d.Number, d.Subject, d.Triggered.AtMidnight(), null, d.Sent, NotificationState.Unmatched)))
            .OrderByDescending(r => r.Triggered)
            .ToImmutableArray();

        var databases = ImmutableArray<Database>.Empty;
        var findings = ImmutableArray<Finding>.Empty;
        if (_exchanges is not null)
        {
            databases = [.. _exchanges.ScheduleFrom(_treaty.Dates.EntryIntoForce).Exchanges(at)
                .Where(e => _treaty.StandingAt(e.AsOf, party) == TreatyStanding.InForce)
                .Select(e => Database.Build(_exchanges, _treaty, _replay.Ledger, party, e.AsOf))];
            findings = Reconciler.Reconcile(_treaty, _exchanges, party, databases, _provided.Value.Where(d => d.Sent.Date <= at), at).Findings;
        }

        var latest = databases.OrderByDescending(d => d.AsOf).Take(LatestDatabases)
            .Select(d => new DatabaseSummary(d.AsOf, d.Hash.ToString(),
                [.. d.Aggregates.Select(a => new DatabaseCount(a.Limit, a.Name, a.Value)), .. d.Categories.Select(c => new DatabaseCount(c.Id, c.Name, c.Count))]))
            .ToImmutableArray();
        var items = _replay.Ledger.AsOf(at).Items.Where(i => i.Party == party)
            .OrderBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Uid, StringComparer.Ordinal)
            .Select(i => new ItemLink(i.Uid, i.Kind, i.Type, i.Status, i.Location))
            .ToImmutableArray();
        var name = _treaty.Parties.First(p => p.Code == party).Name;
        return new PartyDashboard(_treaty.Id, _treaty.Name, party, name, at, _treaty.StandingAt(at, party), scopes, feed, latest, findings, items, [], [], _sourceNote);
    }

    /// <summary>Every month from entry into force to <paramref name="at"/> (or the expiry, if earlier), and that last date.</summary>
    private ImmutableArray<ComplianceReport> Series(LocalDate at)
    {
        var start = _treaty.Dates.EntryIntoForce;
        var end = _treaty.Expiry is { } expiry && expiry < at ? expiry : at;
        if (end <= start)
        {
            return [];
        }

        var dates = ComplianceTimeline.Dates(start, end, Step).Append(end).Distinct();
        return ComplianceTimeline.Evaluate(_treaty, _replay.Ledger, dates, Interpretation.Agreed);
    }

    private async Task<LogIntegrity> IntegrityAsync(PartyLog log, CancellationToken cancellationToken)
    {
        var note = await log.CheckpointAsync(cancellationToken).ConfigureAwait(false);
        var text = note.ToString();
        var opened = Checkpoint.Open(text, [log.Verifier]);
        string? problem = opened.Problem;
        if (opened.Checkpoint is { } checkpoint)
        {
            // The signature holds; the root must also be the one recomputed from the log's entries at that size.
            var root = await log.ReadAsync(m => checkpoint.TreeSize == 0 ? Task.FromResult(checkpoint.RootHash) : m.RootAsync(checkpoint.TreeSize, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (root != checkpoint.RootHash)
            {
                problem = $"checkpoint root {checkpoint.RootHash.ToBase64()} differs from the root recomputed from the log, {root.ToBase64()}";
            }
        }

        return new LogIntegrity(log.Options.Party, opened.Checkpoint?.TreeSize ?? 0, opened.Checkpoint?.RootHash.ToBase64() ?? string.Empty, text,
            problem is null, problem, _clock.GetUtcNow());
    }

    private string ScopeName(string scope) =>
        PartyCode.TryParse(scope, out var code) && _treaty.Parties.FirstOrDefault(p => p.Code == code) is { } party ? party.Name
        : _treaty.FindGroup(scope)?.Name ?? scope;

    private static NotificationState State(DeadlineState state) => state switch
    {
        DeadlineState.OnTime => NotificationState.OnTime,
        DeadlineState.Late => NotificationState.Late,
        DeadlineState.Overdue => NotificationState.Overdue,
        _ => NotificationState.Pending,
    };

    private static string Read(string path) => File.ReadAllText(path, new UTF8Encoding(false, true));
}
