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
        var treaty = RecordCli.RequiredOption("--treaty", "The treaty definition (YAML), or a bundled treaty's or draft's name such as new-start.", "FILE");
        var key = RecordCli.RequiredOption("--key", "The party's private key file (from verity keys new).", "FILE.key");
        var db = RecordCli.RequiredOption("--db", "The party's own log (SQLite); created if absent.", "FILE.db");
        var urls = new Option<string>("--urls") { Description = "Where to listen, ';'-separated.", DefaultValueFactory = _ => "http://127.0.0.1:8080", HelpName = "URL" };
        var token = new Option<string?>("--operator-token") { Description = $"Bearer token for POST /statements (default: ${TokenVariable}; without one, nobody may submit).", HelpName = "TOKEN" };
        var exchange = new Option<string?>("--exchange") { Description = "The exchange definition declarations follow (default: ../exchanges/<treaty id>.yaml beside the treaty file's folder; if that does not exist, the treaty has no data exchange and declarations are refused).", HelpName = "FILE" };
        var origin = new Option<string?>("--origin") { Description = "Checkpoint origin line (default: verity.local/<party>).", HelpName = "ORIGIN" };
        var peers = new Option<string[]>("--peer")
        {
            Description = "Another party's node: CODE=URL,VKEYFILE (repeat for each peer). Its log is mirrored and verified here; this node's log is pushed to it.",
            HelpName = "CODE=URL,VKEYFILE",
            AllowMultipleArgumentsPerToken = false,
        };
        var observers = new Option<string[]>("--observer") { Description = "An observer's verifier key file (repeatable): it may read every log through the peer API, never write.", HelpName = "VKEYFILE" };
        var postgres = new Option<string?>("--postgres") { Description = "Keep the logs in PostgreSQL (an Npgsql connection string; one schema per log) instead of SQLite files.", HelpName = "CONNECTION" };
        var entry = new Option<string?>("--entry-into-force") { Description = "For a draft treaty: the date of entry into force to assume, YYYY-MM-DD.", HelpName = "DATE" };
        var interval = new Option<double?>("--sync-interval") { Description = "Seconds between rounds with the peers when nothing else wakes the node (default 2).", HelpName = "SECONDS" };
        var command = new Command("serve", """
            Run the party's node: its own log in FILE.db, signed with FILE.key, behind an HTTP API described at /openapi/v1.json,
            with a verified mirror of each peer's log, pushed and pulled over HTTP with requests signed per RFC 9421, and
            checkpoints gossiped between all nodes. Runs until interrupted (Ctrl+C). See docs/node.md.

            Examples:
              VERITY_OPERATOR_TOKEN=s3cret verity serve --party US --treaty data/treaties/new-start.yaml --key keys/US.key --db us.db --urls http://127.0.0.1:8080
              verity serve --party US --treaty new-start.yaml --key keys/US.key --db us.db --urls http://127.0.0.1:8080 --peer RU=http://127.0.0.1:8081,keys/RU.vkey
              verity serve --party US --treaty pifer-2010 --entry-into-force 2027-02-05 --key keys/US.key --db us.db
              verity serve --party RU --treaty new-start.yaml --key keys/RU.key --db ru.db --postgres "Host=127.0.0.1;Username=verity;Password=...;Database=verity"
            """)
        {
            party, treaty, key, db, urls, token, origin, exchange, peers, observers, postgres, interval, entry,
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

            NodaTime.LocalDate? entryIntoForce = null;
            if (parse.GetValue(entry) is { } entryText)
            {
                entryIntoForce = Core.SupportedDates.TryParse(entryText, out var parsed, out var problem) ? parsed : throw new UsageException($"--entry-into-force: {problem}");
            }

            var seconds = parse.GetValue(interval) ?? 2;
            if (!(seconds > 0 && seconds <= 3600))
            {
                throw new UsageException($"--sync-interval: {seconds} is not a number of seconds between 0 and 3600");
            }

            try
            {
                var options = new NodeOptions(parse.GetValue(party)!, CommandLineInput.ResolveTreatyPath(context, parse.GetValue(treaty)!), parse.GetValue(key)!, parse.GetValue(db)!,
                    parse.GetValue(token) ?? NullIfEmpty(Environment.GetEnvironmentVariable(TokenVariable)), originLine, parse.GetValue(exchange))
                {
                    Peers = [.. (parse.GetValue(peers) ?? []).Select(PeerOption.Parse)],
                    ObserverKeyFiles = parse.GetValue(observers) ?? [],
                    Postgres = NullIfEmpty(parse.GetValue(postgres)),
                    SyncInterval = TimeSpan.FromSeconds(seconds),
                    EntryIntoForce = entryIntoForce,
                };
                await NodeHost.RunAsync(options, listen, cancellationToken).ConfigureAwait(false);
            }
            catch (NodeOptionsException e)
            {
                throw new UsageException(e.Message, e);
            }

            return VerityApp.Ok;
        }));
        return command;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
