using System.Collections.Immutable;
using Verity.Core;
using Verity.Core.Exchanges;
using Verity.Core.Records;
using Verity.Core.Treaties;
using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Cli.Commands;

/// <summary>
/// Parties' records read from log files held locally: each file one party's log, as <c>verity log append</c> writes it
/// or as a node keeps its own log (<c>--db</c>) and its mirrors (<c>us.mirror-ru.db</c>). The statements are read as
/// stored; <c>verity log verify</c> checks their signatures and the tree.
/// </summary>
internal static class LogRecords
{
    private const int Chunk = 4096;

    /// <summary>The treaty's bundled exchange definition, or <c>null</c> when it has none (SORT).</summary>
    public static ExchangeDefinition? Definition(CliContext context, Treaty treaty)
    {
        var file = Path.Combine(context.DataDirectory, "exchanges", treaty.Id + ".yaml");
        return File.Exists(file) ? Core.Loading.ExchangeReader.Parse(CommandLineInput.ReadText(file, "--treaty"), file, treaty) : null;
    }

    /// <summary>The record of each log in <paramref name="paths"/>, one party each.</summary>
    /// <exception cref="UsageException">A file is not a log, holds a statement that is not signed, mixes parties, is
    /// not a party's of <paramref name="treaty"/>, or repeats another file's party.</exception>
    public static async Task<ImmutableArray<PartyRecord>> ReadAsync(IEnumerable<string> paths, Treaty treaty, ExchangeDefinition? definition, CancellationToken cancellationToken)
    {
        var records = new Dictionary<PartyCode, (string Path, PartyRecord Record)>();
        foreach (var path in paths)
        {
            PartyRecord record;
            try
            {
                record = await ReadOneAsync(path, treaty, definition, cancellationToken).ConfigureAwait(false);
            }
            catch (LogStoreException e)
            {
                // A file that is not SQLite, or not a Verity log: bad input, not a damaged store of ours.
                throw new UsageException($"{path}: not a Verity log file ({e.Message})");
            }

            if (records.TryGetValue(record.Party, out var other))
            {
                throw new UsageException($"{path} and {other.Path} are both {record.Party}'s log: give each party's once");
            }

            records[record.Party] = (path, record);
        }

        return [.. records.Values.Select(r => r.Record)];
    }

    // One file's statements, read as stored, into its party's record.
    private static async Task<PartyRecord> ReadOneAsync(string path, Treaty treaty, ExchangeDefinition? definition, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{path}: a directory, not a log file");
        }

        using var store = RecordCli.ReadLog(path);
        var size = await store.GetSizeAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<RecordEntry>();
        string? party = null;
        for (long start = 0; start < size; start += Chunk)
        {
            foreach (var stored in await store.ReadEntriesAsync(start, (int)Math.Min(Chunk, size - start), cancellationToken).ConfigureAwait(false))
            {
                if (!SignedStatement.TryParse(stored.Data, out var signed, out var problem))
                {
                    throw new UsageException($"{path}: entry {stored.Index} is not a signed statement: {problem}");
                }

                party ??= signed.Statement.Party;
                if (signed.Statement.Party != party)
                {
                    throw new UsageException($"{path}: entry {stored.Index} is {signed.Statement.Party}'s, in a log of {party}'s: a log holds one party's statements");
                }

                entries.Add(new RecordEntry(stored.Index, signed.Statement.Type, signed.Statement.Body));
            }
        }

        if (party is null)
        {
            throw new UsageException($"{path}: the log is empty: whose it is cannot be told");
        }

        return PartyCode.TryParse(party, out var code) && treaty.HasParty(code)
            ? PartyRecord.Build(treaty, definition, code, entries)
            : throw new UsageException($"{path}: a log of {party}, not a party of {treaty.Name} ({string.Join(", ", treaty.Parties.Select(p => p.Code))})");
    }
}
