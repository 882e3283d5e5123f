using System.Text;
using Verity.Core;
using Verity.Core.Exchanges;
using Verity.Core.Loading;
using Verity.Core.Treaties;
using Verity.Record.Keys;
using Verity.Record.Log;
using Verity.Record.Merkle;
using Verity.Record.Notes;
using Verity.Record.Sqlite;
using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Node;

/// <summary>The party's own log as the node holds it: the store, the signing key and the treaty, with one gate so that
/// requests never interleave on the single SQLite connection.</summary>
public sealed class PartyLog : IPartyLogs, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteLogStore _store;
    private readonly SigningKey _key;
    private readonly TimeProvider _clock;

    private PartyLog(NodeOptions options, Treaty treaty, ExchangeDefinition exchange, SigningKey key, SqliteLogStore store, TimeProvider clock)
    {
        Options = options;
        Treaty = treaty;
        Exchange = exchange;
        Parties = PartyCode.TryParse(options.Party, out var code) ? [code] : [];
        _key = key;
        _store = store;
        _clock = clock;
    }

    /// <summary>The options the node was started with.</summary>
    public NodeOptions Options { get; }

    /// <summary>The treaty the node serves.</summary>
    public Treaty Treaty { get; }

    /// <summary>The exchange definition the party's declarations follow.</summary>
    public ExchangeDefinition Exchange { get; }

    /// <summary>The one party whose log this is (empty when the party is not a two-letter code).</summary>
    public IReadOnlyList<PartyCode> Parties { get; }

    /// <summary>The party's verifier key.</summary>
    public VerifierKey Verifier => _key.Verifier;

    /// <summary>Checks every option and opens (or creates) the log; nothing is created if an option is wrong.</summary>
    /// <exception cref="NodeOptionsException">An option names a missing, unreadable or wrong file, or the key is another party's.</exception>
    public static PartyLog Open(NodeOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (options.Party.Length == 0 || options.Party.Any(char.IsControl))
        {
            throw new NodeOptionsException($"--party: '{options.Party}' is not a party name");
        }

        var treaty = ReadTreaty(options.TreatyFile);
        var exchange = ReadExchange(options.ExchangeFileFor(treaty.Id), treaty, explicitly: options.ExchangeFile is not null);
        var key = ReadKey(options.KeyFile);
        if (key.Name != options.Party)
        {
            key.Dispose();
            throw new NodeOptionsException($"--key: {options.KeyFile} is {key.Name}'s key, not {options.Party}'s");
        }

        try
        {
            return new PartyLog(options, treaty, exchange, key, SqliteLogStore.Open(options.DbFile, create: true), clock);
        }
        catch (Exception e) when (e is LogStoreException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            key.Dispose();
            throw new NodeOptionsException($"--db: {options.DbFile}: {e.Message}", e);
        }
    }

    /// <summary>Signs <paramref name="body"/> as the party's next statement of <paramref name="type"/> and appends it
    /// durably; returns the entry's index, the new size and the leaf hash.</summary>
    /// <exception cref="KeyRetiredException">The node's key was retired by a key rotation in the log.</exception>
    public async Task<(long Index, long TreeSize, Sha256Hash LeafHash)> AppendAsync(string type, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await KeyRotation.KeyInForceAsync(_store, _key.Name, cancellationToken).ConfigureAwait(false) is { } inForce
                && (inForce.Name, inForce.KeyId) != (_key.Verifier.Name, _key.Verifier.KeyId))
            {
                throw new KeyRetiredException($"the key {_key.Verifier.Name}+{_key.Verifier.KeyId:x8} was retired by a key rotation; {_key.Name}'s key in force is {inForce.Name}+{inForce.KeyId:x8}");
            }

            var statements = await StatementLog.OpenAsync(_store, cancellationToken).ConfigureAwait(false);
            var next = await statements.NextSequenceAsync(_key.Name, cancellationToken).ConfigureAwait(false);
            var signed = SignedStatement.Sign(Statement.Create(type, _key.Name, next, _clock, body), _key);
            var size = await statements.AppendAsync([signed], cancellationToken).ConfigureAwait(false);
            return (size - 1, size, signed.LeafHash);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="read"/> on the log alone.</summary>
    public async Task<T> ReadAsync<T>(Func<MerkleLog, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var merkle = await MerkleLog.OpenAsync(_store, cancellationToken).ConfigureAwait(false);
            return await read(merkle).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task<long> TreeSizeAsync(PartyCode party, CancellationToken cancellationToken)
    {
        Held(party);
        return ReadAsync(merkle => Task.FromResult(merkle.Size), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SignedStatement>> StatementsAsync(PartyCode party, long start, long treeSize, CancellationToken cancellationToken)
    {
        Held(party);
        return ReadAsync<IReadOnlyList<SignedStatement>>(async merkle =>
        {
            if (treeSize < 0 || treeSize > merkle.Size)
            {
                throw new ArgumentOutOfRangeException(nameof(treeSize), treeSize, $"tree size {treeSize} is beyond the log (size {merkle.Size})");
            }

            if (start < 0 || start > treeSize)
            {
                throw new ArgumentOutOfRangeException(nameof(start), start, $"start {start} is not between 0 and the tree size {treeSize}");
            }

            var statements = new List<SignedStatement>((int)(treeSize - start));
            const int Page = 1000;
            for (var from = start; from < treeSize; from += Page)
            {
                foreach (var entry in await merkle.Store.ReadEntriesAsync(from, (int)Math.Min(Page, treeSize - from), cancellationToken).ConfigureAwait(false))
                {
                    // The node signed every entry of its own log: one that does not parse is a damaged file.
                    statements.Add(SignedStatement.TryParse(entry.Data, out var statement, out var problem)
                        ? statement
                        : throw new LogStoreException($"{Options.DbFile}: entry {entry.Index} is not a signed statement: {problem}"));
                }
            }

            return statements;
        }, cancellationToken);
    }

    private void Held(PartyCode party)
    {
        if (!Parties.Contains(party))
        {
            throw new ArgumentException($"this node holds only {Options.Party}'s log, not {party}'s", nameof(party));
        }
    }

    /// <summary>The signed checkpoint of the log's current size.</summary>
    public Task<SignedNote> CheckpointAsync(CancellationToken cancellationToken) =>
        ReadAsync(async merkle => (await merkle.CheckpointAsync(Options.CheckpointOrigin, cancellationToken).ConfigureAwait(false)).Sign(_key), cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        _store.Dispose();
        _key.Dispose();
        _gate.Dispose();
    }

    private static Treaty ReadTreaty(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(false, true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new NodeOptionsException($"--treaty: {path}: cannot read treaty file: {e.Message}", e);
        }

        var problems = new List<Verity.Core.Diagnostic>();
        return TreatyReader.TryParse(text, path, problems)
            ?? throw new NodeOptionsException($"--treaty: {string.Join("; ", problems)}");
    }

    private static ExchangeDefinition ReadExchange(string path, Treaty treaty, bool explicitly)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(false, true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            var hint = explicitly ? string.Empty : $" (the default beside the treaty file; give --exchange FILE)";
            throw new NodeOptionsException($"--exchange: {path}: cannot read exchange definition{hint}: {e.Message}", e);
        }

        try
        {
            return ExchangeReader.Parse(text, path, treaty);
        }
        catch (Verity.Core.InputException e)
        {
            throw new NodeOptionsException($"--exchange: {string.Join("; ", e.Diagnostics)}", e);
        }
    }

    private static SigningKey ReadKey(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(false, true)).TrimEnd('\n', '\r');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new NodeOptionsException($"--key: {path}: cannot read key file: {e.Message}", e);
        }

        return SigningKey.TryParse(text, out var key, out var problem) ? key : throw new NodeOptionsException($"--key: {path}: {problem}");
    }
}
