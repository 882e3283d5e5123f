using System.Text;
using Verity.Record.Log;
using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Record.Tests.Log;

public sealed class KeyRotationTests
{
    [Fact]
    public async Task VerifyAsync_StatementsAfterRotationSignedWithNewKey_Valid()
    {
        using var first = Fixtures.Key("US", 1);
        using var second = Fixtures.Key("US", 2);
        using var store = new MemoryLogStore();
        var log = await StatementLog.OpenAsync(store);
        await log.AppendAsync([
            Fixtures.Statement(first, 1),
            SignedStatement.Sign(KeyRotation.Create("US", 2, Fixtures.Issued, second.Verifier), first),
            Fixtures.Statement(second, 3),
        ]);

        var result = await LogVerifier.VerifyAsync(store, [first.Verifier]);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(3, result.TreeSize);
    }

    [Fact]
    public async Task VerifyAsync_RetiredKeySignsAfterRotation_NamesEntryAndRotation()
    {
        using var first = Fixtures.Key("US", 1);
        using var second = Fixtures.Key("US", 2);
        using var store = new MemoryLogStore();
        var log = await StatementLog.OpenAsync(store);
        await log.AppendAsync([
            SignedStatement.Sign(KeyRotation.Create("US", 1, Fixtures.Issued, second.Verifier), first),
            Fixtures.Statement(second, 2),
            Fixtures.Statement(first, 3),
        ]);

        var result = await LogVerifier.VerifyAsync(store, [first.Verifier]);

        Assert.False(result.IsValid);
        Assert.Equal(2, result.FirstBadIndex);
        Assert.Equal($"entry 2: signed by {first.Verifier.Name}+{first.Verifier.KeyId:x8}, retired by the key rotation at entry 0", result.Message);
    }

    [Fact]
    public async Task VerifyAsync_NewKeySignsBeforeItsRotation_Refused()
    {
        using var first = Fixtures.Key("US", 1);
        using var second = Fixtures.Key("US", 2);
        using var store = new MemoryLogStore();
        var log = await StatementLog.OpenAsync(store);
        await log.AppendAsync([
            Fixtures.Statement(second, 1),
            SignedStatement.Sign(KeyRotation.Create("US", 2, Fixtures.Issued, second.Verifier), first),
        ]);

        var result = await LogVerifier.VerifyAsync(store, [first.Verifier]);

        Assert.Equal(0, result.FirstBadIndex);
        Assert.Contains("signed by unknown key", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ForgedSignatureByRotatedKey_Refused()
    {
        using var first = Fixtures.Key("US", 1);
        using var second = Fixtures.Key("US", 2);
        using var store = new MemoryLogStore();
        var merkle = await MerkleLog.OpenAsync(store);
        var forged = Fixtures.Statement(second, 2).Bytes.ToArray();
        forged[^10] ^= 0x04; // inside the base64 signature
        await merkle.AppendAsync([SignedStatement.Sign(KeyRotation.Create("US", 1, Fixtures.Issued, second.Verifier), first).Bytes, forged]);

        var result = await LogVerifier.VerifyAsync(store, [first.Verifier]);

        Assert.Equal(1, result.FirstBadIndex);
        Assert.Contains("does not verify", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadNewKey_KeyOfAnotherParty_Refused()
    {
        using var us = Fixtures.Key("US", 1);
        using var ru = Fixtures.Key("RU", 2);
        var statement = Statement.Create(KeyRotation.Type, "US", 1, Fixtures.Issued, Encoding.ASCII.GetBytes(ru.Verifier.ToString()));

        var ok = KeyRotation.TryReadNewKey(statement, out _, out var problem);

        Assert.False(ok);
        Assert.Equal("the rotation names a key of RU, not of US", problem);
        Assert.Throws<ArgumentException>(() => KeyRotation.Create("US", 1, Fixtures.Issued, ru.Verifier));
    }
}
