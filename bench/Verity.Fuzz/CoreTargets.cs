using System.Text;
using Verity.Core;
using Verity.Core.Exchanges;
using Verity.Core.Inspections;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using Verity.Core.Records;
using Verity.Core.Treaties;

namespace Verity.Fuzz;

/// <summary>The readers of Verity.Core, each through the entry the CLI and the node call: a value, or an
/// <see cref="InputException"/> whose every diagnostic names the file it was given.</summary>
internal static class CoreTargets
{
    private const string Source = "fuzz-input";

    public static IEnumerable<FuzzTarget> Create(Corpus corpus)
    {
        var treaty = TreatyReader.Parse(corpus.Text("data/treaties/new-start.yaml"), "new-start.yaml");
        var exchange = ExchangeReader.Parse(corpus.Text("data/exchanges/new-start.yaml"), "new-start.yaml", treaty);
        var us = PartyCode.Parse("US");

        // Treaties are the slowest to read (YAML, then the JSON Schema): small seeds keep each execution short.
        yield return Text("treaty-yaml", "TreatyReader.Parse", corpus.Files("corpus/core/treaties", "*.yaml").Append(corpus.Bytes("data/treaties/sort.yaml")),
            text => TreatyReader.Parse(text, Source));
        yield return Text("exchange-yaml", "ExchangeReader.Parse", [corpus.Bytes("data/exchanges/new-start.yaml")],
            text => ExchangeReader.Parse(text, Source, treaty));
        yield return Text("inventory-csv", "InventoryReader.Parse", corpus.Files("corpus/core/inventories", "*.csv").Concat(corpus.Files("corpus/cli/inventories", "*.csv").Where(f => f.Length < 4096)),
            text => InventoryReader.Parse(new StringReader(text), Source, treaty));

        var inventory = InventoryReader.Parse(new StringReader(corpus.Text("corpus/cli/inventories/within.csv")), "within.csv", treaty);
        var (notifications, declared) = Notifications(treaty, inventory, us);
        yield return Text("notification-json", "NotificationReader.Parse", notifications,
            text => NotificationReader.Parse(text, Source, treaty, declared));

        var entry = treaty.Dates.EntryIntoForce;
        var databases = exchange.ScheduleFrom(entry).Exchanges(entry.PlusYears(2)).Take(3)
            .Select(e => Encoding.UTF8.GetBytes(Database.Build(exchange, treaty, inventory, us, e.AsOf).ToJsonString())).ToList();
        yield return Text("database-json", "DatabaseReader.Parse", databases,
            text => DatabaseReader.Parse(text, Source, exchange, treaty));

        yield return Inspections(treaty, exchange, inventory, entry.PlusYears(1));

        yield return Text("estimates-csv", "EstimatesReader.Parse", corpus.Files("corpus/core/forces", "*.csv").Concat(corpus.Files("corpus/cli/forces", "*.csv")),
            text => EstimatesReader.Parse(new StringReader(text), Source));
        yield return Text("precedence-yaml", "PrecedenceReader.Parse", [corpus.Bytes("corpus/core/forces/precedence.yaml")],
            text => PrecedenceReader.Parse(text, Source));
        yield return Text("structure-yaml", "StructureReader.Parse", corpus.Files("data/forces/structures", "*.yaml").Append(corpus.Bytes("corpus/core/forces/structure.yaml")),
            text => StructureReader.Parse(text, Source));
        yield return Text("projections-yaml", "ProjectionsReader.Parse", [corpus.Bytes("data/forces/projections.yaml")],
            text => ProjectionsReader.Parse(text, Source));
        yield return Text("history-csv", "HistoryReader.ReadAggregates / ReadBreakdowns / ReadInspectionCounts",
            [.. corpus.Files("corpus/core/history", "*.csv"), Head(corpus.Bytes("data/history/new-start-aggregates.csv"), 40), Head(corpus.Bytes("data/history/new-start-breakdowns.csv"), 40),
                corpus.Bytes("data/history/new-start-inspections.csv")],
            text =>
            {
                // One reader per header: the mutated header picks which, as the file name does in the CLI.
                if (text.StartsWith("date,party,kind", StringComparison.Ordinal))
                {
                    HistoryReader.ReadBreakdowns(new StringReader(text), Source);
                }
                else if (text.StartsWith("from,to,parties", StringComparison.Ordinal))
                {
                    HistoryReader.ReadInspectionCounts(new StringReader(text), Source);
                }
                else
                {
                    HistoryReader.ReadAggregates(new StringReader(text), Source);
                }
            });
        yield return Text("force-model-yaml", "HistoryReader.ReadForceModel", [corpus.Bytes("data/history/new-start-forces.yaml")],
            text => HistoryReader.ReadForceModel(text, Source));
    }

    /// <summary>
    /// The inspection statements through the node's check before signing (<see cref="InspectionTrail.Admit(PartyRecord, string, ReadOnlySpan{byte})"/>),
    /// against an inspection of RU by US run to both reveals, so that a mutated selection, result or report reaches the
    /// trail's checks. An input is "TYPE" on its first line, then the body: the mutated first line picks the type.
    /// </summary>
    private static FuzzTarget Inspections(Treaty treaty, ExchangeDefinition exchange, Inventory inventory, NodaTime.LocalDate asOf)
    {
        var (us, ru) = (PartyCode.Parse("US"), PartyCode.Parse("RU"));
        var russian = Database.Build(exchange, treaty, inventory, ru, asOf);
        var site = russian.ListedItems().Values.Select(i => i.Location).Order(StringComparer.Ordinal).First();
        var missiles = string.Join(",", russian.ListedItems().Values.Where(i => i.Location == site).Select(i => $"{{\"uid\":\"{i.Uid}\",\"warheads\":{i.Warheads}}}"));
        var (usNonce, ruNonce) = ("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=");
        var (usCommit, ruCommit) = ("Zmh6rfhivXdsj8GLjp+OIAiXFIVu4jOzkCpZHQ1fKSU=", "cs1uhCLEB/ttCYaQ8RMLfe1+wvf14dML2dUh8BU2N5M=");
        var arrival = $"{asOf.PlusDays(20):yyyy-MM-dd}";
        string Id(string rest) => $"{{\"inspection\":\"US-RU-1\"{rest}}}";
        List<(string Type, string Body)> usSteps =
        [
            (InspectionStatements.Notice, Id($",\"inspected\":\"RU\",\"type\":\"type-one\",\"arrival\":\"{arrival}\"")),
            (InspectionStatements.Designation, Id($",\"site\":\"{site}\"")),
            (InspectionStatements.Commitment, Id($",\"commitment\":\"{usCommit}\"")),
            (InspectionStatements.Reveal, Id($",\"nonce\":\"{usNonce}\"")),
        ];
        List<(string Type, string Body)> ruSteps =
        [
            (InspectionStatements.SiteInformation, Id($",\"site\":\"{site}\",\"missiles\":[{missiles}]")),
            (InspectionStatements.Commitment, Id($",\"commitment\":\"{ruCommit}\"")),
            (InspectionStatements.Reveal, Id($",\"nonce\":\"{ruNonce}\"")),
        ];
        PartyRecord Record(PartyCode party, Database database, List<(string Type, string Body)> steps) =>
            PartyRecord.Build(treaty, exchange, party, [new RecordEntry(0, Core.Records.StatementTypes.Declaration, database.ToJson().ToArray()),
                .. steps.Select((s, i) => new RecordEntry(i + 1, s.Type, Encoding.UTF8.GetBytes(s.Body)))]);
        var usRecord = Record(us, Database.Build(exchange, treaty, inventory, us, asOf), usSteps);
        var trail = InspectionTrail.Of(treaty, [usRecord, Record(ru, russian, ruSteps)], Verity.Node.Inspections.RecordJointDraw.Instance);
        var first = russian.ListedItems().Values.First(i => i.Location == site).Uid;
        byte[] Seed(string type, string body) => Encoding.UTF8.GetBytes(type + "\n" + body);
        List<byte[]> seeds =
        [
            .. usSteps.Concat(ruSteps).Select(s => Seed(s.Type, s.Body)),
            Seed(InspectionStatements.Selection, Id($",\"selected\":[\"{first}\"]")),
            Seed(InspectionStatements.Selection, Id(",\"withheld\":[\"RU\"]")),
            Seed(InspectionStatements.Result, Id($",\"counted\":[{{\"uid\":\"{first}\",\"warheads\":2}}],\"seen\":[\"{first}\"],\"bombers\":[{{\"uid\":\"B-1\",\"armaments\":1}}]")),
            Seed(InspectionStatements.Report, Id(",\"remarks\":\"as declared\"")),
            Seed(InspectionStatements.Acknowledgement, Id(",\"comments\":\"received\"")),
            Seed(InspectionStatements.Ambiguity, Id(",\"ambiguity\":\"a1\",\"action\":\"raised\",\"text\":\"count disputed\"")),
        ];
        return new("inspection-json", "InspectionTrail.Admit (the node's check of an inspection statement)", [.. seeds], input =>
        {
            var text = Encoding.UTF8.GetString(input);
            var line = text.IndexOf('\n', StringComparison.Ordinal);
            var type = line < 0 ? text : text[..line];
            var body = Encoding.UTF8.GetBytes(line < 0 ? string.Empty : text[(line + 1)..]);
            _ = trail.Admit(usRecord, type, body);
            _ = trail.Admit(usRecord, InspectionStatements.All[input.Length % InspectionStatements.All.Length], body);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>A target over text: the bytes decoded as the CLI reads a file (UTF-8, invalid bytes replaced).</summary>
    private static FuzzTarget Text(string name, string entry, IEnumerable<byte[]> corpus, Action<string> read) =>
        new(name, entry, [.. corpus], input =>
        {
            var text = Encoding.UTF8.GetString(input);
            try
            {
                read(text);
            }
            catch (InputException e)
            {
                CheckDiagnostics(e);
            }

            return ValueTask.CompletedTask;
        });

    private static void CheckDiagnostics(InputException e)
    {
        if (e.Diagnostics.IsEmpty)
        {
            throw new FuzzInvariantException("no diagnostic: an InputException names no problem", e);
        }

        foreach (var diagnostic in e.Diagnostics)
        {
            if (diagnostic.Source != Source)
            {
                throw new FuzzInvariantException($"diagnostic names another file: '{diagnostic.Source}', not '{Source}': {diagnostic}", e);
            }

            if (string.IsNullOrWhiteSpace(diagnostic.Message) || diagnostic.Line < 0 || diagnostic.Column < 0)
            {
                throw new FuzzInvariantException($"diagnostic without a message or with a negative position: {diagnostic}", e);
            }
        }
    }

    private static byte[] Head(byte[] file, int lines)
    {
        var text = Encoding.UTF8.GetString(file).Split('\n');
        return Encoding.UTF8.GetBytes(string.Join('\n', text.Take(lines)) + "\n");
    }

    // A few items declared at entry into force, moved and changed: the notifications they owe, a few to a seed.
    private static (List<byte[]> Seeds, Dictionary<PartyCode, IReadOnlySet<string>> Declared) Notifications(Treaty treaty, Inventory inventory, PartyCode party)
    {
        var entry = treaty.Dates.EntryIntoForce;
        var events = new List<ItemEvent>();
        foreach (var item in inventory.Items.Where(i => i.Party == party))
        {
            events.Add(new ItemProduced(entry, item));
        }

        var first = inventory.Items.First(i => i.Party == party);
        events.Add(new ItemMoved(entry.PlusDays(40), first.Uid, "Minot AFB"));
        events.Add(new ItemStatusChanged(entry.PlusDays(90), first.Uid, "non-deployed"));
        var ledger = Ledger.Create(events, "fuzz");
        var documents = NotificationPlan.Provide(ObligationGenerator.Generate(treaty, party, ledger, [], [], entry.PlusDays(200)));
        var seeds = documents.Chunk(3).Select(chunk => Encoding.UTF8.GetBytes(NotificationWriter.ToJson(chunk, treaty))).ToList();
        var declared = new Dictionary<PartyCode, IReadOnlySet<string>> { [party] = inventory.Items.Select(i => i.Uid).ToHashSet(StringComparer.Ordinal) };
        return (seeds, declared);
    }
}
