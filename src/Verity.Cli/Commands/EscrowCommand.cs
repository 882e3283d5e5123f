using System.Collections.Immutable;
using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Verity.Record.Escrow;
using Verity.Record.Merkle;

namespace Verity.Cli.Commands;

/// <summary><c>verity escrow …</c>: commit to an item-level declaration, reveal it item by item, check reveals.</summary>
internal static class EscrowCommand
{
    public static Command Create(CliContext context) =>
        new("escrow", "Escrowed declarations: commit to every item now, reveal items step by step with proofs.")
        {
            Commit(context), Reveal(context), Check(context),
        };

    private static Command Commit(CliContext context)
    {
        var items = RecordCli.RequiredOption("--items", "The declaration: one item per line, identifier before the first comma.", "FILE.txt");
        var secret = RecordCli.RequiredOption("--secret", "Where to write the items and salts (mode 0600; keep it private).", "FILE.json");
        var command = new Command("commit", """
            Commit to a declaration: salt every item, build the Merkle tree, print the commitment {"root", "count"}
            to publish (for example with 'verity log append --type escrow-commit'), and keep the salts in --secret.

            Example:
              verity escrow commit --items declaration.txt --secret declaration.secret.json > commitment.json
            """)
        {
            items, secret,
        };
        command.SetAction((parse, _) => RecordCli.RunAsync(context, () =>
        {
            var itemsPath = parse.GetValue(items)!;
            var secretPath = parse.GetValue(secret)!;
            var parsed = ReadItems(itemsPath);
            RecordCli.EnsureAbsent(secretPath);
            using var random = RandomNumberGenerator.Create();
            var declaration = EscrowDeclaration.Commit(parsed, random);
            RecordCli.WriteFileAtomically(secretPath, RecordCli.Json(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("items");
                for (var i = 0; i < declaration.Items.Length; i++)
                {
                    w.WriteStartObject();
                    w.WriteString("item", declaration.Items[i].Text);
                    w.WriteString("salt", Convert.ToBase64String(declaration.Salts[i].AsSpan()));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }), secret: true);
            RecordCli.WriteJson(context, w => WriteCommitment(w, declaration.Commitment));
            return Task.FromResult(VerityApp.Ok);
        }));
        return command;
    }

    private static Command Reveal(CliContext context)
    {
        var secret = RecordCli.RequiredOption("--secret", "The secret file written by 'escrow commit'.", "FILE.json");
        var index = new Option<long>("--index") { Description = "The item's position, from 0.", Required = true, HelpName = "I" };
        var command = new Command("reveal", """
            Reveal one item: print {"index", "item", "salt", "tree_size", "hashes"} with its inclusion proof.

            Example:
              verity escrow reveal --secret declaration.secret.json --index 4 > reveal-4.json
            """)
        {
            secret, index,
        };
        command.SetAction((parse, _) => RecordCli.RunAsync(context, () =>
        {
            var secretPath = parse.GetValue(secret)!;
            var declaration = ReadSecret(secretPath);
            var position = parse.GetValue(index);
            if (position < 0 || position >= declaration.Items.Length)
            {
                throw new UsageException($"--index: index {position} is beyond the {declaration.Items.Length} items of {secretPath}");
            }

            var reveal = declaration.Reveal(position);
            RecordCli.WriteJson(context, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("index", reveal.Index);
                w.WriteString("item", reveal.Item.Text);
                w.WriteString("salt", Convert.ToBase64String(reveal.Salt.AsSpan()));
                w.WriteNumber("tree_size", reveal.Proof.TreeSize);
                w.WriteStartArray("hashes");
                foreach (var hash in reveal.Proof.Hashes)
                {
                    w.WriteStringValue(hash.ToBase64());
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return Task.FromResult(VerityApp.Ok);
        }));
        return command;
    }

    private static Command Check(CliContext context)
    {
        var commitment = RecordCli.RequiredOption("--commitment", "The published commitment {\"root\", \"count\"}.", "FILE.json");
        var observed = new Option<string?>("--observed") { Description = "Items an inspection found, one per line; each is compared with the revealed item of the same identifier.", HelpName = "FILE.txt" };
        var reveals = new Argument<string[]>("REVEAL") { Description = "Reveal files from 'escrow reveal', in the order they were made.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", """
            Check reveals against a commitment: each must prove its item at its position; an identifier revealed at two
            positions is a finding; with --observed, what the inspection found must equal the revealed item.
            Prints {"valid", "findings"}; exits 1 if there is any finding.

            Example:
              verity escrow check --commitment commitment.json --observed inspection.txt reveal-4.json reveal-9.json
            """)
        {
            commitment, observed, reveals,
        };
        command.SetAction((parse, _) => RecordCli.RunAsync(context, () =>
        {
            var published = ReadCommitment(parse.GetValue(commitment)!);
            var parsed = parse.GetValue(reveals)!.Select(ReadReveal).ToList();
            var observedPath = parse.GetValue(observed);
            var inspection = observedPath is null ? [] : ReadItems(observedPath);
            var findings = EscrowAudit.Check(published, parsed).ToList();
            foreach (var item in inspection)
            {
                var reveal = parsed.FirstOrDefault(r => r.Item.Id == item.Id);
                if (reveal is null)
                {
                    findings.Add(new EscrowFinding(EscrowFindingKind.InspectionMismatch, -1, $"inspection found '{item.Text}', which no reveal names"));
                }
                else if (EscrowAudit.CompareWithInspection(reveal, item) is { } mismatch)
                {
                    findings.Add(mismatch);
                }
            }

            RecordCli.WriteJson(context, w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("valid", findings.Count == 0);
                w.WriteNumber("reveals", parsed.Count);
                w.WriteStartArray("findings");
                foreach (var finding in findings)
                {
                    w.WriteStartObject();
                    w.WriteString("kind", finding.Kind.ToString());
                    w.WriteNumber("index", finding.Index);
                    w.WriteString("message", finding.Message);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return Task.FromResult(findings.Count == 0 ? VerityApp.Ok : VerityApp.Finding);
        }));
        return command;
    }

    private static List<EscrowItem> ReadItems(string path)
    {
        var lines = RecordCli.ReadText(path, "item list").Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var items = new List<EscrowItem>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!EscrowItem.TryParse(lines[i], out var item, out var problem))
            {
                throw new UsageException($"{path}:{i + 1}: {problem}");
            }

            items.Add(item);
        }

        return items.Count > 0 ? items : throw new UsageException($"{path}: no items");
    }

    private static EscrowDeclaration ReadSecret(string path)
    {
        var json = RecordCli.ReadJson(path, "escrow secret");
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("items", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            throw new UsageException($"{path}: field \"items\": expected a non-empty array");
        }

        var items = new List<EscrowItem>();
        var salts = new List<ImmutableArray<byte>>();
        var n = 0;
        foreach (var element in array.EnumerateArray())
        {
            var text = RecordCli.String(element, "item", $"{path} items[{n}]");
            items.Add(EscrowItem.TryParse(text, out var item, out var problem) ? item : throw new UsageException($"{path}: items[{n}].item: {problem}"));
            var salt = RecordCli.Base64(RecordCli.String(element, "salt", $"{path} items[{n}]"), $"items[{n}].salt", path);
            salts.Add(salt.Length == EscrowReveal.SaltLength ? [.. salt] : throw new UsageException($"{path}: field \"items[{n}].salt\": {salt.Length} bytes, expected {EscrowReveal.SaltLength}"));
            n++;
        }

        return EscrowDeclaration.Restore(items, salts);
    }

    private static EscrowCommitment ReadCommitment(string path)
    {
        var json = RecordCli.ReadJson(path, "commitment");
        var root = RecordCli.Hash(RecordCli.String(json, "root", path), "root", path);
        var count = RecordCli.Long(json, "count", path);
        return count > 0 ? new EscrowCommitment(root, count) : throw new UsageException($"{path}: field \"count\": expected a positive integer");
    }

    private static EscrowReveal ReadReveal(string path)
    {
        var json = RecordCli.ReadJson(path, "reveal");
        var index = RecordCli.Long(json, "index", path);
        var text = RecordCli.String(json, "item", path);
        var item = EscrowItem.TryParse(text, out var parsed, out var problem) ? parsed : throw new UsageException($"{path}: field \"item\": {problem}");
        var salt = RecordCli.Base64(RecordCli.String(json, "salt", path), "salt", path);
        var size = RecordCli.Long(json, "tree_size", path);
        if (!json.TryGetProperty("hashes", out var hashes) || hashes.ValueKind != JsonValueKind.Array)
        {
            throw new UsageException($"{path}: field \"hashes\": expected an array of base64 hashes");
        }

        var proof = hashes.EnumerateArray().Select((h, i) => RecordCli.Hash(h.GetString() ?? "", $"hashes[{i}]", path)).ToImmutableArray();
        return new EscrowReveal(index, item, [.. salt], new InclusionProof(index, size, proof));
    }

    private static void WriteCommitment(Utf8JsonWriter writer, EscrowCommitment commitment)
    {
        writer.WriteStartObject();
        writer.WriteString("root", commitment.Root.ToBase64());
        writer.WriteNumber("count", commitment.Count);
        writer.WriteEndObject();
    }
}
