using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using Spectre.Console;
using Verity.Core.Analysis.Detection;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Treaties;
using static Verity.Cli.Commands.DetectCommand;

namespace Verity.Cli.Commands;

/// <summary>
/// <c>verity detect --treaty</c>: a regime over a treaty's data. The party's deployed missiles by base as its database
/// gives them on the date (<see cref="MissileBases"/>), the treaty's quota for the treaty year, and the hidden excess
/// make an <see cref="InspectionModel"/> and a <see cref="HiddenExcess"/> for <see cref="RegimeDetector"/>.
/// </summary>
internal static class DetectRegime
{
    public const int DefaultTrials = 100_000;
    public const long DefaultSeed = 2026;
    public const int MaxQuota = 100_000;

    private static readonly Dictionary<string, HiddenPlacement> Placements = new(StringComparer.Ordinal)
    {
        ["random"] = HiddenPlacement.Random,
        ["even"] = HiddenPlacement.Even,
        ["concentrated"] = HiddenPlacement.Concentrated,
    };

    private static readonly Dictionary<string, Reloading> Reloads = new(StringComparer.Ordinal)
    {
        ["never"] = Reloading.Never,
        ["yearly"] = Reloading.Yearly,
    };

    private static readonly Dictionary<string, SiteSelection> Selections = new(StringComparer.Ordinal)
    {
        ["uniform"] = SiteSelection.Uniform,
        ["by-missiles"] = SiteSelection.ByMissiles,
    };

    public static int Run(CliContext context, ParseResult parse, DetectOptions o)
    {
        // Every option that needs no file is checked before anything is read.
        var excess = parse.GetValue(o.Excess) ?? throw Bad("--excess", "a regime needs --excess E, the warheads hidden as extra reentry vehicles");
        Count(excess, "--excess", int.MaxValue);
        var spread = Spread(excess, parse.GetValue(o.Spread));
        var placement = Word(parse.GetValue(o.Placement), "--placement", Placements, HiddenPlacement.Random);
        var reload = Word(parse.GetValue(o.Reload), "--reload", Reloads, Reloading.Never);
        var selection = Word(parse.GetValue(o.SiteChoice), "--site-choice", Selections, SiteSelection.Uniform);
        var years = Range(parse.GetValue(o.Years) ?? 1, "--years", 1, RegimeDetector.MaxYears);
        var trials = Range(parse.GetValue(o.Trials) ?? DefaultTrials, "--trials", 1, RegimeDetector.MaxTrials);
        var seed = parse.GetValue(o.Seed) ?? DefaultSeed;
        var perInspection = (int)Range(parse.GetValue(o.PerInspection) ?? 1, "--per-inspection", 1, int.MaxValue);
        var quotaGiven = parse.GetValue(o.Quota) is { } q ? (int)Range(q, "--quota", 0, MaxQuota) : (int?)null;
        if (quotaGiven is not null && parse.GetValue(o.Inspection) is not null)
        {
            throw Bad("--inspection", "--quota replaces the treaty's quota: give --quota or --inspection, not both");
        }

        var goal = parse.GetValue(o.Goal);
        if (goal is { } g)
        {
            Goal(g);
        }

        var partyText = parse.GetValue(o.Party) ?? throw Bad("--party", "a regime needs --party P, the inspected party");
        var treaty = CommandLineInput.ReadTreaty(context, parse.GetValue(o.Treaty)!);
        var party = CommandLineInput.ParseParty(partyText, treaty)!.Value;
        var at = CommandLineInput.ParseDate(parse.GetValue(o.At), "--at", context.Today);
        var quota = Quota(treaty, at, quotaGiven, parse.GetValue(o.Inspection));

        var definition = ExchangeCommand.ReadDefinition(context, treaty, parse.GetValue(o.Exchange));
        var (inventory, basis) = Forces(context, treaty, parse.GetValue(o.Inventory), at);
        var bases = MissileBases.Declared(definition, treaty, inventory, party, at)
            .GroupBy(b => b.Base, StringComparer.Ordinal)
            .Select(b => (Base: b.Key, Missiles: b.Sum(x => x.Missiles), Warheads: b.Sum(x => x.Warheads)))
            .ToList();
        if (bases.Count == 0)
        {
            throw Bad("--party", $"{party} has no deployed missiles whose warheads its database gives by base on {CommandLineInput.Format(at)}: nothing for the regime to inspect");
        }

        if (bases.Sum(b => b.Missiles) is var total && total > int.MaxValue)
        {
            throw Bad("--inventory", $"{N(total)} deployed missiles: at most {N(int.MaxValue)}");
        }

        if (spread > total)
        {
            throw Bad("--spread", $"{N(spread)} loaded missiles, but {party} has {N(total)} deployed missiles at its bases on {CommandLineInput.Format(at)}");
        }

        var model = new InspectionModel([.. bases.Select(b => new InspectionSite(b.Base, (int)b.Missiles))], quota.PerYear, perInspection, selection);
        var hidden = new HiddenExcess(excess, spread, placement, reload);
        if (RegimeDetector.Draws(model, hidden, (int)years, trials) is var draws && draws > RegimeDetector.MaxDraws)
        {
            throw Bad("--trials", string.Create(CultureInfo.InvariantCulture, $"{N(trials)} trials of {years} year(s) at {model.InspectionsPerYear:N0} inspection(s) a year take about {draws:N0} random draws, more than the {RegimeDetector.MaxDraws:N0} a run may take: lower --trials (or --years, --quota)"));
        }

        var result = RegimeDetector.Evaluate(model, hidden, (int)years, trials, seed);
        var takes = goal is { } wanted ? RegimeDetector.WhatItTakes(model, hidden, wanted) : null;
        var report = new Report(treaty, party, at, quota, basis, bases.Select(b => b.Warheads).ToList(), result, takes, Notes(treaty, party, at, (int)years));

        if (parse.GetValue(o.Json))
        {
            Json.Write(context, ToJson(report));
        }
        else
        {
            Print(context, report);
        }

        var perYear = result.ByYear[0].Exact ?? result.ByYear[0].Simulated.Value;
        return goal is { } aim && perYear < aim ? VerityApp.Finding : VerityApp.Ok;
    }

    /// <summary>The quota that applies: the one given, or the treaty's for the treaty year of the date (the first year before entry into force).</summary>
    private static QuotaUsed Quota(Treaty treaty, LocalDate at, int? given, string? type)
    {
        var year = Math.Max(1, treaty.TreatyYearOf(at));
        if (given is { } n)
        {
            return new QuotaUsed(null, "given with --quota", n, year, "--quota");
        }

        var quotas = treaty.Inspections.Quotas;
        if (quotas.IsDefaultOrEmpty)
        {
            throw Bad("--quota", $"{treaty.Name} sets no inspection quota: give --quota N, the inspections a treaty year");
        }

        var chosen = type ?? quotas[0].Type;
        var ofType = quotas.Where(q => q.Type == chosen).ToList();
        if (ofType.Count == 0)
        {
            throw Bad("--inspection", $"unknown inspection type '{chosen}': {treaty.Name} has {string.Join(", ", quotas.Select(q => q.Type).Distinct())}");
        }

        var quota = ofType.FirstOrDefault(q => q.AppliesIn(year))
            ?? throw Bad("--inspection", $"no {chosen} quota of {treaty.Name} applies in treaty year {year} ({CommandLineInput.Format(at)}): give --quota N");
        return new QuotaUsed(quota.Type, quota.Name, quota.PerYear, year, quota.SourceId);
    }

    /// <summary>The items on the date: the inventory given, else the treaty's bundled record replayed; and the words that say what they are.</summary>
    private static (Inventory Items, Basis Basis) Forces(CliContext context, Treaty treaty, string? inventoryPath, LocalDate at)
    {
        if (inventoryPath is not null)
        {
            using var reader = CommandLineInput.OpenText(inventoryPath, "--inventory");
            return (InventoryReader.Parse(reader, inventoryPath, treaty), new Basis("inventory", inventoryPath, "the inventory as given"));
        }

        var record = Path.Combine(context.DataDirectory, "history", $"{treaty.Id}-forces.yaml");
        if (!File.Exists(record))
        {
            throw Bad("--inventory", $"no bundled record for {treaty.Id} (expected {record}): give --inventory FILE with the party's items");
        }

        var ledger = ReplayCommand.Load(context, treaty.Id, null, "--treaty").Ledger;
        return (ledger.AsOf(at), new Basis(
            "synthetic",
            $"data/history/{treaty.Id}-forces.yaml",
            "synthetic item-level history: the published aggregates are matched by construction; bases and splits that were never published are illustrative, and identifiers are synthetic"));
    }

    private static List<string> Notes(Treaty treaty, Core.PartyCode party, LocalDate at, int years)
    {
        var notes = new List<string>();
        var standing = treaty.StandingAt(at, party);
        if (standing != TreatyStanding.InForce)
        {
            notes.Add($"{treaty.Name} is {Names.Of(standing)} for {party} on {CommandLineInput.Format(at)}: the figures are what the quota would give.");
        }

        var pause = treaty.Lifecycle.Where(a => a.Date <= at && a.Kind is LifecycleActKind.InspectionsPaused or LifecycleActKind.InspectionsResumed).OrderBy(a => a.Date).LastOrDefault();
        if (pause?.Kind == LifecycleActKind.InspectionsPaused)
        {
            notes.Add($"Inspections paused from {CommandLineInput.Format(pause.Date)} (the treaty's lifecycle): the figures are what the quota would give.");
        }

        if (treaty.Inspections.From is { } from && at < from)
        {
            notes.Add($"Inspections may take place from {CommandLineInput.Format(from)}.");
        }

        if (years > 1 && treaty.Expiry is { } expiry && at.PlusYears(years) > expiry)
        {
            notes.Add($"The {years} years modelled run past the treaty's expiry on {CommandLineInput.Format(expiry)}.");
        }

        return notes;
    }

    private static JsonObject ToJson(Report r)
    {
        var result = r.Result;
        var model = result.Model;
        var weights = model.Weights();
        var first = result.ByYear[0];
        var last = result.ByYear[^1];
        return new JsonObject
        {
            ["treaty"] = r.Treaty.Id,
            ["party"] = r.Party.Value,
            ["at"] = CommandLineInput.Format(r.At),
            ["treaty_year"] = r.Quota.TreatyYear,
            ["forces"] = new JsonObject { ["basis"] = r.Basis.Kind, ["file"] = r.Basis.File, ["note"] = r.Basis.Note },
            ["quota"] = new JsonObject { ["type"] = r.Quota.Type, ["name"] = r.Quota.Name, ["per_year"] = r.Quota.PerYear, ["source"] = r.Quota.Source },
            ["model"] = new JsonObject
            {
                ["sites"] = new JsonArray([.. model.Sites.Select((s, i) => (JsonNode)new JsonObject
                {
                    ["site"] = s.Name,
                    ["missiles"] = s.Missiles,
                    ["declared_warheads"] = r.DeclaredWarheads[i],
                    ["loaded"] = result.LoadedBySite.IsEmpty ? null : result.LoadedBySite[i],
                    ["chance_chosen"] = weights[i],
                })]),
                ["missiles"] = model.TotalMissiles,
                ["inspections_per_year"] = model.InspectionsPerYear,
                ["missiles_per_inspection"] = model.MissilesPerInspection,
                ["site_choice"] = Name(Selections, model.Selection),
            },
            ["hidden"] = new JsonObject
            {
                ["excess"] = result.Hidden.Warheads,
                ["spread"] = result.Hidden.Missiles,
                ["placement"] = Name(Placements, result.Hidden.Placement),
                ["reload"] = Name(Reloads, result.Hidden.Reloading),
            },
            ["per_year"] = Pair(first.Exact, first.Simulated),
            ["over_years"] = Pair(last.CumulativeExact, last.CumulativeSimulated),
            ["years"] = new JsonArray([.. result.ByYear.Select(y => (JsonNode)new JsonObject
            {
                ["year"] = y.Year,
                ["treaty_year"] = r.Quota.TreatyYear + y.Year - 1,
                ["in_year"] = Pair(y.Exact, y.Simulated),
                ["by_end_of_year"] = Pair(y.CumulativeExact, y.CumulativeSimulated),
            })]),
            ["trials"] = result.Simulation.Trials,
            ["seed"] = result.Simulation.Seed,
            ["confidence"] = 0.95,
            ["goal"] = r.Takes is { } t ? new JsonObject
            {
                ["goal"] = t.Goal,
                ["reached"] = (first.Exact ?? first.Simulated.Value) >= t.Goal,
                ["inspections_per_year"] = t.Inspections,
                ["p_with_those_inspections"] = t.InspectionsDetection,
                ["missiles_per_inspection"] = t.MissilesPerInspection,
                ["p_with_those_missiles"] = t.MissilesPerInspectionDetection,
                ["max_inspections_searched"] = t.MaxInspections,
            } : null,
            ["assumptions"] = new JsonArray([.. result.Assumptions.Select(a => JsonValue.Create(a)), JsonValue.Create(QuotaSentence(r))]),
            ["notes"] = new JsonArray([.. r.Notes.Select(n => JsonValue.Create(n))]),
        };
    }

    private static JsonObject Pair(double? exact, ProportionEstimate simulated) => new()
    {
        ["exact"] = exact,
        ["monte_carlo"] = simulated.Value,
        ["low"] = simulated.Low,
        ["high"] = simulated.High,
        ["exact_within_interval"] = exact is { } e ? simulated.Contains(e) : null,
    };

    private static void Print(CliContext context, Report r)
    {
        var result = r.Result;
        var model = result.Model;
        var hidden = result.Hidden;
        // A date outside the treaty's life is said at once, where its treaty year is named, not only among the notes.
        var standing = r.Treaty.StandingAt(r.At, r.Party);
        var outside = standing == TreatyStanding.InForce ? string.Empty : $" ({Names.Of(standing)} on that date: the figures are what its quota would give)";
        context.Out.MarkupLineInterpolated($"[bold]Detection[/] of {N(hidden.Warheads)} hidden warhead(s) on {N(hidden.Missiles)} missile(s): {r.Party.Value} as of {CommandLineInput.Format(r.At)}, {r.Treaty.Name} treaty year {r.Quota.TreatyYear}{outside}");
        context.Out.MarkupLineInterpolated($"Quota: {model.InspectionsPerYear} a year ({r.Quota.Name}); {model.MissilesPerInspection} missile(s) counted per inspection; site choice {Name(Selections, model.Selection)}; placement {Name(Placements, hidden.Placement)}, reload {Name(Reloads, hidden.Reloading)}");
        context.Out.MarkupLineInterpolated($"Forces: [yellow]{r.Basis.Kind}[/] — {r.Basis.File}: {r.Basis.Note}");

        var weights = model.Weights();
        var sites = Terminal.Table("Sites (deployed missiles whose warheads the database gives by base)");
        sites.AddColumn(Terminal.Text("Base"));
        sites.AddColumn(Terminal.Fixed("Missiles", right: true));
        sites.AddColumn(Terminal.Fixed("Warheads", right: true));
        if (!result.LoadedBySite.IsEmpty)
        {
            sites.AddColumn(Terminal.Fixed("Loaded", right: true));
        }

        sites.AddColumn(Terminal.Fixed("P(site)", right: true));
        for (var i = 0; i < model.Sites.Length; i++)
        {
            var cells = new List<string> { Markup.Escape(model.Sites[i].Name), N(model.Sites[i].Missiles), N(r.DeclaredWarheads[i]) };
            if (!result.LoadedBySite.IsEmpty)
            {
                cells.Add(N(result.LoadedBySite[i]));
            }

            cells.Add(weights[i].ToString("0.####", CultureInfo.InvariantCulture));
            sites.AddRow([.. cells]);
        }

        sites.AddRow("[bold]all[/]", $"[bold]{N(model.TotalMissiles)}[/]", $"[bold]{N(r.DeclaredWarheads.Sum())}[/]");
        Terminal.Write(context, sites);
        context.Out.MarkupLine("[grey]Warheads: as the database declares them at the base; P(site): the chance that one inspection goes there.[/]");

        // Two rows a year (within it, and by its end), so that each figure and its interval keep one line at 80 columns.
        var years = Terminal.Table("P(at least one finding)");
        years.AddColumn(Terminal.Fixed("Year", right: true));
        years.AddColumn(Terminal.Fixed("Over"));
        years.AddColumn(Terminal.Fixed("Exact", right: true));
        years.AddColumn(Terminal.Fixed("Monte Carlo", right: true));
        years.AddColumn(Terminal.Fixed("95 % interval"));
        foreach (var y in result.ByYear)
        {
            years.AddRow($"{y.Year} ({r.Quota.TreatyYear + y.Year - 1})", "the year", Exact(y.Exact), P(y.Simulated.Value), Interval(y.Simulated));
            years.AddRow(string.Empty, "by its end", Exact(y.CumulativeExact), P(y.CumulativeSimulated.Value), Interval(y.CumulativeSimulated));
        }

        Terminal.Write(context, years);
        context.Out.MarkupLineInterpolated($"[grey]Exact where the structure allows (— where it does not); Monte Carlo: {N(result.Simulation.Trials)} trials, seed {result.Simulation.Seed}, 95 % Wilson interval.[/]");

        if (r.Takes is { } t)
        {
            var goal = t.Goal.ToString("0.###", CultureInfo.InvariantCulture);
            context.Out.MarkupLineInterpolated($"[bold]What it takes[/] for P ≥ {goal} a treaty year:");
            context.Out.MarkupLineInterpolated($"  {(t.Inspections is { } m ? $"{N(m)} inspection(s) a year at {model.MissilesPerInspection} missile(s) each (exact P = {P(t.InspectionsDetection!.Value)})" : $"no quota up to {N(t.MaxInspections)} a year reaches it (or it is beyond exact reach)")}");
            context.Out.MarkupLineInterpolated($"  {(t.MissilesPerInspection is { } c ? $"{N(c)} missile(s) counted per inspection at {model.InspectionsPerYear} a year (exact P = {P(t.MissilesPerInspectionDetection!.Value)})" : "no number of missiles per inspection reaches it at this quota")}");
        }

        context.Out.MarkupLine("[bold]Assumptions[/]");
        foreach (var line in result.Assumptions.Append(QuotaSentence(r)))
        {
            Terminal.Bullet(context, $"{line}");
        }

        foreach (var note in r.Notes)
        {
            Terminal.Note(context, $"[yellow]{Markup.Escape(note)}[/]");
        }
    }

    private static string QuotaSentence(Report r) => r.Quota.Type is { } type
        ? $"The quota is {r.Treaty.Name}'s {type} quota for treaty year {r.Quota.TreatyYear} ({r.Quota.PerYear} a year), applied to every year modelled; the treaty's other inspection types are not in the model."
        : $"The quota is the one given with --quota ({r.Quota.PerYear} a year), applied to every year modelled.";

    private static string Exact(double? p) => p is { } v ? P(v) : "—";

    private static string Interval(ProportionEstimate s) => $"[[{P(s.Low)}, {P(s.High)}]]";

    private static int Spread(int excess, int? spread)
    {
        if (excess == 0)
        {
            return spread is null or 0 ? 0 : throw Bad("--spread", "nothing is hidden (--excess 0): no missile carries an excess");
        }

        var k = spread ?? excess;
        return k >= 1 && k <= excess ? k : throw Bad("--spread", $"{k} missiles cannot carry {N(excess)} excess warheads: expected 1 to {N(excess)}, each loaded missile carrying at least one");
    }

    private static T Word<T>(string? text, string option, Dictionary<string, T> words, T fallback) =>
        text is null ? fallback
        : words.TryGetValue(text, out var value) ? value
        : throw Bad(option, $"'{text}' is not one of {string.Join(", ", words.Keys)}");

    private static string Name<T>(Dictionary<string, T> words, T value) => words.First(w => EqualityComparer<T>.Default.Equals(w.Value, value)).Key;

    private static long Range(long value, string option, long min, long max) =>
        value >= min && value <= max ? value : throw Bad(option, value < 0 ? $"{value} is negative: expected {N(min)} to {N(max)}" : $"{N(value)} is out of range: expected {N(min)} to {N(max)}");

    private sealed record QuotaUsed(string? Type, string Name, int PerYear, int TreatyYear, string? Source);

    private sealed record Basis(string Kind, string File, string Note);

    private sealed record Report(Treaty Treaty, Core.PartyCode Party, LocalDate At, QuotaUsed Quota, Basis Basis, List<long> DeclaredWarheads, RegimeDetection Result, DetectionGoal? Takes, List<string> Notes);
}
