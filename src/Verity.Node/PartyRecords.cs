using System.Collections.Concurrent;
using Verity.Core;
using Verity.Core.Exchanges;
using Verity.Core.Inspections;
using Verity.Core.Records;
using Verity.Core.Treaties;
using Verity.Node.Inspections;

namespace Verity.Node;

/// <summary>
/// Each held party's <see cref="PartyRecord"/>, read from <see cref="IPartyLogs"/> and cached by (party, tree size): when
/// a log grows, only its new entries are read in; and the <see cref="TreatyRecord"/> over all of them (the node's own log
/// and its mirrors), cached by their tree sizes. Nothing derived is ever stored.
/// </summary>
/// <param name="logs">The held logs.</param>
/// <param name="treaty">The treaty.</param>
/// <param name="exchange">The treaty's exchange definition; <c>null</c> when it has no data exchange.</param>
public sealed class PartyRecords(IPartyLogs logs, Treaty treaty, ExchangeDefinition? exchange)
{
    /// <summary>The treaty's exchange definition; <c>null</c> when it has no data exchange.</summary>
    public ExchangeDefinition? Exchange => exchange;

    private readonly ConcurrentDictionary<PartyCode, PartyRecord> _latest = new();
    private TreatyRecord? _treaty;
    private InspectionsCache? _inspections;

    /// <summary>The treaty the records are read against.</summary>
    public Treaty Treaty => treaty;

    /// <summary>The parties whose logs are held.</summary>
    public IReadOnlyList<PartyCode> Parties => logs.Parties;

    /// <summary>The record of <paramref name="party"/> as its log now stands, or <c>null</c> when its log is not held.</summary>
    public async Task<PartyRecord?> GetAsync(PartyCode party, CancellationToken cancellationToken)
    {
        if (!logs.Parties.Contains(party))
        {
            return null;
        }

        var size = await logs.TreeSizeAsync(party, cancellationToken).ConfigureAwait(false);
        if (_latest.TryGetValue(party, out var cached) && cached.Size == size)
        {
            return cached;
        }

        // A log only grows: a cached record of a smaller size is extended with the entries after it.
        var basis = cached is not null && cached.Size < size ? cached : PartyRecord.Build(treaty, exchange, party, []);
        var statements = await logs.StatementsAsync(party, basis.Size, size, cancellationToken).ConfigureAwait(false);
        var record = basis.Append(statements.Select((s, i) => new RecordEntry(basis.Size + i, s.Statement.Type, s.Statement.Body)));
        _latest[party] = record;
        return record;
    }

    /// <summary>
    /// Keeps <paramref name="record"/> as its party's record at its size, unless a longer one is kept: for a record its
    /// caller read in from exactly the entries the log holds up to that size (a batch just appended, checked in order
    /// against the record before it), so that they are not read from the store and parsed again.
    /// </summary>
    internal void Remember(PartyRecord record) =>
        _latest.AddOrUpdate(record.Party, record, (_, cached) => cached.Size >= record.Size ? cached : record);

    /// <summary>The treaty's record over every log the node holds, as the logs now stand.</summary>
    public async Task<TreatyRecord> TreatyAsync(CancellationToken cancellationToken)
    {
        var held = new List<PartyRecord>();
        foreach (var party in logs.Parties)
        {
            if (await GetAsync(party, cancellationToken).ConfigureAwait(false) is { } record)
            {
                held.Add(record);
            }
        }

        // The same records (same parties, same sizes) give the same treaty record.
        if (Volatile.Read(ref _treaty) is { } cached && cached.Records.Length == held.Count
            && cached.Records.All(r => held.Any(h => ReferenceEquals(h, r))))
        {
            return cached;
        }

        var built = TreatyRecord.Create(treaty, held);
        Volatile.Write(ref _treaty, built);
        return built;
    }

    /// <summary>Every inspection the logs the node holds give, as they now stand.</summary>
    public async Task<InspectionTrail> InspectionsAsync(CancellationToken cancellationToken)
    {
        var basis = await TreatyAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _inspections) is { } cached && ReferenceEquals(cached.Basis, basis))
        {
            return cached.Trail;
        }

        var trail = InspectionTrail.Of(treaty, basis.Records, RecordJointDraw.Instance);
        Volatile.Write(ref _inspections, new InspectionsCache(basis, trail));
        return trail;
    }

    private sealed record InspectionsCache(TreatyRecord Basis, InspectionTrail Trail);
}
