using System.Collections.Immutable;
using System.Text;
using Verity.Core;
using Verity.Core.Exchanges;
using Verity.Core.Loading;
using Verity.Core.Treaties;
using Verity.Node.Logs;
using Verity.Record.Keys;
using Verity.Record.Log;
using Verity.Record.Merkle;
using Verity.Record.Notes;
using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Node;

/// <summary>The party's own log as the node holds it: the store, the signing key, the treaty and its exchange definition
/// (if the treaty has a data exchange).</summary>
public sealed class PartyLog : IDisposable
{
    private readonly SigningKey _key;
    private readonly TimeProvider _clock;
    private VerifierKey? _inForce;
    private bool _inForceKnown;

    private PartyLog(NodeOptions options, Treaty treaty, ExchangeDefinition? exchange, SigningKey key, HeldLog log, TimeProvider clock)
    {
        Options = options;
        Treaty = treaty;
        Exchange = exchange;
        _key = key;
        Log = log;
        _clock = clock;
    }

    /// <summary>The options the node was started with.</summary>
    public NodeOptions Options { get; }

    /// <summary>The treaty the node serves.</summary>
    public Treaty Treaty { get; }

    /// <summary>The exchange definition the party's declarations follow; <c>null</c> when the treaty has no data exchange
    /// (no <c>--exchange</c> was given and the default file does not exist): then no declaration is accepted.</summary>
    public ExchangeDefinition? Exchange { get; }

    /// <summary>The party's verifier key.</summary>
    public VerifierKey Verifier => _key.Verifier;

    /// <summary>The log itself.</summary>
    public HeldLog Log { get; }

    /// <summary>The party's signing key (for checkpoints, receipts and peer requests).</summary>
    internal SigningKey Key => _key;

    /// <summary>Checks every option and opens (or creates) the log; nothing is created if an option is wrong.</summary>
    /// <exception cref="NodeOptionsException">An option names a missing, unreadable or wrong file, or the key is another party's.</exception>
    public static PartyLog Open(NodeOptions options, TimeProvider clock) => Open(options, clock, (_, _) => { });

    /// <summary>As <see cref="Open(NodeOptions, TimeProvider)"/>, running <paramref name="check"/> on the treaty and the
    /// party's verifier key before anything is created (the node checks its peers there).</summary>
    /// <exception cref="NodeOptionsException">An option is wrong.</exception>
    public static PartyLog Open(NodeOptions options, TimeProvider clock, Action<Treaty, VerifierKey> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (!Verity.Core.PartyCode.TryParse(options.Party, out _))
        {
            throw new NodeOptionsException($"--party: '{options.Party}' is not a party code (two capital letters, e.g. US)");
        }

        var treaty = AssumeEntryIntoForce(ReadTreaty(options.TreatyFile), options.EntryIntoForce);
        var exchange = ReadExchange(options.ExchangeFileFor(treaty.Id), treaty, explicitly: options.ExchangeFile is not null);
        var key = ReadKey(options.KeyFile);
        if (key.Name != options.Party)
        {
            key.Dispose();
            throw new NodeOptionsException($"--key: {options.KeyFile} is {key.Name}'s key, not {options.Party}'s");
        }

        try
        {
            check(treaty, key.Verifier);
            return new PartyLog(options, treaty, exchange, key, new HeldLog(options.Party, options.CheckpointOrigin, LogStores.Open(options, options.Party)), clock);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Raised after statements are appended (the peers' sync wakes on it).</summary>
    public event EventHandler? Appended;

    /// <summary>Signs <paramref name="body"/> as the party's next statement of <paramref name="type"/> and appends it
    /// durably; returns the entry's index, the new size and the leaf hash.</summary>
    /// <exception cref="KeyRetiredException">The node's key was retired by a key rotation in the log.</exception>
    public async Task<(long Index, long TreeSize, Sha256Hash LeafHash)> AppendAsync(string type, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        (await AppendAtAsync(type, body, null, cancellationToken).ConfigureAwait(false))!.Value;

    /// <summary>
    /// As <see cref="AppendAsync"/>, but only if the log still has <paramref name="expectedSize"/> entries when the
    /// writer takes it: a statement checked against the record of that size is appended to exactly that log, or not at
    /// all (<c>null</c>: another append came first; check again against the longer log). With <c>null</c> for the size,
    /// appends whatever the size.
    /// </summary>
    /// <exception cref="KeyRetiredException">The node's key was retired by a key rotation in the log.</exception>
    public async Task<(long Index, long TreeSize, Sha256Hash LeafHash)?> AppendAtAsync(string type, ReadOnlyMemory<byte> body, long? expectedSize, CancellationToken cancellationToken)
    {
        var result = await Log.WriteAsync<(long, long, Sha256Hash)?>(async statements =>
        {
            if (expectedSize is { } expected && statements.Log.Size != expected)
            {
                return null;
            }

            if (!_inForceKnown)
            {
                _inForce = await KeyRotation.KeyInForceAsync(Log.Store, _key.Name, cancellationToken).ConfigureAwait(false);
                _inForceKnown = true;
            }

            if (_inForce is { } inForce && (inForce.Name, inForce.KeyId) != (_key.Verifier.Name, _key.Verifier.KeyId))
            {
                throw new KeyRetiredException($"the key {_key.Verifier.Name}+{_key.Verifier.KeyId:x8} was retired by a key rotation; {_key.Name}'s key in force is {inForce.Name}+{inForce.KeyId:x8}");
            }

            var next = await statements.NextSequenceAsync(_key.Name, cancellationToken).ConfigureAwait(false);
            var signed = SignedStatement.Sign(Statement.Create(type, _key.Name, next, _clock, body), _key);
            var size = await statements.AppendAsync([signed], cancellationToken).ConfigureAwait(false);
            if (type == KeyRotation.Type && KeyRotation.TryReadNewKey(signed.Statement, out var rotated, out _))
            {
                _inForce = rotated;
            }

            return (size - 1, size, signed.LeafHash);
        }, cancellationToken).ConfigureAwait(false);
        if (result is not null)
        {
            Appended?.Invoke(this, EventArgs.Empty);
        }

        return result;
    }

    /// <summary>
    /// Signs each of <paramref name="statements"/> as the party's next statements, in order, and appends them all in one
    /// durable commit, only if the log still has <paramref name="expectedSize"/> entries when the writer takes it
    /// (<c>null</c>: another append came first, nothing was appended; check again against the longer log). With
    /// <c>null</c> for the size, appends whatever the size.
    /// </summary>
    /// <returns>The first entry's index, the new size and each entry's leaf hash, in order.</returns>
    /// <exception cref="KeyRetiredException">The node's key was retired by a key rotation in the log (or earlier in the batch).</exception>
    public async Task<(long First, long TreeSize, ImmutableArray<Sha256Hash> LeafHashes)?> AppendAllAtAsync(
        IReadOnlyList<(string Type, ReadOnlyMemory<byte> Body)> statements, long? expectedSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var result = await Log.WriteAsync<(long, long, ImmutableArray<Sha256Hash>)?>(async log =>
        {
            if (expectedSize is { } expected && log.Log.Size != expected)
            {
                return null;
            }

            if (!_inForceKnown)
            {
                _inForce = await KeyRotation.KeyInForceAsync(Log.Store, _key.Name, cancellationToken).ConfigureAwait(false);
                _inForceKnown = true;
            }

            // The key in force as the batch goes: a rotation in the batch retires this key for the statements after it,
            // and then nothing of the batch is appended.
            var inForce = _inForce;
            var next = await log.NextSequenceAsync(_key.Name, cancellationToken).ConfigureAwait(false);
            var signed = new List<SignedStatement>(statements.Count);
            foreach (var (type, body) in statements)
            {
                if (inForce is { } key && (key.Name, key.KeyId) != (_key.Verifier.Name, _key.Verifier.KeyId))
                {
                    throw new KeyRetiredException($"the key {_key.Verifier.Name}+{_key.Verifier.KeyId:x8} was retired by a key rotation; {_key.Name}'s key in force is {key.Name}+{key.KeyId:x8}");
                }

                var statement = SignedStatement.Sign(Statement.Create(type, _key.Name, next++, _clock, body), _key);
                signed.Add(statement);
                if (type == KeyRotation.Type && KeyRotation.TryReadNewKey(statement.Statement, out var rotated, out _))
                {
                    inForce = rotated;
                }
            }

            var size = await log.AppendAsync(signed, cancellationToken).ConfigureAwait(false);
            _inForce = inForce;
            return (size - signed.Count, size, signed.Select(s => s.LeafHash).ToImmutableArray());
        }, cancellationToken).ConfigureAwait(false);
        if (result is not null)
        {
            Appended?.Invoke(this, EventArgs.Empty);
        }

        return result;
    }

    /// <summary>Runs <paramref name="read"/> on the log alone.</summary>
    public Task<T> ReadAsync<T>(Func<MerkleLog, Task<T>> read, CancellationToken cancellationToken) => Log.ReadAsync(read, cancellationToken);

    /// <summary>The signed checkpoint of the log's current size.</summary>
    public Task<SignedNote> CheckpointAsync(CancellationToken cancellationToken) =>
        ReadAsync(async merkle => (await merkle.CheckpointAsync(Options.CheckpointOrigin, cancellationToken).ConfigureAwait(false)).Sign(_key), cancellationToken);

    /// <summary>The signed checkpoint of the log at <paramref name="size"/> (at most the current size).</summary>
    public Task<SignedNote> CheckpointAsync(long size, CancellationToken cancellationToken) =>
        ReadAsync(async merkle => new Checkpoint(Options.CheckpointOrigin, size, await merkle.RootAsync(size, cancellationToken).ConfigureAwait(false)).Sign(_key), cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        Log.Dispose();
        _key.Dispose();
    }

    private static Treaty AssumeEntryIntoForce(Treaty treaty, NodaTime.LocalDate? entryIntoForce)
    {
        if (entryIntoForce is { } entry)
        {
            return treaty.IsProposal
                ? treaty.AssumingEntryIntoForce(entry)
                : throw new NodeOptionsException($"--entry-into-force: {treaty.Id} is not a draft: it entered into force on {treaty.Dates.EntryIntoForce:yyyy-MM-dd}");
        }

        return treaty.Dates.HasEntryIntoForce
            ? treaty
            : throw new NodeOptionsException($"--entry-into-force: {treaty.Id} is a draft with no date of entry into force: give --entry-into-force YYYY-MM-DD to assume one");
    }

    private static Treaty ReadTreaty(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NodeOptionsException($"--treaty: {path}: cannot read treaty file: {e.Message}", e);
        }

        var text = Utf8Text.TryDecode(bytes, path, out var decoded, out var invalid) ? decoded : throw new NodeOptionsException($"--treaty: {invalid}");
        var problems = new List<Verity.Core.Diagnostic>();
        return TreatyReader.TryParse(text, path, problems)
            ?? throw new NodeOptionsException($"--treaty: {string.Join("; ", problems)}");
    }

    private static ExchangeDefinition? ReadExchange(string path, Treaty treaty, bool explicitly)
    {
        // A treaty without a data exchange (SORT) has no definition: only the default may be absent; a file named by
        // --exchange must be read, and a default that exists must be valid.
        if (!explicitly && !File.Exists(path))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var hint = explicitly ? string.Empty : $" (the default beside the treaty file; give --exchange FILE)";
            throw new NodeOptionsException($"--exchange: {path}: cannot read exchange definition{hint}: {e.Message}", e);
        }

        var text = Utf8Text.TryDecode(bytes, path, out var decoded, out var invalid) ? decoded : throw new NodeOptionsException($"--exchange: {invalid}");

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
