using System.Security.Cryptography;
using Verity.Record.Keys;
using Verity.Record.Statements;

namespace Verity.Record.Tests;

/// <summary>Deterministic keys and statements for tests.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset Issued = new(2026, 2, 5, 0, 0, 0, TimeSpan.Zero);

    public static SigningKey Key(string name, byte seed = 1) =>
        SigningKey.FromSeed(name, KeyAlgorithm.Ed25519, Enumerable.Repeat(seed, 32).ToArray());

    public static SignedStatement Statement(SigningKey key, long sequence, string body = "body", string type = "declaration") =>
        SignedStatement.Sign(Record.Statements.Statement.Create(type, key.Name, sequence, Issued.AddMinutes(sequence), System.Text.Encoding.UTF8.GetBytes($"{body} {sequence}")), key);

    public static RandomNumberGenerator Random() => RandomNumberGenerator.Create();
}
