using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Verity.Core.Loading;

namespace Verity.Cli.Commands;

/// <summary><c>verity treaty check FILE</c> and <c>verity treaty schema</c>: validate treaty definitions.</summary>
internal static class TreatyCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A treaty definition (YAML), or a bundled treaty's name such as new-start." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var check = new Command("check", """
            Validate a treaty definition against the treaty schema and its own references.
            On errors, prints file:line:column: field: message lines and exits 2.

            Examples:
              verity treaty check data/treaties/new-start.yaml
              verity treaty check start-i --json
            """)
        { file, json };
        check.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var path = CommandLineInput.ResolveTreatyPath(context, parse.GetValue(file)!);
            var treaty = TreatyReader.Parse(CommandLineInput.ReadText(path, "treaty check"), path);
            if (parse.GetValue(json))
            {
                Json.Write(context, new JsonObject
                {
                    ["file"] = path,
                    ["valid"] = true,
                    ["treaty"] = treaty.Id,
                    ["status"] = treaty.IsProposal ? "proposal" : "treaty",
                    ["entry_into_force"] = treaty.Dates.EntryIntoForceDate is { } entry ? CommandLineInput.Format(entry) : null,
                    ["parties"] = new JsonArray([.. treaty.Parties.Select(p => JsonValue.Create(p.Code.Value))]),
                    ["limits"] = new JsonArray([.. treaty.Limits.Select(l => JsonValue.Create(l.Id))]),
                    ["interpretations"] = new JsonArray([.. treaty.Interpretations.Select(i => JsonValue.Create(i.Id))]),
                });
            }
            else
            {
                context.Out.MarkupLineInterpolated($"[green]ok[/] {path}: {treaty.Name}{(treaty.IsProposal ? $" (draft proposed by {treaty.Proposal!.By}, {CommandLineInput.Format(treaty.Proposal.Date)})" : string.Empty)}, {treaty.Parties.Length} parties, {treaty.Limits.Length} limits, {treaty.Interpretations.Length} interpretation(s), expiry {(treaty.Expiry is { } e ? CommandLineInput.Format(e) : "none")}");
            }

            return VerityApp.Ok;
        }));

        var list = new Command("list", """
            List the bundled treaties and draft treaties (data/treaties/ and data/treaties/drafts/), each by the name
            --treaty and treaty check accept.

            Examples:
              verity treaty list
              verity treaty check pifer-2010
            """)
        { json };
        list.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var rows = CommandLineInput.BundledTreaties(context)
                .Select(b => (b.Name, b.Path, b.Draft, Treaty: TreatyReader.Parse(CommandLineInput.ReadText(b.Path, "treaty list"), b.Path)))
                .ToList();
            if (parse.GetValue(json))
            {
                Json.Write(context, new JsonObject
                {
                    ["treaties"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
                    {
                        ["name"] = r.Name,
                        ["file"] = r.Path,
                        ["status"] = r.Treaty.IsProposal ? "proposal" : "treaty",
                        ["title"] = r.Treaty.Name,
                        ["parties"] = new JsonArray([.. r.Treaty.Parties.Select(p => JsonValue.Create(p.Code.Value))]),
                    })]),
                });
            }
            else
            {
                var table = Terminal.Table();
                table.AddColumn(Terminal.Fixed("Name"));
                table.AddColumn(Terminal.Fixed("Status"));
                table.AddColumn(Terminal.Text("Treaty"));
                table.AddColumn(Terminal.Text("Parties"));
                foreach (var row in rows)
                {
                    table.AddRow(
                        Markup.Escape(row.Name),
                        row.Treaty.IsProposal ? $"draft ({CommandLineInput.Format(row.Treaty.Proposal!.Date)})" : "treaty",
                        Markup.Escape(row.Treaty.Name),
                        string.Join(", ", row.Treaty.Parties.Select(p => p.Code.Value)));
                }

                Terminal.Write(context, table);
            }

            return VerityApp.Ok;
        }));

        var schema = new Command("schema", "Print the JSON Schema that treaty definitions are checked against.");
        schema.SetAction(_ =>
        {
            context.Out.Profile.Out.Writer.WriteLine(TreatyReader.SchemaText);
            return VerityApp.Ok;
        });

        return new Command("treaty", "Treaty definitions: validate them, list the bundled ones and drafts, print their schema.") { check, list, schema };
    }
}
