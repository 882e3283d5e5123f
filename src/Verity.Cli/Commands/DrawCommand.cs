using System.Collections.Immutable;
using System.CommandLine;
using System.Security.Cryptography;
using Verity.Record.Draw;

namespace Verity.Cli.Commands;

/// <summary><c>verity draw …</c>: joint randomness by commit and reveal, and a selection anyone can re-derive.</summary>
internal static class DrawCommand
{
    public static Command Create(CliContext context) =>
        new("draw", "Joint random draws: each party commits to a nonce, then reveals; the seed needs every party.")
        {
            Commit(context), Reveal(context), Select(context),
        };

    private static Command Commit(CliContext context)
    {
        var party = RecordCli.RequiredOption("--party", "Your party.", "PARTY");
        var secret = RecordCli.RequiredOption("--secret", "Where to keep the nonce (mode 0600) until the reveal.", "FILE.json");
        var output = RecordCli.OutOption("the commitment {\"party\", \"commitment\"}");
        var json = RecordCli.JsonOption();
        var command = new Command("commit", """
            Draw a fresh 32-byte nonce, keep it in --secret and make the commitment {"party", "commitment"} = SHA-256(nonce),
            to send to every party. Prints a summary, or with --json the commitment itself.

            Example:
              verity draw commit --party US --secret us.nonce.json --out us.commit.json
            """)
        {
            party, secret, output, json,
        };
        command.SetAction((parse, _) => RecordCli.RunAsync(context, () =>
        {
            var name = parse.GetValue(party)!;
            if (!Verity.Record.Keys.KeyName.IsValid(name, out var problem))
            {
                throw new UsageException($"--party: {problem}");
            }

            var secretPath = parse.GetValue(secret)!;
            var outPath = parse.GetValue(output);
            RecordCli.EnsureAbsent(secretPath);
            if (outPath is not null)
            {
                RecordCli.EnsureAbsent(outPath);
            }

            using var random = RandomNumberGenerator.Create();
            var nonce = JointDraw.NewNonce(random);
            RecordCli.WriteFileAtomically(secretPath, RecordCli.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("party", name);
                w.WriteString("nonce", Convert.ToBase64String(nonce.AsSpan()));
                w.WriteEndObject();
            }), secret: true);
            var commitment = JointDraw.Commit(name, nonce);
            RecordCli.Emit(context, RecordCli.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("party", name);
                w.WriteString("commitment", commitment.Hash.ToBase64());
                w.WriteEndObject();
            }), parse.GetValue(json), outPath,
                $"{name} committed to a nonce: SHA-256 {commitment.Hash.ToBase64()}\n"
                + $"the commitment (send it to every party): {RecordCli.Written(outPath, "it")}\n"
                + $"the nonce (keep it private until every commitment is in): {secretPath}");
            return Task.FromResult(VerityApp.Ok);
        }));
        return command;
    }

    private static Command Reveal(CliContext context)
    {
        var secret = RecordCli.RequiredOption("--secret", "The nonce file from 'draw commit'.", "FILE.json");
        var output = RecordCli.OutOption("the reveal {\"party\", \"nonce\"}");
        var json = RecordCli.JsonOption();
        var command = new Command("reveal", """
            Make the reveal {"party", "nonce"}: publish it only after every party's commitment is in.
            Prints a summary, or with --json the reveal itself.

            Example:
              verity draw reveal --secret us.nonce.json --out us.reveal.json
            """)
        {
            secret, output, json,
        };
        command.SetAction((parse, _) => RecordCli.RunAsync(context, () =>
        {
            var path = parse.GetValue(secret)!;
            var reveal = ReadReveal(path);
            var outPath = parse.GetValue(output);
            if (outPath is not null)
            {
                RecordCli.EnsureAbsent(outPath);
            }

            RecordCli.Emit(context, RecordCli.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("party", reveal.Party);
                w.WriteString("nonce", Convert.ToBase64String(reveal.Nonce.AsSpan()));
                w.WriteEndObject();
            }), parse.GetValue(json), outPath,
                $"{reveal.Party}'s nonce {Convert.ToBase64String(reveal.Nonce.AsSpan())}\n"
                + $"the reveal (publish it once every commitment is in): {RecordCli.Written(outPath, "it")}");
            return Task.FromResult(VerityApp.Ok);
        }));
        return command;
    }

    private static Command Select(CliContext context)
    {
        var parties = RecordCli.RequiredOption("--parties", "The parties in the agreed order, comma-separated.", "US,RU");
        var commitments = new Option<string[]>("--commitments") { Description = "Every party's commitment file.", Required = true, AllowMultipleArgumentsPerToken = true, HelpName = "FILE" };
        var reveals = new Option<string[]>("--reveals") { Description = "The reveal files received.", AllowMultipleArgumentsPerToken = true, HelpName = "FILE" };
        var items = RecordCli.RequiredOption("--items", "The declared list to choose from, one item per line.", "FILE.txt");
        var count = new Option<int>("--count") { Description = "How many to choose.", Required = true, HelpName = "K" };
        var json = RecordCli.JsonOption();
        var command = new Command("select", """
            Conclude the draw and choose K items of the list: seed = SHA-256(nonces in party order), then a seeded
            Fisher-Yates shuffle. Prints {"seed", "selected"}. If a party withheld its reveal or revealed a nonce
            that does not match, the draw is void: prints the parties at fault and exits 1. Prints a summary, or with
            --json {"void", "seed", "selected"} ({"void", "withheld", "findings"} when void).

            Example:
              verity draw select --parties US,RU --commitments us.commit.json ru.commit.json \
                --reveals us.reveal.json ru.reveal.json --items sites.txt --count 2
            """)
        {
            parties, commitments, reveals, items, count, json,
        };
        command.SetAction((parse, _) => RecordCli.RunAsync(context, async () =>
        {
            var order = parse.GetValue(parties)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (order.Length == 0 || order.Distinct(StringComparer.Ordinal).Count() != order.Length)
            {
                throw new UsageException("--parties: expected distinct party names, comma-separated");
            }

            var committed = parse.GetValue(commitments)!.Select(ReadCommitment).ToList();
            var revealed = (parse.GetValue(reveals) ?? []).Select(ReadReveal).ToList();
            var itemsPath = parse.GetValue(items)!;
            var list = RecordCli.ReadText(itemsPath, "item list").Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
            var k = parse.GetValue(count);
            if (k < 0 || k > list.Count)
            {
                throw new UsageException($"--count: {k} is not between 0 and the {list.Count} items of {itemsPath}");
            }

            var outcome = JointDraw.Conclude(order, committed, revealed);
            if (outcome.IsVoid)
            {
                RecordCli.Emit(context, RecordCli.Json(w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("void", true);
                    w.WriteStartArray("withheld");
                    foreach (var party in outcome.Withheld)
                    {
                        w.WriteStringValue(party);
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("findings");
                    foreach (var finding in outcome.Findings)
                    {
                        w.WriteStringValue(finding);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }), parse.GetValue(json), null, $"the draw is void: {string.Join("; ", outcome.Findings)}");
                foreach (var finding in outcome.Findings)
                {
                    await context.Error.WriteLineAsync($"verity: {finding}").ConfigureAwait(false);
                }

                return VerityApp.Finding;
            }

            var chosen = JointDraw.Select(outcome.Seed.Value, list.Count, k);
            var summary = $"seed {outcome.Seed.Value.ToBase64()} (SHA-256 of the nonces of {string.Join(", ", order)}); {chosen.Length} of the {list.Count} items of {itemsPath} selected:\n"
                + string.Join("\n", chosen.Select(p => $"  {list[p]} (line {p + 1})"));
            RecordCli.Emit(context, RecordCli.Json(w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("void", false);
                w.WriteString("seed", outcome.Seed.Value.ToBase64());
                w.WriteStartArray("selected");
                foreach (var position in chosen)
                {
                    w.WriteStartObject();
                    w.WriteNumber("position", position);
                    w.WriteString("item", list[position]);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }), parse.GetValue(json), null, summary);
            return VerityApp.Ok;
        }));
        return command;
    }

    private static DrawCommitment ReadCommitment(string path)
    {
        var json = RecordCli.ReadJson(path, "draw commitment");
        return new DrawCommitment(RecordCli.String(json, "party", path), RecordCli.Hash(RecordCli.String(json, "commitment", path), "commitment", path));
    }

    private static DrawReveal ReadReveal(string path)
    {
        var json = RecordCli.ReadJson(path, "draw reveal");
        var nonce = RecordCli.Base64(RecordCli.String(json, "nonce", path), "nonce", path);
        return nonce.Length == JointDraw.NonceLength
            ? new DrawReveal(RecordCli.String(json, "party", path), [.. nonce])
            : throw new UsageException($"{path}: field \"nonce\": {nonce.Length} bytes, expected {JointDraw.NonceLength}");
    }
}
