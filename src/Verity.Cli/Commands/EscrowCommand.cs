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
        var output = RecordCli.OutOption("the commitment {\"root\", \"count\"}");
        var json = RecordCli.JsonOption();
        var command = new Command("commit", """
            Commit to a declaration: salt every item, build the Merkle tree, write the commitment {"root", "count"}
            to publish (for example with 'verity log append --type escrow-commit'), and keep the salts in --secret.
            Prints a summary, or with --json the commitment itself.

            Example:
              verity escrow commit --items declaration.txt --secret declaration.secret.json --out commitment.json
            """)
        {
            items, secret, output, json,
        };
        command.SetAction((parse, _) => RecordCli.RunAsync(context, () =>
        {
            var itemsPath = parse.GetValue(items)!;
            var secretPath = parse.GetValue(secret)!;
            var parsed = ReadItems(itemsPath);
            var outPath = parse.GetValue(output);
            RecordCli.EnsureAbsent(secretPath);
            if (outPath is not null)
            {
                RecordCli.EnsureAbsent(outPath);
            }

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
            var commitment = declaration.Commitment;
            RecordCli.Emit(context, RecordCli.Json(w => WriteCommitment(w, commitment)), parse.GetValue(json), outPath,
                $"committed to {commitment.Count} item(s) of {itemsPath}: root {commitment.Root.ToBase64()}\n"
                + $"the commitment (publish it): {RecordCli.Written(outPath, "it")}\n"
                + $"the items and their salts (keep them private until each reveal): {secretPath}");
            return Task.FromResult(VerityApp.Ok);
        }));
        return command;
    }

    private static Command Reveal(CliContext context)
    {
        var secret = RecordCli.RequiredOption("--secret", "The secret file written by 'escrow commit'.", "FILE.json");
        var index = new Option<long>("--index") { Description = "The item's position, from 0.", Required = true, HelpName = "I" };
        var output = RecordCli.OutOption("the reveal");
        var json = RecordCli.JsonOption();
        var command = new Command("reveal", """
            Reveal one item: the reveal {"index", "item", "salt", "tree_size", "hashes"} carries its inclusion proof.
            Prints a summary, or with --json the reveal itself.

            Example:
              verity escrow reveal --secret declaration.secret.json --index 4 --out reveal-4.json
            """)
        {
            secret, index, output, json,
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

            var outPath = parse.GetValue(output);
            if (outPath is not null)
            {
                RecordCli.EnsureAbsent(outPath);
            }

            var reveal = declaration.Reveal(position);
            var text = RecordCli.Json(w =>
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
            RecordCli.Emit(context, text, parse.GetValue(json), outPath,
                $"item {reveal.Index} of {reveal.Proof.TreeSize} revealed: {reveal.Item.Text}\n"
                + $"with its salt and an inclusion proof of {reveal.Proof.Hashes.Length} hash(es): {RecordCli.Written(outPath, "the reveal")}");
            return Task.FromResult(VerityApp.Ok);
        }));
        return command;
    }

    private static Command Check(CliContext context)
    {
        var commitment = RecordCli.RequiredOption("--commitment", "The published commitment {\"root\", \"count\"}.", "FILE.json");
        var observed = new Option<string?>("--observed") { Description = "Items an inspection found, one per line; each is compared with the revealed item of the same identifier.", HelpName = "FILE.txt" };
        var reveals = new Argument<string[]>("REVEAL") { Description = "Reveal files from 'escrow reveal', in the order they were made.", Arity = ArgumentArity.OneOrMore };
        var json = RecordCli.JsonOption();
        var command = new Command("check", """
            Check reveals against a commitment: each must prove its item at its position; an identifier revealed at two
            positions is a finding; with --observed, what the inspection found must equal the revealed item.
            Prints a summary, or with --json {"valid", "reveals", "findings"}; exits 1 if there is any finding.

            Example:
              verity escrow check --commitment commitment.json --observed inspection.txt reveal-4.json reveal-9.json
            """)
        {
            commitment, observed, reveals, json,
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

            var summary = findings.Count == 0
                ? $"valid: {parsed.Count} reveal(s) prove their items against the commitment ({published.Count} items, root {published.Root.ToBase64()}){(observedPath is null ? string.Empty : $"; the {inspection.Count} item(s) the inspection found match them")}"
                : $"{findings.Count} finding(s) in {parsed.Count} reveal(s) against the commitment ({published.Count} items, root {published.Root.ToBase64()}):\n"
                  + string.Join("\n", findings.Select(f => $"  {f.Message}"));
            RecordCli.Emit(context, RecordCli.Json(w =>
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
            }), parse.GetValue(json), null, summary);
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
