using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Verity.Core;
using Verity.Core.Analysis.Projections;
using Verity.Core.Forces;
using Verity.Core.Loading;

namespace Verity.Cli.Commands;

/// <summary>What <c>verity project</c> and <c>verity parity</c> share: their options, how they are checked, the files they read.</summary>
internal sealed class ProjectionCli
{
    public Option<string> Measure { get; } = new("--measure") { Description = "What is counted: " + ForceMeasure.Expected + ".", Required = true, HelpName = "M" };

    public Option<string> Model { get; } = new("--model") { Description = "A projection of data/forces/projections.yaml (such as dod-2024-china, sipri-100-a-year) or a model with default parameters: trend, anchored, rate, hold, cap.", DefaultValueFactory = _ => "trend", HelpName = "NAME" };

    public Option<int> To { get; } = new("--to") { Description = "The last year projected.", DefaultValueFactory = _ => ProjectionOptions.DefaultHorizon, HelpName = "YEAR" };

    public Option<int> Trials { get; } = new("--trials") { Description = $"Monte Carlo trials, 1 to {ProjectionOptions.MaxTrials:N0}.", DefaultValueFactory = _ => ProjectionOptions.DefaultTrials, HelpName = "N" };

    public Option<long> Seed { get; } = new("--seed") { Description = "The seed; the same seed gives the same numbers.", DefaultValueFactory = _ => ProjectionOptions.DefaultSeed, HelpName = "N" };

    public Option<string> Estimates { get; } = new("--estimates") { Description = "The estimates CSV (state,measure,as_of,value,low,high,basis,source,published,note); default: the bundled data/forces/estimates.csv.", HelpName = "FILE" };

    public Option<string> Projections { get; } = new("--projections") { Description = "The named projections (YAML); default: the bundled data/forces/projections.yaml.", HelpName = "FILE" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON for programs instead of a table." };

    public IEnumerable<Option> All => [Measure, Model, To, Trials, Seed, Estimates, Projections, Json];

    public static PartyCode State(string? text, string option) => ForcesInput.ParseState(text ?? string.Empty, option);

    public ForceMeasure ParseMeasure(ParseResult parse) =>
        ForceMeasure.TryParse(parse.GetValue(Measure), out var measure)
            ? measure
            : throw new InputException(new Diagnostic("--measure", 0, 0, string.Empty, $"'{parse.GetValue(Measure)}' is not a measure: {ForceMeasure.Expected}"));

    /// <summary>Checks --trials and --to before anything is read.</summary>
    public ProjectionOptions Options(ParseResult parse)
    {
        var trials = parse.GetValue(Trials);
        if (trials is < 1 or > ProjectionOptions.MaxTrials)
        {
            throw new InputException(new Diagnostic("--trials", 0, 0, string.Empty, $"{trials} is out of range: expected 1 to {ProjectionOptions.MaxTrials.ToString("N0", CultureInfo.InvariantCulture)}"));
        }

        var to = parse.GetValue(To);
        if (to is < 1945 or > ProjectionOptions.MaxHorizon)
        {
            throw new InputException(new Diagnostic("--to", 0, 0, string.Empty, $"{to} is out of range: expected a year from 1945 to {ProjectionOptions.MaxHorizon}"));
        }

        return new ProjectionOptions(to, trials, parse.GetValue(Seed));
    }

    public ProjectionCatalog ReadCatalog(CliContext context, ParseResult parse)
    {
        var given = parse.GetValue(Projections);
        var path = given ?? Path.Combine(context.DataDirectory, "forces", "projections.yaml");
        return given is null && !File.Exists(path)
            ? ProjectionCatalog.BuiltInOnly
            : ProjectionsReader.Parse(CommandLineInput.ReadText(path, "--projections"), path);
    }

    public static ProjectionModel FindModel(ProjectionCatalog catalog, string name, string option) =>
        catalog.Find(name) ?? throw new InputException(new Diagnostic(option, 0, 0, string.Empty,
            $"unknown model '{name}': expected one of {string.Join(", ", catalog.Names)}"));

    public EstimateSet ReadEstimates(CliContext context, ParseResult parse) => ForcesInput.ReadEstimates(context, parse.GetValue(Estimates));

    /// <summary>Checks that the state has an estimate of the measure and that --to is not before the first year after it.</summary>
    public static void CheckHorizon(EstimateSet estimates, PartyCode state, ForceMeasure measure, ProjectionOptions options, string stateOption)
    {
        if (Projector.LatestEstimate(estimates, state, measure) is not { } latest)
        {
            throw new InputException(new Diagnostic(stateOption, 0, 0, string.Empty, $"{estimates.Origin} has no estimate of {state} {measure} (basis declared or estimate, with a figure)"));
        }

        var first = Projector.FirstYear(estimates, state, measure)!.Value;
        if (options.Horizon < first)
        {
            throw new InputException(new Diagnostic("--to", 0, 0, string.Empty,
                $"{options.Horizon} is before the data: {state} {measure}'s latest estimate is as of {CommandLineInput.Format(latest)}, so a projection starts in {first}"));
        }
    }

    public static JsonValue? Round(double? x) => x is { } v ? JsonValue.Create(Math.Round(v, 1)) : null;

    public static string N(double x) => x.ToString("N0", CultureInfo.InvariantCulture);
}
