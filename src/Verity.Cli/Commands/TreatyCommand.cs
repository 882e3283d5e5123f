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
                    ["parties"] = new JsonArray([.. treaty.Parties.Select(p => JsonValue.Create(p.Code.Value))]),
                    ["limits"] = new JsonArray([.. treaty.Limits.Select(l => JsonValue.Create(l.Id))]),
                    ["interpretations"] = new JsonArray([.. treaty.Interpretations.Select(i => JsonValue.Create(i.Id))]),
                });
            }
            else
            {
                context.Out.MarkupLineInterpolated($"[green]ok[/] {path}: {treaty.Name}, {treaty.Parties.Length} parties, {treaty.Limits.Length} limits, {treaty.Interpretations.Length} interpretation(s), expiry {(treaty.Expiry is { } e ? CommandLineInput.Format(e) : "none")}");
            }

            return VerityApp.Ok;
        }));

        var schema = new Command("schema", "Print the JSON Schema that treaty definitions are checked against.");
        schema.SetAction(_ =>
        {
            context.Out.Profile.Out.Writer.WriteLine(TreatyReader.SchemaText);
            return VerityApp.Ok;
        });

        return new Command("treaty", "Treaty definitions: validate them, print their schema.") { check, schema };
    }
}
