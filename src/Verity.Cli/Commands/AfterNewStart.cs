using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Spectre.Console;
using Verity.Core;
using Verity.Core.Analysis.Projections;
using Verity.Core.Analysis.Proposals;
using Verity.Core.Forces;
using Verity.Core.Loading;
using Verity.Reports.Successor;

namespace Verity.Cli.Commands;

/// <summary>
/// The demo's part "After New START": the five states today with their sources, China's projection against the
/// United States (the parity year of each measure), and the bundled drafts compared in 2030; with a report page.
/// </summary>
internal static class AfterNewStart
{
    /// <summary>The year the drafts are compared in.</summary>
    public const int Year = 2030;

    /// <summary>China's path: the Pentagon's 2024 projection where it applies (the stockpile), the trend elsewhere.</summary>
    public const string ChinaModel = "dod-2024-china";

    private static readonly ForceMeasure[] TodayMeasures = [ForceMeasure.Parse("stockpile"), ForceMeasure.Parse("deployed-strategic"), ForceMeasure.Parse("inventory")];

    private static readonly ForceMeasure[] ParityMeasures = [ForceMeasure.Parse("stockpile"), ForceMeasure.Parse("deployed-strategic"), ForceMeasure.Parse("launchers:ICBM")];

    private static readonly string[] States = ["US", "RU", "CN", "GB", "FR"];

    /// <summary>Prints the part and writes its page into <paramref name="folder"/>; returns the page's path.</summary>
    public static string Run(CliContext context, string folder, ReportWriter writer)
    {
        var forces = Path.Combine(context.DataDirectory, "forces");
        var estimates = ForcesInput.ReadEstimates(context, null);
        var precedence = ForcesInput.ReadPrecedence(context, null);
        var catalog = ProjectionsReader.Parse(CommandLineInput.ReadText(Path.Combine(forces, "projections.yaml"), "demo"), Path.Combine(forces, "projections.yaml"));
        var options = new ProjectionOptions(Horizon: ProjectionOptions.DefaultHorizon, Trials: 2_000, Seed: ProjectionOptions.DefaultSeed);
        var today = context.Today;

        context.Out.WriteLine();
        context.Out.MarkupLine("[bold]After New START[/] — the successor's questions, on sourced estimates [grey](data/forces/estimates.csv; every figure names its source)[/].");

        var figures = States.Select(PartyCode.Parse)
            .SelectMany(state => TodayMeasures.Select(measure => FigurePicker.Pick(estimates, precedence, state, measure, today)))
            .ToImmutableArray();
        PrintToday(context, figures, today);

        var china = catalog.Find(ChinaModel) ?? ProjectionModel.BuiltIn(ProjectionKind.Trend);
        var trend = ProjectionModel.BuiltIn(ProjectionKind.Trend);
        var hold = ProjectionModel.BuiltIn(ProjectionKind.Hold);
        var parities = ImmutableArray.CreateBuilder<Parity>();
        var cn = PartyCode.Parse("CN");
        var us = PartyCode.Parse("US");
        Terminal.Bullet(context, $"Will China match the United States? Projected, not measured: China by {china.Name} where it applies, else the trend of its estimates; the United States held at its latest estimate; {options.Trials:N0} trials, seed {options.Seed}.");
        foreach (var measure in ParityMeasures)
        {
            try
            {
                var a = Projector.Project(estimates, cn, measure, china.AppliesTo(cn, measure) ? china : trend, options);
                var b = Projector.Project(estimates, us, measure, hold, options);
                var parity = Parity.Find(a, b);
                parities.Add(parity);
                Terminal.Note(context, Markup.Escape($"{measure}: {Say(parity)} ") + "[grey]" + Markup.Escape($"(CN by {a.Model.Name} from {a.StartValue:N0} as of {CommandLineInput.Format(a.StartAsOf)}; US {b.StartValue:N0})") + "[/]");
            }
            catch (InputException e)
            {
                Terminal.Note(context, Markup.Escape($"{measure}: ") + "[grey]" + Markup.Escape($"not projected: {string.Join("; ", e.Diagnostics.Select(d => d.Message))}") + "[/]");
            }
        }

        var drafts = DraftsInput.ReadAllWithVariants(context);
        var settings = new ComparisonSettings(Year, ProposalsCommand.DefaultEntryIntoForce, options.Horizon);
        var compared = ProposalStudy.Compare(drafts, estimates, precedence, china, options, settings);
        PrintDrafts(context, compared);

        return writer.Write(folder, SuccessorReport.Render(new SuccessorPage(estimates, compared, today, figures, parities.ToImmutable()), writer.Language), "after-new-start.html").Html;
    }

    private static string Say(Parity parity)
    {
        if (parity.Year is { } year && year <= parity.FirstYear)
        {
            return $"already at or above in {year} (the first year projected)";
        }

        var range = $"early {Y(parity.YearP10, parity.Horizon)}, late {Y(parity.YearP90, parity.Horizon)}";
        return parity.Year is { } central ? $"reached in {central} ({range})" : $"not before {parity.Horizon} on the central path ({range})";
    }

    private static string Y(int? year, int horizon) => year?.ToString(CultureInfo.InvariantCulture) ?? $"not before {horizon}";

    private static void PrintToday(CliContext context, ImmutableArray<ForceFigure> figures, LocalDate today)
    {
        // One row per state and measure: a source's host is one word, and three of them side by side do not fit 80 columns.
        var table = Terminal.Table($"The five states as of {CommandLineInput.Format(today)}: the figure believed, by source precedence");
        table.AddColumns(Terminal.Fixed("State"), Terminal.Fixed("Measure"), Terminal.Fixed("Figure", right: true), Terminal.Text("Source, basis, as of"));
        foreach (var state in figures.Select(f => f.State).Distinct())
        {
            var first = true;
            foreach (var measure in TodayMeasures)
            {
                var (value, source) = Cell(figures.First(f => f.State == state && f.Measure == measure));
                table.AddRow(first ? state.Value : string.Empty, Markup.Escape(measure.Value), value, source);
                first = false;
            }
        }

        Terminal.Write(context, table);
        Terminal.Note(context, "[grey]Unknown and undisclosed are never zero. All rows and the ones passed over: verity forces --all-sources[/]");
    }

    private static (string Value, string Source) Cell(ForceFigure figure)
    {
        if (figure.Picked is not { } row)
        {
            return ("[grey]unknown[/]", string.Empty);
        }

        var host = Terminal.Host(row.Source);
        var value = figure.IsUndisclosed ? "undisclosed" : row.Value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : $"{row.Low?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"}–{row.High?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"}";
        // A secondary outlet that reports a source the precedence names (SIPRI's yearbook in a newspaper) is said as such.
        var via = figure.Rule is { } rule && rule != "unranked" && !host.Contains(rule, StringComparison.OrdinalIgnoreCase) && row.Note?.Contains("secondary", StringComparison.OrdinalIgnoreCase) == true
            ? $"{rule.ToUpperInvariant()} via {host}"
            : host;
        return (Markup.Escape(value), $"[grey]{Markup.Escape(via)}, {Markup.Escape(EstimatesReader.Word(row.Basis))}, {row.AsOf.Year}[/]");
    }

    private static void PrintDrafts(CliContext context, ProposalsResult result)
    {
        var table = Terminal.Table($"The bundled drafts in {result.Settings.Year}, against projected forces");
        table.AddColumn(Terminal.Fixed("Draft"));
        table.AddColumn(Terminal.Text("Must cut most"));
        table.AddColumn(Terminal.Fixed("Exceeded", right: true));
        table.AddColumn(Terminal.Text("Unknown"));
        foreach (var draft in result.Drafts)
        {
            var most = draft.MustCutMost is { } m ? $"{m.Scope} {m.Cut!.Value.ToString("N0", CultureInfo.InvariantCulture)} ({m.LimitId}{(m.Status == ComparisonStatus.NotYetInEffect ? ", not yet in effect" : string.Empty)})" : "no one";
            var expired = draft.Limits.All(l => l.Status == ComparisonStatus.Expired);
            table.AddRow(
                Markup.Escape(draft.DraftId),
                expired ? "[grey]expired before then[/]" : Markup.Escape(most),
                draft.Limits.Count(l => l.Status == ComparisonStatus.Exceeds).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", draft.Limits.Where(l => l.Status == ComparisonStatus.NoData).Select(l => l.Scope).Distinct())));
        }

        Terminal.Write(context, table);
        Terminal.Note(context, "[grey]" + Markup.Escape($"Drafts without entry into force assumed in force from {CommandLineInput.Format(result.Settings.EntryIntoForce)}; every limit, p10/p50/p90 and margin: verity proposals compare --at {result.Settings.Year} --model {result.Model.Name}") + "[/]");
    }
}
