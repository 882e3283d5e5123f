using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Verity.Core.Compliance;
using Verity.Core.Loading;

namespace Verity.Cli.Commands;

/// <summary><c>verity comply</c>: each limit's value, ceiling, margin and status for an inventory on a date.</summary>
internal static class ComplyCommand
{
    public static Command Create(CliContext context)
    {
        var treatyOption = new Option<string>("--treaty") { Description = "The treaty definition (YAML file), or a bundled treaty's name such as new-start.", Required = true };
        var inventoryOption = new Option<string>("--inventory") { Description = "The inventory CSV: uid,party,kind,type,status,warheads,location[,attributes...]. Exactly one of --inventory and --forces." };
        var forcesOption = new Option<string>("--forces") { Description = "Instead of an inventory, the states' forces built from data/forces/structures on --at, such as US or CN,US,RU." };
        var estimatesOption = new Option<string>("--estimates") { Description = "With --forces: the estimates CSV for structure figures taken from estimates (default: data/forces/estimates.csv when present)." };
        var partyOption = new Option<string>("--party") { Description = "Only this party (ISO 3166-1 alpha-2) and the groups it belongs to." };
        var atOption = new Option<string>("--at") { Description = "The date, YYYY-MM-DD (default: today, UTC)." };
        var interpretationOption = new Option<string>("--interpretation") { Description = "A named reading of the counting rules, such as ru-2022 (default: agreed)." };
        var jsonOption = new Option<bool>("--json") { Description = "Print JSON for programs instead of tables." };
        var explainOption = new Option<bool>("--explain") { Description = "Show which items each figure counts." };
        var fromOption = new Option<string>("--from") { Description = "A timeline: from this date (with --to), YYYY-MM-DD." };
        var toOption = new Option<string>("--to") { Description = "A timeline: to this date (with --from), YYYY-MM-DD." };
        var entryOption = new Option<string>("--entry-into-force") { Description = "For a draft treaty: the date of entry into force to assume, YYYY-MM-DD (dates given after entry into force count from it)." };
        var everyOption = new Option<string>("--every") { Description = "A timeline's step, an ISO 8601 period such as P1Y or P6M.", DefaultValueFactory = _ => "P1Y" };
        var command = new Command("comply", """
            Evaluate every limit of a treaty for each party and group on a date.
            Exit 0 when no limit in effect is exceeded, 1 when one is, 2 on bad input.

            Examples:
              verity comply --treaty new-start --inventory forces.csv --at 2022-03-01
              verity comply --treaty data/treaties/new-start.yaml --inventory forces.csv --party US --interpretation ru-2022 --json
              verity comply --treaty new-start --inventory forces.csv --from 2010-01-01 --to 2027-01-01 --every P1Y
              verity comply --treaty new-start --forces US,RU --at 2025-01-01
              verity comply --treaty pifer-2010 --forces US,RU --at 2035-01-01 --entry-into-force 2027-02-05
            """)
        {
            treatyOption, inventoryOption, forcesOption, estimatesOption, partyOption, atOption, interpretationOption, jsonOption, explainOption, fromOption, toOption, everyOption, entryOption,
        };

        command.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var treaty = CommandLineInput.ReadTreaty(context, parse.GetValue(treatyOption)!, parse.GetValue(entryOption), "--entry-into-force");
            var at = CommandLineInput.ParseDate(parse.GetValue(atOption), "--at", context.Today);
            var party = CommandLineInput.ParseParty(parse.GetValue(partyOption), treaty);
            var interpretation = CommandLineInput.ParseInterpretation(parse.GetValue(interpretationOption), treaty);
            var inventoryPath = parse.GetValue(inventoryOption);
            var forcesText = parse.GetValue(forcesOption);
            if ((inventoryPath is null) == (forcesText is null))
            {
                throw new Core.InputException(new Core.Diagnostic(inventoryPath is null ? "--inventory" : "--forces", 0, 0, string.Empty, "give exactly one of --inventory FILE and --forces STATES"));
            }

            if (forcesText is null && parse.GetValue(estimatesOption) is not null)
            {
                throw new Core.InputException(new Core.Diagnostic("--estimates", 0, 0, string.Empty, "--estimates goes with --forces"));
            }

            ForcesInventory? forces = null;
            Core.Items.Inventory inventory;
            if (forcesText is not null)
            {
                if (parse.GetValue(fromOption) is not null || parse.GetValue(toOption) is not null)
                {
                    throw new Core.InputException(new Core.Diagnostic("--forces", 0, 0, string.Empty, "built forces are counted on one date (--at), not over a timeline (--from, --to)"));
                }

                forces = ForcesInventory.Build(context, treaty, forcesText, parse.GetValue(estimatesOption), at);
                inventory = forces.Fit.Counted;
            }
            else
            {
                using var reader = CommandLineInput.OpenText(inventoryPath!, "--inventory");
                inventory = InventoryReader.Parse(reader, inventoryPath!, treaty);
            }

            var explain = parse.GetValue(explainOption);
            if (parse.GetValue(fromOption) is not null || parse.GetValue(toOption) is not null)
            {
                return Timeline(context, parse, treaty, inventory, interpretation, party, fromOption, toOption, everyOption);
            }

            var report = ComplianceEvaluator.Evaluate(treaty, inventory, at, interpretation, party, trace: explain);
            report = PresentOnly(report, party);

            if (parse.GetValue(jsonOption))
            {
                var json = ToJson(report, explain);
                if (forces is not null)
                {
                    json["forces"] = forces.ToJson();
                }

                Json.Write(context, json);
            }
            else
            {
                forces?.Print(context);
                Print(context, report, explain);
            }

            return report.AnyExceeded ? VerityApp.Finding : VerityApp.Ok;
        }));
        return command;
    }

    private static int Timeline(
        CliContext context,
        ParseResult parse,
        Core.Treaties.Treaty treaty,
        Core.Items.Inventory inventory,
        Core.Treaties.Interpretation interpretation,
        Core.PartyCode? party,
        Option<string> fromOption,
        Option<string> toOption,
        Option<string> everyOption)
    {
        if (parse.GetValue(fromOption) is not { } fromText || parse.GetValue(toOption) is not { } toText)
        {
            throw new Core.InputException(new Core.Diagnostic("--from", 0, 0, string.Empty, "a timeline needs both --from and --to"));
        }

        var from = CommandLineInput.ParseDate(fromText, "--from", context.Today);
        var to = CommandLineInput.ParseDate(toText, "--to", context.Today);
        var every = NodaTime.Text.PeriodPattern.NormalizingIso.Parse(parse.GetValue(everyOption)!);
        if (!every.Success || to < from)
        {
            throw new Core.InputException(new Core.Diagnostic("--every", 0, 0, string.Empty,
                !every.Success ? $"'{parse.GetValue(everyOption)}' is not a period such as P1Y or P6M" : $"--to {toText} is before --from {fromText}"));
        }

        if (!ComplianceTimeline.TryDates(from, to, every.Value, out var dates, out var problem))
        {
            throw new Core.InputException(new Core.Diagnostic("--every", 0, 0, string.Empty, problem));
        }

        var reports = ComplianceTimeline.Evaluate(treaty, inventory, dates, interpretation, party)
            .Select(r => PresentOnly(r, party))
            .ToList();
        if (parse.GetValue<bool>("--json"))
        {
            Json.Write(context, new JsonObject
            {
                ["treaty"] = treaty.Id,
                ["interpretation"] = interpretation.Id,
                ["timeline"] = new JsonArray([.. reports.Select(r => (JsonNode)ToJson(r, explain: false))]),
            });
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"{treaty.Name}: {interpretation.Id} reading, every {parse.GetValue(everyOption)}");
            table.AddColumn("Date");
            table.AddColumn("Party");
            table.AddColumn("Treaty");
            foreach (var limit in treaty.Limits)
            {
                table.AddColumn(new TableColumn($"{Markup.Escape(limit.Id)} (≤{Names.Number(limit.Ceiling)})").RightAligned());
            }

            foreach (var report in reports)
            {
                foreach (var scope in report.Scopes)
                {
                    var cells = new List<string> { CommandLineInput.Format(report.At), Markup.Escape(scope.Scope), Names.Of(scope.Standing) };
                    cells.AddRange(treaty.Limits.Select(l => scope[l.Id] is { } r ? $"{r.Value.ToString("N0", CultureInfo.InvariantCulture)} {Names.Markup(r.Status)}" : "[grey]—[/]"));
                    table.AddRow(cells.ToArray());
                }
            }

            context.Out.Write(table);
        }

        return reports.Any(r => r.AnyExceeded) ? VerityApp.Finding : VerityApp.Ok;
    }

    /// <summary>Without --party, the parties the inventory declares items for (and their groups).</summary>
    private static ComplianceReport PresentOnly(ComplianceReport report, Core.PartyCode? party)
    {
        if (party is not null)
        {
            return report;
        }

        var present = report.Inventory.Column("party")?.Values.ToHashSet(StringComparer.Ordinal) ?? [];
        return report with { Scopes = [.. report.Scopes.Where(s => s.Members.Any(m => present.Contains(m.Value)))] };
    }

    internal static JsonObject ToJson(ComplianceReport report, bool explain) => new()
    {
        ["treaty"] = report.Treaty.Id,
        ["at"] = CommandLineInput.Format(report.At),
        ["interpretation"] = report.Interpretation.Id,
        ["standing"] = Names.Of(report.Standing),
        ["parties"] = new JsonArray([.. report.Scopes.Select(scope => (JsonNode)new JsonObject
        {
            ["party"] = scope.Scope,
            ["members"] = new JsonArray([.. scope.Members.Select(m => JsonValue.Create(m.Value))]),
            ["limits"] = new JsonArray([.. scope.Limits.Select(limit =>
            {
                var node = new JsonObject
                {
                    ["id"] = limit.Limit.Id,
                    ["article"] = limit.Limit.Article,
                    ["value"] = limit.Value,
                    ["max"] = limit.Ceiling,
                    ["margin"] = limit.Margin,
                    ["status"] = Names.Of(limit.Status),
                };
                if (explain)
                {
                    node["contributions"] = new JsonArray([.. limit.Contributions.Select(c => (JsonNode)new JsonObject
                    {
                        ["uid"] = report.Inventory[c.ItemIndex].Uid,
                        ["term"] = c.Term,
                        ["weight"] = c.Weight,
                    })]);
                }

                return (JsonNode)node;
            })]),
        })]),
    };

    private static void Print(CliContext context, ComplianceReport report, bool explain)
    {
        var reading = report.Interpretation.Id == Core.Treaties.Interpretation.AgreedId ? "agreed reading" : $"reading '{report.Interpretation.Id}'";
        context.Out.MarkupLineInterpolated($"[bold]{report.Treaty.Name}[/] as of {CommandLineInput.Format(report.At)} ({reading}): treaty {Names.Of(report.Standing)}");
        foreach (var scope in report.Scopes)
        {
            var table = new Table().Title(scope.Scope).Border(TableBorder.Rounded);
            table.AddColumn("Limit");
            table.AddColumn("Provision");
            table.AddColumn(new TableColumn("Counted").RightAligned());
            table.AddColumn(new TableColumn("Max").RightAligned());
            table.AddColumn(new TableColumn("Margin").RightAligned());
            table.AddColumn("Status");
            foreach (var limit in scope.Limits)
            {
                table.AddRow(
                    Markup.Escape(limit.Limit.Name),
                    Markup.Escape(limit.Limit.Article ?? string.Empty),
                    limit.Value.ToString("N0", CultureInfo.InvariantCulture),
                    Names.Number(limit.Ceiling),
                    Names.Number(limit.Margin),
                    Names.Markup(limit.Status));
            }

            context.Out.Write(table);
            if (explain)
            {
                foreach (var limit in scope.Limits)
                {
                    context.Out.MarkupLineInterpolated($"  [bold]{limit.Limit.Id}[/] = {limit.Value:N0}:");
                    var groups = limit.Contributions
                        .Select(c => (Item: report.Inventory[c.ItemIndex], c.Weight))
                        .GroupBy(x => (x.Item.Kind, x.Item.Type, x.Item.Status))
                        .OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.Type, StringComparer.Ordinal);
                    foreach (var group in groups)
                    {
                        var uids = string.Join(", ", group.Take(5).Select(x => x.Item.Uid)) + (group.Count() > 5 ? ", …" : string.Empty);
                        context.Out.MarkupLineInterpolated($"    {group.Sum(x => x.Weight),6:N0}  {group.Count(),5} × {group.Key.Kind} {group.Key.Type} ({group.Key.Status})  [grey]{uids}[/]");
                    }
                }
            }
        }
    }
}
