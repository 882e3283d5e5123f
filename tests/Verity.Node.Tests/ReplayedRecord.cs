using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using NodaTime;
using Verity.Core;
using Verity.Core.Analysis.Replay;
using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using Verity.Core.Records;
using Verity.Core.Treaties;

namespace Verity.Node.Tests;

/// <summary>
/// The bundled New START record replayed once: the United States' first two databases (as of entry into force and
/// 2011-09-01) and the notifications it owed up to the second, provided as the honest plan provides them, and a
/// Russian database for statements that belong to another party. <see cref="Spanning"/> gives a later stretch of the
/// record, and <c>SubmitAsync</c> submits a record to a node as its operator does.
/// </summary>
public sealed class ReplayedRecord
{
    public static readonly LocalDate First = new(2011, 2, 5);
    public static readonly LocalDate Second = new(2011, 9, 1);
    public static readonly PartyCode US = PartyCode.Parse("US");
    public static readonly PartyCode RU = PartyCode.Parse("RU");

    public ReplayedRecord()
    {
        Treaty = TreatyReader.Parse(File.ReadAllText(DataPath("treaties", "new-start.yaml")), "new-start.yaml");
        var model = HistoryReader.ReadForceModel(File.ReadAllText(DataPath("history", "new-start-forces.yaml")), "new-start-forces.yaml");
        using var aggregates = new StreamReader(DataPath("history", "new-start-aggregates.csv"));
        using var breakdowns = new StreamReader(DataPath("history", "new-start-breakdowns.csv"));
        Ledger = ReplayRunner.Run(Treaty, model, HistoryReader.ReadAggregates(aggregates, "aggregates"), HistoryReader.ReadBreakdowns(breakdowns, "breakdowns"), Interpretation.Agreed).Ledger;
        Definition = ExchangeReader.Parse(File.ReadAllText(DataPath("exchanges", "new-start.yaml")), "new-start.yaml", Treaty);
        Databases = [Database.Build(Definition, Treaty, Ledger, US, First), Database.Build(Definition, Treaty, Ledger, US, Second)];
        Russian = Database.Build(Definition, Treaty, Ledger, RU, First);
        Owed = ObligationGenerator.Generate(Treaty, US, Ledger, [], [], Second);
        Notifications = NotificationPlan.Provide(Owed);
    }

    public Treaty Treaty { get; }

    public Ledger Ledger { get; }

    public ExchangeDefinition Definition { get; }

    public ImmutableArray<Database> Databases { get; }

    public Database Russian { get; }

    public ImmutableArray<Obligation> Owed { get; }

    public ImmutableArray<NotificationDocument> Notifications { get; }

    /// <summary>The warheads limit takes effect on 2018-02-05: databases on either side show its 1,550 line in effect.</summary>
    public static readonly LocalDate BeforeLimits = new(2017, 9, 1);

    public static readonly LocalDate AfterLimits = new(2018, 3, 1);

    /// <summary>The United States' databases as of <paramref name="from"/> and <paramref name="to"/> (dates of the
    /// exchange schedule) and the notifications it owed for events after the first up to the second, as provided.</summary>
    public (ImmutableArray<Database> Databases, ImmutableArray<NotificationDocument> Notifications) Spanning(LocalDate from, LocalDate to)
    {
        var owed = ObligationGenerator.Generate(Treaty, US, Ledger, [], [], to);
        return ([Database.Build(Definition, Treaty, Ledger, US, from), Database.Build(Definition, Treaty, Ledger, US, to)],
            [.. NotificationPlan.Provide(owed).Where(n => n.Triggered > from && n.Triggered <= to)]);
    }

    /// <summary>
    /// The United States' record from entry into force to <paramref name="to"/> as <c>verity reconcile</c> builds it: a
    /// database at every date of the exchange schedule by then, and every notification it owed for events by then.
    /// </summary>
    public (ImmutableArray<Database> Databases, ImmutableArray<NotificationDocument> Notifications) Through(LocalDate to)
    {
        var owed = ObligationGenerator.Generate(Treaty, US, Ledger, [], [], to);
        return ([.. Definition.ScheduleFrom(Treaty.Dates.EntryIntoForce).Exchanges(to).Select(e => Database.Build(Definition, Treaty, Ledger, US, e.AsOf))],
            [.. NotificationPlan.Provide(owed).Where(n => n.Triggered <= to)]);
    }

    /// <summary>Submits <paramref name="databases"/> and <paramref name="notifications"/> through <c>POST /statements</c>
    /// (<paramref name="client"/> carries the operator's token) in the order provided: a database on its as-of date, each
    /// notification when sent; each must be stored (201).</summary>
    public static async Task SubmitAsync(HttpClient client, Treaty treaty, IEnumerable<Database> databases, IEnumerable<NotificationDocument> notifications)
    {
        var statements = databases.Select(d => (At: d.AsOf.AtMidnight(), Type: StatementTypes.Declaration, Body: d.ToJson().ToArray()))
            .Concat(notifications.Select(n => (At: n.Sent, Type: StatementTypes.Notification, Body: Encoding.UTF8.GetBytes(NotificationWriter.ToJson(n, treaty)))))
            .OrderBy(s => s.At);
        foreach (var (_, type, body) in statements)
        {
            await SubmitAsync(client, type, body);
        }
    }

    /// <summary>Submits one statement; it must be stored (201).</summary>
    public static async Task SubmitAsync(HttpClient client, string type, byte[] body)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/statements", UriKind.Relative), new { type, body = Convert.ToBase64String(body) });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static string DataPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);
}
