using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using Spectre.Console;
using Verity.Core;
using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Treaties;

namespace Verity.Cli.Commands;

/// <summary><c>verity exchange --at DATE</c>: each party's database (Protocol Part Two) as of an exchange date, and what changed since an earlier one.</summary>
internal static class ExchangeCommand
{
    private const int ItemLines = 25;

    public static Command Create(CliContext context)
    {
        var atOption = new Option<string>("--at") { Description = "The date the database is as of, YYYY-MM-DD: entry into force or a period's as-of date.", Required = true };
        var partyOption = new Option<string>("--party") { Description = "Only this party (ISO 3166-1 alpha-2)." };
        var recordOption = new Option<string>("--record") { Description = "A bundled public record whose replayed ledger gives the items, such as new-start (the default)." };
        var treatyOption = new Option<string>("--treaty") { Description = "The treaty definition (YAML file) or a bundled treaty's name, with --inventory." };
        var inventoryOption = new Option<string>("--inventory") { Description = "The items as of --at, a CSV inventory: uid,party,kind,type,status,warheads,location[,attributes...]." };
        var exchangeOption = new Option<string>("--exchange") { Description = "The exchange definition (YAML); default data/exchanges/<treaty>.yaml." };
        var jsonOption = new Option<bool>("--json") { Description = "Print JSON for programs instead of tables." };
        var diffOption = new Option<string>("--diff-from") { Description = "Also show what changed since the database as of this earlier exchange date (needs a ledger: --record)." };
        var outOption = new Option<string>("--out", "--export") { Description = "Write the database of --party to this file in its canonical JSON form (what a party hands to the other); overwrites." };
        var command = new Command("exchange", """
            Build each party's database of the treaty's data exchange (New START Protocol Part Two) as of an
            exchange date: aggregate numbers, warheads by base, the categories of items, facilities, and the
            SHA-256 of its canonical JSON. With --diff-from, also what changed since an earlier exchange. With
            --out FILE, write one party's database to FILE in that canonical form, the file a party hands over
            and `verity reconcile --databases` reads back.
            Exit 0 when built, 2 on bad input (such as a date that is not an exchange date).

            Examples:
              verity exchange --at 2020-09-01
              verity exchange --at 2020-09-01 --party US --diff-from 2020-03-01
              verity exchange --record new-start --at 2011-02-05 --json
              verity exchange --treaty new-start --inventory us-2022.csv --at 2022-03-01
              verity exchange --at 2011-09-01 --party US --out us-2011-09-01.json
            """)
        {
            atOption, partyOption, recordOption, treatyOption, inventoryOption, exchangeOption, jsonOption, diffOption, outOption,
        };

        command.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var record = parse.GetValue(recordOption);
            var treatyPath = parse.GetValue(treatyOption);
            var inventoryPath = parse.GetValue(inventoryOption);
            var diffText = parse.GetValue(diffOption);
            if (record is not null && (treatyPath is not null || inventoryPath is not null))
            {
                throw Bad("--record", "--record and --treaty/--inventory are two sources of items: give one");
            }

            if ((treatyPath is null) != (inventoryPath is null))
            {
                throw Bad(treatyPath is null ? "--treaty" : "--inventory", "--treaty and --inventory go together: give both");
            }

            if (diffText is not null && inventoryPath is not null)
            {
                throw Bad("--diff-from", "a diff needs the items at two dates: use --record, whose ledger has both; an inventory is one date");
            }

            var output = parse.GetValue(outOption);
            if (output is not null && diffText is not null)
            {
                throw Bad("--out", "--out writes one database; --diff-from compares two: give one");
            }

            // The folder is made when the database is written; a file in its place is refused before anything runs.
            if (output is not null && File.Exists(Path.GetDirectoryName(Path.GetFullPath(output))))
            {
                throw Bad("--out", $"cannot write {output}: {Path.GetDirectoryName(Path.GetFullPath(output))} is a file, not a folder");
            }

            var at = CommandLineInput.ParseDate(parse.GetValue(atOption), "--at", context.Today);
            LocalDate? from = diffText is null ? null : CommandLineInput.ParseDate(diffText, "--diff-from", context.Today);

            Treaty treaty;
            Inventory? inventory = null;
            string? recordName = null;
            if (inventoryPath is not null)
            {
                treaty = CommandLineInput.ReadTreaty(context, treatyPath!);
                using var reader = CommandLineInput.OpenText(inventoryPath, "--inventory");
                inventory = InventoryReader.Parse(reader, inventoryPath, treaty);
            }
            else
            {
                recordName = record ?? "new-start";
                var modelPath = Path.Combine(context.DataDirectory, "history", $"{recordName}-forces.yaml");
                if (!File.Exists(modelPath))
                {
                    throw Bad("--record", $"unknown record '{recordName}': bundled records are the *-forces.yaml files in {Path.Combine(context.DataDirectory, "history")}, such as new-start");
                }

                // The record's treaty first: every option is checked before the replay runs.
                var model = HistoryReader.ReadForceModel(CommandLineInput.ReadText(modelPath, "--record"), modelPath);
                treaty = CommandLineInput.ReadTreaty(context, model.TreatyId);
            }

            var party = CommandLineInput.ParseParty(parse.GetValue(partyOption), treaty);
            if (output is not null && party is null)
            {
                throw Bad("--out", $"a file holds one party's database: give --party ({string.Join(" or ", treaty.Parties.Select(x => x.Code.Value))})");
            }

            var definition = ReadDefinition(context, treaty, parse.GetValue(exchangeOption));
            var schedule = definition.ScheduleFrom(treaty.Dates.EntryIntoForce);
            var exchange = Scheduled(schedule, treaty, at, "--at");
            var earlier = from is { } f ? Scheduled(schedule, treaty, f, "--diff-from") : null;
            if (earlier is not null && earlier.AsOf >= at)
            {
                throw Bad("--diff-from", $"{CommandLineInput.Format(earlier.AsOf)} is not before --at {CommandLineInput.Format(at)}: a diff runs from an earlier database to a later one");
            }

            var ledger = recordName is null ? null : ReplayCommand.Load(context, recordName, null).Ledger;
            var parties = party is { } p
                ? [p]
                : inventory is null
                    ? treaty.Parties.Select(x => x.Code).ToList()
                    : treaty.Parties.Select(x => x.Code).Where(c => inventory.Any(i => i.Party == c)).ToList();
            var databases = parties.Select(x => ledger is null
                ? Database.Build(definition, treaty, inventory!, x, at)
                : Database.Build(definition, treaty, ledger, x, at)).ToList();
            var diffs = earlier is null
                ? []
                : parties.Select((x, i) => DatabaseDiff.Between(Database.Build(definition, treaty, ledger!, x, earlier.AsOf), databases[i])).ToList();

            if (output is not null)
            {
                var database = databases.Single();
                Write(output, database);
                if (parse.GetValue(jsonOption))
                {
                    Json.Write(context, new JsonObject
                    {
                        ["treaty"] = treaty.Id,
                        ["party"] = database.Party.Value,
                        ["at"] = CommandLineInput.Format(database.AsOf),
                        ["sha256"] = database.Hash.ToString(),
                        ["out"] = output,
                    });
                }
                else
                {
                    context.Out.MarkupLineInterpolated($"wrote the {database.Party.Value} database as of {CommandLineInput.Format(database.AsOf)} to {output} [grey](sha256 {database.Hash.ToString()})[/]");
                }
            }
            else if (parse.GetValue(jsonOption))
            {
                Json.Write(context, ToJson(treaty, exchange, earlier, databases, diffs));
            }
            else
            {
                Print(context, treaty, definition, exchange, databases, diffs);
                if (inventoryPath is null)
                {
                    Terminal.Note(context, $"[grey]Built from the replayed record. {Markup.Escape(Reports.Replay.ReplayText.Synthetic)}[/]");
                }
            }

            return VerityApp.Ok;
        }));
        return command;
    }

    /// <summary>Writes the canonical bytes through a temporary name and a rename: a reader never sees half a database.</summary>
    private static void Write(string path, Database database)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(database.ToJson());
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw Bad("--out", $"cannot write {path}: {e.Message}");
        }
    }

    private static InputException Bad(string option, string message) => new(new Diagnostic(option, 0, 0, string.Empty, message));

    internal static ExchangeDefinition ReadDefinition(CliContext context, Treaty treaty, string? path)
    {
        var file = path ?? Path.Combine(context.DataDirectory, "exchanges", treaty.Id + ".yaml");
        if (path is null && !File.Exists(file))
        {
            throw Bad("--exchange", $"no exchange definition for treaty '{treaty.Id}': expected {file}, or give one with --exchange FILE");
        }

        return ExchangeReader.Parse(CommandLineInput.ReadText(file, "--exchange"), file, treaty);
    }

    /// <summary>The exchange as of <paramref name="date"/>, or bad input naming the nearest exchange dates.</summary>
    private static ExchangePeriod Scheduled(ExchangeSchedule schedule, Treaty treaty, LocalDate date, string option)
    {
        var end = treaty.TerminatedOn is { } t && (treaty.Expiry is not { } x || t < x) ? t : treaty.Expiry;
        var exchange = schedule.At(date);
        if (exchange is not null && (end is null || date < end))
        {
            return exchange;
        }

        var horizon = date.Plus(schedule.PeriodLength).Plus(schedule.PeriodLength);
        var valid = schedule.Exchanges(end is { } e && e < horizon ? e.PlusDays(-1) : horizon);
        var before = valid.LastOrDefault(v => v.AsOf < date);
        var after = valid.FirstOrDefault(v => v.AsOf > date);
        var nearest = new[] { before, after }.OfType<ExchangePeriod>().Select(v => $"{CommandLineInput.Format(v.AsOf)} ({Label(v)})").ToList();
        var why = end is { } ended && date >= ended
            ? $"{treaty.Name} was no longer in force on {CommandLineInput.Format(date)} (from {CommandLineInput.Format(ended)})"
            : $"{CommandLineInput.Format(date)} is not a date {treaty.Name}'s database is as of: the initial database is as of entry into force, each update as of the day a {schedule.PeriodLength} period expires";
        throw Bad(option, nearest.Count == 0
            ? $"{why}; the first is {CommandLineInput.Format(schedule.Initial.AsOf)}"
            : $"{why}; the nearest {(nearest.Count == 1 ? "is" : "are")} {string.Join(" and ", nearest)}");
    }

    private static string Label(ExchangePeriod exchange) => exchange.IsInitial ? "initial" : $"update {exchange.Number}";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static JsonObject ToJson(Treaty treaty, ExchangePeriod exchange, ExchangePeriod? earlier, IReadOnlyList<Database> databases, IReadOnlyList<DatabaseDiff> diffs)
    {
        var node = new JsonObject
        {
            ["treaty"] = treaty.Id,
            ["at"] = CommandLineInput.Format(exchange.AsOf),
            ["exchange"] = ExchangeJson(exchange),
        };
        if (earlier is not null)
        {
            node["diff_from"] = ExchangeJson(earlier);
        }

        node["databases"] = new JsonArray([.. databases.Select(d => (JsonNode)new JsonObject
        {
            ["party"] = d.Party.Value,
            ["sha256"] = d.Hash.ToString(),
            ["database"] = JsonNode.Parse(d.ToJson()),
        })]);
        if (earlier is not null)
        {
            node["diffs"] = new JsonArray([.. diffs.Select(DiffJson)]);
        }

        return node;
    }

    private static JsonObject ExchangeJson(ExchangePeriod exchange) => new()
    {
        ["kind"] = exchange.IsInitial ? "initial" : "update",
        ["number"] = exchange.Number,
        ["period_start"] = CommandLineInput.Format(exchange.Start),
        ["as_of"] = CommandLineInput.Format(exchange.AsOf),
        ["due"] = CommandLineInput.Format(exchange.Due),
    };

    private static JsonNode DiffJson(DatabaseDiff diff)
    {
        static JsonNode? Item(DatabaseItem? item) => item is null ? null : new JsonObject
        {
            ["kind"] = item.Kind,
            ["type"] = item.Type,
            ["status"] = item.Status,
            ["location"] = item.Location,
            ["warheads"] = item.Warheads,
        };

        static JsonArray Changes(IEnumerable<ItemChange> changes) => new([.. changes.Select(c => (JsonNode)new JsonObject
        {
            ["uid"] = c.Uid,
            ["fields"] = new JsonArray([.. c.Fields.Select(f => JsonValue.Create(f))]),
            ["before"] = Item(c.Before),
            ["after"] = Item(c.After),
        })]);

        static JsonArray Counts(IEnumerable<CountChange> changes) => new([.. changes.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["before"] = c.Before,
            ["after"] = c.After,
            ["delta"] = c.Delta,
        })]);

        return new JsonObject
        {
            ["party"] = diff.Party.Value,
            ["from"] = CommandLineInput.Format(diff.From),
            ["to"] = CommandLineInput.Format(diff.To),
            ["added"] = Changes(diff.Added),
            ["removed"] = Changes(diff.Removed),
            ["changed"] = Changes(diff.Changed),
            ["aggregates"] = Counts(diff.Aggregates),
            ["categories"] = Counts(diff.Categories),
            ["warheads"] = Counts(diff.Warheads),
        };
    }

    private static void Print(CliContext context, Treaty treaty, ExchangeDefinition definition, ExchangePeriod exchange, List<Database> databases, List<DatabaseDiff> diffs)
    {
        var console = context.Out;
        var when = exchange.IsInitial
            ? $"initial database, as of entry into force, due {CommandLineInput.Format(exchange.Due)}"
            : $"update {exchange.Number}: period {CommandLineInput.Format(exchange.Start)} to {CommandLineInput.Format(exchange.AsOf.PlusDays(-1))}, due {CommandLineInput.Format(exchange.Due)}";
        for (var i = 0; i < databases.Count; i++)
        {
            var database = databases[i];
            console.MarkupLineInterpolated($"[bold]{treaty.Name}[/] database of [bold]{database.Party.Value}[/] as of {CommandLineInput.Format(database.AsOf)} ({when})");
            console.MarkupLineInterpolated($"[grey]sha256 {database.Hash.ToString()}[/]");

            var aggregates = Terminal.Table(Markup.Escape($"Aggregate numbers ({definition.AggregatesReference})"));
            aggregates.AddColumn("Aggregate");
            aggregates.AddColumn("Provision");
            aggregates.AddColumn(Terminal.Fixed("Number", right: true));
            foreach (var aggregate in database.Aggregates)
            {
                aggregates.AddRow(Markup.Escape(aggregate.Name), Markup.Escape(aggregate.Article ?? string.Empty), N(aggregate.Value));
            }

            Terminal.Write(context, aggregates);

            var categories = Terminal.Table("Categories");
            categories.AddColumn("Category");
            categories.AddColumn("Reference");
            categories.AddColumn(Terminal.Fixed("Number", right: true));
            categories.AddColumn("By location");
            foreach (var category in database.Categories)
            {
                categories.AddRow(
                    Markup.Escape(category.Name),
                    Markup.Escape(category.Reference ?? string.Empty),
                    N(category.Count),
                    Markup.Escape(string.Join(", ", category.ByLocation.Select(l => $"{l.Location} {N(l.Count)}"))));
            }

            Terminal.Write(context, categories);

            var warheads = Terminal.Table(Markup.Escape($"Warheads ({definition.WarheadsReference})"));
            warheads.AddColumn("Warheads");
            warheads.AddColumn("Base");
            warheads.AddColumn(Terminal.Fixed("Number", right: true));
            foreach (var group in database.Warheads.Groups)
            {
                foreach (var b in group.ByBase)
                {
                    warheads.AddRow(Markup.Escape(group.Name), Markup.Escape(b.Location), N(b.Count));
                }

                warheads.AddRow($"[bold]{Markup.Escape(group.Name)}[/]", group.ByBase.IsEmpty ? string.Empty : "[bold]all bases[/]", $"[bold]{N(group.Total)}[/]");
            }

            warheads.AddRow("[bold]Total[/]", string.Empty, $"[bold]{N(database.Warheads.Total)}[/]");
            Terminal.Write(context, warheads);

            var facilities = Terminal.Table(Markup.Escape($"Facilities ({definition.FacilitiesReference})"));
            facilities.AddColumn("Facility");
            facilities.AddColumn(Terminal.Fixed("Items", right: true));
            facilities.AddColumn("Holds");
            foreach (var facility in database.Facilities)
            {
                facilities.AddRow(
                    Markup.Escape(facility.Location),
                    N(facility.Total),
                    Markup.Escape(string.Join(", ", facility.Holdings.Select(h => $"{h.Kind} {h.Status} {N(h.Count)}"))));
            }

            Terminal.Write(context, facilities);
            if (i < diffs.Count)
            {
                PrintDiff(context, diffs[i]);
            }

            console.WriteLine();
        }
    }

    private static void PrintDiff(CliContext context, DatabaseDiff diff)
    {
        var console = context.Out;
        console.MarkupLineInterpolated($"[bold]Changes for {diff.Party.Value} from {CommandLineInput.Format(diff.From)} to {CommandLineInput.Format(diff.To)}[/]: {diff.Added.Length} item(s) added, {diff.Removed.Length} removed, {diff.Changed.Length} changed");
        if (diff.IsEmpty)
        {
            console.MarkupLine("[grey]no change[/]");
            return;
        }

        var numbers = Terminal.Table();
        numbers.AddColumn("Number");
        numbers.AddColumn(Terminal.Fixed("Before", right: true));
        numbers.AddColumn(Terminal.Fixed("After", right: true));
        numbers.AddColumn(Terminal.Fixed("Change", right: true));
        foreach (var change in diff.Aggregates.Concat(diff.Categories).Concat(diff.Warheads.Select(w => w with { Name = "warheads " + w.Name })))
        {
            numbers.AddRow(Markup.Escape(change.Name), N(change.Before), N(change.After), (change.Delta > 0 ? "+" : string.Empty) + N(change.Delta));
        }

        if (numbers.Rows.Count > 0)
        {
            Terminal.Write(context, numbers);
        }

        var items = diff.Items.ToList();
        foreach (var change in items.Take(ItemLines))
        {
            console.MarkupLineInterpolated($"  {change.Uid}: {change.Describe()}");
        }

        if (items.Count > ItemLines)
        {
            console.MarkupLineInterpolated($"  [grey]… and {items.Count - ItemLines} more item change(s); --json lists every one[/]");
        }
    }
}
