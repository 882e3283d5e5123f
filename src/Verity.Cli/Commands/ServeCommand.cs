using System.CommandLine;
using Verity.Node;

namespace Verity.Cli.Commands;

/// <summary><c>verity serve</c>: runs the party's node (HTTP API, OpenAPI at /openapi/v1.json) until interrupted.</summary>
internal static class ServeCommand
{
    public const string TokenVariable = "VERITY_OPERATOR_TOKEN";

    public static Command Create(CliContext context)
    {
        var party = RecordCli.RequiredOption("--party", "The party this node speaks for, e.g. US; the key must be its.", "P");
        var treaty = RecordCli.RequiredOption("--treaty", "The treaty definition (YAML).", "FILE");
        var key = RecordCli.RequiredOption("--key", "The party's private key file (from verity keys new).", "FILE.key");
        var db = RecordCli.RequiredOption("--db", "The party's own log (SQLite); created if absent.", "FILE.db");
        var urls = new Option<string>("--urls") { Description = "Where to listen, ';'-separated.", DefaultValueFactory = _ => "http://127.0.0.1:8080", HelpName = "URL" };
        var token = new Option<string?>("--operator-token") { Description = $"Bearer token for POST /statements (default: ${TokenVariable}; without one, nobody may submit).", HelpName = "TOKEN" };
        var exchange = new Option<string?>("--exchange") { Description = "The exchange definition declarations follow (default: ../exchanges/<treaty id>.yaml beside the treaty file's folder).", HelpName = "FILE" };
        var origin = new Option<string?>("--origin") { Description = "Checkpoint origin line (default: verity.local/<party>).", HelpName = "ORIGIN" };
        var command = new Command("serve", """
            Run the party's node: its own log in FILE.db, signed with FILE.key, behind an HTTP API described at /openapi/v1.json.
            Runs until interrupted (Ctrl+C). See docs/node.md.

            Example:
              VERITY_OPERATOR_TOKEN=s3cret verity serve --party US --treaty data/treaties/new-start.yaml --key keys/US.key --db us.db --urls http://127.0.0.1:8080
            """)
        {
            party, treaty, key, db, urls, token, origin, exchange,
        };
        command.SetAction((parse, cancellationToken) => RecordCli.RunAsync(context, async () =>
        {
            var listen = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (listen.Length == 0)
            {
                throw new UsageException("--urls: expected at least one URL such as http://127.0.0.1:8080");
            }

            foreach (var url in listen)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    throw new UsageException($"--urls: '{url}' is not an http or https URL such as http://127.0.0.1:8080");
                }
            }

            var originLine = parse.GetValue(origin);
            if (originLine is not null && (originLine.Length == 0 || originLine.Any(char.IsControl)))
            {
                throw new UsageException("--origin: must be one non-empty line");
            }

            var options = new NodeOptions(parse.GetValue(party)!, parse.GetValue(treaty)!, parse.GetValue(key)!, parse.GetValue(db)!,
                parse.GetValue(token) ?? NullIfEmpty(Environment.GetEnvironmentVariable(TokenVariable)), originLine, parse.GetValue(exchange));
            try
            {
                await NodeHost.RunAsync(options, listen, cancellationToken).ConfigureAwait(false);
            }
            catch (NodeOptionsException e)
            {
                throw new UsageException(e.Message, e);
            }
            catch (IOException e)
            {
                // Kestrel: the address is in use or cannot be bound.
                throw new UsageException($"--urls: {e.Message}", e);
            }

            return VerityApp.Ok;
        }));
        return command;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
