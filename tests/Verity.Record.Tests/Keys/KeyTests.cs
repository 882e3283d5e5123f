using System.Security.Cryptography;
using Verity.Record.Keys;

namespace Verity.Record.Tests.Keys;

public sealed class KeyTests
{
    [Theory]
    [InlineData(KeyAlgorithm.Ed25519, 64)]
    [InlineData(KeyAlgorithm.MlDsa65, 3309)]
    public void Sign_EachAlgorithm_VerifiesAndRejectsChangedMessage(KeyAlgorithm algorithm, int signatureLength)
    {
        using var key = SigningKey.FromSeed("US", algorithm, new byte[32]);
        var message = "declaration 1"u8.ToArray();

        var signature = key.Sign(message);

        Assert.Equal(signatureLength, signature.Length);
        Assert.True(key.Verifier.Verify(message, signature));
        message[0] ^= 1;
        Assert.False(key.Verifier.Verify(message, signature));
    }

    [Theory]
    [InlineData(KeyAlgorithm.Ed25519)]
    [InlineData(KeyAlgorithm.MlDsa65)]
    public void ToStringParse_EachAlgorithm_RoundTrips(KeyAlgorithm algorithm)
    {
        using var key = SigningKey.Generate("RU", algorithm, RandomNumberGenerator.Create());

        using var again = SigningKey.Parse(key.ToString());
        var verifier = VerifierKey.Parse(key.Verifier.ToString());

        Assert.Equal(key.Verifier, again.Verifier);
        Assert.Equal(key.Verifier, verifier);
        Assert.Equal(algorithm, verifier.Algorithm);
        Assert.StartsWith("RU+", verifier.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void KeyId_Ed25519_IsSha256OfNameNewlineTypeAndKey()
    {
        using var key = SigningKey.FromSeed("US", KeyAlgorithm.Ed25519, new byte[32]);
        byte[] input = [.. "US"u8, 0x0A, 0x01, .. key.Verifier.PublicKey];

        var want = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));

        Assert.Equal(want, key.Verifier.KeyId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a+b")]
    [InlineData("tab\there")]
    public void Generate_BadName_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => SigningKey.Generate(name, KeyAlgorithm.Ed25519, RandomNumberGenerator.Create()));
}
