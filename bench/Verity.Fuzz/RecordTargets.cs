using System.Text;
using Microsoft.Data.Sqlite;
using Verity.Record.Escrow;
using Verity.Record.Keys;
using Verity.Record.Log;
using Verity.Record.Merkle;
using Verity.Record.Notes;
using Verity.Record.Sqlite;
using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Fuzz;

/// <summary>The parsers of Verity.Record: keys, signed notes and checkpoints, signed statements, escrow items, and a
/// log file read as evidence. Each <c>TryParse</c> answers with a value or a problem and never throws; a changed input
/// that still verifies is a broken promise.</summary>
internal static class RecordTargets
{
    private static readonly DateTimeOffset Issued = new(2026, 2, 5, 0, 0, 0, TimeSpan.Zero);

    public static List<FuzzTarget> Create(Corpus corpus, string workDirectory)
    {
        var targets = new List<FuzzTarget>();
        // Deterministic keys, as the test fixtures make them; one ML-DSA key for the long key and signature forms.
        var key = Key("US", KeyAlgorithm.Ed25519, 1);
        var quantumSafe = Key("RU", KeyAlgorithm.MlDsa65, 2);
        var next = Key("US", KeyAlgorithm.Ed25519, 3);
        VerifierKey[] verifiers = [key.Verifier, quantumSafe.Verifier, .. corpus.Files("corpus/note", "*.vkey").Select(b => VerifierKey.Parse(Encoding.UTF8.GetString(b).Trim()))];

        targets.Add(new FuzzTarget("signing-key", "SigningKey.TryParse", [Line(key.ToString()), Line(quantumSafe.ToString()), .. corpus.Files("corpus/note", "*.key")], input =>
        {
            // As the CLI reads a key file: the text without its final newline.
            if (SigningKey.TryParse(Encoding.UTF8.GetString(input).TrimEnd('\n', '\r'), out var parsed, out var problem))
            {
                parsed.Dispose();
            }
            else
            {
                NonEmpty(problem);
            }

            return ValueTask.CompletedTask;
        }));

        targets.Add(new FuzzTarget("verifier-key", "VerifierKey.TryParse", [.. verifiers.Select(v => Line(v.ToString()))], input =>
        {
            if (!VerifierKey.TryParse(Encoding.UTF8.GetString(input).TrimEnd('\n', '\r'), out _, out var problem))
            {
                NonEmpty(problem);
            }

            return ValueTask.CompletedTask;
        }));

        targets.Add(new FuzzTarget("signed-note", "SignedNote.TryParse + Verify", [.. corpus.Files("corpus/note", "signed-*.txt"), TwiceSigned(key, quantumSafe)], input =>
        {
            if (SignedNote.TryParse(Encoding.UTF8.GetString(input), out var note, out var problem))
            {
                _ = note.Verify(verifiers);
            }
            else
            {
                NonEmpty(problem);
            }

            return ValueTask.CompletedTask;
        }));

        var checkpoints = Checkpoints();
        var checkpointTexts = checkpoints.Select(c => c.ToText()).ToHashSet(StringComparer.Ordinal);
        targets.Add(new FuzzTarget("checkpoint", "Checkpoint.Open", [.. checkpoints.Select(c => Encoding.UTF8.GetBytes(c.Sign(key).ToString()))], input =>
        {
            var opened = Checkpoint.Open(Encoding.UTF8.GetString(input), [key.Verifier]);
            if (opened.IsValid && !checkpointTexts.Contains(opened.Checkpoint.ToText()))
            {
                throw new FuzzInvariantException($"changed checkpoint verifies: {opened.Checkpoint.ToText()}");
            }

            if (!opened.IsValid)
            {
                NonEmpty(opened.Problem);
            }

            return ValueTask.CompletedTask;
        }));

        var statements = Statements(key, next);
        var originals = statements.Select(s => s.Bytes.ToArray()).ToList();
        targets.Add(new FuzzTarget("signed-statement", "SignedStatement.TryParse + Verify + KeyRotation.TryReadNewKey", originals, input =>
        {
            if (!SignedStatement.TryParse(input, out var statement, out var problem))
            {
                NonEmpty(problem);
                return ValueTask.CompletedTask;
            }

            if (statement.Verify(key.Verifier) && !originals.Any(o => o.AsSpan().SequenceEqual(input)))
            {
                throw new FuzzInvariantException("changed statement verifies");
            }

            if (statement.Statement.Type == KeyRotation.Type && !KeyRotation.TryReadNewKey(statement.Statement, out _, out problem))
            {
                NonEmpty(problem);
            }

            return ValueTask.CompletedTask;
        }));

        targets.Add(new FuzzTarget("escrow-item", "EscrowItem.TryParse", [Line("ICBM-0042,RS-24,Teykovo"), Line("B52-001,B-52H,Minot AFB,nuclear")], input =>
        {
            if (!EscrowItem.TryParse(Encoding.UTF8.GetString(input).TrimEnd('\n'), out _, out var problem))
            {
                NonEmpty(problem);
            }

            return ValueTask.CompletedTask;
        }));

        targets.Add(LogFile(key, workDirectory));
        return targets;
    }

    /// <summary>A log file as <c>verity log verify</c> and <c>prove</c> read it: opened read-only and recomputed. Damage is
    /// a finding or a <see cref="LogStoreException"/>, never another exception, and the file is never written.</summary>
    private static FuzzTarget LogFile(SigningKey key, string workDirectory)
    {
        Directory.CreateDirectory(workDirectory);
        var seedPath = Path.Combine(workDirectory, "seed.db");
        File.Delete(seedPath);
        using (var store = SqliteLogStore.Open(seedPath, create: true))
        {
            var log = StatementLog.OpenAsync(store).GetAwaiter().GetResult();
            var all = Enumerable.Range(1, 40).Select(i => SignedStatement.Sign(Statement.Create("note", "US", i, Issued.AddMinutes(i), Encoding.UTF8.GetBytes($"note {i}")), key)).ToList();
            log.AppendAsync(all[..17]).GetAwaiter().GetResult();
            log.AppendAsync(all[17..]).GetAwaiter().GetResult();
            store.WriteNoteAsync("latest-checkpoint", "verity.example/us\n40\n").GetAwaiter().GetResult();
        }

        SqliteConnection.ClearAllPools();
        var seed = File.ReadAllBytes(seedPath);
        var path = Path.Combine(workDirectory, "evidence.db");
        return new FuzzTarget("log-file", "SqliteLogStore.OpenReadOnly + LogVerifier.VerifyAsync + MerkleLog proofs", [seed], async input =>
        {
            await File.WriteAllBytesAsync(path, input).ConfigureAwait(false);
            try
            {
                using var store = SqliteLogStore.OpenReadOnly(path);
                var result = await LogVerifier.VerifyAsync(store, [key.Verifier]).ConfigureAwait(false);
                if (!result.IsValid)
                {
                    NonEmpty(result.Message);
                }

                var log = await MerkleLog.OpenAsync(store).ConfigureAwait(false);
                if (log.Size > 0)
                {
                    await log.InclusionProofAsync(log.Size - 1).ConfigureAwait(false);
                    await log.ConsistencyProofAsync(log.Size / 2).ConfigureAwait(false);
                }

                await store.ReadNoteAsync("latest-checkpoint").ConfigureAwait(false);
            }
            catch (LogStoreException e)
            {
                NonEmpty(e.Message);
            }

            var after = await File.ReadAllBytesAsync(path).ConfigureAwait(false);
            if (!input.AsSpan().SequenceEqual(after))
            {
                throw new FuzzInvariantException("the verifier changed the log file");
            }
        });
    }

    /// <summary>A key from a seed of one repeated byte, as the test fixtures make them.</summary>
    internal static SigningKey Key(string name, KeyAlgorithm algorithm, byte seed) =>
        SigningKey.FromSeed(name, algorithm, Enumerable.Repeat(seed, 32).ToArray());

    private static SignedStatement[] Statements(SigningKey key, SigningKey next) =>
    [
        SignedStatement.Sign(Statement.Create("declaration", "US", 1, Issued, Encoding.UTF8.GetBytes("{\"categories\": []}")), key),
        SignedStatement.Sign(Statement.Create("note", "US", 2, Issued.AddDays(1), Encoding.UTF8.GetBytes("a remark")), key),
        SignedStatement.Sign(KeyRotation.Create("US", 3, Issued.AddDays(2), next.Verifier), key),
    ];

    private static byte[] TwiceSigned(SigningKey first, SigningKey second) =>
        Encoding.UTF8.GetBytes(SignedNote.Sign("verity.example/us\nhello\n", first, second).ToString());

    private static Checkpoint[] Checkpoints() =>
    [
        new Checkpoint("verity.example/us", 7, Rfc9162.HashLeaf("x"u8)),
        new Checkpoint("verity.local/US", 0, Rfc9162.EmptyRoot, ["extension line"]),
    ];

    private static byte[] Line(string text) => Encoding.UTF8.GetBytes(text + "\n");

    private static void NonEmpty(string? problem)
    {
        if (string.IsNullOrWhiteSpace(problem))
        {
            throw new FuzzInvariantException("refused without a problem");
        }
    }
}
