using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Verity.Core.Exchanges;
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
        var jsonOption = new Option<bool>("--json") { Description = "Print JSON for programs." };
        var command = new Command("reconcile", """
            Rebuild each party's forces from what it provided: check that each database equals the previous one
            plus the changes notified between them, that notifications came in time and databases when scheduled,
            and that no transition is impossible (an eliminated item reappearing, a uid used twice, a deployed
            missile in no launcher, warheads on a non-deployed missile, a move from a place the item was not at).
            Exit 1 when there is any finding.

            Examples:
              verity reconcile --at 2023-03-01
              verity reconcile --party US --at 2012-12-31 --sent my-notifications.json --json
            """)
        { recordOption, partyOption, atOption, sentOption, jsonOption };
        command.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var at = CommandLineInput.ParseDate(parse.GetValue(atOption), "--at", context.Today);
            var record = NotificationRecord.Load(context, parse.GetValue(recordOption)!, parse.GetValue(sentOption), at);
            var party = CommandLineInput.ParseParty(parse.GetValue(partyOption), record.Treaty);
            var definitionPath = Path.Combine(context.DataDirectory, "exchanges", record.Treaty.Id + ".yaml");
            var definition = ExchangeReader.Parse(CommandLineInput.ReadText(definitionPath, "reconcile"), definitionPath, record.Treaty);
            var reports = record.Parties(party).Select(p =>
            {
                var databases = definition.ScheduleFrom(record.Treaty.Dates.EntryIntoForce).Exchanges(at)
                    .Where(e => record.Treaty.StandingAt(e.AsOf, p) == TreatyStanding.InForce)
                    .Select(e => Database.Build(definition, record.Treaty, record.Ledger, p, e.AsOf));
                return Reconciler.Reconcile(record.Treaty, definition, p, databases, record.Provided, at);
            }).ToList();

            if (parse.GetValue(jsonOption))
            {
                Json.Write(context, new JsonObject
                {
                    ["treaty"] = record.Treaty.Id,
                    ["at"] = CommandLineInput.Format(at),
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
                    })]),
                });
            }
            else
            {
                foreach (var report in reports)
                {
                    context.Out.MarkupLineInterpolated($"[bold]{report.Party}[/]: {report.Databases} databases and {report.Notifications:N0} notifications reconciled — {(report.Findings.IsEmpty ? "[green]no findings[/]" : $"[red]{report.Findings.Length} finding(s)[/]")}");
                    foreach (var finding in report.Findings.Take(40))
                    {
                        context.Out.MarkupLineInterpolated($"  [red]{Name(finding.Kind)}[/] {finding.Date:yyyy-MM-dd} {finding.Subject}: {finding.Message} [grey]({finding.Evidence})[/]");
                    }
                }
            }

            return reports.Any(r => !r.Findings.IsEmpty) ? VerityApp.Finding : VerityApp.Ok;
        }));
        return command;
    }

    internal static string Name(FindingKind kind) => kind switch
    {
        FindingKind.DatabaseMismatch => "database-mismatch",
        FindingKind.LateNotification => "late-notification",
        FindingKind.MissingNotification => "missing-notification",
        FindingKind.MissingDatabase => "missing-database",
        FindingKind.EliminatedItemReappears => "eliminated-item-reappears",
        FindingKind.UidUsedTwice => "uid-used-twice",
        FindingKind.MissileInNoLauncher => "missile-in-no-launcher",
        FindingKind.WarheadsOnNonDeployedMissile => "warheads-on-non-deployed-missile",
        FindingKind.MoveFromElsewhere => "move-from-elsewhere",
        FindingKind.UndeclaredItem => "undeclared-item",
        _ => kind.ToString(),
    };
}
