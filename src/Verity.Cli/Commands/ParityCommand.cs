using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Verity.Core;
using Verity.Core.Analysis.Projections;

namespace Verity.Cli.Commands;

/// <summary><c>verity parity</c>: the first year one state's projected measure reaches another's.</summary>
internal static class ParityCommand
{
    public static Command Create(CliContext context)
    {
        var shared = new ProjectionCli();
        var stateOption = new Option<string>("--state") { Description = "The state that catches up (ISO 3166-1 alpha-2), such as CN.", Required = true, HelpName = "S" };
        var againstOption = new Option<string>("--against") { Description = "The state caught up with, such as US.", Required = true, HelpName = "T" };
        var againstModelOption = new Option<string>("--against-model") { Description = "The model for --against (default: --model's).", HelpName = "NAME" };
        var command = new Command("parity", """
            The first year a state's projected measure reaches another's (at or above it, as of 1 January), on the
            central path and as percentiles of the year each Monte Carlo trial first crosses (trial i of one state
            paired with trial i of the other): year_p10 is the year by which 10 % of the trials have crossed (an early
            case), year_p90 the year by which 90 % have (a late case). null: not before the horizon.
            Exit 0, or 2 on bad input.

            Examples:
              verity parity --state CN --against US --measure stockpile
              verity parity --state CN --against US --measure stockpile --model dod-2024-china --against-model hold --to 2045
              verity parity --state CN --against RU --measure stockpile --model sipri-100-a-year --against-model trend --json
            """)
        {
            stateOption, againstOption, againstModelOption,
        };
        foreach (var option in shared.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var state = ProjectionCli.State(parse.GetValue(stateOption), "--state");
            var against = ProjectionCli.State(parse.GetValue(againstOption), "--against");
            if (state == against)
            {
                throw new InputException(new Diagnostic("--against", 0, 0, string.Empty, $"{against} is the --state itself: expected another state"));
            }

            var measure = shared.ParseMeasure(parse);
            var options = shared.Options(parse);
            var catalog = shared.ReadCatalog(context, parse);
            var model = ProjectionCli.FindModel(catalog, parse.GetValue(shared.Model)!, "--model");
            var againstModel = parse.GetValue(againstModelOption) is { } name ? ProjectionCli.FindModel(catalog, name, "--against-model") : model;
            if (!againstModel.AppliesTo(against, measure))
            {
                // Named by the option the model came from: --model, which --against takes too when --against-model is not given.
                var given = parse.GetValue(againstModelOption) is null;
                throw new InputException(new Diagnostic(given ? "--model" : "--against-model", 0, 0, string.Empty,
                    $"the model '{againstModel.Name}' ({againstModel.Origin}) does not apply to {against} {measure}{(given ? ", which --against takes when --against-model is not given" : string.Empty)}: give --against-model, such as hold or trend"));
            }

            var estimates = shared.ReadEstimates(context, parse);
            ProjectionCli.CheckHorizon(estimates, state, measure, options, "--state");
            ProjectionCli.CheckHorizon(estimates, against, measure, options, "--against");

            var a = Projector.Project(estimates, state, measure, model, options);
            var b = Projector.Project(estimates, against, measure, againstModel, options);
            var parity = Parity.Find(a, b);

            if (parse.GetValue(shared.Json))
            {
                Json.Write(context, ToJson(parity, a, b));
            }
            else
            {
                context.Out.WriteLine(Sentence(parity, a, b));
                context.Out.WriteLine($"Projected, not measured: {state} by '{a.Model.Name}' ({a.Model.Describe()}), {against} by '{b.Model.Name}' ({b.Model.Describe()}); {ProjectionCli.N(parity.Trials)} trials, seed {parity.Seed}.");
                context.Out.WriteLine($"Source rows: {string.Join(", ", a.Rows.Concat(b.Rows).Select(r => r.Origin).Distinct())}");
            }

            return VerityApp.Ok;
        }));
        return command;
    }

    internal static string Sentence(Parity parity, Projection a, Projection b)
    {
        var what = $"{parity.State}'s projected {parity.Measure}";
        var central = parity.Year is { } y
            ? y == parity.FirstYear ? $"already reaches {parity.Against}'s in {y}" : $"reaches {parity.Against}'s in {y}"
            : $"does not reach {parity.Against}'s before {parity.Horizon}";
        var percent = (parity.Reached * 100).ToString("0.#", CultureInfo.InvariantCulture);
        var spread = (parity.YearP10, parity.YearP90) switch
        {
            ({ } early, { } late) => $"in 80 % of the trials between {early} and {late}",
            ({ } early, null) => $"in 10 % of the trials by {early}, but in fewer than 90 % before {parity.Horizon}",
            _ => $"in fewer than 10 % of the trials before {parity.Horizon}",
        };
        return $"{what} {central} on the central path ({a.Model.Name} against {b.Model.Name}); {spread} ({percent} % of trials reach it by {parity.Horizon}).";
    }

    internal static JsonObject ToJson(Parity parity, Projection a, Projection b) => new()
    {
        ["state"] = parity.State.Value,
        ["against"] = parity.Against.Value,
        ["measure"] = parity.Measure.Value,
        ["projected"] = true,
        ["model"] = a.Model.Name,
        ["against_model"] = b.Model.Name,
        ["seed"] = parity.Seed,
        ["trials"] = parity.Trials,
        ["first_year"] = parity.FirstYear,
        ["horizon"] = parity.Horizon,
        ["year"] = parity.Year,
        ["year_p10"] = parity.YearP10,
        ["year_p50"] = parity.YearP50,
        ["year_p90"] = parity.YearP90,
        ["reached"] = Math.Round(parity.Reached, 4),
        ["definition"] = "year: the first year (1 January) the central path of state is at or above against's; year_p10/p50/p90: the smallest year by which 10/50/90 % of the paired trials have crossed; null: not before the horizon",
        ["sentence"] = Sentence(parity, a, b),
        ["rows"] = new JsonArray([.. a.Rows.Concat(b.Rows).Select(r => r.Origin).Distinct().Select(o => JsonValue.Create(o))]),
    };
}
