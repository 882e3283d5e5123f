using System.CommandLine;
using System.Globalization;
using Verity.Record.Keys;
using Verity.Record.Log;
using Verity.Record.Merkle;
using Verity.Record.Notes;
using Verity.Record.Statements;

namespace Verity.Cli.Commands;

/// <summary><c>verity log …</c>: a party's signed, append-only Merkle log in a SQLite file.</summary>
internal static class LogCommand
{
    public static Command Create(CliContext context) =>
        new("log", "A party's append-only log of signed statements (RFC 9162 Merkle tree, C2SP checkpoints).")
        {
            Append(context), Checkpoint(context), Prove(context), Consistency(context), Verify(context),
        };

    private static Option<string> LogOption() => RecordCli.RequiredOption("--log", "The log file (SQLite).", "FILE.db");

    private static Command Append(CliContext context)
    {
        var log = LogOption();
        var key = RecordCli.RequiredOption("--key", "The party's private key file.", "FILE.key");
        var type = new Option<string>("--type") { Description = "Statement type (a-z, 0-9, '-', '.').", DefaultValueFactory = _ => "document", HelpName = "TYPE" };
        var files = new Argument<string[]>("FILE") { Description = "Files whose bytes become one signed statement each.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("append", """
            Sign each file's bytes as a statement of the key's party and append them all in one durable batch.
            Creates the log if it does not exist. Prints the new size.

            Example:
              verity log append --log us.db --key keys/US.key declaration.csv notification.json
            """)
        {
            log, key, type, files,
        };
        command.SetAction((parse, cancellationToken) => RecordCli.RunAsync(context, async () =>
        {
            var logPath = parse.GetValue(log)!;
            var statementType = parse.GetValue(type)!;
            if (!Statement.IsValidType(statementType))
            {
                throw new UsageException($"--type: '{statementType}' must be 1 to 64 of a-z, 0-9, '-', '.'");
            }

            // Everything is read and checked before the log file is touched.
            using var signingKey = RecordCli.ReadSigningKey(parse.GetValue(key)!);
            var bodies = parse.GetValue(files)!.Select(RecordCli.ReadBytes).ToList();
            using var store = RecordCli.OpenLog(logPath, create: true);
            var statements = await StatementLog.OpenAsync(store, cancellationToken).ConfigureAwait(false);
            if (statements.Log.Size > 0)
            {
                var first = (await store.ReadEntriesAsync(0, 1, cancellationToken).ConfigureAwait(false))[0];
                if (SignedStatement.TryParse(first.Data, out var firstStatement, out _) && firstStatement.Statement.Party != signingKey.Name)
                {
                    throw new UsageException($"{logPath}: the log belongs to party {firstStatement.Statement.Party}; the key is {signingKey.Name}'s");
                }
            }

            if (await KeyRotation.KeyInForceAsync(store, signingKey.Name, cancellationToken).ConfigureAwait(false) is { } inForce
                && (inForce.Name, inForce.KeyId) != (signingKey.Verifier.Name, signingKey.Verifier.KeyId))
            {
                throw new UsageException($"{logPath}: the key {signingKey.Verifier.Name}+{signingKey.Verifier.KeyId:x8} was retired by a key rotation; {signingKey.Name}'s key in force is {inForce.Name}+{inForce.KeyId:x8}");
            }

            var next = await statements.NextSequenceAsync(signingKey.Name, cancellationToken).ConfigureAwait(false);
            var issued = context.Clock.GetCurrentInstant().ToDateTimeOffset();
            var signed = bodies.Select((body, i) => SignedStatement.Sign(Statement.Create(statementType, signingKey.Name, next + i, issued, body), signingKey)).ToList();
            var size = await statements.AppendAsync(signed, cancellationToken).ConfigureAwait(false);
            RecordCli.WriteRaw(context, size.ToString(CultureInfo.InvariantCulture) + "\n");
            return VerityApp.Ok;
        }));
        return command;
    }

    private static Command Checkpoint(CliContext context)
    {
        var log = LogOption();
        var key = RecordCli.RequiredOption("--key", "The key that signs the checkpoint.", "FILE.key");
        var origin = RecordCli.RequiredOption("--origin", "The log's origin line, e.g. verity.example/us.", "ORIGIN");
        var command = new Command("checkpoint", """
            Print the signed checkpoint (c2sp.org/tlog-checkpoint as a c2sp.org/signed-note) for the log's current size.

            Example:
              verity log checkpoint --log us.db --key keys/US.key --origin verity.example/us > us.checkpoint
            """)
        {
            log, key, origin,
        };
        command.SetAction((parse, cancellationToken) => RecordCli.RunAsync(context, async () =>
        {
            var originLine = parse.GetValue(origin)!;
            if (originLine.Length == 0 || originLine.Any(char.IsControl))
            {
                throw new UsageException("--origin: must be one non-empty line");
            }

            using var signingKey = RecordCli.ReadSigningKey(parse.GetValue(key)!);
            using var store = RecordCli.ReadLog(parse.GetValue(log)!);
            var merkle = await MerkleLog.OpenAsync(store, cancellationToken).ConfigureAwait(false);
            var checkpoint = await merkle.CheckpointAsync(originLine, cancellationToken).ConfigureAwait(false);
            RecordCli.WriteRaw(context, checkpoint.Sign(signingKey).ToString());
            return VerityApp.Ok;
        }));
        return command;
    }

    private static Command Prove(CliContext context)
    {
        var log = LogOption();
        var index = new Option<long>("--index") { Description = "The entry, from 0.", Required = true, HelpName = "I" };
        var size = new Option<long?>("--size") { Description = "Tree size (default: the log's size).", HelpName = "N" };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("prove", """
            Print the RFC 9162 inclusion proof of entry I in the tree of size N.

            Example:
              verity log prove --log us.db --index 3 --json
            """)
        {
            log, index, size, json,
        };
        command.SetAction((parse, cancellationToken) => RecordCli.RunAsync(context, async () =>
        {
            var logPath = parse.GetValue(log)!;
            using var store = RecordCli.ReadLog(logPath);
            var merkle = await MerkleLog.OpenAsync(store, cancellationToken).ConfigureAwait(false);
            var treeSize = parse.GetValue(size) ?? merkle.Size;
            var leafIndex = parse.GetValue(index);
            if (treeSize < 1 || treeSize > merkle.Size)
            {
                throw new UsageException($"--size: tree size {treeSize} is beyond the log {logPath} (size {merkle.Size})");
            }

            if (leafIndex < 0 || leafIndex >= treeSize)
            {
                throw new UsageException($"--index: index {leafIndex} is beyond the tree (size {treeSize}) of {logPath}");
            }

            var proof = await merkle.InclusionProofAsync(leafIndex, treeSize, cancellationToken).ConfigureAwait(false);
            var leafHash = (await store.ReadHashesAsync(0, leafIndex, 1, cancellationToken).ConfigureAwait(false))[0];
            var root = await merkle.RootAsync(treeSize, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                RecordCli.WriteJson(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("leaf_index", leafIndex);
                    w.WriteNumber("tree_size", treeSize);
                    w.WriteString("leaf_hash", leafHash.ToBase64());
                    WriteHashes(w, proof.Hashes);
                    w.WriteEndObject();
                });
            }
            else
            {
                RecordCli.WriteRaw(context, $"inclusion proof for entry {leafIndex} at tree size {treeSize}\nleaf hash {leafHash.ToBase64()}\nroot      {root.ToBase64()}\n"
                    + string.Concat(proof.Hashes.Select((h, i) => $"  {i,2} {h.ToBase64()}\n")));
            }

            return VerityApp.Ok;
        }));
        return command;
    }

    private static Command Consistency(CliContext context)
    {
        var log = LogOption();
        var from = new Option<long>("--from") { Description = "The older tree size M.", Required = true, HelpName = "M" };
        var to = new Option<long?>("--to") { Description = "The newer tree size N (default: the log's size).", HelpName = "N" };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("consistency", """
            Print the RFC 9162 consistency proof that the tree of size M is a prefix of the tree of size N.

            Example:
              verity log consistency --log us.db --from 3 --to 8 --json
            """)
        {
            log, from, to, json,
        };
        command.SetAction((parse, cancellationToken) => RecordCli.RunAsync(context, async () =>
        {
            var logPath = parse.GetValue(log)!;
            using var store = RecordCli.ReadLog(logPath);
            var merkle = await MerkleLog.OpenAsync(store, cancellationToken).ConfigureAwait(false);
            var second = parse.GetValue(to) ?? merkle.Size;
            var first = parse.GetValue(from);
            if (second < 0 || second > merkle.Size)
            {
                throw new UsageException($"--to: tree size {second} is beyond the log {logPath} (size {merkle.Size})");
            }

            if (first < 0 || first > second)
            {
                throw new UsageException($"--from: tree size {first} is not between 0 and {second}");
            }

            var proof = await merkle.ConsistencyProofAsync(first, second, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                RecordCli.WriteJson(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("first", first);
                    w.WriteNumber("second", second);
                    WriteHashes(w, proof.Hashes);
                    w.WriteEndObject();
                });
            }
            else
            {
                RecordCli.WriteRaw(context, $"consistency proof from tree size {first} to {second}\n"
                    + string.Concat(proof.Hashes.Select((h, i) => $"  {i,2} {h.ToBase64()}\n")));
            }

            return VerityApp.Ok;
        }));
        return command;
    }

    private static Command Verify(CliContext context)
    {
        var log = LogOption();
        var vkey = RecordCli.RequiredOption("--vkey", "The party's verifier key file.", "FILE.vkey");
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Also check this signed checkpoint against the log.", HelpName = "FILE" };
        var command = new Command("verify", """
            Recompute everything: every leaf hash, stored subtree hash, signature and sequence number, and the root.
            Exits 1 naming the first bad entry. With --checkpoint, the checkpoint's signature and root must match too.

            Example:
              verity log verify --log us.db --vkey keys/US.vkey --checkpoint us.checkpoint
            """)
        {
            log, vkey, checkpoint,
        };
        command.SetAction((parse, cancellationToken) => RecordCli.RunAsync(context, async () =>
        {
            var logPath = parse.GetValue(log)!;
            var key = RecordCli.ReadVerifierKey(parse.GetValue(vkey)!);
            var checkpointPath = parse.GetValue(checkpoint);
            var note = checkpointPath is null ? null : RecordCli.ReadText(checkpointPath, "checkpoint");
            var opened = note is null ? null : Verity.Record.Notes.Checkpoint.Open(note, [key]);
            if (opened is { IsMalformed: true })
            {
                throw new UsageException($"{checkpointPath}: not a signed checkpoint: {opened.Problem}");
            }

            using var store = RecordCli.ReadLog(logPath);
            var result = await LogVerifier.VerifyAsync(store, [key], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!result.IsValid)
            {
                await context.Error.WriteLineAsync($"verity: {logPath}: {result.Message}").ConfigureAwait(false);
                return VerityApp.Finding;
            }

            if (opened is not null)
            {
                if (!opened.IsValid)
                {
                    await context.Error.WriteLineAsync($"verity: {checkpointPath}: {opened.Problem}").ConfigureAwait(false);
                    return VerityApp.Finding;
                }

                if (await CheckCheckpointAsync(context, store, opened.Checkpoint, checkpointPath!, logPath, cancellationToken).ConfigureAwait(false) is { } code)
                {
                    return code;
                }
            }

            RecordCli.WriteSummary(context, $"{logPath}: {result.Message}");
            return VerityApp.Ok;
        }));
        return command;
    }

    private static async Task<int?> CheckCheckpointAsync(CliContext context, Verity.Record.Storage.ILogStore store, Checkpoint checkpoint, string checkpointPath, string logPath, CancellationToken cancellationToken)
    {
        var merkle = await MerkleLog.OpenAsync(store, cancellationToken).ConfigureAwait(false);
        if (checkpoint.TreeSize > merkle.Size)
        {
            await context.Error.WriteLineAsync($"verity: {checkpointPath}: checkpoint of size {checkpoint.TreeSize} but {logPath} has only {merkle.Size} entries").ConfigureAwait(false);
            return VerityApp.Finding;
        }

        var root = await merkle.RootAsync(checkpoint.TreeSize, cancellationToken).ConfigureAwait(false);
        if (root != checkpoint.RootHash)
        {
            await context.Error.WriteLineAsync($"verity: {checkpointPath}: root at tree size {checkpoint.TreeSize} is {root.ToBase64()}, the checkpoint says {checkpoint.RootHash.ToBase64()}").ConfigureAwait(false);
            return VerityApp.Finding;
        }

        return null;
    }

    private static void WriteHashes(System.Text.Json.Utf8JsonWriter writer, IEnumerable<Sha256Hash> hashes)
    {
        writer.WriteStartArray("hashes");
        foreach (var hash in hashes)
        {
            writer.WriteStringValue(hash.ToBase64());
        }

        writer.WriteEndArray();
    }
}
