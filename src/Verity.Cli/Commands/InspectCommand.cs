using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using Spectre.Console;
using Verity.Core;
using Verity.Core.Inspections;
using Verity.Core.Loading;
using Verity.Core.Treaties;

namespace Verity.Cli.Commands;

/// <summary>
/// <c>verity inspect quota</c>: each party's inspection quotas per treaty year, their use and what is left, with the
/// lifecycle acts that restrain them; <c>verity inspect decide</c>: whether one more inspection is allowed, and why not.
/// Both over the treaty's public record of inspections (<c>data/history/TREATY-inspections.csv</c>) or a record given.
/// </summary>
internal static class InspectCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("inspect", """
            Inspection quotas and their use, derived from the treaty's quotas, its lifecycle acts (pauses,
            exemptions, suspensions) and the public record of inspections; and an inspection driven step by step
            through the parties' nodes (new, designate, inform, commit, reveal, select, record, report,
            acknowledge, ambiguity), each step checked by the node against both parties' logs (docs/inspections.md).

            Examples:
              verity inspect quota --at 2020-06-01
              verity inspect decide --by US --of RU --type type-one --at 2022-09-01
              verity inspect list --node http://127.0.0.1:8080
            """);
        command.Subcommands.Add(Quota(context));
        command.Subcommands.Add(Decide(context));
        foreach (var step in InspectSteps.Create(context))
        {
            command.Subcommands.Add(step);
        }

        return command;
    }

    private static Option<string> TreatyOption() => new("--treaty") { Description = "The treaty (a bundled name or a file).", DefaultValueFactory = _ => "new-start" };

    private static Option<string> RecordOption() => new("--record") { Description = "The record of inspections held (CSV: from,to,parties,type,count,basis,source,note); default: the treaty's public record in data/history/." };

    private static Option<string> AtOption() => new("--at") { Description = "The date, YYYY-MM-DD (default: today, UTC)." };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON for programs." };

    private static Command Quota(CliContext context)
    {
        var treatyOption = TreatyOption();
        var recordOption = RecordOption();
        var partyOption = new Option<string>("--party") { Description = "Only this party's quotas (as the inspecting party)." };
        var atOption = AtOption();
        var jsonOption = JsonOption();
        var command = new Command("quota", """
            For each party as the inspecting party: its quota per inspection type per treaty year, how many were
            used, what is left and where the quota stands on the date (open, exhausted, paused, suspended,
            exempted, not started, closed, not in force), with the lifecycle act and source behind it; the public
            record's rows with their sources, and its totals over several parties or years beside the quotas they
            span. A use the record does not give is "n.p." (not published), never 0. Exit 0; 1 when a record
            given holds inspections beyond a quota; 2 on bad input.

            Examples:
              verity inspect quota --at 2012-02-04
              verity inspect quota --party US --at 2023-06-01
              verity inspect quota --at 2026-02-04 --json
            """)
        { treatyOption, recordOption, partyOption, atOption, jsonOption };
        command.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var at = CommandLineInput.ParseDate(parse.GetValue(atOption), "--at", context.Today);
            var treaty = ReadTreaty(context, parse.GetValue(treatyOption)!);
            var party = CommandLineInput.ParseParty(parse.GetValue(partyOption), treaty);
            var (held, record) = Record(context, treaty, parse.GetValue(recordOption));
            if (at < treaty.Dates.EntryIntoForce)
            {
                throw DetectCommand.Bad("--at", $"{CommandLineInput.Format(at)} is before {treaty.Name} entered into force on {CommandLineInput.Format(treaty.Dates.EntryIntoForce)}: there is no treaty year yet");
            }

            var report = InspectionQuotas.AsOf(treaty, held, at, party);
            if (parse.GetValue(jsonOption))
            {
                Json.Write(context, ToJson(treaty, report, held, record));
            }
            else
            {
                Print(context, treaty, report, held, record);
            }

            return report.HasBeyond ? VerityApp.Finding : VerityApp.Ok;
        }));
        return command;
    }

    private static Command Decide(CliContext context)
    {
        var treatyOption = TreatyOption();
        var recordOption = RecordOption();
        var byOption = new Option<string>("--by") { Description = "The inspecting party.", Required = true };
        var ofOption = new Option<string>("--of") { Description = "The inspected party.", Required = true };
        var typeOption = new Option<string>("--type") { Description = "The inspection type, such as type-one.", Required = true };
        var atOption = AtOption();
        var jsonOption = JsonOption();
        var command = new Command("decide", """
            Whether one more inspection of --type by --by of --of on the date is allowed: refused, with the reason,
            outside the treaty's life, before inspections may begin, while a pause, a suspension or an exemption
            of the inspected party's facilities is in force, or when the quota is used up; undetermined when the
            record does not give the quota's use so far. Exit 0 when allowed; 1 when refused or undetermined; 2
            on bad input.

            Examples:
              verity inspect decide --by US --of RU --type type-one --at 2012-02-04
              verity inspect decide --by RU --of US --type type-two --at 2020-06-01 --json
            """)
        { treatyOption, recordOption, byOption, ofOption, typeOption, atOption, jsonOption };
        command.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var at = CommandLineInput.ParseDate(parse.GetValue(atOption), "--at", context.Today);
            var treaty = ReadTreaty(context, parse.GetValue(treatyOption)!);
            var by = Party(parse.GetValue(byOption)!, "--by", treaty);
            var of = Party(parse.GetValue(ofOption)!, "--of", treaty);
            if (by == of)
            {
                throw DetectCommand.Bad("--of", $"{of} is the inspecting party too: an inspection is of another party's facilities");
            }

            var type = parse.GetValue(typeOption)!;
            var types = treaty.Inspections.Quotas.Select(q => q.Type).Distinct().ToList();
            if (!types.Contains(type))
            {
                throw DetectCommand.Bad("--type", $"unknown inspection type '{type}': {treaty.Name}'s are {string.Join(", ", types)}");
            }

            var (held, _) = Record(context, treaty, parse.GetValue(recordOption));
            var decision = InspectionQuotas.Decide(treaty, held, by, of, type, at);
            if (parse.GetValue(jsonOption))
            {
                Json.Write(context, new JsonObject
                {
                    ["treaty"] = treaty.Id,
                    ["by"] = by.Value,
                    ["of"] = of.Value,
                    ["type"] = type,
                    ["at"] = CommandLineInput.Format(at),
                    ["treaty_year"] = decision.TreatyYear,
                    ["outcome"] = Word(decision.Outcome),
                    ["reason"] = decision.Reason,
                    ["quota"] = decision.Line is { } line ? LineJson(line) : null,
                    ["cause"] = decision.Cause is { } cause ? RestraintJson(cause) : null,
                });
            }
            else
            {
                var mark = decision.Outcome switch
                {
                    DecisionOutcome.Allowed => "[green]allowed[/]",
                    DecisionOutcome.Refused => "[red]refused[/]",
                    _ => "[yellow]undetermined[/]",
                };
                context.Out.MarkupLine($"{mark}: {Markup.Escape($"{type} inspection by {by} of {of} on {CommandLineInput.Format(at)}")}");
                Terminal.Note(context, Markup.Escape(decision.Reason));
            }

            return decision.IsAllowed ? VerityApp.Ok : VerityApp.Finding;
        }));
        return command;
    }

    private static Treaty ReadTreaty(CliContext context, string name)
    {
        var treaty = CommandLineInput.ReadTreaty(context, name);
        return treaty.Inspections.Quotas.IsDefaultOrEmpty
            ? throw DetectCommand.Bad("--treaty", $"{treaty.Name} sets no inspection quota: there is nothing to count against")
            : treaty;
    }

    private static PartyCode Party(string text, string option, Treaty treaty)
    {
        if (!PartyCode.TryParse(text, out var party))
        {
            throw DetectCommand.Bad(option, $"'{text}' is not a party code: expected two capital letters such as \"US\"");
        }

        return treaty.HasParty(party)
            ? party
            : throw DetectCommand.Bad(option, $"unknown party '{text}': {treaty.Name}'s parties are {string.Join(", ", treaty.Parties.Select(p => p.Code))}");
    }

    /// <summary>The record given, else the treaty's public record in <c>data/history/</c>, else an empty public record (nothing published).</summary>
    private static (InspectionsHeld Held, string? Path) Record(CliContext context, Treaty treaty, string? given)
    {
        var path = given ?? Path.Combine(context.DataDirectory, "history", $"{treaty.Id}-inspections.csv");
        if (given is null && !File.Exists(path))
        {
            return (InspectionsHeld.Published([]), null);
        }

        using var reader = CommandLineInput.OpenText(path, "--record");
        return (InspectionsHeld.Published(HistoryReader.ReadInspectionCounts(reader, path, treaty)), path);
    }

    private static void Print(CliContext context, Treaty treaty, QuotaReport report, InspectionsHeld held, string? record)
    {
        var console = context.Out;
        var shown = record is null ? "none published" : Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(context.DataDirectory))!, Path.GetFullPath(record));
        console.MarkupLineInterpolated($"[bold]{treaty.Name}[/] inspection quotas as of {CommandLineInput.Format(report.AsOf)} (the record of inspections: {shown})");
        var types = treaty.Inspections.Quotas.Select(q => q.Type).Distinct().ToList();
        foreach (var party in report.Parties)
        {
            var current = party.Current!;
            var table = Terminal.Table(Markup.Escape($"{party.Party} as the inspecting party"));
            table.AddColumn(Terminal.Fixed("Year", right: true));
            table.AddColumn(Terminal.Fixed("Starts"));
            foreach (var type in types)
            {
                table.AddColumn(Terminal.Fixed(Markup.Escape(type), right: true));
            }

            table.AddColumn(Terminal.Fixed("Total", right: true));
            table.AddColumn(Terminal.Fixed("Left", right: true));
            table.AddColumn(Terminal.Text("State"));
            foreach (var year in party.Years)
            {
                var cells = new List<string> { year.Year.ToString(CultureInfo.InvariantCulture), CommandLineInput.Format(year.Start) };
                cells.AddRange(types.Select(t => year.Types.FirstOrDefault(l => l.Type == t) is { } line ? Used(line) : "—"));
                cells.Add(Used(year.Total));
                cells.Add(year.Total.Left is { } left ? left.ToString(CultureInfo.InvariantCulture) : "n.p.");
                cells.Add(StateMarkup(year.Total));
                table.AddRow(cells.ToArray());
            }

            Terminal.Write(context, table);
            var uses = string.Join("; ", current.Types.Append(current.Total).Select(t => $"{t.Type ?? "in all"} {(t.Used.Value is { } u ? u.ToString(CultureInfo.InvariantCulture) : "n.p.")} of {t.Quota} used, {(t.Left is { } l ? l.ToString(CultureInfo.InvariantCulture) : "n.p.")} left"));
            Terminal.Bullet(context, $"Treaty year {current.Year} ({CommandLineInput.Format(current.Start)} to {CommandLineInput.Format(current.End)}) on {CommandLineInput.Format(current.On)}: {StateWords(current.Total)}; {uses}");
            foreach (var restraint in party.Restraints)
            {
                Terminal.Bullet(context, $"In force: {restraint.Summary}{(restraint.Act.Text is { } text ? $" — {text}" : string.Empty)} [grey]({restraint.Source?.Url ?? restraint.Act.SourceId ?? "no source"})[/]");
            }

            foreach (var year in party.Years)
            {
                foreach (var line in year.Types.Append(year.Total).Where(l => l.Beyond > 0))
                {
                    Terminal.Bullet(context, $"[red]beyond the quota[/]: {line.Used.Value} {line.Type ?? "inspections"} in treaty year {year.Year}, against {line.Quota}");
                }
            }
        }

        Terminal.Note(context, "[grey]used/quota for the year up to the date; d = derived (the year's total is 0 or the sum of its quotas, and no type may exceed its own); n.p. = not published (unknown, not 0)[/]");
        if (!held.Rows.IsEmpty)
        {
            console.MarkupLine("[bold]The public record[/]:");
            foreach (var row in held.Rows.Where(r => r.From <= report.AsOf && report.Parties.Any(p => r.Parties.Contains(p.Party))))
            {
                var count = row.Count is { } n ? $"{n} ({row.Basis})" : "not published";
                Terminal.Bullet(context, $"{CommandLineInput.Format(row.From)} to {CommandLineInput.Format(row.To)}, {string.Join(" and ", row.Parties)}{(row.Type is null ? string.Empty : $", {row.Type}")}: {count}{(row.Note is null ? string.Empty : $" — {row.Note}")} [grey]({row.Source})[/]");
            }
        }

        foreach (var check in report.Checks.Where(c => report.Parties.Any(p => c.Row.Parties.Contains(p.Party))))
        {
            var row = check.Row;
            var years = check.FirstYear == check.LastYear ? $"treaty year {check.FirstYear}" : $"treaty years {check.FirstYear} to {check.LastYear}";
            var verdict = !check.IsConsistent
                ? $"[red]inconsistent[/]: more than the quotas allow, or fewer than the years inside it are known to hold{(check.KnownWithin is { } k ? $" ({k})" : string.Empty)}"
                : check.IsFullUse
                    ? "every inspection the quotas allowed was held; the count per party and year inside it was not published"
                    : "within what the quotas allow";
            Terminal.Bullet(context, $"{row.Count} for {string.Join(" and ", row.Parties)} from {CommandLineInput.Format(row.From)} to {CommandLineInput.Format(row.To)} against the full quota of {check.FullQuota} over {years} ({row.Parties.Length} × the quota of each year): {verdict}");
        }
    }

    /// <summary>A use as the table prints it: <c>2/18</c>, <c>10d/10</c> (derived), <c>n.p./18</c> (not published).</summary>
    private static string Used(QuotaLine line)
    {
        var used = line.Used.Value is { } n ? n.ToString(CultureInfo.InvariantCulture) + (line.Used.Basis == CountBasis.Derived ? "d" : string.Empty) : "n.p.";
        var text = $"{used}/{line.Quota}";
        return line.Beyond > 0 ? $"[red]{text}[/]" : text;
    }

    private static string StateWords(QuotaLine line) => line.Cause is { } cause
        ? $"{Word(line.State)}{(cause.Party is { } p && line.State != QuotaState.Paused ? $" by {p}" : string.Empty)} since {CommandLineInput.Format(cause.Since)}"
        : Word(line.State);

    private static string StateMarkup(QuotaLine line)
    {
        var words = Markup.Escape(StateWords(line));
        return line.State switch
        {
            QuotaState.Open => $"[green]{words}[/]",
            QuotaState.Exhausted => $"[bold]{words}[/]",
            QuotaState.Paused or QuotaState.Suspended or QuotaState.Exempted => $"[yellow]{words}[/]",
            _ => $"[grey]{words}[/]",
        };
    }

    internal static string Word(QuotaState state) => state switch
    {
        QuotaState.Open => "open",
        QuotaState.Exhausted => "exhausted",
        QuotaState.Paused => "paused",
        QuotaState.Suspended => "suspended",
        QuotaState.Exempted => "exempted",
        QuotaState.NotStarted => "not started",
        QuotaState.Closed => "closed",
        _ => "not in force",
    };

    private static string Word(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Allowed => "allowed",
        DecisionOutcome.Refused => "refused",
        _ => "undetermined",
    };

    private static string Word(CountBasis basis) => basis switch
    {
        CountBasis.Counted => "counted",
        CountBasis.Published => "published",
        CountBasis.Derived => "derived",
        _ => "not-published",
    };

    private static string Word(RestraintKind kind) => kind switch
    {
        RestraintKind.Paused => "paused",
        RestraintKind.Suspended => "suspended",
        RestraintKind.Exempted => "exempted",
        _ => "withdrawn",
    };

    private static JsonObject ToJson(Treaty treaty, QuotaReport report, InspectionsHeld held, string? record) => new()
    {
        ["treaty"] = treaty.Id,
        ["at"] = CommandLineInput.Format(report.AsOf),
        ["record"] = record,
        ["parties"] = new JsonArray([.. report.Parties.Select(p => (JsonNode)new JsonObject
        {
            ["party"] = p.Party.Value,
            ["restraints"] = new JsonArray([.. p.Restraints.Select(r => (JsonNode)RestraintJson(r))]),
            ["years"] = new JsonArray([.. p.Years.Select(y => (JsonNode)Fields(new JsonObject
            {
                ["year"] = y.Year,
                ["starts"] = CommandLineInput.Format(y.Start),
                ["ends"] = CommandLineInput.Format(y.End),
                ["on"] = CommandLineInput.Format(y.On),
                ["over"] = y.IsOver,
            }, y.Total, withType: false, types: new JsonArray([.. y.Types.Select(t => (JsonNode)LineJson(t))])))]),
        })]),
        ["published"] = new JsonArray([.. held.Rows.Select(r => (JsonNode)new JsonObject
        {
            ["line"] = r.Line,
            ["from"] = CommandLineInput.Format(r.From),
            ["to"] = CommandLineInput.Format(r.To),
            ["parties"] = new JsonArray([.. r.Parties.Select(x => JsonValue.Create(x.Value))]),
            ["type"] = r.Type,
            ["count"] = r.Count,
            ["basis"] = r.Basis,
            ["source"] = r.Source,
            ["note"] = r.Note,
        })]),
        ["checks"] = new JsonArray([.. report.Checks.Select(c => (JsonNode)new JsonObject
        {
            ["line"] = c.Row.Line,
            ["from"] = CommandLineInput.Format(c.Row.From),
            ["to"] = CommandLineInput.Format(c.Row.To),
            ["parties"] = new JsonArray([.. c.Row.Parties.Select(x => JsonValue.Create(x.Value))]),
            ["count"] = c.Row.Count,
            ["first_year"] = c.FirstYear,
            ["last_year"] = c.LastYear,
            ["full_quota"] = c.FullQuota,
            ["known_within"] = c.KnownWithin,
            ["consistent"] = c.IsConsistent,
            ["full_use"] = c.IsFullUse,
            ["source"] = c.Row.Source,
        })]),
    };

    private static JsonObject LineJson(QuotaLine line) => Fields(new JsonObject(), line, withType: true, types: null);

    /// <summary>A quota line's fields added to <paramref name="target"/>; a year's total has no type, name or source, but its types.</summary>
    private static JsonObject Fields(JsonObject target, QuotaLine line, bool withType, JsonArray? types)
    {
        if (withType)
        {
            target["type"] = line.Type;
            target["name"] = line.Name;
        }

        target["quota"] = line.Quota;
        target["used"] = line.Used.Value;
        target["used_basis"] = Word(line.Used.Basis);
        target["used_sources"] = new JsonArray([.. line.Used.Sources.Select(s => JsonValue.Create(s))]);
        target["left"] = line.Left;
        target["beyond"] = line.Beyond;
        target["state"] = Word(line.State);
        target["since"] = line.Cause is { } cause ? CommandLineInput.Format(cause.Since) : null;
        target["cause"] = line.Cause is { } c ? RestraintJson(c) : null;
        if (withType)
        {
            target["source"] = line.SourceId;
        }

        if (types is not null)
        {
            target["types"] = types;
        }

        return target;
    }

    private static JsonObject RestraintJson(Restraint restraint) => new()
    {
        ["kind"] = Word(restraint.Kind),
        ["party"] = restraint.Party?.Value,
        ["since"] = CommandLineInput.Format(restraint.Since),
        ["text"] = restraint.Act.Text,
        ["source"] = restraint.Source is { } s
            ? new JsonObject { ["id"] = s.Id, ["title"] = s.Title, ["url"] = s.Url }
            : restraint.Act.SourceId is { } id ? new JsonObject { ["id"] = id } : null,
    };
}
