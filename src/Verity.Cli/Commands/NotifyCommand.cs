using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Verity.Core;
using Verity.Core.Compliance;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using Verity.Core.Treaties;
using Verity.Reports.Replay;

namespace Verity.Cli.Commands;

/// <summary><c>verity notify</c>: the notifications a party owes under the record, with what it provided, rendered in a
/// language the treaty file gives (New START: its authentic English and Russian, and translations made for Verity).</summary>
internal static class NotifyCommand
{
    public static Command Create(CliContext context)
    {
        var recordOption = new Option<string>("--record") { Description = "The public record whose ledger makes notifications owed.", DefaultValueFactory = _ => "new-start" };
        var partyOption = new Option<string>("--party") { Description = "Only this party's notifications." };
        var fromOption = new Option<string>("--from") { Description = "Only notifications owed from this date on (triggered, or due for notices owed in advance), YYYY-MM-DD." };
        var toOption = new Option<string>("--to") { Description = "Only notifications owed by this date (default: today)." };
        var typeOption = new Option<string>("--type") { Description = "Only this notification type, such as change-in-data." };
        var langOption = new Option<string>("--lang") { Description = "The language of the renderings, as the treaty file gives them (New START: en and ru, its authentic languages; fr, es, zh-Hans, ar, fa-AF, translations made for Verity).", DefaultValueFactory = _ => "en", HelpName = "CODE" };
        var sentOption = new Option<string>("--sent") { Description = "Notifications provided (a JSON array); default: the honest record's." };
        var exportOption = new Option<string>("--export") { Description = "Write the notifications provided (as selected) to this JSON file." };
        var limitOption = new Option<int>("--limit") { Description = "At most this many rows in the table (JSON lists all).", DefaultValueFactory = _ => 40 };
        var jsonOption = new Option<bool>("--json") { Description = "Print JSON for programs." };
        var command = new Command("notify", """
            The notifications a party owes under the record (from its items' events and the calendar), each with its
            deadline and what was provided, rendered in a language the treaty file gives them in (New START:
            English and Russian, its authentic languages; French, Spanish, Chinese, Arabic and Dari,
            translations made for Verity).

            Examples:
              verity notify --party US --from 2017-01-01 --to 2017-03-31 --type change-in-data
              verity notify --party RU --lang ru --limit 10
              verity notify --party US --lang fa-AF --limit 5
              verity notify --party US --to 2011-12-31 --export sent.json
            """)
        { recordOption, partyOption, fromOption, toOption, typeOption, langOption, sentOption, exportOption, limitOption, jsonOption };

        var schemaType = new Argument<string>("type") { Description = "A notification type, such as change-in-data." };
        var treatyOption = new Option<string>("--treaty") { Description = "The treaty (file or bundled name).", DefaultValueFactory = _ => "new-start" };
        var schema = new Command("schema", "Print the JSON Schema of one notification type's documents.") { schemaType, treatyOption };
        schema.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var treaty = CommandLineInput.ReadTreaty(context, parse.GetValue(treatyOption)!);
            var type = treaty.FindNotification(parse.GetValue(schemaType)!)
                ?? throw new InputException(new Diagnostic("type", 0, 0, string.Empty, $"unknown notification type '{parse.GetValue(schemaType)}': {treaty.Name} has {string.Join(", ", treaty.Notifications.Select(n => n.Id))}"));
            context.Out.Profile.Out.Writer.Write(NotificationSchemas.For(treaty, type));
            return VerityApp.Ok;
        }));
        command.Subcommands.Add(schema);

        command.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var to = CommandLineInput.ParseDate(parse.GetValue(toOption), "--to", context.Today);
            var from = CommandLineInput.ParseDate(parse.GetValue(fromOption), "--from", LocalDateMin);
            if (from > to)
            {
                throw new InputException(new Diagnostic("--from", 0, 0, string.Empty, $"{CommandLineInput.Format(from)} is after --to {CommandLineInput.Format(to)}: nothing could be owed between them"));
            }

            if (parse.GetValue(limitOption) < 0)
            {
                throw new InputException(new Diagnostic("--limit", 0, 0, string.Empty, $"{parse.GetValue(limitOption)}: expected a number of rows, 0 or more"));
            }

            var record = NotificationRecord.Load(context, parse.GetValue(recordOption)!, parse.GetValue(sentOption), to);
            var language = Language(parse.GetValue(langOption)!, record.Treaty);
            var party = CommandLineInput.ParseParty(parse.GetValue(partyOption), record.Treaty);
            var typeId = parse.GetValue(typeOption);
            if (typeId is not null && record.Treaty.FindNotification(typeId) is null)
            {
                throw new InputException(new Diagnostic("--type", 0, 0, string.Empty, $"unknown notification type '{typeId}': {record.Treaty.Name} has {string.Join(", ", record.Treaty.Notifications.Select(n => n.Id))}"));
            }

            var rows = record.Parties(party)
                .SelectMany(p => record.Track(p, to).Obligations)
                .Where(t => t.Obligation.OwedFrom >= from && t.Obligation.OwedFrom <= to && (typeId is null || t.Obligation.Type.Id == typeId))
                .OrderBy(t => t.Obligation.TriggeredAt).ThenBy(t => t.Obligation.Party.Value, StringComparer.Ordinal)
                .ToList();
            if (parse.GetValue(exportOption) is { } export)
            {
                var documents = rows
                    .Where(r => r.Provided is not null)
                    .Select(r => r.Provided! with { Fields = record.FieldsOf(context, r.Obligation, r.Provided).ToImmutableSortedDictionary(StringComparer.Ordinal) })
                    .DistinctBy(d => (d.Party, d.Number));
                OutputFile.WriteText(export, NotificationWriter.ToJson(documents, record.Treaty), "--export");
            }

            if (parse.GetValue(jsonOption))
            {
                Json.Write(context, new JsonObject
                {
                    ["treaty"] = record.Treaty.Id,
                    ["language"] = language,
                    ["basis"] = Basis(language, record.Treaty),
                    ["notifications"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
                    {
                        ["type"] = r.Obligation.Type.Id,
                        ["reference"] = r.Obligation.Type.Reference,
                        ["party"] = r.Obligation.Party.Value,
                        ["subject"] = r.Obligation.Subject,
                        ["triggered"] = Format(r.Obligation.TriggeredAt),
                        ["due"] = Format(r.Obligation.Due),
                        ["state"] = Name(r.State),
                        ["sent"] = r.Provided is null ? null : Format(r.Provided.Sent),
                        ["number"] = r.Provided?.Number,
                        ["text"] = NotificationRenderer.Render(record.Treaty, r.Obligation.Type, record.FieldsOf(context, r.Obligation, r.Provided), language),
                    })]),
                });
                return VerityApp.Ok;
            }

            // Where the columns do not fit the terminal, the date due goes under the date triggered and the type's place in
            // the treaty before its text, so that a type's id (inspection-airplane-clearance) keeps its width and no word
            // is cut.
            var table = Terminal.Table();
            table.AddColumns(Terminal.Fixed("Triggered"), Terminal.Fixed("Due"), Terminal.Fixed("Party"), Terminal.Text("Notification"), Terminal.Fixed("State"), Terminal.Text("Text"));
            var narrow = Terminal.Table();
            narrow.AddColumns(Terminal.Fixed("Triggered\ndue"), Terminal.Fixed("Party"), Terminal.Fixed("Notification"), Terminal.Fixed("State"), Terminal.Text("Where in the treaty: text"));

            var limit = Math.Max(0, parse.GetValue(limitOption));
            foreach (var r in rows.Take(limit))
            {
                var (triggered, due) = (Markup.Escape(Format(r.Obligation.TriggeredAt)), Markup.Escape(Format(r.Obligation.Due)));
                var notification = Markup.Escape($"{r.Obligation.Type.Id}\n{r.Obligation.Type.Reference}");
                var text = Markup.Escape(NotificationRenderer.Render(record.Treaty, r.Obligation.Type, record.FieldsOf(context, r.Obligation, r.Provided), language));
                table.AddRow(triggered, due, r.Obligation.Party.Value, notification, StateMarkup(r.State), text);
                narrow.AddRow($"{triggered}\n{due}", r.Obligation.Party.Value, Markup.Escape(r.Obligation.Type.Id), StateMarkup(r.State), $"{Markup.Escape(r.Obligation.Type.Reference)}: {text}");
            }

            Terminal.Write(context, table, narrow);
            Terminal.More(context, Math.Min(limit, rows.Count), rows.Count, "--limit N shows more, --json lists every one");
            context.Out.MarkupLineInterpolated($"{rows.Count:N0} notification(s) owed; provided: {(record.Honest ? "the honest record" : parse.GetValue(sentOption))}.");
            Terminal.Note(context, $"[grey]Owed by the events of the replayed record. {Markup.Escape(ReplayText.Synthetic)}[/]");
            if (language != "en")
            {
                Terminal.Note(context, $"[grey]Rendered in {Markup.Escape(language)}: {(Basis(language, record.Treaty) == "authentic" ? "the terms of the treaty's authentic text in that language" : "translations made for Verity, not an official rendering")} (the treaty file's translations.{Markup.Escape(language)}).[/]");
            }

            return VerityApp.Ok;
        }));
        return command;
    }

    internal static readonly NodaTime.LocalDate LocalDateMin = new(1, 1, 1);

    /// <summary>A date where the time is the start of a day (a trigger) or its end (a deadline "no later than" a day), else date and time.</summary>
    internal static string Format(NodaTime.LocalDateTime at) =>
        at.TimeOfDay == NodaTime.LocalTime.Midnight || at.TimeOfDay == EndOfDay
            ? at.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : at.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static readonly NodaTime.LocalTime EndOfDay = new(23, 59, 59);

    internal static string Name(DeadlineState state) => StatusWords.Of(state);

    internal static string StateMarkup(DeadlineState state) => state switch
    {
        DeadlineState.OnTime => "[green]on time[/]",
        DeadlineState.Late => "[bold red]LATE[/]",
        DeadlineState.Overdue => "[bold red]OVERDUE[/]",
        _ => "[yellow]pending[/]",
    };
    /// <summary>On what the renderings in <paramref name="language"/> rest: <c>original</c> (English, the treaty file's
    /// own words), <c>authentic</c> (a language the file says is the treaty's authentic text) or <c>verity</c>
    /// (translations made for Verity).</summary>
    private static string Basis(string language, Treaty treaty) =>
        language == "en" ? "original" : treaty.Translations.GetValueOrDefault(language)?.BasisWord ?? "verity";

    /// <summary>The language <paramref name="code"/> names (<c>fa</c> is Dari, <c>zh</c> Chinese) if every notification
    /// type of the treaty is rendered in it; otherwise bad input naming the languages that are.</summary>
    private static string Language(string code, Treaty treaty)
    {
        var rendered = treaty.Notifications.IsEmpty
            ? ["en"]
            : treaty.Notifications.Select(n => n.Templates.Keys).Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal)).ToList();
        var known = Reports.Languages.Languages.All.Where(l => rendered.Contains(l.Code, StringComparer.Ordinal)).ToList();
        return Reports.Languages.Languages.Find(code, known)?.Code
            ?? throw new InputException(new Diagnostic("--lang", 0, 0, string.Empty, $"{treaty.Name}'s notifications are not rendered in '{(code.Length > 40 ? code[..40] + "…" : code)}': they are in {string.Join(", ", known.Select(l => $"{l.Code} ({l.EnglishName}{(treaty.Translations.GetValueOrDefault(l.Code)?.Basis == TranslationBasis.Verity ? ", translated for Verity" : string.Empty)})"))}"));
    }
}
