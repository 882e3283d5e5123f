using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Verity.Core.Loading;
using Verity.Core.Notifications;

namespace Verity.Cli.Commands;

/// <summary><c>verity deadlines</c>: for each party, what is owed, by when, what is late or overdue, with counts per treaty year.</summary>
internal static class DeadlinesCommand
{
    public static Command Create(CliContext context)
    {
        var recordOption = new Option<string>("--record") { Description = "The public record whose ledger makes notifications owed.", DefaultValueFactory = _ => "new-start" };
        var partyOption = new Option<string>("--party") { Description = "Only this party." };
        var atOption = new Option<string>("--at") { Description = "The date, YYYY-MM-DD (default: today, UTC)." };
        var sentOption = new Option<string>("--sent") { Description = "Notifications provided (a JSON array, as `verity notify --export` writes); default: the honest record's." };
        var jsonOption = new Option<bool>("--json") { Description = "Print JSON for programs." };
        var command = new Command("deadlines", """
            For each party: the notifications owed, on time, late, overdue and pending on a date, with counts per
            treaty year beside the published totals. Exit 1 when any is late or overdue, or a notification provided
            matches nothing owed.

            Examples:
              verity deadlines --at 2012-02-04
              verity deadlines --party US --sent my-notifications.json --json
            """)
        { recordOption, partyOption, atOption, sentOption, jsonOption };
        command.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var at = CommandLineInput.ParseDate(parse.GetValue(atOption), "--at", context.Today);
            var record = NotificationRecord.Load(context, parse.GetValue(recordOption)!, parse.GetValue(sentOption), at);
            var party = CommandLineInput.ParseParty(parse.GetValue(partyOption), record.Treaty);
            var reports = record.Parties(party).Select(p => record.Track(p, at)).ToList();
            var published = PublishedCounts(context, parse.GetValue(recordOption)!);
            if (parse.GetValue(jsonOption))
            {
                Json.Write(context, ToJson(record, reports, at, published));
            }
            else
            {
                Print(context, record, reports, at, published);
            }

            return reports.Any(r => r.HasFindings) ? VerityApp.Finding : VerityApp.Ok;
        }));
        return command;
    }

    private static List<(NodaTime.LocalDate Date, long Count, string Note, string Source)> PublishedCounts(CliContext context, string record)
    {
        var path = Path.Combine(context.DataDirectory, "history", $"{record}-notification-counts.csv");
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = CommandLineInput.OpenText(path, "deadlines");
        return [.. HistoryReader.ReadNotificationCounts(reader, path).Select(p => (p.Date, p.Count, p.Note, p.Source))];
    }

    private static JsonObject ToJson(NotificationRecord record, List<DeadlineReport> reports, NodaTime.LocalDate at, List<(NodaTime.LocalDate Date, long Count, string Note, string Source)> published) => new()
    {
        ["treaty"] = record.Treaty.Id,
        ["at"] = CommandLineInput.Format(at),
        ["parties"] = new JsonArray([.. reports.Select(r => (JsonNode)new JsonObject
        {
            ["party"] = r.Party.Value,
            ["owed"] = r.Obligations.Length,
            ["on_time"] = r.Count(DeadlineState.OnTime),
            ["late"] = r.Count(DeadlineState.Late),
            ["overdue"] = r.Count(DeadlineState.Overdue),
            ["pending"] = r.Count(DeadlineState.Pending),
            ["unmatched"] = r.Unmatched.Length,
            ["treaty_years"] = new JsonArray([.. r.TreatyYears.Select(y => (JsonNode)new JsonObject
            {
                ["year"] = y.Year,
                ["starts"] = CommandLineInput.Format(record.Treaty.TreatyYearStart(y.Year)),
                ["owed"] = y.Owed,
                ["on_time"] = y.OnTime,
                ["late"] = y.Late,
                ["overdue"] = y.Overdue,
                ["pending"] = y.Pending,
            })]),
            ["findings"] = new JsonArray([.. r.Obligations.Where(o => o.State is DeadlineState.Late or DeadlineState.Overdue).Select(o => (JsonNode)new JsonObject
            {
                ["type"] = o.Obligation.Type.Id,
                ["subject"] = o.Obligation.Subject,
                ["triggered"] = NotifyCommand.Format(o.Obligation.TriggeredAt),
                ["due"] = NotifyCommand.Format(o.Obligation.Due),
                ["state"] = NotifyCommand.Name(o.State),
                ["sent"] = o.Provided is null ? null : NotifyCommand.Format(o.Provided.Sent),
            }).Concat(r.Unmatched.Select(d => (JsonNode)new JsonObject
            {
                ["type"] = d.Type,
                ["subject"] = d.Subject,
                ["triggered"] = CommandLineInput.Format(d.Triggered),
                ["state"] = "unmatched",
                ["number"] = d.Number,
            }))]),
        })]),
        ["published"] = new JsonArray([.. published.Select(p => (JsonNode)new JsonObject
        {
            ["date"] = CommandLineInput.Format(p.Date),
            ["count"] = p.Count,
            ["note"] = p.Note,
            ["source"] = p.Source,
        })]),
    };

    private static void Print(CliContext context, NotificationRecord record, List<DeadlineReport> reports, NodaTime.LocalDate at, List<(NodaTime.LocalDate Date, long Count, string Note, string Source)> published)
    {
        var console = context.Out;
        console.MarkupLineInterpolated($"[bold]{record.Treaty.Name}[/] notifications as of {CommandLineInput.Format(at)} ({record.Treaty.Notifications.Length} types encoded; provided: {(record.Honest ? "the honest record" : "as given by --sent")})");
        foreach (var report in reports)
        {
            var table = new Table().Title($"{report.Party}: {report.Obligations.Length:N0} owed, {report.Count(DeadlineState.OnTime):N0} on time, {report.Count(DeadlineState.Late):N0} late, {report.Count(DeadlineState.Overdue):N0} overdue, {report.Count(DeadlineState.Pending):N0} pending, {report.Unmatched.Length} unmatched").Border(TableBorder.Rounded);
            foreach (var column in Columns)
            {
                table.AddColumn(new TableColumn(column).RightAligned());
            }

            foreach (var year in report.TreatyYears)
            {
                table.AddRow(
                    year.Year.ToString(CultureInfo.InvariantCulture),
                    CommandLineInput.Format(record.Treaty.TreatyYearStart(year.Year)),
                    year.Owed.ToString("N0", CultureInfo.InvariantCulture),
                    year.OnTime.ToString("N0", CultureInfo.InvariantCulture),
                    year.Late > 0 ? $"[red]{year.Late:N0}[/]" : "0",
                    year.Overdue > 0 ? $"[red]{year.Overdue:N0}[/]" : "0",
                    year.Pending.ToString("N0", CultureInfo.InvariantCulture));
            }

            console.Write(table);
            foreach (var finding in report.Obligations.Where(o => o.State is DeadlineState.Late or DeadlineState.Overdue).Take(20))
            {
                console.MarkupLineInterpolated($"  [red]{NotifyCommand.Name(finding.State)}[/] {finding.Obligation.Type.Id} ({finding.Obligation.Type.Reference}) about {finding.Obligation.Subject}: triggered {NotifyCommand.Format(finding.Obligation.TriggeredAt)}, due {NotifyCommand.Format(finding.Obligation.Due)}{(finding.Provided is null ? string.Empty : $", provided {NotifyCommand.Format(finding.Provided.Sent)} as {finding.Provided.Number}")}");
            }

            foreach (var document in report.Unmatched.Take(20))
            {
                console.MarkupLineInterpolated($"  [red]unmatched[/] {document.Number}: {document.Type} about {document.Subject} triggered {CommandLineInput.Format(document.Triggered)} discharges nothing owed");
            }
        }

        if (published.Count > 0)
        {
            console.MarkupLine("[bold]Published totals[/] (both parties, every notification type, including the movements, inspections and exhibitions this record does not model):");
            foreach (var p in published.Where(p => p.Date <= at))
            {
                var ours = reports.Sum(r => r.Obligations.Count(o => o.Obligation.OwedFrom <= p.Date));
                console.MarkupLineInterpolated($"  by {CommandLineInput.Format(p.Date)}: {p.Note} — this record owes {ours:N0} of the encoded types by then [grey]({p.Source})[/]");
            }
        }
    }

    private static readonly string[] Columns = ["Treaty year", "Starts", "Owed", "On time", "Late", "Overdue", "Pending"];
}
