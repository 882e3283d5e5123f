using System.Collections.Frozen;
using Verity.Core;
using Verity.Record.Keys;

namespace Verity.Node.Peers;

/// <summary>The keys a node accepts on peer requests: each peer party's keys (read and write) and observers' keys
/// (read only), found by the RFC 9421 <c>keyid</c> <c>NAME+KEYID</c> (see <see cref="KeyIdOf"/>).</summary>
/// <remarks>Only Ed25519 keys sign peer requests (RFC 9421 §3.3.6, <c>alg="ed25519"</c>): RFC 9421 registers no
/// ML-DSA algorithm, so a party whose key is ML-DSA-65 needs an Ed25519 key for its node, and this type refuses the
/// ML-DSA key when it is built. A party may have several keys (during a rotation).</remarks>
public sealed class PeerKeys
{
    private readonly FrozenDictionary<string, PeerIdentity> _byKeyId;

    /// <summary>Builds the registry.</summary>
    /// <param name="peers">Party code and key, e.g. <c>("RU", RU+5d1c0a7e+…)</c>; a party may appear more than once.</param>
    /// <param name="observers">Keys that may only read.</param>
    /// <exception cref="ArgumentException">A key is not Ed25519, or two entries have the same keyid.</exception>
    public PeerKeys(IEnumerable<KeyValuePair<PartyCode, VerifierKey>> peers, IEnumerable<VerifierKey>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var byKeyId = new Dictionary<string, PeerIdentity>(StringComparer.Ordinal);
        foreach (var (party, key) in peers)
        {
            Add(new PeerIdentity(party.Value, party, Ed25519(key, $"peer {party}")));
        }

        foreach (var key in observers ?? [])
        {
            Add(new PeerIdentity($"observer:{key.Name}", null, Ed25519(key, "observer")));
        }

        _byKeyId = byKeyId.ToFrozenDictionary(StringComparer.Ordinal);

        void Add(PeerIdentity identity)
        {
            var keyId = KeyIdOf(identity.Key);
            if (byKeyId.TryGetValue(keyId, out var existing))
            {
                throw new ArgumentException($"keyid {keyId} is given twice: for {existing.Name} and for {identity.Name}", nameof(peers));
            }

            byKeyId.Add(keyId, identity);
        }
    }

    /// <summary>The number of keys.</summary>
    public int Count => _byKeyId.Count;

    /// <summary>The RFC 9421 <c>keyid</c> of a Verity key: its name and key ID as in the verifier key text,
    /// <c>NAME+KEYID</c>, e.g. <c>US+1a2b3c4d</c>.</summary>
    public static string KeyIdOf(VerifierKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"{key.Name}+{key.KeyId:x8}";
    }

    /// <summary>The peer or observer whose key has <paramref name="keyId"/>, or null.</summary>
    public PeerIdentity? Find(string keyId) => _byKeyId.GetValueOrDefault(keyId);

    private static VerifierKey Ed25519(VerifierKey key, string role)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Algorithm != KeyAlgorithm.Ed25519)
        {
            throw new ArgumentException(
                $"{role} key {KeyIdOf(key)} is {key.Algorithm}: peer requests are signed with Ed25519 only (RFC 9421 §3.3.6 alg \"ed25519\"); give this node an Ed25519 key",
                nameof(key));
        }

        return key;
    }
}
