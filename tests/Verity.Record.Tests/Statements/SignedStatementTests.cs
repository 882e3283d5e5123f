using System.Text;
using Verity.Record.Statements;

namespace Verity.Record.Tests.Statements;

public sealed class SignedStatementTests
{
    [Fact]
    public void Sign_Statement_EncodesTheDocumentedEnvelope()
    {
        using var key = Fixtures.Key("US");

        var signed = SignedStatement.Sign(Statement.Create("declaration", "US", 1, Fixtures.Issued, "hello"u8.ToArray()), key);

        var text = Encoding.UTF8.GetString(signed.Bytes.Span);
        Assert.StartsWith("verity-statement/v1\ntype declaration\nparty US\nsequence 1\nissued 2026-02-05T00:00:00Z\nbody 5\n\nhello\n\u2014 US ", text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.True(signed.Verify(key.Verifier));
    }

    [Fact]
    public void TryParse_SignedBytes_RoundTripsWithoutReencoding()
    {
        using var key = Fixtures.Key("US");
        var signed = Fixtures.Statement(key, 7);

        Assert.True(SignedStatement.TryParse(signed.Bytes.ToArray(), out var parsed, out var problem), problem);

        Assert.Equal(signed.Statement, parsed.Statement);
        Assert.True(parsed.Bytes.Span.SequenceEqual(signed.Bytes.Span));
        Assert.True(parsed.Verify(key.Verifier));
    }

    [Fact]
    public void TryParse_BinaryBody_KeepsEveryByte()
    {
        using var key = Fixtures.Key("US");
        var body = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var signed = SignedStatement.Sign(Statement.Create("inventory", "US", 1, Fixtures.Issued, body), key);

        Assert.True(SignedStatement.TryParse(signed.Bytes, out var parsed, out _));

        Assert.Equal(body, parsed.Statement.Body.ToArray());
    }

    [Theory]
    [InlineData("sequence 7", "sequence 07")]
    [InlineData("issued 2026-02-05T00:07:00Z", "issued 2026-02-05T00:07:00+00:00")]
    [InlineData("type declaration", "type Declaration")]
    [InlineData("verity-statement/v1", "verity-statement/v2")]
    [InlineData("body 6", "body 60")]
    public void TryParse_NonCanonicalHeader_Fails(string field, string replacement)
    {
        using var key = Fixtures.Key("US");
        var text = Encoding.UTF8.GetString(Fixtures.Statement(key, 7).Bytes.Span);
        Assert.Contains(field, text, StringComparison.Ordinal);

        var bent = Encoding.UTF8.GetBytes(text.Replace(field, replacement, StringComparison.Ordinal));

        Assert.False(SignedStatement.TryParse(bent, out _, out var problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void Verify_ChangedBodyByte_Fails()
    {
        using var key = Fixtures.Key("US");
        var bytes = Fixtures.Statement(key, 3, "warheads 1550").Bytes.ToArray();
        var at = Encoding.UTF8.GetString(bytes).IndexOf("1550", StringComparison.Ordinal);
        bytes[at] = (byte)'2';

        Assert.True(SignedStatement.TryParse(bytes, out var forged, out _));

        Assert.False(forged.Verify(key.Verifier));
    }

    [Fact]
    public void Verify_WrongKeySameName_Fails()
    {
        using var key = Fixtures.Key("US", 1);
        using var impostor = Fixtures.Key("US", 2);
        var signed = Fixtures.Statement(impostor, 1);

        Assert.False(signed.Verify(key.Verifier));
    }

    [Fact]
    public void Sign_KeyOfAnotherParty_Throws()
    {
        using var key = Fixtures.Key("RU");

        Assert.Throws<ArgumentException>(() => SignedStatement.Sign(Statement.Create("declaration", "US", 1, Fixtures.Issued, "x"u8.ToArray()), key));
    }

    [Fact]
    public void TryParse_SignatureLineOfAnotherParty_Fails()
    {
        using var us = Fixtures.Key("US");
        var text = Encoding.UTF8.GetString(Fixtures.Statement(us, 1).Bytes.Span).Replace("\u2014 US ", "\u2014 RU ", StringComparison.Ordinal);

        Assert.False(SignedStatement.TryParse(Encoding.UTF8.GetBytes(text), out _, out var problem));
        Assert.Contains("RU", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FromClock_IssuedTruncatedToTheSecond()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 2, 5, 12, 30, 15, 999, TimeSpan.FromHours(3)));

        var statement = Statement.Create("notification", "US", 1, clock, "x"u8.ToArray());

        Assert.Equal(new DateTimeOffset(2026, 2, 5, 9, 30, 15, TimeSpan.Zero), statement.Issued);
        Assert.Contains("issued 2026-02-05T09:30:15Z\n", Encoding.UTF8.GetString(statement.Encode()), StringComparison.Ordinal);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
