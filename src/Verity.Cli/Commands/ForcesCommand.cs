using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Verity.Core;
using Verity.Core.Forces;
using Verity.Core.Loading;

namespace Verity.Cli.Commands;

/// <summary><c>verity forces</c>: per state and measure, the figure believed on a date, its source and the figures passed over.</summary>
internal static class ForcesCommand
{
    public static Command Create(CliContext context)
    {
        var stateOption = new Option<string>("--state") { Description = "Only this state (ISO 3166-1 alpha-2), such as CN." };
        var measureOption = new Option<string>("--measure") { Description = "Only this measure: inventory, stockpile, deployed-strategic, deployed-nonstrategic, reserve, retired, or launchers:TYPE, missiles:TYPE, warheads:TYPE." };
        var atOption = new Option<string>("--at") { Description = "The date, YYYY-MM-DD (default: today, UTC)." };
        var estimatesOption = new Option<string>("--estimates") { Description = "An estimates CSV (state,measure,as_of,value,low,high,basis,source,published,note) instead of the bundled data/forces/estimates.csv." };
        var precedenceOption = new Option<string>("--precedence") { Description = "A source precedence (YAML) instead of the bundled data/forces/precedence.yaml." };
        var allOption = new Option<bool>("--all-sources") { Description = "List every row, also those as of dates after --at." };
        var jsonOption = new Option<bool>("--json") { Description = "Print JSON for programs instead of tables." };
        var command = new Command("forces", """
            The figure believed for each state's measure on a date: the latest as of that date, chosen among sources by
            the precedence (declared before estimated, FAS before SIPRI, ...), with its basis, source and as-of date,
            and every figure passed over with why. Undisclosed is said, never shown as 0. Exit 0, 2 on bad input.

            Examples:
              verity forces --at 2025-06-01
              verity forces --state CN --measure stockpile --at 2031-01-01 --all-sources
              verity forces --estimates my-estimates.csv --json
            """)
        {
            stateOption, measureOption, atOption, estimatesOption, precedenceOption, allOption, jsonOption,
        };

        command.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var state = parse.GetValue(stateOption) is { } s ? ForcesInput.ParseState(s, "--state") : (PartyCode?)null;
            ForceMeasure? measure = null;
            if (parse.GetValue(measureOption) is { } m)
            {
                measure = ForceMeasure.TryParse(m, out var parsed) ? parsed
                    : throw new InputException(new Diagnostic("--measure", 0, 0, string.Empty, $"unknown measure '{m}': {ForceMeasure.Expected}"));
            }

            var at = CommandLineInput.ParseDate(parse.GetValue(atOption), "--at", context.Today);
            var precedence = ForcesInput.ReadPrecedence(context, parse.GetValue(precedenceOption));
            var estimates = ForcesInput.ReadEstimates(context, parse.GetValue(estimatesOption));
            var all = parse.GetValue(allOption);
            var figures = FigurePicker.PickAll(estimates, precedence, at, state, measure);
            if (parse.GetValue(jsonOption))
            {
                Json.Write(context, ToJson(estimates, at, figures, all));
            }
            else
            {
                Print(context, estimates, at, figures, all);
            }

            return VerityApp.Ok;
        }));
        return command;
    }

    /// <summary>What a basis says, in each row: the reader sees at once what kind of figure it is.</summary>
    public static string Label(EstimateBasis basis) => basis switch
    {
        EstimateBasis.Declared => "declared",
        EstimateBasis.Estimate => "estimated",
        EstimateBasis.OfficialProjection => "projected (official)",
        EstimateBasis.Statement => "statement",
        EstimateBasis.Undisclosed => "undisclosed",
        _ => basis.ToString(),
    };

    /// <summary>A row's figure as text: the value, else its range or bound; "undisclosed" for an undisclosed row.</summary>
    public static string Figure(Estimate row) => row switch
    {
        { Basis: EstimateBasis.Undisclosed, Low: null, High: null } => "undisclosed",
        { Basis: EstimateBasis.Undisclosed } => $"undisclosed ({Range(row)})",
        { Value: { } v } => N(v),
        _ => Range(row),
    };

    private static string Range(Estimate row) => (row.Low, row.High) switch
    {
        ({ } l, { } h) => $"{N(l)}–{N(h)}",
        ({ } l, null) => $"≥ {N(l)}",
        (null, { } h) => $"≤ {N(h)}",
        _ => "unknown",
    };

    // A row's basis, date, rule and source in words that wrap between them: "estimated 2025-01-01, fas: fas.org".
    private static string Briefly(Estimate row, string? rule) =>
        $"{Label(row.Basis)} {CommandLineInput.Format(row.AsOf)}, {(string.IsNullOrEmpty(rule) ? string.Empty : rule + ": ")}{Terminal.Host(row.Source)}";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static IEnumerable<PassedOver> Shown(ForceFigure figure, bool all) =>
        figure.PassedOver.Where(p => all || p.Reason != PassReason.AfterDate);

    private static JsonObject ToJson(EstimateSet estimates, NodaTime.LocalDate at, IEnumerable<ForceFigure> figures, bool all) => new()
    {
        ["at"] = CommandLineInput.Format(at),
        ["estimates"] = estimates.Origin,
        ["figures"] = new JsonArray([.. figures.Select(f =>
        {
            var node = new JsonObject
            {
                ["state"] = f.State.Value,
                ["measure"] = f.Measure.Value,
                ["value"] = f.Value,
                ["low"] = f.Picked?.Low,
                ["high"] = f.Picked?.High,
                ["basis"] = f.Picked is { } p ? EstimatesReader.Word(p.Basis) : null,
                ["as_of"] = f.Picked is { } q ? CommandLineInput.Format(q.AsOf) : null,
                ["source"] = f.Picked?.Source,
                ["published"] = f.Picked is { } r ? CommandLineInput.Format(r.Published) : null,
                ["rule"] = f.Rule,
                ["origin"] = f.Picked?.Origin,
                ["passed_over"] = new JsonArray([.. Shown(f, all).Select(o => (JsonNode)new JsonObject
                {
                    ["value"] = o.Row.Value,
                    ["low"] = o.Row.Low,
                    ["high"] = o.Row.High,
                    ["basis"] = EstimatesReader.Word(o.Row.Basis),
                    ["as_of"] = CommandLineInput.Format(o.Row.AsOf),
                    ["source"] = o.Row.Source,
                    ["published"] = CommandLineInput.Format(o.Row.Published),
                    ["rule"] = o.Rule,
                    ["reason"] = Reason(o.Reason),
                    ["why"] = o.Why,
                    ["origin"] = o.Row.Origin,
                })]),
            };
            return (JsonNode)node;
        })]),
    };

    private static string Reason(PassReason reason) => reason switch
    {
        PassReason.Older => "older",
        PassReason.Outranked => "outranked",
        PassReason.ProjectionOvertaken => "projection-overtaken",
        PassReason.AfterDate => "after-date",
        PassReason.CeilingOnly => "ceiling-only",
        _ => reason.ToString(),
    };

    private static void Print(CliContext context, EstimateSet estimates, NodaTime.LocalDate at, IReadOnlyList<ForceFigure> figures, bool all)
    {
        context.Out.MarkupLineInterpolated($"[bold]Forces as of {CommandLineInput.Format(at)}[/] from {estimates.Origin}: {figures.Count} figure(s)");
        if (figures.Count == 0)
        {
            context.Out.WriteLine("No rows for the state and measure asked for.");
            return;
        }

        // Each figure in its columns where they fit; in a narrower terminal, basis, date, rule and source share one
        // column that wraps between words (the source by its host), so that no date or word is cut.
        var table = Terminal.Table();
        foreach (var column in new[] { "State", "Measure", "Figure", "Basis", "As of", "Rule", "Source", "Passed over" })
        {
            table.AddColumn(column == "Source" ? Terminal.Text(column) : Terminal.Fixed(column, right: column is "Figure" or "Passed over"));
        }

        var narrow = Terminal.Table();
        narrow.AddColumns(Terminal.Fixed("State"), Terminal.Fixed("Figure", right: true), Terminal.Text("Measure: basis, as of, rule: source"), Terminal.Fixed("Passed\nover", right: true));
        foreach (var f in figures)
        {
            var passed = N(Shown(f, all).Count());
            if (f.Picked is { } p)
            {
                table.AddRow(f.State.Value, Markup.Escape(f.Measure.Value), Markup.Escape(Figure(p)), Label(p.Basis), CommandLineInput.Format(p.AsOf), Markup.Escape(f.Rule ?? string.Empty), Markup.Escape(p.Source), passed);
                narrow.AddRow(f.State.Value, Markup.Escape(Figure(p)), Markup.Escape($"{f.Measure.Value}: {Briefly(p, f.Rule)}"), passed);
            }
            else
            {
                table.AddRow(f.State.Value, Markup.Escape(f.Measure.Value), "unknown", "[grey]no figure as of this date[/]", "—", "—", "—", passed);
                narrow.AddRow(f.State.Value, "unknown", $"{Markup.Escape(f.Measure.Value)}: [grey]no figure as of this date[/]", passed);
            }
        }

        var wide = Terminal.Write(context, table, narrow);
        var rows = figures.SelectMany(f => Shown(f, all).Select(o => (f, o))).ToList();
        if (!wide)
        {
            Terminal.Note(context, "[grey]Sources by their host; each source's full address: verity forces --json.[/]");
        }

        if (rows.Count == 0)
        {
            return;
        }

        var passedTable = Terminal.Table(all ? "Every other row" : "Passed over");
        if (wide)
        {
            foreach (var column in new[] { "State", "Measure", "Figure", "Basis", "As of", "Rule", "Source", "Why" })
            {
                passedTable.AddColumn(column is "Source" or "Why" ? Terminal.Text(column) : Terminal.Fixed(column, right: column == "Figure"));
            }
        }
        else
        {
            passedTable.AddColumns(Terminal.Fixed("State"), Terminal.Fixed("Figure", right: true), Terminal.Text("Measure: why; basis, as of, rule: source"));
        }

        foreach (var (f, o) in rows)
        {
            if (wide)
            {
                passedTable.AddRow(f.State.Value, Markup.Escape(f.Measure.Value), Markup.Escape(Figure(o.Row)), Label(o.Row.Basis), CommandLineInput.Format(o.Row.AsOf), Markup.Escape(o.Rule), Markup.Escape(o.Row.Source), Markup.Escape(o.Why));
            }
            else
            {
                passedTable.AddRow(f.State.Value, Markup.Escape(Figure(o.Row)), Markup.Escape($"{f.Measure.Value}: {o.Why}; {Briefly(o.Row, o.Rule)}"));
            }
        }

        Terminal.Write(context, passedTable);
    }
}
