using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verity.Core.Inspections;
using Verity.Node.Inspections;

namespace Verity.Cli.Commands;

/// <summary>
/// <c>verity inspect new|designate|inform|commit|reveal|select|record|report|acknowledge|ambiguity|list</c>: an
/// inspection driven step by step through a party's node. Each verb writes one inspection statement and submits it to
/// the node given (the node of the party stating it), which checks it against both parties' logs before signing it;
/// <c>list</c> shows the inspections the node derives from the logs it holds.
/// </summary>
internal static class InspectSteps
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static IEnumerable<Command> Create(CliContext context) =>
    [
        Step(context, "new", InspectionStatements.Notice, "The inspecting party's notice of intent and arrival: it counts against the party's quota on the day of arrival (refused beyond the quota, during a pause, a suspension or an exemption).",
            "verity inspect new --node http://127.0.0.1:8080 --inspection US-RU-1 --of RU --type type-one --arrival 2019-10-01",
            [Text("--of", "The inspected party.", "PARTY", required: true, field: "inspected"), Text("--type", "The inspection type, one of the treaty's quotas.", "TYPE", required: true, field: "type"),
             Date("--arrival", "The day of arrival, YYYY-MM-DD.", field: "arrival"), Text("--point-of-entry", "The point of entry.", "PLACE", required: false, field: "point_of_entry")]),
        Step(context, "designate", InspectionStatements.Designation, "The inspecting party designates the site: a location the inspected party's database lists.",
            "verity inspect designate --node http://127.0.0.1:8080 --inspection US-RU-1 --site Barnaul",
            [Text("--site", "The site.", "SITE", required: true, field: "site")]),
        Step(context, "inform", InspectionStatements.SiteInformation, "The inspected party's pre-inspection information: the deployed missiles at the designated site with the reentry vehicles it declares on each, in the order the draw selects from.",
            "verity inspect inform --node http://127.0.0.1:8081 --inspection US-RU-1 --site Barnaul --missile RU-ICBM-1=1 --missile RU-ICBM-2=1",
            [Text("--site", "The designated site.", "SITE", required: true, field: "site"), Counts("--missile", "A missile and its reentry vehicles, UID=N (repeat it).", "missiles", "warheads", required: true)]),
        Nonce(context, commit: true),
        Nonce(context, commit: false),
        Select(context),
        Step(context, "record", InspectionStatements.Result, "The inspecting party's result: the reentry vehicles counted on each selected missile, the items seen at the site and heavy bombers' armaments. Only selected missiles may be counted.",
            "verity inspect record --node http://127.0.0.1:8080 --inspection US-RU-1 --counted RU-ICBM-2=1 --seen RU-ICBM-1,RU-ICBM-2",
            [Counts("--counted", "A selected missile and the reentry vehicles counted on it, UID=N (repeat it).", "counted", "warheads", required: true),
             List("--seen", "Every item seen at the site, comma-separated uids.", "seen"), Counts("--bomber", "A heavy bomber and the nuclear armaments counted on it, UID=N (repeat it).", "bombers", "armaments", required: false)]),
        Step(context, "report", InspectionStatements.Report, "The inspecting party's report, which closes the inspection; its findings are derived from the result and the inspected party's database.",
            "verity inspect report --node http://127.0.0.1:8080 --inspection US-RU-1 --remarks \"as declared\"",
            [Text("--remarks", "The inspectors' remarks.", "TEXT", required: false, field: "remarks")]),
        Step(context, "acknowledge", InspectionStatements.Acknowledgement, "The inspected party acknowledges the report, in its own log.",
            "verity inspect acknowledge --node http://127.0.0.1:8081 --inspection US-RU-1 --comments received",
            [Text("--comments", "Its comments.", "TEXT", required: false, field: "comments")]),
        Step(context, "ambiguity", InspectionStatements.Ambiguity, "An ambiguity arising from the inspection, raised to the treaty's commission (--action raised) or resolved there (--action resolved).",
            "verity inspect ambiguity --node http://127.0.0.1:8081 --inspection US-RU-1 --ambiguity a1 --action raised --text \"RV count disputed\"",
            [Text("--ambiguity", "The ambiguity's identifier.", "ID", required: true, field: "ambiguity"), Text("--action", "raised or resolved.", "ACTION", required: true, field: "action"),
             Text("--text", "What is ambiguous, or how it was resolved.", "TEXT", required: true, field: "text")]),
        List(context),
    ];

    // One option of a step: how it is declared and how its value goes into the body.
    private sealed record Field(Option Option, Action<ParseResult, JsonObject> Write);

    private static Option<string> NodeOption() => new("--node") { Description = "The node of the party stating the step.", DefaultValueFactory = _ => "http://127.0.0.1:8080", HelpName = "URL" };

    private static Option<string?> TokenOption() => new("--token") { Description = $"The node's operator token (default: ${ServeCommand.TokenVariable}).", HelpName = "TOKEN" };

    private static Option<string> InspectionOption() => RecordCli.RequiredOption("--inspection", "The inspection's identifier (chosen in its notice).", "ID");

    private static Field Text(string name, string description, string help, bool required, string field)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = help, Required = required };
        return new Field(option, (parse, body) =>
        {
            if (parse.GetValue(option) is { } value)
            {
                body[field] = value;
            }
        });
    }

    // A date, read here as every option's date is (so that a bad one names the option before any node is asked).
    private static Field Date(string name, string description, string field)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "DATE", Required = true };
        return new Field(option, (parse, body) =>
            body[field] = CommandLineInput.Format(CommandLineInput.ParseDate(parse.GetValue(option), name, default)));
    }

    private static Field List(string name, string description, string field)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = "UID,UID…" };
        return new Field(option, (parse, body) =>
        {
            if (parse.GetValue(option) is { } value)
            {
                body[field] = new JsonArray([.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(u => (JsonNode)u)]);
            }
        });
    }

    private static Field Counts(string name, string description, string field, string count, bool required)
    {
        var option = new Option<string[]>(name) { Description = description, HelpName = "UID=N", Required = required, AllowMultipleArgumentsPerToken = false };
        return new Field(option, (parse, body) =>
        {
            var values = parse.GetValue(option) ?? [];
            if (values.Length == 0 && !required)
            {
                return;
            }

            var array = new JsonArray();
            foreach (var value in values)
            {
                var at = value.LastIndexOf('=');
                if (at <= 0 || !int.TryParse(value[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    throw new UsageException($"{name}: '{value}' is not UID=N, such as RU-ICBM-1=4");
                }

                array.Add(new JsonObject { ["uid"] = value[..at], [count] = n });
            }

            body[field] = array;
        });
    }

    private static Command Step(CliContext context, string name, string type, string description, string example, Field[] fields)
    {
        var node = NodeOption();
        var token = TokenOption();
        var inspection = InspectionOption();
        var json = RecordCli.JsonOption();
        var command = new Command(name, $"{description} Submits an {type} statement to --node; exit 0 when the node signed it, 2 when it refused it (naming the field) or could not be reached.\n\nExample:\n  {example}")
        {
            node, token, inspection, json,
        };
        foreach (var field in fields)
        {
            command.Options.Add(field.Option);
        }

        command.SetAction((parse, cancellationToken) => RecordCli.RunAsync(context, async () =>
        {
            var body = new JsonObject { ["inspection"] = parse.GetValue(inspection) };
            foreach (var field in fields)
            {
                field.Write(parse, body);
            }

            return await SubmitAsync(context, parse.GetValue(node)!, parse.GetValue(token), type, body, parse.GetValue(json), cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command Nonce(CliContext context, bool commit)
    {
        var node = NodeOption();
        var token = TokenOption();
        var inspection = InspectionOption();
        var file = RecordCli.RequiredOption("--nonce-file", commit ? "Where to keep the secret nonce until the reveal (refused if it exists; readable by its owner only)." : "The nonce file the commit wrote.", "FILE.json");
        var json = RecordCli.JsonOption();
        var command = new Command(commit ? "commit" : "reveal", commit
            ? $"Commits the node's party to the selection draw: draws a secret 32-byte nonce, keeps it in --nonce-file and submits SHA-256 of it ({InspectionStatements.Commitment}). Both parties commit before either reveals.\n\nExample:\n  verity inspect commit --node http://127.0.0.1:8080 --inspection US-RU-1 --nonce-file us-ru-1.nonce.json"
            : $"Reveals the nonce kept in --nonce-file ({InspectionStatements.Reveal}); the node checks it against the party's commitment. Once both parties revealed, the seed is SHA-256 of the inspecting party's nonce then the inspected party's.\n\nExample:\n  verity inspect reveal --node http://127.0.0.1:8080 --inspection US-RU-1 --nonce-file us-ru-1.nonce.json")
        {
            node, token, inspection, file, json,
        };
        command.SetAction((parse, cancellationToken) => RecordCli.RunAsync(context, async () =>
        {
            var id = parse.GetValue(inspection)!;
            var path = parse.GetValue(file)!;
            var body = new JsonObject { ["inspection"] = id };
            if (commit)
            {
                if (File.Exists(path))
                {
                    throw new UsageException($"--nonce-file: {path} exists; a nonce is used once");
                }

                using var random = System.Security.Cryptography.RandomNumberGenerator.Create();
                var (nonce, commitment) = RecordJointDraw.NewNonce(random);
                RecordCli.WriteFileAtomically(path, new JsonObject { ["inspection"] = id, ["nonce"] = nonce, ["commitment"] = commitment }.ToJsonString() + "\n", secret: true);
                body["commitment"] = commitment;
            }
            else
            {
                var kept = RecordCli.ReadJson(path, "nonce file");
                if (RecordCli.String(kept, "inspection", path) != id)
                {
                    throw new UsageException($"--nonce-file: {path} is the nonce of inspection '{RecordCli.String(kept, "inspection", path)}', not '{id}'");
                }

                body["nonce"] = RecordCli.String(kept, "nonce", path);
            }

            try
            {
                return await SubmitAsync(context, parse.GetValue(node)!, parse.GetValue(token), commit ? InspectionStatements.Commitment : InspectionStatements.Reveal, body, parse.GetValue(json), cancellationToken).ConfigureAwait(false);
            }
            catch (UsageException) when (commit)
            {
                // Refused or not delivered: the nonce was not committed, so it is not kept (a retry draws a fresh one).
                File.Delete(path);
                throw;
            }
        }));
        return command;
    }

    private static Command Select(CliContext context)
    {
        var node = NodeOption();
        var token = TokenOption();
        var inspection = InspectionOption();
        var count = new Option<int>("--count") { Description = "How many missiles to select.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var withheld = new Option<string?>("--withheld") { Description = "Void the selection, naming the party that withheld its reveal.", HelpName = "PARTY" };
        var json = RecordCli.JsonOption();
        var command = new Command("select", $"""
            The inspecting party's selection ({InspectionStatements.Selection}): the --count missiles the joint draw selects from the
            pre-inspection information, derived from both reveals as the node holds them (anyone can derive it again:
            docs/inspections.md); or, with --withheld, the party that did not reveal, which voids the selection.

            Examples:
              verity inspect select --node http://127.0.0.1:8080 --inspection US-RU-1
              verity inspect select --node http://127.0.0.1:8080 --inspection US-RU-1 --withheld RU
            """)
        {
            node, token, inspection, count, withheld, json,
        };
        command.SetAction((parse, cancellationToken) => RecordCli.RunAsync(context, async () =>
        {
            var id = parse.GetValue(inspection)!;
            var body = new JsonObject { ["inspection"] = id };
            if (parse.GetValue(withheld) is { } party)
            {
                body["withheld"] = new JsonArray(party);
            }
            else
            {
                var k = parse.GetValue(count);
                using var client = Client(parse.GetValue(node)!, parse.GetValue(token));
                var state = await GetAsync(client, $"inspections/{Uri.EscapeDataString(id)}", cancellationToken).ConfigureAwait(false);
                var (listed, seed, next) = Answer(client.BaseAddress!.ToString(), () => (
                    state.GetProperty("listed").EnumerateArray().Select(m => m.GetProperty("uid").GetString()!).ToList(),
                    state.GetProperty("seed").GetString(),
                    state.GetProperty("next").GetString()));
                if (seed is null)
                {
                    throw new UsageException($"inspection '{id}' has no seed yet: {next}");
                }

                if (k < 1 || k > listed.Count)
                {
                    throw new UsageException($"--count: {k}; the pre-inspection information lists {listed.Count} missiles");
                }

                body["selected"] = new JsonArray([.. Answer(client.BaseAddress!.ToString(), () => RecordJointDraw.Instance.Choose(seed, listed.Count, k)).Select(i => (JsonNode)listed[i])]);
            }

            return await SubmitAsync(context, parse.GetValue(node)!, parse.GetValue(token), InspectionStatements.Selection, body, parse.GetValue(json), cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command List(CliContext context)
    {
        var node = NodeOption();
        var logs = new Option<string[]>("--logs") { Description = "Derive them here from these log files instead of asking a node: one file per party (a verity log file, a node's --db or its mirror files).", HelpName = "FILE.db", AllowMultipleArgumentsPerToken = true };
        var treatyOption = new Option<string>("--treaty") { Description = "With --logs: the treaty (a bundled name or a file).", DefaultValueFactory = _ => "new-start" };
        var party = new Option<string?>("--party") { Description = "Only inspections this party conducted or underwent.", HelpName = "PARTY" };
        var json = RecordCli.JsonOption();
        var command = new Command("list", """
            The inspections the node derives from the logs it holds, or that --logs give (each party's log file):
            each with its parties, site, stage, the selection, the count and its findings against the inspected
            party's database, and the next step. Exit 0; 1 when an inspection has a finding; 2 when the node cannot
            be reached or a file is not a log.

            Examples:
              verity inspect list --node http://127.0.0.1:8080 --party RU
              verity inspect list --logs us.db us.mirror-ru.db
            """)
        {
            node, logs, treatyOption, party, json,
        };
        command.SetAction((parse, cancellationToken) => RecordCli.RunAsync(context, async () =>
        {
            var files = parse.GetValue(logs) ?? [];
            JsonElement result;
            string holder;
            if (files.Length > 0)
            {
                var treaty = CommandLineInput.ReadTreaty(context, parse.GetValue(treatyOption)!);
                var only = CommandLineInput.ParseParty(parse.GetValue(party), treaty);
                ImmutableArray<Core.Records.PartyRecord> records;
                try
                {
                    records = await LogRecords.ReadAsync(files, treaty, LogRecords.Definition(context, treaty), cancellationToken).ConfigureAwait(false);
                }
                catch (UsageException e)
                {
                    throw new UsageException($"--logs: {e.Message}");
                }

                var trail = InspectionTrail.Of(treaty, records, RecordJointDraw.Instance);
                result = JsonSerializer.SerializeToElement(new Verity.Node.Api.InspectionsResult(treaty.Id,
                    [.. trail.Inspections.Where(i => only is null || i.Inspecting == only || i.Inspected == only).Select(i => Verity.Node.Api.InspectionResultView.From(trail, i))],
                    [.. trail.Orphans]));
                holder = string.Join(", ", files);
            }
            else
            {
                using var client = Client(parse.GetValue(node)!, null);
                var query = parse.GetValue(party) is { } p ? $"?party={Uri.EscapeDataString(p)}" : string.Empty;
                result = await GetAsync(client, "inspections" + query, cancellationToken).ConfigureAwait(false);
                holder = parse.GetValue(node)!;
            }

            return Answer(holder, () =>
            {
                var inspections = result.GetProperty("inspections").EnumerateArray().ToList();
                var found = inspections.Any(i => i.GetProperty("findings").GetArrayLength() > 0);
                if (parse.GetValue(json))
                {
                    RecordCli.WriteRaw(context, JsonSerializer.Serialize(result, Indented) + "\n");
                    return found ? VerityApp.Finding : VerityApp.Ok;
                }

                var text = new StringBuilder();
                text.Append(CultureInfo.InvariantCulture, $"{inspections.Count} inspections in the logs {(files.Length > 0 ? "of" : "held by")} {holder}.\n");
                foreach (var i in inspections)
                {
                    string S(string name) => i.GetProperty(name).ValueKind == JsonValueKind.String ? i.GetProperty(name).GetString()! : "—";
                    var selected = string.Join(", ", i.GetProperty("selected").EnumerateArray().Select(x => x.GetString()));
                    var withheld = string.Join(", ", i.GetProperty("withheld").EnumerateArray().Select(x => x.GetString()));
                    var counted = string.Join(", ", i.GetProperty("counted").EnumerateArray().Select(c => $"{c.GetProperty("uid").GetString()}: {c.GetProperty("warheads").GetInt32()}"));
                    text.Append(CultureInfo.InvariantCulture, $"\n{S("id")}: {S("inspecting")} inspecting {S("inspected")}, {S("type")}, arrival {S("arrival")} (treaty year {i.GetProperty("treaty_year").GetInt32()}), site {S("site")}; {S("stage")}.\n");
                    if (selected.Length > 0 || withheld.Length > 0)
                    {
                        text.Append(withheld.Length > 0 ? $"  Selection void: {withheld} withheld its reveal.\n" : $"  Selected by the joint draw: {selected} (seed {S("seed")}).\n");
                    }

                    if (counted.Length > 0)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"  Reentry vehicles counted: {counted}.\n");
                    }

                    foreach (var f in i.GetProperty("findings").EnumerateArray())
                    {
                        text.Append(CultureInfo.InvariantCulture, $"  Finding ({f.GetProperty("kind").GetString()}): {f.GetProperty("text").GetString()}.\n");
                    }

                    foreach (var problem in i.GetProperty("problems").EnumerateArray())
                    {
                        text.Append(CultureInfo.InvariantCulture, $"  Left out: {problem.GetString()}.\n");
                    }

                    if (S("next") is { Length: > 0 } next && next != "—")
                    {
                        text.Append(CultureInfo.InvariantCulture, $"  Next: {next}.\n");
                    }
                }

                RecordCli.WriteSummary(context, text.ToString());
                return found ? VerityApp.Finding : VerityApp.Ok;
            });
        }));
        return command;
    }

    // Submits the step to the node; prints where it landed and the next step, or the node's refusal.
    private static async Task<int> SubmitAsync(CliContext context, string url, string? token, string type, JsonObject body, bool asJson, CancellationToken cancellationToken)
    {
        using var client = Client(url, token ?? Environment.GetEnvironmentVariable(ServeCommand.TokenVariable));
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var response = await Send(url, () => client.PostAsJsonAsync("statements", new { type, body = Convert.ToBase64String(bytes) }, Web, cancellationToken)).ConfigureAwait(false);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Created:
                break;
            case HttpStatusCode.Unauthorized:
                throw new UsageException($"--token: the node at {url} refused the operator token (give --token or ${ServeCommand.TokenVariable})");
            case HttpStatusCode.BadRequest:
                throw new UsageException($"the node at {url} refused the {type}: {Refusal(answer)}");
            default:
                throw new UsageException($"the node at {url} answered {(int)response.StatusCode} to the {type}: {Refusal(answer)}");
        }

        if (asJson)
        {
            RecordCli.WriteRaw(context, answer.TrimEnd() + "\n");
            return VerityApp.Ok;
        }

        var id = body["inspection"]!.GetValue<string>();
        var index = Answer(client.BaseAddress!.ToString(), () => JsonDocument.Parse(answer).RootElement.GetProperty("index").GetInt64());
        var state = await GetAsync(client, $"inspections/{Uri.EscapeDataString(id)}", cancellationToken).ConfigureAwait(false);
        var (stage, next) = Answer(client.BaseAddress!.ToString(), () => (state.GetProperty("stage").GetString(), state.GetProperty("next").GetString()));
        RecordCli.WriteSummary(context, $"The node at {url} signed the {type} of inspection {id} as entry {index} of its log; the inspection is {stage}.{(string.IsNullOrEmpty(next) ? string.Empty : $" Next: {next}.")}");
        return VerityApp.Ok;
    }

    // Reads a node's answer; one not shaped as a Verity node's is bad input naming the node, not a crash.
    private static T Answer<T>(string node, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or JsonException or ArgumentException or FormatException or IndexOutOfRangeException)
        {
            throw new UsageException($"--node: {node} did not answer as a Verity node does ({e.Message}): is it one, and of this version?");
        }
    }

    private static string Refusal(string answer)
    {
        try
        {
            var problem = JsonDocument.Parse(answer).RootElement;
            return problem.TryGetProperty("detail", out var detail) && detail.GetString() is { } text ? text
                : problem.TryGetProperty("errors", out var errors) ? string.Join("; ", errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => $"{e.Name}: {m.GetString()}")))
                : answer;
        }
        catch (JsonException)
        {
            return answer.Length > 300 ? answer[..300] + "…" : answer;
        }
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await Send(client.BaseAddress!.ToString(), () => client.GetAsync(path, cancellationToken)).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new UsageException($"the node at {client.BaseAddress} answered {(int)response.StatusCode} to GET /{path}: {Refusal(text).Trim('"')}");
        }

        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new UsageException($"the node at {client.BaseAddress} did not answer GET /{path} with JSON: is it a Verity node?");
        }
    }

    private static async Task<HttpResponseMessage> Send(string url, Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new UsageException($"--node: cannot reach {url}: {e.Message}");
        }
        catch (TaskCanceledException)
        {
            throw new UsageException($"--node: {url} did not answer within 30 s");
        }
    }

    private static HttpClient Client(string url, string? token)
    {
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--node: '{url}' is not an http or https URL such as http://127.0.0.1:8080");
        }

        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        if (!string.IsNullOrEmpty(token))
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}
