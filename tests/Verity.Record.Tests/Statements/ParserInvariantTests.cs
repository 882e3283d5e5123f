using System.Text;
using Verity.Record.Keys;
using Verity.Record.Merkle;
using Verity.Record.Notes;
using Verity.Record.Statements;

namespace Verity.Record.Tests.Statements;

/// <summary>Seeded fuzzing of the parsers: any mutation of valid input is either rejected with a message or, if it
/// still parses, no longer verifies. No parser throws on any input.</summary>
public sealed class ParserInvariantTests
{
    private const int Trials = 1500;

    [Fact]
    public void SignedStatementTryParse_MutatedBytes_RejectedOrUnverifiable()
    {
        using var key = Fixtures.Key("US");
        var original = Fixtures.Statement(key, 42, "warheads 1550").Bytes.ToArray();
        var random = new Random(6962);

        for (var trial = 0; trial < Trials; trial++)
        {
            var mutated = Mutate(original, random);

            var parses = SignedStatement.TryParse(mutated, out var statement, out var problem);

            Assert.True(parses || !string.IsNullOrEmpty(problem));
            if (parses && !mutated.AsSpan().SequenceEqual(original))
            {
                Assert.False(statement!.Verify(key.Verifier), $"trial {trial}: a changed statement still verifies");
            }
        }
    }

    [Fact]
    public void NoteAndKeyParsers_MutatedText_NeverThrow()
    {
        using var key = Fixtures.Key("verity.example/us");
        var note = Encoding.UTF8.GetBytes(new Checkpoint("verity.example/us", 7, Rfc9162.EmptyRoot).Sign(key).ToString());
        var vkey = Encoding.UTF8.GetBytes(key.Verifier.ToString());
        var skey = Encoding.UTF8.GetBytes(key.ToString());
        var random = new Random(9162);

        for (var trial = 0; trial < Trials; trial++)
        {
            var text = Encoding.UTF8.GetString(Mutate(note, random));
            if (Checkpoint.Open(text, [key.Verifier]).IsValid)
            {
                Assert.True(SignedNote.TryParse(text, out var parsed, out _) && parsed.Text == new Checkpoint("verity.example/us", 7, Rfc9162.EmptyRoot).ToText(),
                    $"trial {trial}: a changed checkpoint verified");
            }

            _ = VerifierKey.TryParse(Encoding.UTF8.GetString(Mutate(vkey, random)), out _, out _);
            if (SigningKey.TryParse(Encoding.UTF8.GetString(Mutate(skey, random)), out var parsedKey, out _))
            {
                parsedKey.Dispose();
            }
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(3))
        {
            case 0:
                bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            default:
                var at = random.Next(bytes.Length);
                return [.. bytes[..at], (byte)random.Next(256), .. bytes[at..]];
        }
    }
}
