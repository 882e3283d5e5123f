using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using Spectre.Console;
using Verity.Core;
using Verity.Core.Compliance;
using Verity.Core.Exchanges;
using Verity.Core.Inspections;
using Verity.Core.Loading;
using Verity.Core.Reconciliation;
using Verity.Core.Treaties;

namespace Verity.Cli.Commands;

/// <summary><c>verity reconcile</c>: rebuild each party's forces from its databases and notifications and report every discrepancy.</summary>
internal static class ReconcileCommand
{
    public static Command Create(CliContext context)
    {
        var recordOption = new Option<string>("--record") { Description = "The public record whose databases and notifications are reconciled.", DefaultValueFactory = _ => "new-start" };
        var partyOption = new Option<string>("--party") { Description = "Only this party." };
        var atOption = new Option<string>("--at") { Description = "The date of the reconciliation, YYYY-MM-DD (default: today, UTC)." };
        var sentOption = new Option<string>("--sent") { Description = "The notifications the party provided (a JSON array); default: the honest record's." };
        var databasesOption = new Option<string>("--databases") { Description = "A directory of the party's databases as it handed them over (every *.json, as `exchange --out` writes them); needs --party. Default: built from the record's ledger." };
        var logsOption = new Option<string[]>("--logs") { Description = "Log files holding inspections (one per party: a verity log file, a node's --db or its mirror files): each inspection's result up to --at is checked against the inspected party's database in them, and its findings reported beside the others.", HelpName = "FILE.db", AllowMultipleArgumentsPerToken = true };
        var jsonOption = new Option<bool>("--json") { Description = "Print JSON for programs." };
        var command = new Command("reconcile", """
            Rebuild each party's forces from what it provided: check that each database equals the previous one
            plus the changes notified between them (missiles and bombers by uid, launchers by base and status),
            that every notified change starts from the state the record holds and gives only what its kind of
            change gives (a move keeps the status, a status change the place; a deployment needs an item not
            deployed, a production an unknown uid; `from` is where the item was), that notifications came in time
            and agree with themselves, that databases came when scheduled, and that nothing is impossible (an
            eliminated item reappearing, a deployed missile in no launcher, warheads on a non-deployed missile).
            With --databases DIR, the party's databases are the files it handed over (every *.json in DIR)
            rather than ones built from the record's ledger. With --logs, the inspections the parties' logs hold
            are compared with the inspected party's database (more reentry vehicles than declared, an item not
            declared or declared elsewhere, one missing from the site, numbers at the site that differ) and their
            findings listed too. Exit 1 when there is any finding, 2 on bad input
            (such as a database file that does not read back), with nothing reconciled.

            Examples:
              verity reconcile --at 2023-03-01
              verity reconcile --party US --at 2012-12-31 --sent my-notifications.json --json
              verity reconcile --party US --at 2012-03-31 --databases received/us
              verity reconcile --party RU --at 2019-12-31 --logs us.db us.mirror-ru.db
            """)
        { recordOption, partyOption, atOption, sentOption, databasesOption, logsOption, jsonOption };
        command.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var at = CommandLineInput.ParseDate(parse.GetValue(atOption), "--at", context.Today);
            var record = NotificationRecord.Load(context, parse.GetValue(recordOption)!, parse.GetValue(sentOption), at);
            var party = CommandLineInput.ParseParty(parse.GetValue(partyOption), record.Treaty);
            var definitionPath = Path.Combine(context.DataDirectory, "exchanges", record.Treaty.Id + ".yaml");
            var definition = ExchangeReader.Parse(CommandLineInput.ReadText(definitionPath, "reconcile"), definitionPath, record.Treaty);
            var directory = parse.GetValue(databasesOption);
            var handed = directory is null ? null : ReadDatabases(directory, party, definition, record.Treaty);

            // As of --at, as the node reconciles: a database handed over for a later date is not yet part of the record.
            var later = handed?.Where(d => d.AsOf > at).Select(d => d.AsOf).Order().ToList() ?? [];
            var received = handed?.Where(d => d.AsOf <= at).ToList();
            var reports = record.Parties(party).Select(p =>
            {
                var databases = received ?? definition.ScheduleFrom(record.Treaty.Dates.EntryIntoForce).Exchanges(at)
                    .Where(e => record.Treaty.StandingAt(e.AsOf, p) == TreatyStanding.InForce)
                    .Select(e => Database.Build(definition, record.Treaty, record.Ledger, p, e.AsOf));
                return Reconciler.Reconcile(record.Treaty, definition, p, databases, record.Provided, at);
            }).ToList();
            var inspected = InspectionFindings(record.Treaty, definition, parse.GetValue(logsOption) ?? [], at);
            ImmutableArray<InspectionState> Of(PartyCode p) => [.. inspected.Where(i => i.Inspected == p && !i.Findings.IsEmpty)];

            if (parse.GetValue(jsonOption))
            {
                Json.Write(context, new JsonObject
                {
                    ["treaty"] = record.Treaty.Id,
                    ["at"] = CommandLineInput.Format(at),
                    ["databases_after_at"] = new JsonArray([.. later.Select(d => JsonValue.Create(CommandLineInput.Format(d)))]),
                    ["parties"] = new JsonArray([.. reports.Select(r => (JsonNode)new JsonObject
                    {
                        ["party"] = r.Party.Value,
                        ["databases"] = r.Databases,
                        ["notifications"] = r.Notifications,
                        ["findings"] = new JsonArray([.. r.Findings.Select(f => (JsonNode)new JsonObject
                        {
                            ["kind"] = Name(f.Kind),
                            ["date"] = CommandLineInput.Format(f.Date),
                            ["subject"] = f.Subject,
                            ["evidence"] = f.Evidence,
                            ["message"] = f.Message,
                        })]),
                        ["inspections"] = new JsonArray([.. Of(r.Party).SelectMany(i => i.Findings.Select(f => (JsonNode)new JsonObject
                        {
                            ["inspection"] = i.Id,
                            ["by"] = i.Inspecting.Value,
                            ["arrival"] = CommandLineInput.Format(i.NoticeStep.Arrival),
                            ["site"] = i.Site,
                            ["kind"] = f.KindName,
                            ["subject"] = f.Subject,
                            ["declared"] = f.Declared,
                            ["found"] = f.Found,
                            ["message"] = f.Text,
                        }))]),
                    })]),
                });
            }
            else
            {
                if (later.Count > 0)
                {
                    Terminal.Note(context, $"[grey]Left out, dated after {CommandLineInput.Format(at)}: {later.Count} database(s) of --databases ({string.Join(", ", later.Select(CommandLineInput.Format))}).[/]");
                }

                foreach (var report in reports)
                {
                    // The verdict is markup of its own: an interpolated argument would be escaped and print its tags.
                    var verdict = report.Findings.IsEmpty ? "[green]no findings[/]" : $"[red]{report.Findings.Length} finding(s)[/]";
                    context.Out.MarkupLine($"[bold]{report.Party}[/]: {report.Databases} databases and {report.Notifications.ToString("N0", CultureInfo.InvariantCulture)} change notifications reconciled — {verdict}");
                    foreach (var finding in report.Findings.Take(40))
                    {
                        context.Out.MarkupLineInterpolated($"  [red]{Name(finding.Kind)}[/] {finding.Date:yyyy-MM-dd} {finding.Subject}: {finding.Message} [grey]({finding.Evidence})[/]");
                    }

                    foreach (var inspection in Of(report.Party))
                    {
                        context.Out.MarkupLineInterpolated($"  Inspection {inspection.Id} of {report.Party} by {inspection.Inspecting} at {inspection.Site} on {inspection.NoticeStep.Arrival:yyyy-MM-dd}: [red]{inspection.Findings.Length} finding(s)[/]");
                        foreach (var finding in inspection.Findings)
                        {
                            context.Out.MarkupLineInterpolated($"    [red]{finding.KindName}[/] {finding.Subject}: {finding.Text}");
                        }
                    }
                }
            }

            return reports.Any(r => !r.Findings.IsEmpty || !Of(r.Party).IsEmpty) ? VerityApp.Finding : VerityApp.Ok;
        }));
        return command;
    }

    // The inspections the log files hold, up to the date, each with its findings against the inspected party's database.
    private static ImmutableArray<InspectionState> InspectionFindings(Treaty treaty, ExchangeDefinition definition, string[] logs, LocalDate at)
    {
        if (logs.Length == 0)
        {
            return [];
        }

        try
        {
            var records = LogRecords.ReadAsync(logs, treaty, definition, CancellationToken.None).GetAwaiter().GetResult();
            return [.. InspectionTrail.Of(treaty, records, Verity.Node.Inspections.RecordJointDraw.Instance).Inspections.Where(i => i.NoticeStep.Arrival <= at)];
        }
        catch (UsageException e)
        {
            throw new InputException(new Diagnostic("--logs", 0, 0, string.Empty, e.Message));
        }
    }

    /// <summary>
    /// Every *.json in the directory as one party's databases, each read back and checked; every problem in every
    /// file is reported before anything is reconciled.
    /// </summary>
    private static List<Database> ReadDatabases(string directory, PartyCode? party, ExchangeDefinition definition, Treaty treaty)
    {
        if (party is not { } owner)
        {
            throw Bad("--party", $"--databases holds one party's databases: give --party ({string.Join(" or ", treaty.Parties.Select(p => p.Code.Value))})");
        }

        if (!Directory.Exists(directory))
        {
            throw Bad("--databases", $"no directory {directory}");
        }

        var files = Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw Bad("--databases", $"no *.json files in {directory}: expected the databases of {owner}, as `verity exchange --party {owner} --out FILE` writes them");
        }

        var problems = new List<Diagnostic>();
        var databases = new List<Database>();
        var dates = new Dictionary<LocalDate, string>();
        foreach (var file in files)
        {
            try
            {
                var database = Database.Parse(CommandLineInput.ReadText(file, "--databases"), file, definition, treaty);
                if (database.Party != owner)
                {
                    problems.Add(new Diagnostic(file, 0, 0, "party", $"a database of {database.Party}, but --party is {owner}"));
                }
                else if (dates.TryGetValue(database.AsOf, out var other))
                {
                    problems.Add(new Diagnostic(file, 0, 0, "as_of", $"a second database as of {CommandLineInput.Format(database.AsOf)}: {other} is as of the same date"));
                }
                else
                {
                    dates[database.AsOf] = file;
                    databases.Add(database);
                }
            }
            catch (InputException e)
            {
                problems.AddRange(e.Diagnostics);
            }
        }

        return problems.Count > 0 ? throw new InputException(problems) : databases;
    }

    private static InputException Bad(string option, string message) => new(new Diagnostic(option, 0, 0, string.Empty, message));

    internal static string Name(FindingKind kind) => StatusWords.Of(kind);
}
