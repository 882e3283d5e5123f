using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Verity.Core.Analysis.Projections;
using Verity.Core.Loading;

namespace Verity.Cli.Commands;

/// <summary><c>verity project</c>: one state's measure projected year by year to a horizon, with p10, p50 and p90.</summary>
internal static class ProjectCommand
{
    public static Command Create(CliContext context)
    {
        var shared = new ProjectionCli();
        var stateOption = new Option<string>("--state") { Description = "The state (ISO 3166-1 alpha-2), such as CN.", Required = true, HelpName = "S" };
        var command = new Command("project", """
            Project a state's measure from its sourced estimates, year by year to a horizon: the central path and
            p10, p50 and p90 over Monte Carlo trials drawn from the estimates' ranges and the model's parameter ranges.
            Every figure is projected, not measured; the output names the model, the seed and the estimate rows used.
            Exit 0, or 2 on bad input (an unknown model, trials out of range, --to before the data, a model the
            estimates cannot support).

            Examples:
              verity project --state CN --measure stockpile
              verity project --state CN --measure stockpile --model dod-2024-china --to 2035
              verity project --state CN --measure stockpile --model sipri-100-a-year --trials 100000 --seed 7 --json
              verity project --state US --measure deployed-strategic --model hold --estimates my-estimates.csv
            """)
        {
            stateOption,
        };
        foreach (var option in shared.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var state = ProjectionCli.State(parse.GetValue(stateOption), "--state");
            var measure = shared.ParseMeasure(parse);
            var options = shared.Options(parse);
            var catalog = shared.ReadCatalog(context, parse);
            var model = ProjectionCli.FindModel(catalog, parse.GetValue(shared.Model)!, "--model");
            var estimates = shared.ReadEstimates(context, parse);
            ProjectionCli.CheckHorizon(estimates, state, measure, options, "--state");

            var projection = Projector.Project(estimates, state, measure, model, options);

            if (parse.GetValue(shared.Json))
            {
                Json.Write(context, ToJson(projection));
            }
            else
            {
                Print(context, projection);
            }

            return VerityApp.Ok;
        }));
        return command;
    }

    internal static JsonObject ToJson(Projection projection) => new()
    {
        ["state"] = projection.State.Value,
        ["measure"] = projection.Measure.Value,
        ["projected"] = true,
        ["model"] = projection.Model.Name,
        ["kind"] = ProjectionModel.KindName(projection.Model.Kind),
        ["parameters"] = projection.Model.Describe(),
        ["model_sources"] = new JsonArray([.. projection.Model.Sources.Select(s => JsonValue.Create(s))]),
        ["model_origin"] = projection.Model.Origin,
        ["seed"] = projection.Seed,
        ["trials"] = projection.Trials,
        ["horizon"] = projection.Horizon,
        ["start"] = new JsonObject
        {
            ["as_of"] = CommandLineInput.Format(projection.StartAsOf),
            ["value"] = ProjectionCli.Round(projection.StartValue),
            ["low"] = ProjectionCli.Round(projection.StartLow),
            ["high"] = ProjectionCli.Round(projection.StartHigh),
        },
        ["assumptions"] = new JsonArray([.. projection.Assumptions.Select(a => JsonValue.Create(a.English))]),
        ["rows"] = new JsonArray([.. projection.Rows.Select(r => (JsonNode)new JsonObject
        {
            ["origin"] = r.Origin,
            ["as_of"] = CommandLineInput.Format(r.AsOf),
            ["value"] = r.Value,
            ["low"] = r.Low,
            ["high"] = r.High,
            ["basis"] = EstimatesReader.Word(r.Basis),
            ["source"] = r.Source,
            ["published"] = CommandLineInput.Format(r.Published),
        })]),
        ["points"] = new JsonArray([.. projection.Points.Select(p => (JsonNode)new JsonObject
        {
            ["year"] = p.Year,
            ["central"] = ProjectionCli.Round(p.Central),
            ["p10"] = ProjectionCli.Round(p.P10),
            ["p50"] = ProjectionCli.Round(p.P50),
            ["p90"] = ProjectionCli.Round(p.P90),
        })]),
    };

    private static void Print(CliContext context, Projection projection)
    {
        var table = Terminal.Table()
            .Title($"{projection.State} {Markup.Escape(projection.Measure.Value)}, projected by '{Markup.Escape(projection.Model.Name)}'")
            .Caption($"seed {projection.Seed}, {ProjectionCli.N(projection.Trials)} trials");
        table.AddColumn(Terminal.Fixed("Year (1 Jan)"));
        table.AddColumn(Terminal.Fixed("Central", right: true));
        table.AddColumn(Terminal.Fixed("p10", right: true));
        table.AddColumn(Terminal.Fixed("p50", right: true));
        table.AddColumn(Terminal.Fixed("p90", right: true));
        foreach (var p in projection.Points)
        {
            table.AddRow(p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ProjectionCli.N(p.Central), ProjectionCli.N(p.P10), ProjectionCli.N(p.P50), ProjectionCli.N(p.P90));
        }

        Terminal.Write(context, table);
        context.Out.MarkupLineInterpolated($"[bold]Projected, not measured.[/] Model '{projection.Model.Name}': {projection.Model.Describe()}.");
        foreach (var source in projection.Model.Sources)
        {
            context.Out.MarkupLineInterpolated($"  model source: {source}");
        }

        foreach (var assumption in projection.Assumptions.Skip(1))
        {
            context.Out.MarkupLineInterpolated($"  {assumption.English}");
        }

        context.Out.MarkupLine("Source rows:");
        foreach (var row in projection.Rows)
        {
            var figure = row.Value is { } v ? ProjectionCli.N(v) : $"{(row.Low is { } l ? ProjectionCli.N(l) : "?")}–{(row.High is { } h ? ProjectionCli.N(h) : "?")}";
            context.Out.MarkupLineInterpolated($"  {row.Origin}: {figure} as of {CommandLineInput.Format(row.AsOf)} ({EstimatesReader.Word(row.Basis)}) {row.Source}");
        }
    }
}
