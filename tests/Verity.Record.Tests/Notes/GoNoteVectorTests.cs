using System.Text;
using Verity.Record.Keys;
using Verity.Record.Notes;

namespace Verity.Record.Tests.Notes;

/// <summary>golang.org/x/mod/sumdb/note's published vectors (testdata/note), verified byte for byte.</summary>
public sealed class GoNoteVectorTests
{
    private static readonly string PeterVkey = TestData.ReadText("note/peterneumann.vkey").TrimEnd('\n');
    private static readonly string PeterKey = TestData.ReadText("note/peterneumann.key").TrimEnd('\n');
    private static readonly string EnochVkey = TestData.ReadText("note/enochroot.vkey").TrimEnd('\n');
    private static readonly string Text = TestData.ReadText("note/text.txt");
    private static readonly string SignedPeter = TestData.ReadText("note/signed-peter.txt");
    private static readonly string SignedBoth = TestData.ReadText("note/signed-peter-enoch.txt");

    [Fact]
    public void VerifierKeyParse_GoExampleKey_ReadsNameIdAndKey()
    {
        var key = VerifierKey.Parse(PeterVkey);

        Assert.Equal("PeterNeumann", key.Name);
        Assert.Equal(0xc74f20a3u, key.KeyId);
        Assert.Equal(KeyAlgorithm.Ed25519, key.Algorithm);
        Assert.Equal(32, key.PublicKey.Length);
        Assert.Equal(PeterVkey, key.ToString());
    }

    [Fact]
    public void VerifierKeyTryParse_EveryStrictSubstringAndEveryBumpedByte_Fails()
    {
        // As TestNewVerifier: no substring of the key and no single-byte change parses.
        var failures = 0;
        var total = 0;
        for (var i = 0; i <= PeterVkey.Length; i++)
        {
            for (var j = i + 1; j <= PeterVkey.Length; j++)
            {
                if (i != 0 || j != PeterVkey.Length)
                {
                    total++;
                    failures += VerifierKey.TryParse(PeterVkey[i..j], out _, out _) ? 0 : 1;
                }
            }
        }

        for (var i = 0; i < PeterVkey.Length; i++)
        {
            var bumped = PeterVkey.ToCharArray();
            bumped[i]++;
            total++;
            failures += VerifierKey.TryParse(new string(bumped), out _, out _) ? 0 : 1;
        }

        Assert.Equal(total, failures);
    }

    [Theory]
    [InlineData("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==", "bytes")] // wrong length key, adjusted key ID
    [InlineData("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "unknown signature type")] // unknown algorithm
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T!", "base64")]
    [InlineData("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "key name")]
    [InlineData("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "hexadecimal")]
    public void VerifierKeyTryParse_GoBadKeys_FailsSayingWhy(string text, string why)
    {
        Assert.False(VerifierKey.TryParse(text, out _, out var problem));
        Assert.Contains(why, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SigningKeyParse_GoExampleKey_MatchesItsVerifier()
    {
        using var key = SigningKey.Parse(PeterKey);

        Assert.Equal(PeterVkey, key.Verifier.ToString());
        Assert.Equal(PeterKey, key.ToString());
    }

    [Fact]
    public void SigningKeyTryParse_EveryBumpedByte_Fails()
    {
        for (var i = 0; i < PeterKey.Length; i++)
        {
            var bumped = PeterKey.ToCharArray();
            bumped[i]++;
            Assert.False(SigningKey.TryParse(new string(bumped), out _, out _), $"bumped byte {i} parsed");
        }
    }

    [Fact]
    public void Sign_GoExampleKeyAndText_ProducesTheGoNoteByteForByte()
    {
        using var key = SigningKey.Parse(PeterKey);

        var note = SignedNote.Sign(Text, key);

        Assert.Equal(Encoding.UTF8.GetBytes(SignedPeter), Encoding.UTF8.GetBytes(note.ToString()));
    }

    [Fact]
    public void Verify_GoNoteWithPeterOnly_VerifiesPeterAndIgnoresEnoch()
    {
        Assert.True(SignedNote.TryParse(SignedBoth, out var note, out _));

        var result = note.Verify([VerifierKey.Parse(PeterVkey)]);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(Text, note.Text);
        Assert.Equal(["PeterNeumann"], result.Verified.Select(s => s.Name));
        Assert.Equal(["EnochRoot"], result.Unverified.Select(s => s.Name));
        Assert.Equal(0xaf0cfe78u, result.Unverified[0].KeyId);
    }

    [Fact]
    public void Verify_GoNoteWithBothKeys_VerifiesBoth()
    {
        Assert.True(SignedNote.TryParse(SignedBoth, out var note, out _));

        var result = note.Verify([VerifierKey.Parse(PeterVkey), VerifierKey.Parse(EnochVkey)]);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(2, result.Verified.Length);
        Assert.Empty(result.Unverified);
    }

    [Fact]
    public void Verify_NoKnownKey_FailsWithNoVerifiableSignatures()
    {
        Assert.True(SignedNote.TryParse(SignedBoth, out var note, out _));

        var result = note.Verify([]);

        Assert.False(result.IsValid);
        Assert.Contains("no verifiable signatures", result.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Unverified.Length);
    }

    [Fact]
    public void Verify_SignatureWithAbcdInserted_FailsNamingKey()
    {
        // As TestOpen's "Invalid signature": four base64 characters inserted at offset 60 of the signature line.
        var line = SignedPeter[(Text.Length + 1)..];
        var forged = Text + "\n" + line[..60] + "ABCD" + line[60..];
        Assert.True(SignedNote.TryParse(forged, out var note, out _));

        var result = note.Verify([VerifierKey.Parse(PeterVkey)]);

        Assert.False(result.IsValid);
        Assert.Equal("invalid signature for key PeterNeumann+c74f20a3", result.Message);
    }

    [Fact]
    public void Verify_DuplicatedVerifierForTheSigner_IsAmbiguous()
    {
        // As TestOpen's "duplicated verifier": a signer listed twice among the verifiers is ambiguous.
        var enochLine = SignedBoth[(Text.Length + 1)..].Split('\n')[1] + "\n";
        Assert.True(SignedNote.TryParse(Text + "\n" + enochLine, out var note, out var problem), problem);

        var result = note.Verify([VerifierKey.Parse(EnochVkey), VerifierKey.Parse(PeterVkey), VerifierKey.Parse(EnochVkey)]);

        Assert.False(result.IsValid);
        Assert.Equal("ambiguous key EnochRoot+af0cfe78", result.Message);
    }

    [Fact]
    public void Verify_DuplicatedVerifierNotUsed_Verifies()
    {
        Assert.True(SignedNote.TryParse(SignedPeter, out var note, out _));

        var result = note.Verify([VerifierKey.Parse(EnochVkey), VerifierKey.Parse(PeterVkey), VerifierKey.Parse(EnochVkey)]);

        Assert.True(result.IsValid, result.Message);
    }

    public static TheoryData<string> BadMessages() =>
    [
        Text,
        Text + "\n",
        SignedPeter[..^1],
        "\u0001" + SignedPeter,
        Text + "\n\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
        SignedPeter + "Unexpected line.\n",
        Text + "\n" + string.Concat(Enumerable.Repeat(SignedPeter[(Text.Length + 1)..], 101)),
    ];

    [Theory]
    [MemberData(nameof(BadMessages))]
    public void TryParse_GoMalformedNotes_Fails(string message)
    {
        Assert.False(SignedNote.TryParse(message, out _, out var problem));
        Assert.StartsWith("malformed note", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SignAndVerify_GeneratedKey_RoundTrips()
    {
        using var key = SigningKey.Generate("verity.example/us", KeyAlgorithm.Ed25519, System.Security.Cryptography.RandomNumberGenerator.Create());

        var note = SignedNote.Sign("hello\n", key);
        Assert.True(SignedNote.TryParse(note.ToString(), out var parsed, out _));

        Assert.True(parsed.Verify([key.Verifier]).IsValid);
        Assert.Equal(note.ToString(), parsed.ToString());
    }
}
