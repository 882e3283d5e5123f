namespace Verity.Record.Keys;

/// <summary>The signature algorithms a party key may use.</summary>
public enum KeyAlgorithm
{
    /// <summary>Ed25519 (RFC 8032), signed-note signature type 0x01. The default.</summary>
    Ed25519 = 1,

    /// <summary>ML-DSA-65 (FIPS 204), a quantum-safe option; signed-note type 0xFF followed by the identifier "ml-dsa-65"
    /// (c2sp.org/signed-note: 0xFF is reserved for types without an assigned byte, followed by a longer identifier).</summary>
    MlDsa65 = 2,
}
