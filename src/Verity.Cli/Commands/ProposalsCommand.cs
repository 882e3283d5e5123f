using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using Spectre.Console;
using Verity.Core;
using Verity.Core.Analysis.Projections;
using Verity.Core.Analysis.Proposals;
using Verity.Core.Loading;
using Verity.Core.Treaties;
using Verity.Reports.Successor;

namespace Verity.Cli.Commands;

/// <summary><c>verity proposals list|compare</c>: the bundled draft treaties, and each set against projected forces.</summary>
internal static class ProposalsCommand
{
    /// <summary>The entry into force a comparison assumes for a draft that has none: a year after New START's expiry.</summary>
    public static readonly LocalDate DefaultEntryIntoForce = new(2027, 2, 5);

    public static Command Create(CliContext context)
    {
        var command = new Command("proposals", """
            The draft treaties that follow New START, and each set against the projected forces of its parties:
            who would have to cut what, by when, under which projection.

            Examples:
              verity proposals list
              verity proposals compare --at 2030
              verity proposals compare --draft pifer-2010 --draft russia-single-fist:china-inside --model dod-2024-china --json
            """);
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Compare(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var jsonOption = new Option<bool>("--json") { Description = "Print JSON for programs instead of a table." };
        var command = new Command("list", """
            List the bundled drafts (data/treaties/drafts/): who proposed each and when, its parties, groups, limits
            and variants, and its source.

            Examples:
              verity proposals list
              verity proposals list --json
            """)
        { jsonOption };
        command.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var drafts = DraftsInput.ReadAll(context);
            if (parse.GetValue(jsonOption))
            {
                Json.Write(context, new JsonObject
                {
                    ["drafts"] = new JsonArray([.. drafts.Select(d => (JsonNode)new JsonObject
                    {
                        ["id"] = d.Id,
                        ["name"] = d.Name,
                        ["by"] = d.Proposal?.By,
                        ["date"] = d.Proposal is { } p ? CommandLineInput.Format(p.Date) : null,
                        ["source"] = SourceUrl(d),
                        ["parties"] = new JsonArray([.. d.Parties.Select(x => JsonValue.Create(x.Code.Value))]),
                        ["groups"] = new JsonArray([.. d.Groups.Select(g => (JsonNode)new JsonObject { ["id"] = g.Id, ["members"] = new JsonArray([.. g.Members.Select(m => JsonValue.Create(m.Value))]) })]),
                        ["limits"] = new JsonArray([.. d.Limits.Select(l => JsonValue.Create(l.Id))]),
                        ["variants"] = new JsonArray([.. d.Variants.Select(v => JsonValue.Create(v.Id))]),
                    })]),
                });
                return VerityApp.Ok;
            }

            var table = Terminal.Table("Draft treaties (data/treaties/drafts)");
            table.AddColumn(Terminal.Text("Draft"));
            table.AddColumn(Terminal.Text("Proposed"));
            table.AddColumn(Terminal.Text("Parties"));
            table.AddColumn(Terminal.Text("Limits"));
            foreach (var d in drafts)
            {
                var variants = d.Variants.IsEmpty ? string.Empty : $"\n[grey]variants: {Markup.Escape(string.Join(", ", d.Variants.Select(v => v.Id)))}[/]";
                table.AddRow(
                    $"[bold]{Markup.Escape(d.Id)}[/]\n{Markup.Escape(d.Name)}{variants}",
                    Markup.Escape(d.Proposal is { } p ? $"{p.By}, {CommandLineInput.Format(p.Date)}" : "—"),
                    Markup.Escape(string.Join(", ", d.Parties.Select(x => x.Code.Value)) + (d.Groups.IsEmpty ? string.Empty : "\n" + string.Join("\n", d.Groups.Select(g => $"{g.Id}: {string.Join("+", g.Members)}")))),
                    Markup.Escape(string.Join("\n", d.Limits.Select(Describe))));
            }

            Terminal.Write(context, table);
            context.Out.MarkupLine("Compare them against projected forces: [grey]verity proposals compare --at 2030[/]");
            return VerityApp.Ok;
        }));
        return command;
    }

    private static Command Compare(CliContext context)
    {
        var shared = new ProjectionCli();
        var draftOption = new Option<string[]>("--draft") { Description = "A bundled draft (such as pifer-2010, or russia-single-fist:china-inside for a variant) or a draft file; repeatable. Default: every bundled draft and variant.", HelpName = "ID", AllowMultipleArgumentsPerToken = false };
        var atOption = new Option<int>("--at") { Description = "The year compared, as of 1 January.", DefaultValueFactory = _ => 2030, HelpName = "YEAR" };
        var eifOption = new Option<string>("--entry-into-force") { Description = $"The entry into force assumed for a draft that has none, YYYY-MM-DD (default {CommandLineInput.Format(DefaultEntryIntoForce)}).", HelpName = "DATE" };
        var outOption = new Option<string>("--out") { Description = "Also write the HTML report (fan charts, a chart per draft, the table) to this folder.", HelpName = "DIR" };
        var report = new ReportOptions();
        var command = new Command("compare", """
            Set each draft's limits against the projected forces of its parties in one year: for every party and
            group and every limit, the projected value (p10 / p50 / p90), the ceiling in force (or the one that will
            first apply), the margin, the cut required and the year the median path first breaks the ceiling; and
            which scope must cut most. A group's value sums its members trial by trial. Every projected figure is
            projected, not measured; the model, seed and estimate rows are named.
            Exit 0 when no ceiling in effect is exceeded, 1 when one is, 2 on bad input.

            Examples:
              verity proposals compare
              verity proposals compare --at 2035 --model dod-2024-china
              verity proposals compare --draft pifer-2010 --at 2025 --model hold --json
              verity proposals compare --estimates my-estimates.csv --out report/
              verity proposals compare --out report/ --lang zh-Hans --pdf
            """)
        {
            draftOption, atOption, eifOption, outOption, report.Lang, report.Pdf,
        };
        foreach (var option in shared.All.Where(o => o != shared.Measure))
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var year = parse.GetValue(atOption);
            var options = shared.Options(parse);
            if (year < 1945 || year > options.Horizon)
            {
                throw new InputException(new Diagnostic("--at", 0, 0, string.Empty, $"{year} is out of range: expected a year from 1945 to the horizon (--to {options.Horizon})"));
            }

            var eif = CommandLineInput.ParseDate(parse.GetValue(eifOption), "--entry-into-force", DefaultEntryIntoForce);
            CommandLineInput.CheckOutputDirectory(parse.GetValue(outOption), "--out");
            var writer = report.Read(parse, outOption);
            var catalog = shared.ReadCatalog(context, parse);
            var model = ProjectionCli.FindModel(catalog, parse.GetValue(shared.Model)!, "--model");
            var drafts = parse.GetValue(draftOption) is { Length: > 0 } named
                ? [.. named.Select(n => DraftsInput.Read(context, n))]
                : DraftsInput.ReadAllWithVariants(context);
            var estimates = shared.ReadEstimates(context, parse);
            var precedence = ForcesInput.ReadPrecedence(context, null);

            var result = ProposalStudy.Compare(drafts, estimates, precedence, model, options, new ComparisonSettings(year, eif, options.Horizon));

            if (parse.GetValue(shared.Json))
            {
                Json.Write(context, ToJson(result, estimates.Origin));
            }
            else
            {
                Print(context, result, estimates.Origin);
            }

            if (parse.GetValue(outOption) is { } folder)
            {
                var (path, pdf) = writer.Write(folder, SuccessorReport.Render(new SuccessorPage(estimates, result), writer.Language));
                context.Out.MarkupLineInterpolated($"The report, with fan charts and a chart per draft: [bold link]{path}[/]");
                if (pdf is not null)
                {
                    context.Out.MarkupLineInterpolated($"Printed to [bold]{pdf}[/]");
                }
            }

            return result.AnyExceeded ? VerityApp.Finding : VerityApp.Ok;
        }));
        return command;
    }

    internal static JsonObject ToJson(ProposalsResult result, string estimates) => new()
    {
        ["at"] = result.Settings.Year,
        ["model"] = result.Model.Name,
        ["entry_into_force"] = CommandLineInput.Format(result.Settings.EntryIntoForce),
        ["horizon"] = result.Settings.Horizon,
        ["trials"] = result.Options.Trials,
        ["seed"] = result.Options.Seed,
        ["estimates"] = estimates,
        ["projected"] = true,
        ["models"] = new JsonObject(result.Projections
            .GroupBy(p => p.State.Value, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)JsonValue.Create(string.Join(", ", g.Select(p => p.Model.Name).Distinct()))))),
        ["gaps"] = new JsonArray([.. result.Gaps.Select(g => JsonValue.Create(g.English))]),
        ["drafts"] = new JsonArray([.. result.Drafts.Select(d => (JsonNode)new JsonObject
        {
            ["id"] = d.DraftId,
            ["name"] = d.Name,
            ["entry_into_force"] = CommandLineInput.Format(d.EntryIntoForce),
            ["entry_into_force_assumed"] = d.EntryIntoForceAssumed,
            ["must_cut_most"] = d.MustCutMost?.Scope,
            ["limits"] = new JsonArray([.. d.Limits.Select(l => (JsonNode)new JsonObject
            {
                ["id"] = l.LimitId,
                ["scope"] = l.Scope,
                ["members"] = new JsonArray([.. l.Members.Select(m => JsonValue.Create(m.Value))]),
                ["measure"] = l.Measure?.Value,
                ["max"] = l.Max,
                ["ceiling_basis"] = l.CeilingBasis?.English ?? string.Empty,
                ["p10"] = Whole(l.P10),
                ["p50"] = Whole(l.P50),
                ["p90"] = Whole(l.P90),
                ["margin"] = Whole(l.Margin),
                ["cut"] = Whole(l.Cut),
                ["breaks_in"] = l.BreaksIn,
                ["status"] = Core.Compliance.StatusWords.Of(l.Status),
                ["note"] = l.Note?.English,
            })]),
        })]),
    };

    private static JsonValue? Whole(double? x) => x is { } v ? JsonValue.Create((long)Math.Round(v, MidpointRounding.AwayFromZero)) : null;

    private static string N(double? x) => x is { } v ? Math.Round(v, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.InvariantCulture) : "—";

    private static void Print(CliContext context, ProposalsResult result, string estimates)
    {
        var models = string.Join(", ", result.Projections.GroupBy(p => p.Model.Name).Select(g => $"{g.Key} ({string.Join(", ", g.Select(p => p.State.Value).Distinct())})"));
        context.Out.MarkupLineInterpolated($"[bold]Drafts compared in {result.Settings.Year}[/] (as of 1 January), against [bold]projected[/] forces — not measured:");
        context.Out.MarkupLineInterpolated($"  models: {models}; {result.Options.Trials:N0} trials, seed {result.Options.Seed}; estimates: {estimates}.");
        context.Out.MarkupLineInterpolated($"  A draft without entry into force is assumed to enter into force on {CommandLineInput.Format(result.Settings.EntryIntoForce)} (--entry-into-force).");
        foreach (var draft in result.Drafts)
        {
            // Where the columns do not fit the terminal, the scope goes under the limit's id and the cut under the ceiling,
            // so that no id, number or status is cut.
            var table = Terminal.Table($"{draft.DraftId}: {draft.Name}");
            table.AddColumn(Terminal.Text("Limit"));
            table.AddColumn(Terminal.Fixed("Scope"));
            table.AddColumn(Terminal.Fixed("Max", right: true));
            table.AddColumn(Terminal.Fixed("p10", right: true));
            table.AddColumn(Terminal.Fixed("p50", right: true));
            table.AddColumn(Terminal.Fixed("p90", right: true));
            table.AddColumn(Terminal.Fixed("Cut", right: true));
            table.AddColumn(Terminal.Fixed("Breaks", right: true));
            table.AddColumn(Terminal.Fixed("Status"));
            var narrow = Terminal.Table($"{draft.DraftId}: {draft.Name}");
            narrow.AddColumns(Terminal.Fixed("Limit\nscope"), Terminal.Fixed("Max\ncut", right: true), Terminal.Fixed("p10", right: true), Terminal.Fixed("p50", right: true), Terminal.Fixed("p90", right: true), Terminal.Fixed("Breaks", right: true), Terminal.Fixed("Status"));
            foreach (var l in draft.Limits)
            {
                var max = l.Max is { } m ? m.ToString("N0", CultureInfo.InvariantCulture) : "—";
                var cut = l.Cut is > 0 ? $"[red]{N(l.Cut)}[/]" : N(l.Cut);
                var breaks = l.BreaksIn?.ToString(CultureInfo.InvariantCulture) ?? "—";
                table.AddRow(Markup.Escape(l.LimitId), Markup.Escape(l.Scope), max, N(l.P10), N(l.P50), N(l.P90), cut, breaks, Status(l.Status));
                narrow.AddRow($"{Markup.Escape(l.LimitId)}\n{Markup.Escape(l.Scope)}", $"{max}\n{cut}", N(l.P10), N(l.P50), N(l.P90), breaks, Status(l.Status));
            }

            Terminal.Write(context, table, narrow);
            context.Out.MarkupLineInterpolated($"  {(draft.MustCutMost is { } most ? $"Must cut most: {most.Scope}, {N(most.Cut)} ({most.LimitId})." : "No scope must cut.")}{(draft.EntryIntoForceAssumed ? $" Entry into force assumed {CommandLineInput.Format(draft.EntryIntoForce)}." : string.Empty)}");
            foreach (var note in draft.Limits.Where(l => l.Status is ComparisonStatus.NoData or ComparisonStatus.Expired).Select(l => l.Note?.English).Distinct())
            {
                context.Out.MarkupLineInterpolated($"  [grey]{note}[/]");
            }
        }

        foreach (var gap in result.Gaps)
        {
            context.Out.MarkupLineInterpolated($"[grey]Not projected: {gap.English}[/]");
        }
    }

    private static string Status(ComparisonStatus status) => status switch
    {
        ComparisonStatus.Exceeds => "[red]exceeds[/]",
        ComparisonStatus.Within => "[green]within[/]",
        _ => $"[grey]{Core.Compliance.StatusWords.Of(status)}[/]",
    };

    private static string Describe(Limit limit)
    {
        var scope = limit.Scope switch
        {
            LimitScope.GroupScope g => "group " + g.GroupId,
            LimitScope.PartyScope p => p.Party.Value,
            _ => "each",
        };
        var ceiling = string.Join(" → ", limit.Schedule.Select(s => s.Max is { } m ? m.ToString("N0", CultureInfo.InvariantCulture) : "freeze"));
        return $"{limit.Id} ({scope}): {ceiling}{(limit.Measure is { } m2 ? $" [{m2}]" : string.Empty)}";
    }

    private static string? SourceUrl(Treaty draft) =>
        draft.Proposal is { } p ? draft.Sources.FirstOrDefault(s => s.Id == p.SourceId)?.Url : draft.Sources.FirstOrDefault()?.Url;
}
