using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using NodaTime;
using Spectre.Console;
using Verity.Core.Analysis.Replay;
using Verity.Core.Compliance;
using Verity.Core.Exchanges;
using Verity.Core.Treaties;
using Verity.Reports.Replay;

namespace Verity.Cli.Commands;

/// <summary><c>verity demo</c>: the first thing to run. New START's public record replayed item by item, with a report.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var outOption = new Option<string>("--out") { Description = "Where to write the HTML report (default: ./verity-report).", DefaultValueFactory = _ => "verity-report" };
        var keepOption = new Option<bool>("--keep") { Description = "Leave the parties' nodes running (with their dashboards) until Ctrl+C." };
        var report = new ReportOptions();
        var command = new Command("demo", """
            Replay New START's public record (2011-2026) item by item: every published figure beside what the
            ledger counts, the lifecycle on the timeline, Russia's 2022 reading beside the agreed one, and an
            HTML report with charts. After New START: the five states' forces today from sourced estimates, when
            China's projected measures reach the United States', and the bundled draft treaties compared in 2030
            (a second page, after-new-start.html). Then start a node for each party on loopback (temporary SQLite files),
            submit each party's databases and notifications to its own node as signed statements, let the nodes
            replicate them over HTTP, and show that every node holds the same logs and derives the same
            compliance figures; print the dashboards' addresses. With --keep the nodes stay up until Ctrl+C.

            Examples:
              verity demo
              verity demo --keep
              verity demo --lang ar --pdf
            """)
        { outOption, keepOption, report.Lang, report.Pdf };
        command.SetAction((parse, cancellationToken) => RecordCli.RunAsync(context, async () =>
        {
            var result = default(ReplayResult);
            var writer = ReportWriter.Default;
            var records = ImmutableArray<RecordSummary>.Empty;
            var code = CommandRunner.Run(context, () =>
            {
                CommandLineInput.CheckOutputDirectory(parse.GetValue(outOption), "--out");
                writer = report.Read(parse);
                (result, records) = RunRecord(context, parse.GetValue(outOption)!, writer);
                return result.AllMatch ? VerityApp.Ok : VerityApp.Finding;
            });
            if (result is null)
            {
                return code;
            }

            var network = await RunNetworkAsync(context, result, parse.GetValue(outOption)!, writer, records, parse.GetValue(keepOption), cancellationToken).ConfigureAwait(false);
            var agreed = network.Disagreements == 0;
            context.Out.MarkupLine("Next: [grey]verity comply --treaty new-start --inventory FILE.csv[/] for your own inventory; [grey]verity serve --help[/] to run a node; [grey]verity --help[/] for everything.");
            return code != VerityApp.Ok ? code : agreed ? VerityApp.Ok : VerityApp.Finding;
        }));
        return command;
    }

    /// <summary>The demo before the network: the replay, what it shows, the notifications and databases, After New START, and the pages.</summary>
    internal static (ReplayResult Result, ImmutableArray<RecordSummary> Records) RunRecord(CliContext context, string outDirectory, ReportWriter? writer = null)
    {
        var result = ReplayCommand.Load(context, "new-start", "ru-2022");
        ReplayCommand.Print(context, result);
        Summarize(context, result);
        var records = SummarizeExchanges(context, result);
        writer ??= ReportWriter.Default;
        var (path, pdf) = writer.Write(outDirectory, ReplayReport.Render(result, records, language: writer.Language));
        context.Out.MarkupLineInterpolated($"The report, with charts of each limit: [bold link]{path}[/]");
        var after = AfterNewStart.Run(context, outDirectory, writer);
        context.Out.MarkupLineInterpolated($"The page After New START, with fan charts and a chart per draft: [bold link]{after}[/]");
        if (pdf is not null)
        {
            context.Out.MarkupLineInterpolated($"Both printed to PDF beside them: [bold link]{pdf}[/] and [bold link]{Path.ChangeExtension(after, ".pdf")}[/]");
        }
        return (result, records);
    }

    /// <summary>
    /// One inspection of each party by each other through their nodes: the first quota type, on the latest day a month
    /// after a database exchange on which the quota allows it both ways (for New START, before the pause of 2020), at a
    /// site of the inspected party's forces on the day of arrival. A synthetic exercise, said so where shown.
    /// </summary>
    private static async Task RunInspectionsAsync(CliContext context, NetworkDemo network, ReplayResult result, ExchangeDefinition definition, LocalDate end)
    {
        var treaty = result.Treaty;
        if (treaty.Inspections.Quotas.IsEmpty || treaty.Parties.Length < 2)
        {
            return;
        }

        var type = treaty.Inspections.Quotas[0];
        var pairs = treaty.Parties.SelectMany(a => treaty.Parties.Where(b => b.Code != a.Code).Select(b => (By: a.Code, Of: b.Code))).ToList();
        var none = Core.Inspections.InspectionsHeld.Of([]);
        var exchange = definition.ScheduleFrom(treaty.Dates.EntryIntoForce).Exchanges(end).Select(e => e.AsOf).Reverse()
            .Where(d => pairs.All(p => Core.Inspections.InspectionQuotas.Decide(treaty, none, p.By, p.Of, type.Type, d.PlusDays(30)).IsAllowed))
            .Cast<LocalDate?>().FirstOrDefault();
        if (exchange is not { } asOf)
        {
            return;
        }

        var arrival = asOf.PlusDays(30);
        var runs = await Task.WhenAll(pairs.Select(p => network.InspectAsync(treaty, p.By, p.Of, type.Type, arrival))).ConfigureAwait(false);
        var lines = new List<string>();
        foreach (var (id, elapsed) in runs)
        {
            // Each node derives the inspection from the two logs it holds: they must agree.
            var views = await Task.WhenAll(treaty.Parties.Select(p => network.InspectionAsync(p.Code, id))).ConfigureAwait(false);
            string Key(System.Text.Json.JsonElement v) => string.Join("|", v.GetProperty("stage"), v.GetProperty("seed"), v.GetProperty("selected"), v.GetProperty("counted"), v.GetProperty("findings"));
            var same = views.Select(Key).Distinct().Count() == 1;
            var v = views[0];
            var selected = string.Join(", ", v.GetProperty("selected").EnumerateArray().Select(x => x.GetString()));
            var counted = string.Join(", ", v.GetProperty("counted").EnumerateArray().Select(x => x.GetProperty("warheads").GetInt32() is var n && n == 1 ? "1 reentry vehicle" : $"{n} reentry vehicles"));
            var findings = v.GetProperty("findings").GetArrayLength();
            lines.Add($"{v.GetProperty("inspecting").GetString()} of {v.GetProperty("inspected").GetString()} at {v.GetProperty("site").GetString()}: the draw selected {selected} of {v.GetProperty("listed").GetArrayLength()} missiles; {counted} counted on it, {(findings == 0 ? "as declared: no findings" : $"{findings} finding(s)")}; {v.GetProperty("stage").GetString()}, {(same ? "derived identically by every node" : "derived differently by the nodes")} ({elapsed.TotalSeconds:F1} s)");
        }

        Terminal.Bullet(context, $"One {type.Name} inspection of each party by the other, run through their nodes step by step (notice, designation, pre-inspection information, a joint draw committed and revealed by both, selection, result, report, acknowledgement), each step checked by the submitting node against both logs. A synthetic exercise dated {CommandLineInput.Format(arrival)} (treaty year {treaty.TreatyYearOf(arrival)}), on the replay's synthetic databases; each party's dashboard page (verity demo --keep, /dashboard/US, /dashboard/RU) shows both under Inspections:");
        foreach (var line in lines)
        {
            Terminal.Bullet(context, $"{line}");
        }
    }

    /// <summary>The record through the network: a node per party, every statement submitted, replicated and compared.</summary>
    private static async Task<NetworkSummary> RunNetworkAsync(CliContext context, ReplayResult result, string outDirectory, ReportWriter writer, ImmutableArray<RecordSummary> records, bool keep, CancellationToken cancellationToken)
    {
        var treaty = result.Treaty;
        var definitionPath = Path.Combine(context.DataDirectory, "exchanges", treaty.Id + ".yaml");
        var definition = Core.Loading.ExchangeReader.Parse(CommandLineInput.ReadText(definitionPath, "demo"), definitionPath, treaty);
        var end = (treaty.Expiry ?? context.Today).PlusDays(-1);
        var record = NotificationRecord.From(result, null, end);
        context.Out.WriteLine();
        context.Out.MarkupLine("[bold]The record through the network[/]");
        var lastPublished = result.Points.Where(p => p.Published.Values.Any(f => f.Value is not null)).Max(p => p.Date);
        var provenance = Reports.Dashboard.DashboardProvenance.Demo(lastPublished);
        await using var network = await NetworkDemo.StartAsync(context, treaty, provenance).ConfigureAwait(false);
        Terminal.Bullet(context, $"Started a node for each party on 127.0.0.1 ({string.Join(", ", network.Dashboards.Select(d => d.Party))}), each with its own key and SQLite files, each the peer of the other; peer requests signed per RFC 9421.");
        await network.ReplayAsync(context, result, record, definition, end).ConfigureAwait(false);
        var waited = await network.ConvergeAsync(TimeSpan.FromSeconds(120)).ConfigureAwait(false);
        Terminal.Bullet(context, $"The nodes pushed their logs to each other, verified every entry against the other party's signed checkpoints, and agree on every log (the last entry mirrored {waited.TotalSeconds:F1} s after the last submission):");
        var (logsAgree, logs) = await network.CompareLogsAsync(context).ConfigureAwait(false);
        var (figures, disagreements) = await network.CompareComplianceAsync(result, definition, end).ConfigureAwait(false);
        // Logs that differ between nodes count as a disagreement, whatever the figures say.
        var summary = new NetworkSummary(logs, figures, logsAgree ? disagreements : Math.Max(1, disagreements));
        Terminal.Bullet(context, $"Compliance derived by each node from the logs it holds, at every database date of each party: {figures:N0} figures compared, {(disagreements == 0 ? "all identical on every node and equal to the replay's own count" : $"{disagreements} that differ")}.");
        await RunInspectionsAsync(context, network, result, definition, end).ConfigureAwait(false);
        var report = writer.Write(outDirectory, ReplayReport.Render(result, records, summary, writer.Language)).Html;
        Terminal.Bullet(context, $"The report now has this part too: [bold link]{report}[/]");
        if (keep)
        {
            foreach (var (party, url) in network.Dashboards)
            {
                Terminal.Bullet(context, $"{party}'s dashboard: [bold link]{url}[/] (with ?at=2020-09-01 for a date when the treaty was in force)");
            }

            context.Out.MarkupLine("The nodes keep running; Ctrl+C stops them and deletes their temporary files.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C.
            }
        }

        else
        {
            context.Out.MarkupLine("The nodes are stopped and their temporary files deleted; [grey]verity demo --keep[/] leaves them running, with a dashboard each, until Ctrl+C.");
        }

        return summary;
    }

    /// <summary>The notifications and databases of the replayed record, held to their deadlines and reconciled.</summary>
    private static ImmutableArray<RecordSummary> SummarizeExchanges(CliContext context, ReplayResult result)
    {
        var summaries = ImmutableArray.CreateBuilder<RecordSummary>();
        var treaty = result.Treaty;
        var end = (treaty.Expiry ?? context.Today).PlusDays(-1);
        var record = NotificationRecord.From(result, null, end);
        var definitionPath = Path.Combine(context.DataDirectory, "exchanges", treaty.Id + ".yaml");
        if (!File.Exists(definitionPath))
        {
            return [];
        }

        var definition = Core.Loading.ExchangeReader.Parse(CommandLineInput.ReadText(definitionPath, "demo"), definitionPath, treaty);
        foreach (var party in treaty.Parties.Select(p => p.Code))
        {
            var deadlines = record.Track(party, end);
            var databases = definition.ScheduleFrom(treaty.Dates.EntryIntoForce).Exchanges(end)
                .Where(e => treaty.StandingAt(e.AsOf, party) == TreatyStanding.InForce)
                .Select(e => Core.Exchanges.Database.Build(definition, treaty, record.Ledger, party, e.AsOf))
                .ToList();
            var reconciled = Core.Reconciliation.Reconciler.Reconcile(treaty, definition, party, databases, record.Provided, end);
            summaries.Add(new RecordSummary(party.Value, deadlines.Obligations.Length, deadlines.Count(Core.Notifications.DeadlineState.OnTime), databases.Count, reconciled.Findings.Length));
            Terminal.Bullet(context, $"{party}: {deadlines.Obligations.Length:N0} notifications owed under the {treaty.Notifications.Length} Part Four types encoded, {deadlines.Count(Core.Notifications.DeadlineState.OnTime):N0} on time; {databases.Count} databases exchanged; its databases reconciled against its notifications: {(reconciled.Findings.IsEmpty ? "no findings" : $"{reconciled.Findings.Length} finding(s)")} ([grey]verity deadlines, verity exchange, verity reconcile[/]).");
        }

        return summaries.ToImmutable();
    }

    private static void Summarize(CliContext context, ReplayResult result)
    {
        var console = context.Out;
        var treaty = result.Treaty;
        console.WriteLine();
        console.MarkupLineInterpolated($"[bold]What this shows[/]");
        Terminal.Bullet(context, $"Every published New START figure from {result.Points.Min(p => p.Date):yyyy-MM-dd} to {result.Points.Max(p => p.Date):yyyy-MM-dd} ({result.Compared} values) is matched ({result.Matched} of {result.Compared}) by counting the {result.Ledger.Events.Select(e => e.Uid).Distinct().Count():N0} items of the synthetic history with the treaty's counting rules: by construction, as the history was built consistent with them. What the replay shows is the treaty's rules, lifecycle and readings computed from items, date by date.");
        foreach (var limit in treaty.Limits.Where(l => result.Measures.Contains(l.Id)))
        {
            var inEffect = result.Points.Where(p => p.Status.GetValueOrDefault(limit.Id) is LimitStatus.Within or LimitStatus.Exceeds).ToList();
            var peak = inEffect.Count == 0 ? null : inEffect.MaxBy(p => p.Computed[limit.Id]);
            if (peak is not null)
            {
                Terminal.Bullet(context, $"{limit.Name} ({limit.Article}): at most {limit.Ceiling:N0} from {limit.From:yyyy-MM-dd}; the highest count while in effect was {peak.Computed[limit.Id]:N0} ({peak.Party}, {peak.Date:yyyy-MM-dd}).");
            }
        }

        var interpretation = result.Interpretation;
        var disputed = result.Points
            .SelectMany(p => p.Reading.Where(r => r.Value != p.Computed[r.Key]).Select(r => (Point: p, Measure: r.Key, Value: r.Value)))
            .Where(x => x.Point.Status.GetValueOrDefault(x.Measure) is LimitStatus.Within or LimitStatus.Exceeds)
            .ToList();
        if (disputed.Count > 0)
        {
            var last = disputed.MaxBy(x => x.Point.Date);
            var limit = treaty.FindLimit(last.Measure)!;
            Terminal.Bullet(context, $"Under {interpretation.Name} ('{interpretation.Id}'), {last.Point.Party} counts {last.Value:N0} against the {limit.Ceiling:N0} limit on {last.Point.Date:yyyy-MM-dd} ({last.Value - limit.Ceiling:+#;-#;0} over), where the agreed reading counts {last.Point.Computed[last.Measure]:N0}.");
        }

        if (treaty.Expiry is { } expiry)
        {
            Terminal.Bullet(context, $"The treaty entered into force on {treaty.Dates.EntryIntoForce:yyyy-MM-dd}, was extended to {expiry:yyyy-MM-dd} and has expired: on {context.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} its limits stand '{Names.Of(ComplianceEvaluator.StatusOf(treaty.Limits[0], 0, context.Today, treaty.StandingAt(context.Today)))}'.");
        }
    }
}
