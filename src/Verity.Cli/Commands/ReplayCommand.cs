using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;
using Verity.Core;
using Verity.Core.Analysis.Replay;
using Verity.Core.Compliance;
using Verity.Core.Inspections;
using Verity.Core.Loading;
using Verity.Core.Treaties;
using Verity.Reports.Replay;

namespace Verity.Cli.Commands;

/// <summary><c>verity replay RECORD</c>: the public record replayed through the ledger, published beside computed.</summary>
internal static class ReplayCommand
{
    public static Command Create(CliContext context)
    {
        var record = new Argument<string>("record") { Description = "The public record to replay, by name: new-start." };
        var interpretationOption = new Option<string>("--interpretation") { Description = "A reading computed beside the agreed one, such as ru-2022." };
        var jsonOption = new Option<bool>("--json") { Description = "Print JSON for programs." };
        var outOption = new Option<string>("--out") { Description = "Write a self-contained HTML report with charts to this folder." };
        var exportOption = new Option<string>("--export-inventory") { Description = "Write the replayed items as of --at to this CSV file (an inventory for verity comply)." };
        var atOption = new Option<string>("--at") { Description = "The date of --export-inventory, YYYY-MM-DD." };
        var partyOption = new Option<string>("--party") { Description = "With --export-inventory: only this party's items (default: every party's)." };
        var report = new ReportOptions();
        var command = new Command("replay", """
            Replay a treaty's public record: build an item-level history consistent with every published
            figure, run the ledger and compliance at every date, and show published beside computed.
            Exit 0 when every published figure is matched, 1 when one is not.

            Examples:
              verity replay new-start
              verity replay new-start --interpretation ru-2022 --out report/
              verity replay new-start --out report/ --lang fa-AF --pdf
              verity replay new-start --json
              verity replay new-start --export-inventory us-2022.csv --at 2022-03-01 --party US
            """)
        { record, interpretationOption, jsonOption, outOption, report.Lang, report.Pdf, exportOption, atOption, partyOption };

        command.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var export = parse.GetValue(exportOption);
            var at = parse.GetValue(atOption);
            if ((export is null) != (at is null))
            {
                throw new InputException(new Diagnostic("--export-inventory", 0, 0, string.Empty, "--export-inventory and --at go together: give both"));
            }

            if (parse.GetValue(partyOption) is not null && export is null)
            {
                throw new InputException(new Diagnostic("--party", 0, 0, string.Empty, "--party goes with --export-inventory: it chooses whose items are written"));
            }

            var exportDate = at is null ? default : CommandLineInput.ParseDate(at, "--at", context.Today);
            CommandLineInput.CheckOutputDirectory(parse.GetValue(outOption), "--out");
            var writer = report.Read(parse, outOption);
            var result = Load(context, parse.GetValue(record)!, parse.GetValue(interpretationOption), "RECORD");
            var exportParty = CommandLineInput.ParseParty(parse.GetValue(partyOption), result.Treaty);
            var exported = default(Core.Items.Inventory);
            if (export is not null)
            {
                exported = result.Ledger.AsOf(exportDate);
                exported = exportParty is { } only ? exported.Where(i => i.Party == only) : exported;
                InventoryCsv.Write(exported, export);
            }

            if (parse.GetValue(jsonOption))
            {
                Json.Write(context, ToJson(result));
            }
            else
            {
                Print(context, result);
            }

            if (parse.GetValue(outOption) is { } outDir)
            {
                var (path, pdf) = writer.Write(outDir, ReplayReport.Render(result, language: writer.Language));
                if (!parse.GetValue(jsonOption))
                {
                    context.Out.MarkupLineInterpolated($"Report written to [bold]{path}[/]");
                    if (pdf is not null)
                    {
                        context.Out.MarkupLineInterpolated($"Printed to [bold]{pdf}[/]");
                    }
                }
            }

            if (exported is not null)
            {
                // On standard error with --json, so that the JSON stays whole on standard output.
                var said = $"wrote {exported.Count:N0} items ({string.Join(", ", exported.GroupBy(i => i.Party.Value).Select(g => $"{g.Key} {g.Count():N0}"))}) as of {CommandLineInput.Format(exportDate)} to {export}: an inventory for verity comply --inventory (item history synthetic; see verity replay)";
                if (parse.GetValue(jsonOption))
                {
                    context.Error.WriteLine(said);
                }
                else
                {
                    context.Out.WriteLine(said);
                }
            }

            return result.AllMatch ? VerityApp.Ok : VerityApp.Finding;
        }));
        return command;
    }

    /// <summary>Reads a bundled record (aggregates, breakdowns, force model and treaty) and replays it.</summary>
    /// <param name="context">The CLI's context (its data folder).</param>
    /// <param name="name">The record's name, such as new-start.</param>
    /// <param name="interpretationName">A reading to compute beside the agreed one; <c>null</c> for the agreed one alone.</param>
    /// <param name="option">The option or argument that named the record, for the message when it is not known.</param>
    internal static ReplayResult Load(CliContext context, string name, string? interpretationName, string option = "--record")
    {
        var history = Path.Combine(context.DataDirectory, "history");
        var modelPath = Path.Combine(history, $"{name}-forces.yaml");
        if (!File.Exists(modelPath))
        {
            var known = Directory.Exists(history)
                ? Directory.GetFiles(history, "*-forces.yaml").Select(f => Path.GetFileName(f)[..^"-forces.yaml".Length]).Order(StringComparer.Ordinal).ToList()
                : [];
            throw new InputException(new Diagnostic(option, 0, 0, string.Empty, $"unknown record '{name}': known records are {string.Join(", ", known)}"));
        }

        var model = HistoryReader.ReadForceModel(CommandLineInput.ReadText(modelPath, "replay"), modelPath);
        var treaty = CommandLineInput.ReadTreaty(context, model.TreatyId);
        var interpretation = CommandLineInput.ParseInterpretation(interpretationName, treaty);
        var aggregatesPath = Path.Combine(history, $"{name}-aggregates.csv");
        var breakdownsPath = Path.Combine(history, $"{name}-breakdowns.csv");
        using var aggregates = CommandLineInput.OpenText(aggregatesPath, "replay");
        var figures = HistoryReader.ReadAggregates(aggregates, aggregatesPath);
        var breakdowns = File.Exists(breakdownsPath)
            ? HistoryReader.ReadBreakdowns(new StringReader(CommandLineInput.ReadText(breakdownsPath, "replay")), breakdownsPath)
            : [];
        var inspectionsPath = Path.Combine(history, $"{name}-inspections.csv");
        var inspections = File.Exists(inspectionsPath)
            ? HistoryReader.ReadInspectionCounts(new StringReader(CommandLineInput.ReadText(inspectionsPath, "replay")), inspectionsPath, treaty)
            : [];
        return ReplayRunner.Run(treaty, model, figures, breakdowns, interpretation, inspections);
    }

    internal static JsonObject ToJson(ReplayResult result)
    {
        JsonObject Figures(IReadOnlyDictionary<string, long?> values) =>
            new(result.Measures.Select(m => KeyValuePair.Create(m, values.GetValueOrDefault(m) is { } v ? (JsonNode?)JsonValue.Create(v) : null)));

        return new JsonObject
        {
            ["treaty"] = result.Treaty.Id,
            ["interpretation"] = result.Interpretation.Id,
            ["compared"] = result.Compared,
            ["matched"] = result.Matched,
            ["points"] = new JsonArray([.. result.Points.Select(p =>
            {
                var node = new JsonObject
                {
                    ["date"] = CommandLineInput.Format(p.Date),
                    ["party"] = p.Party.Value,
                    ["published"] = Figures(p.Published.ToDictionary(kv => kv.Key, kv => kv.Value.Value)),
                };

                static JsonObject Statuses(IReadOnlyDictionary<string, LimitStatus> status) =>
                    new(status.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => KeyValuePair.Create(s.Key, (JsonNode?)Names.Of(s.Value))));

                // The points are computed under the interpretation named at the top, counts and statuses alike; the agreed
                // ones stand beside a reading's.
                if (p.Reading.IsEmpty)
                {
                    node["computed"] = Figures(p.Computed.ToDictionary(kv => kv.Key, kv => (long?)kv.Value));
                    node["status"] = Statuses(p.Status);
                }
                else
                {
                    node["computed"] = Figures(p.Reading.ToDictionary(kv => kv.Key, kv => (long?)kv.Value));
                    node["status"] = Statuses(p.ReadingStatus);
                    node["agreed"] = Figures(p.Computed.ToDictionary(kv => kv.Key, kv => (long?)kv.Value));
                    node["agreed_status"] = Statuses(p.Status);
                }

                return (JsonNode)node;
            })]),
            ["breakdowns"] = new JsonArray([.. result.Breakdowns.Select(b => (JsonNode)new JsonObject
            {
                ["date"] = CommandLineInput.Format(b.Published.Date),
                ["party"] = b.Published.Party.Value,
                ["kind"] = b.Published.Kind,
                ["type"] = b.Published.Type,
                ["statuses"] = new JsonArray([.. b.Published.Statuses.Select(s => JsonValue.Create(s))]),
                ["published"] = b.Published.Count,
                ["computed"] = b.Computed,
            })]),
            ["inspections"] = result.PublishedInspections.IsDefaultOrEmpty ? null : new JsonObject
            {
                ["synthetic"] = result.Inspections.Length,
                ["published_counts"] = result.PublishedInspections.Count(r => r.Count is not null),
                ["unmatched_lines"] = new JsonArray([.. SyntheticInspections.Unmatched(result.PublishedInspections, result.Inspections).Select(r => JsonValue.Create(r.Line))]),
                ["by_year"] = new JsonArray([.. result.Inspections.GroupBy(i => (Year: result.Treaty.TreatyYearOf(i.Date), i.Inspecting)).OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Inspecting.Value, StringComparer.Ordinal)
                    .Select(g => (JsonNode)new JsonObject { ["treaty_year"] = g.Key.Year, ["party"] = g.Key.Inspecting.Value, ["synthetic"] = g.Count() })]),
            },
            ["lifecycle"] = new JsonArray([.. result.Treaty.Lifecycle.Select(a => (JsonNode)new JsonObject
            {
                ["date"] = CommandLineInput.Format(a.Date),
                ["act"] = a.Kind.ToString(),
                ["party"] = a.Party?.Value,
                ["text"] = a.Text,
            })]),
        };
    }

    internal static void Print(CliContext context, ReplayResult result)
    {
        var console = context.Out;
        var reading = result.Interpretation.Id == Interpretation.AgreedId ? null : result.Interpretation;

        // A reading gets a column only for the measures it counts differently somewhere.
        var disputed = reading is null ? [] : result.Measures.Where(m => result.Points.Any(p => p.Reading.TryGetValue(m, out var r) && r != p.Computed[m])).ToList();
        console.MarkupLineInterpolated($"[bold]{result.Treaty.Name}[/]: the public record replayed item by item ({result.Ledger.Events.Length:N0} events on {result.Ledger.Events.Select(e => e.Uid).Distinct().Count():N0} items)");
        Terminal.Note(context, $"[grey]{Markup.Escape(ReplayText.Synthetic)}[/]");
        var table = Terminal.Table();
        table.AddColumn(Terminal.Fixed("Date"));
        table.AddColumn(Terminal.Fixed("Party"));
        foreach (var measure in result.Measures)
        {
            var limit = result.Treaty.FindLimit(measure)!;
            table.AddColumn(Terminal.Fixed($"{Markup.Escape(Capitalized(measure))}\n≤{Names.Number(limit.Ceiling)}", right: true));
        }

        foreach (var measure in disputed)
        {
            table.AddColumn(Terminal.Fixed($"{Markup.Escape(reading!.Id)}\n{Markup.Escape(measure)}", right: true));
        }

        table.AddColumn(Terminal.Text("Status"));
        var blanks = result.Measures.Length + disputed.Count;
        var acts = result.Treaty.Lifecycle.ToList();
        LocalDateCursor cursor = new(acts);
        foreach (var point in result.Points)
        {
            foreach (var act in cursor.Until(point.Date))
            {
                AddActRow(table, act.Date, LifecycleText.Label(act), blanks);
            }

            var cells = new List<string> { CommandLineInput.Format(point.Date), point.Party.Value };
            foreach (var measure in result.Measures)
            {
                var computed = N(point.Computed[measure]);
                cells.Add(point.Published.TryGetValue(measure, out var figure) && figure.Value is { } v
                    ? v == point.Computed[measure]
                        ? $"{computed} [green]✓[/]{(figure.Basis == "derived" ? "[grey]ᵈ[/]" : string.Empty)}"
                        : $"{computed} [red]✗ {N(v)}[/]"
                    : $"[grey]{computed} —[/]");
            }

            cells.AddRange(disputed.Select(m => N(point.Reading[m])));
            var statuses = point.Status.Values.Distinct().ToList();
            var status = statuses.Count == 1 ? Names.Markup(statuses[0]) : string.Join(", ", statuses.Select(Names.Markup));
            var differs = point.Disputed.ToList();
            cells.Add(differs.Count == 0 ? status
                : $"{status}; {Markup.Escape(reading!.Id)}: {string.Join(", ", differs.Select(m => $"{Markup.Escape(m)} {Names.Markup(point.ReadingStatus[m])}"))}");
            table.AddRow(cells.ToArray());
        }

        foreach (var act in cursor.Until(NodaTime.LocalDate.MaxIsoValue))
        {
            AddActRow(table, act.Date, LifecycleText.Label(act), blanks);
        }

        if (result.Treaty.Expiry is { } expiry)
        {
            AddActRow(table, expiry, "treaty expires", blanks);
        }

        Terminal.Write(context, table);
        var breakdownsMatched = result.Breakdowns.Count(b => b.Matches);
        console.MarkupLineInterpolated($"Published figures matched: [bold]{result.Matched} of {result.Compared}[/]; published breakdowns matched: [bold]{breakdownsMatched} of {result.Breakdowns.Length}[/].");
        Terminal.Note(context, "[grey]Each figure is the computed count: ✓ equal to the published figure (ᵈ one derived by arithmetic from published figures); — none published or retrieved; ✗ N published N.[/]");
        if (reading is not null)
        {
            Terminal.Note(context, $"[grey]{Markup.Escape(reading.Id)}: {Markup.Escape(reading.Name)}, the count under that reading beside the agreed one; the status is the agreed one, followed by the reading's where it differs.[/]");
        }

        foreach (var miss in result.Breakdowns.Where(b => !b.Matches))
        {
            console.MarkupLineInterpolated($"[red]breakdown {CommandLineInput.Format(miss.Published.Date)} {miss.Published.Label}: published {miss.Published.Count}, computed {miss.Computed}[/]");
        }

        if (!result.PublishedInspections.IsDefaultOrEmpty)
        {
            var counted = result.PublishedInspections.Count(r => r.Count is not null);
            var unmatched = SyntheticInspections.Unmatched(result.PublishedInspections, result.Inspections);
            console.MarkupLineInterpolated($"Inspections: {result.Inspections.Length:N0} synthetic; published counts reproduced within their spans: [bold]{counted - unmatched.Length} of {counted}[/] (quotas per treaty year: verity inspect quota, and the report's table).");
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Capitalized(string id) => id.Length == 0 ? id : char.ToUpperInvariant(id[0]) + id[1..];

    private static void AddActRow(Table table, NodaTime.LocalDate date, string text, int blanks)
    {
        var cells = new List<IRenderable> { new Markup($"[blue]{CommandLineInput.Format(date)}[/]"), new Markup("[blue]◆[/]") };
        cells.AddRange(Enumerable.Range(0, blanks).Select(_ => new Markup(string.Empty)));
        cells.Add(new Markup($"[blue]{Markup.Escape(text)}[/]"));
        table.AddRow(cells);
    }

    /// <summary>Walks the lifecycle acts in date order alongside the replay's dates.</summary>
    private sealed class LocalDateCursor(List<LifecycleAct> acts)
    {
        private int _next;

        public IEnumerable<LifecycleAct> Until(NodaTime.LocalDate date)
        {
            while (_next < acts.Count && acts[_next].Date <= date)
            {
                yield return acts[_next++];
            }
        }
    }
}
