using System.Text;
using Verity.Node.Peers;
using Verity.Record.Keys;

namespace Verity.Node.Tests.Peers;

public sealed class SignatureBaseTests
{
    // RFC 9421 Appendix B.1.4, test-key-ed25519 (JWK "d" and "x", base64url).
    private const string TestKeySeed = "n4Ni-HpISpVObnQMW0wOhCKROaIKqKtW_2ZYb2p9KcU";
    private const string TestKeyPublic = "JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs";

    // RFC 9421 Appendix B.2.6, with the RFC 8792 line wrapping undone.
    private const string B26SignatureInput =
        "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"";

    private const string B26SignatureBase =
        "\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n" +
        "\"@method\": POST\n" +
        "\"@path\": /foo\n" +
        "\"@authority\": example.com\n" +
        "\"content-type\": application/json\n" +
        "\"content-length\": 18\n" +
        "\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"";

    private const string B26Signature = "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==";

    private static readonly Dictionary<string, string> B2TestRequest = new()
    {
        ["@method"] = "POST",
        ["@path"] = "/foo",
        ["@query"] = "?param=Value&Pen=15",
        ["@authority"] = "example.com",
        ["date"] = "Tue, 20 Apr 2021 02:07:55 GMT",
        ["content-type"] = "application/json",
        ["content-length"] = "18",
    };

    [Fact]
    public void Create_Rfc9421B26_ReproducesBaseAndSignature()
    {
        using var key = SigningKey.FromSeed("test-key-ed25519", KeyAlgorithm.Ed25519, Base64Url(TestKeySeed));
        Assert.True(SignatureParameters.TryParse(B26SignatureInput, "sig-b26", out var parameters, out var problem), problem);

        var signatureBase = SignatureBase.Create(parameters, B2TestRequest.GetValueOrDefault);
        var signature = key.Sign(Encoding.UTF8.GetBytes(signatureBase));

        Assert.Equal(Base64Url(TestKeyPublic), key.Verifier.PublicKey.ToArray());
        Assert.Equal(B26SignatureBase, signatureBase);
        Assert.Equal(B26Signature, Convert.ToBase64String(signature)); // Ed25519 is deterministic (RFC 8032 §5.1.6)
        Assert.True(key.Verifier.Verify(Encoding.UTF8.GetBytes(signatureBase), signature));
    }

    [Fact]
    public void Verify_ExampleInNodeDocs_Holds()
    {
        // docs/node.md, "Peer authentication (RFC 9421)": made by PeerSigningHandler with the seed 0x07 x 32.
        using var key = SigningKey.FromSeed("US", KeyAlgorithm.Ed25519, Enumerable.Repeat((byte)7, 32).ToArray());
        const string Input = "sig1=(\"@method\" \"@authority\" \"@path\" \"@query\" \"content-digest\");created=1795953600;nonce=\"oz6mewgY1ZQIpvL96c6kiA\";keyid=\"US+dd2d507a\";alg=\"ed25519\"";
        Assert.True(SignatureParameters.TryParse(Input, "sig1", out var parameters, out var problem), problem);
        var values = new Dictionary<string, string>
        {
            ["@method"] = "POST",
            ["@authority"] = "ru.node.example",
            ["@path"] = "/peer/logs/US/entries",
            ["@query"] = "?",
            ["content-digest"] = ContentDigest.Create("{\"hello\": \"world\"}"u8),
        };

        var signatureBase = SignatureBase.Create(parameters, values.GetValueOrDefault);

        Assert.Equal("US+dd2d507a", PeerKeys.KeyIdOf(key.Verifier));
        Assert.True(key.Verifier.Verify(Encoding.UTF8.GetBytes(signatureBase),
            Convert.FromBase64String("isv/C79VdfqbsWmi7yU6BW+t6geqchp2aOTKg9r/idRt7nLx0DDDz5CAzSIbd/qw6j6fzkCMLL1ybkdSe1rGCg==")));
    }

    [Fact]
    public void Create_ParametersInRfcOrder_SerializeAsSignatureParams()
    {
        var parameters = SignatureParameters.Create(["date", "@method", "@path", "@authority", "content-type", "content-length"], 1618884473, "test-key-ed25519");

        Assert.Equal(B26SignatureInput["sig-b26=".Length..], parameters.ToString());
    }

    [Fact]
    public void Create_AllParameters_SerializedInOrderWithQuotedStrings()
    {
        var parameters = SignatureParameters.Create(["@method", "@query"], 1700000000, "US+1a2b3c4d", "ed25519", "n\"o\\nce", expires: 1700000300);

        Assert.Equal("(\"@method\" \"@query\");created=1700000000;expires=1700000300;nonce=\"n\\\"o\\\\nce\";keyid=\"US+1a2b3c4d\";alg=\"ed25519\"",
            parameters.ToString());
        Assert.True(SignatureParameters.TryParse($"sig1={parameters}", "sig1", out var parsed, out var problem), problem);
        Assert.Equal("n\"o\\nce", parsed.Nonce);
        Assert.Equal(1700000300, parsed.Expires);
        Assert.Equal(parameters.ToString(), parsed.ToString());
    }

    [Fact]
    public void TryCreate_MissingComponent_FailsNamingIt()
    {
        var parameters = SignatureParameters.Create(["@method", "content-digest"], 1, "k");

        Assert.False(SignatureBase.TryCreate(parameters, B2TestRequest.GetValueOrDefault, out _, out var problem));
        Assert.Equal("covered component \"content-digest\" is not in the message", problem);
    }

    [Theory]
    [InlineData("sig1=(\"@method\"", "inner list is not closed")]
    [InlineData("sig1=(\"@method\");created=1.5", "is not an integer")]
    [InlineData("sig1=(\"@method\");created=\"1\"", "parameter 'created' has the wrong type")]
    [InlineData("other=(\"@method\")", "no signature labelled 'sig1' (labels: other)")]
    [InlineData("sig1=:AAAA:", "is not an inner list")]
    [InlineData("sig1", "is not an inner list")] // a key alone is the boolean true (RFC 8941 §4.2.2), at the end of the field
    [InlineData("other, sig1", "is not an inner list")]
    [InlineData("sig1=(\"@method\" \"@method\")", "covers a component twice")]
    public void TryParse_Malformed_SaysWhy(string field, string expected)
    {
        Assert.False(SignatureParameters.TryParse(field, "sig1", out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentDigest_Rfc9530Example_Matches()
    {
        // RFC 9530 §2 and RFC 9421 Appendix B.2: the content {"hello": "world"} and its sha-256.
        var digest = ContentDigest.Create(Encoding.UTF8.GetBytes("{\"hello\": \"world\"}"));

        Assert.Equal("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", digest);
        Assert.True(ContentDigest.TryGetSha256("sha-512=:AAAA:, " + digest, out var hash, out var problem), problem);
        Assert.Equal(32, hash.Length);
        Assert.False(ContentDigest.TryGetSha256("sha-512=:AAAA:", out _, out problem));
        Assert.Equal("Content-Digest has no sha-256 (algorithms: sha-512)", problem);
    }

    [Theory]
    [InlineData("/peer/entries", "/peer/entries", "?")]
    [InlineData("/peer/entries?start=0&count=10", "/peer/entries", "?start=0&count=10")]
    [InlineData("/a%20b?x=%2F", "/a%20b", "?x=%2F")]
    [InlineData("", "/", "?")]
    [InlineData("/p?", "/p", "?")]
    public void SplitTarget_PathAndQuery_AsRfc9421Says(string target, string path, string query)
    {
        Assert.Equal((path, query), PeerSignature.SplitTarget(target));
    }

    [Theory]
    [InlineData("Example.COM", "https", "example.com")]
    [InlineData("example.com:443", "https", "example.com")]
    [InlineData("example.com:80", "http", "example.com")]
    [InlineData("127.0.0.1:8080", "http", "127.0.0.1:8080")]
    public void Authority_Normalized(string host, string scheme, string expected)
    {
        Assert.Equal(expected, PeerSignature.Authority(host, scheme));
    }

    private static byte[] Base64Url(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4));
}
