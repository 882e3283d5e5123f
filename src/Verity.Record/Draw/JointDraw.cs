using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using Verity.Record.Merkle;

namespace Verity.Record.Draw;

/// <summary>Joint randomness by commit and reveal: each party commits SHA-256(nonce), and once all have committed,
/// reveals the nonce. The seed is SHA-256 of every nonce in the agreed party order, so no party can steer it unless
/// all collude; a party that withholds its reveal is named and the draw is void (it is not redrawn without it).
/// The seed then selects k of a declared list deterministically: anyone can re-derive the choice.</summary>
public static class JointDraw
{
    /// <summary>The nonce length in bytes.</summary>
    public const int NonceLength = 32;

    /// <summary>A fresh nonce from <paramref name="random"/>.</summary>
    public static ImmutableArray<byte> NewNonce(RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var nonce = new byte[NonceLength];
        random.GetBytes(nonce);
        return [.. nonce];
    }

    /// <summary>The commitment for <paramref name="nonce"/>: SHA-256(nonce).</summary>
    public static DrawCommitment Commit(string party, ImmutableArray<byte> nonce) => new(party, Sha256Hash.Compute(nonce.AsSpan()));

    /// <summary>Concludes a draw among <paramref name="parties"/> (in the agreed order).</summary>
    public static DrawOutcome Conclude(IReadOnlyList<string> parties, IEnumerable<DrawCommitment> commitments, IEnumerable<DrawReveal> reveals)
    {
        ArgumentNullException.ThrowIfNull(parties);
        var committed = commitments.GroupBy(c => c.Party, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var revealed = reveals.GroupBy(r => r.Party, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var findings = ImmutableArray.CreateBuilder<string>();
        var withheld = ImmutableArray.CreateBuilder<string>();
        var nonces = new List<ImmutableArray<byte>>();
        foreach (var party in parties)
        {
            if (!committed.TryGetValue(party, out var commitment) || commitment.Count != 1)
            {
                findings.Add($"party {party} made {(commitment?.Count ?? 0)} commitments, expected 1");
                continue;
            }

            if (!revealed.TryGetValue(party, out var reveal))
            {
                withheld.Add(party);
                findings.Add($"party {party} withheld its reveal: the draw is void");
                continue;
            }

            if (reveal.Count != 1 || reveal[0].Nonce.Length != NonceLength)
            {
                findings.Add($"party {party} revealed {reveal.Count} nonces of {string.Join("/", reveal.Select(r => r.Nonce.Length))} bytes, expected one of {NonceLength}");
                continue;
            }

            var hash = Sha256Hash.Compute(reveal[0].Nonce.AsSpan());
            if (hash != commitment[0].Hash)
            {
                findings.Add($"party {party} revealed a nonce that does not match its commitment: SHA-256 {hash.ToBase64()}, committed {commitment[0].Hash.ToBase64()}");
                continue;
            }

            nonces.Add(reveal[0].Nonce);
        }

        foreach (var stranger in committed.Keys.Concat(revealed.Keys).Distinct().Where(p => !parties.Contains(p)))
        {
            findings.Add($"{stranger} is not a party to this draw");
        }

        if (findings.Count > 0)
        {
            return new DrawOutcome(null, findings.ToImmutable(), withheld.ToImmutable());
        }

        // seed = SHA-256(nonce_1 || … || nonce_n), in party order.
        var all = nonces.SelectMany(n => n).ToArray();
        return new DrawOutcome(Sha256Hash.Compute(all), [], []);
    }

    /// <summary>Selects <paramref name="count"/> distinct positions of a list of <paramref name="size"/> items, in draw
    /// order: a Fisher–Yates shuffle driven by SHA-256(seed || counter), with rejection sampling so every choice is
    /// uniform.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or more than <paramref name="size"/>.</exception>
    public static ImmutableArray<int> Select(Sha256Hash seed, int size, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, size);
        var positions = Enumerable.Range(0, size).ToArray();
        var stream = new DeterministicStream(seed);
        for (var i = 0; i < count; i++)
        {
            var j = i + (int)stream.NextBelow((ulong)(size - i));
            (positions[i], positions[j]) = (positions[j], positions[i]);
        }

        return [.. positions.Take(count)];
    }

    /// <summary>SHA-256(seed || counter) in 8-byte words.</summary>
    private sealed class DeterministicStream(Sha256Hash seed)
    {
        private readonly byte[] _input = [.. seed.ToArray(), 0, 0, 0, 0, 0, 0, 0, 0];
        private readonly byte[] _block = new byte[32];
        private ulong _counter;
        private int _used = 32;

        public ulong NextBelow(ulong bound)
        {
            // Reject the top of the range that would bias the remainder.
            var limit = ulong.MaxValue - (ulong.MaxValue % bound);
            while (true)
            {
                var value = NextWord();
                if (value < limit)
                {
                    return value % bound;
                }
            }
        }

        private ulong NextWord()
        {
            if (_used == _block.Length)
            {
                BinaryPrimitives.WriteUInt64BigEndian(_input.AsSpan(32), _counter++);
                SHA256.HashData(_input, _block);
                _used = 0;
            }

            var value = BinaryPrimitives.ReadUInt64BigEndian(_block.AsSpan(_used));
            _used += 8;
            return value;
        }
    }
}
