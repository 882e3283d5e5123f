using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Verity.Core;
using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using Verity.Core.Reconciliation;
using Verity.Core.Treaties;

namespace Verity.Bench.Core;

/// <summary>
/// Reconciliation of fifteen years of one party's record (2011-02-05 to 2026-02-04): a synthetic ledger of 3,000
/// listed items (ICBMs, SLBMs, heavy bombers) each moved and its status changed 18 times, provided honestly —
/// more than 50,000 change-in-data notifications and 30 databases. The baseline is reading the notifications
/// (<see cref="NotificationReader.Parse"/> over their JSON), measured alongside. Target: reconciling at most 3x
/// the read.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class ReconcileBenchmark
{
    private const int Items = 3_000;
    private const int ChangesPerItem = 18;
    private static readonly LocalDate EntryIntoForce = new(2011, 2, 5);
    private static readonly LocalDate AsOf = new(2026, 2, 4);
    private static readonly PartyCode US = PartyCode.Parse("US");
    private static readonly string[] Kinds = ["icbm", "slbm", "heavy-bomber"];
    private static readonly string[] Bases = [.. Enumerable.Range(1, 12).Select(i => $"Base {i:D2}")];

    private Treaty _treaty = null!;
    private ExchangeDefinition _definition = null!;
    private string _json = null!;
    private Dictionary<PartyCode, IReadOnlySet<string>> _declared = null!;
    private ImmutableArray<NotificationDocument> _documents;
    private ImmutableArray<Database> _databases;

    [GlobalSetup]
    public void Setup()
    {
        _treaty = TreatyReader.Parse(File.ReadAllText(ComplianceBenchmark.DataFile("treaties/new-start.yaml")), "new-start.yaml");
        _definition = ExchangeReader.Parse(File.ReadAllText(ComplianceBenchmark.DataFile("exchanges/new-start.yaml")), "new-start.yaml", _treaty);
        var ledger = Ledger.Create(SyntheticEvents(new Random(20110205)), "synthetic");

        var owed = ObligationGenerator.Generate(_treaty, US, ledger, [], [], AsOf);
        var provided = NotificationPlan.Provide(owed);
        _json = NotificationWriter.ToJson(provided, _treaty);
        _declared = new() { [US] = ledger.Events.OfType<ItemProduced>().Select(e => e.Uid).ToHashSet(StringComparer.Ordinal) };
        _databases = [.. _definition.ScheduleFrom(_treaty.Dates.EntryIntoForce).Exchanges(AsOf)
            .Where(e => _treaty.StandingAt(e.AsOf, US) == TreatyStanding.InForce)
            .Select(e => Database.Build(_definition, _treaty, ledger, US, e.AsOf))];
        _documents = Parse();

        var changes = _documents.Count(d => d.Type == "change-in-data");
        if (changes < 50_000 || _databases.Length < 30)
        {
            throw new InvalidOperationException($"{changes:N0} change-in-data notifications and {_databases.Length} databases: the record is too small.");
        }

        var report = Reconcile();
        if (!report.Findings.IsEmpty)
        {
            throw new InvalidOperationException($"the honest synthetic record has {report.Findings.Length} finding(s), first {report.Findings[0]}: the comparison would be meaningless.");
        }

        Console.WriteLine($"// {_documents.Length:N0} notifications ({changes:N0} change-in-data, {_json.Length / 1_000_000.0:F1} MB of JSON), {_databases.Length} databases, {report.Notifications:N0} applied");
    }

    /// <summary>The baseline: reading and checking the party's notifications from their JSON.</summary>
    [Benchmark(Baseline = true)]
    public ImmutableArray<NotificationDocument> Parse() => NotificationReader.Parse(_json, "notifications.json", _treaty, _declared);

    /// <summary>Reconciling the notifications read against the databases.</summary>
    [Benchmark]
    public ReconciliationReport Reconcile() => Reconciler.Reconcile(_treaty, _definition, US, _databases, _documents, AsOf);

    /// <summary>
    /// Every item declared at entry into force (non-deployed or test, so that no deployed missile needs a
    /// launcher), then moved between bases and switched between non-deployed and test on distinct days.
    /// </summary>
    private static List<ItemEvent> SyntheticEvents(Random random)
    {
        var days = Period.Between(EntryIntoForce.PlusDays(1), AsOf, PeriodUnits.Days).Days;
        var events = new List<ItemEvent>();
        for (var i = 0; i < Items; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            var location = Bases[random.Next(Bases.Length)];
            var status = "non-deployed";
            events.Add(new ItemProduced(EntryIntoForce, new Item($"US-SYN-{i:D5}", US, kind, "T" + (i % 5), status, 0, location)));
            var dates = new SortedSet<int>();
            while (dates.Count < ChangesPerItem)
            {
                dates.Add(random.Next(days));
            }

            var n = 0;
            foreach (var day in dates)
            {
                var date = EntryIntoForce.PlusDays(1 + day);
                if (n++ % 2 == 0)
                {
                    location = Bases[(Array.IndexOf(Bases, location) + 1 + random.Next(Bases.Length - 1)) % Bases.Length];
                    events.Add(new ItemMoved(date, $"US-SYN-{i:D5}", location));
                }
                else
                {
                    status = status == "non-deployed" ? "test" : "non-deployed";
                    events.Add(new ItemStatusChanged(date, $"US-SYN-{i:D5}", status));
                }
            }
        }

        return events;
    }
}
