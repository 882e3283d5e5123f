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
        var command = new Command("commit", """
            Draw a fresh 32-byte nonce, keep it in --secret and print the commitment {"party", "commitment"} = SHA-256(nonce).

            Example:
              verity draw commit --party US --secret us.nonce.json > us.commit.json
            """)
        {
            party, secret,
        };
        command.SetAction((parse, _) => RecordCli.RunAsync(context, () =>
        {
            var name = parse.GetValue(party)!;
            if (!Verity.Record.Keys.KeyName.IsValid(name, out var problem))
            {
                throw new UsageException($"--party: {problem}");
            }

            var secretPath = parse.GetValue(secret)!;
            RecordCli.EnsureAbsent(secretPath);
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
            RecordCli.WriteJson(context, w =>
            {
                w.WriteStartObject();
                w.WriteString("party", name);
                w.WriteString("commitment", commitment.Hash.ToBase64());
                w.WriteEndObject();
            });
            return Task.FromResult(VerityApp.Ok);
        }));
        return command;
    }

    private static Command Reveal(CliContext context)
    {
        var secret = RecordCli.RequiredOption("--secret", "The nonce file from 'draw commit'.", "FILE.json");
        var command = new Command("reveal", """
            Print the reveal {"party", "nonce"}: publish it only after every party's commitment is in.

            Example:
              verity draw reveal --secret us.nonce.json > us.reveal.json
            """)
        {
            secret,
        };
        command.SetAction((parse, _) => RecordCli.RunAsync(context, () =>
        {
            var path = parse.GetValue(secret)!;
            var reveal = ReadReveal(path);
            RecordCli.WriteJson(context, w =>
            {
                w.WriteStartObject();
                w.WriteString("party", reveal.Party);
                w.WriteString("nonce", Convert.ToBase64String(reveal.Nonce.AsSpan()));
                w.WriteEndObject();
            });
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
        var command = new Command("select", """
            Conclude the draw and choose K items of the list: seed = SHA-256(nonces in party order), then a seeded
            Fisher-Yates shuffle. Prints {"seed", "selected"}. If a party withheld its reveal or revealed a nonce
            that does not match, the draw is void: prints the parties at fault and exits 1.

            Example:
              verity draw select --parties US,RU --commitments us.commit.json ru.commit.json \
                --reveals us.reveal.json ru.reveal.json --items sites.txt --count 2
            """)
        {
            parties, commitments, reveals, items, count,
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
                RecordCli.WriteJson(context, w =>
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
                });
                foreach (var finding in outcome.Findings)
                {
                    await context.Error.WriteLineAsync($"verity: {finding}").ConfigureAwait(false);
                }

                return VerityApp.Finding;
            }

            var chosen = JointDraw.Select(outcome.Seed.Value, list.Count, k);
            RecordCli.WriteJson(context, w =>
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
            });
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
