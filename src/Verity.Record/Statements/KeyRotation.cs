using System.Diagnostics.CodeAnalysis;
using System.Text;
using Verity.Record.Keys;
using Verity.Record.Storage;

namespace Verity.Record.Statements;

/// <summary>
/// Key rotation as a signed statement: a statement of type <c>key-rotation</c> whose body is the party's new verifier
/// key (<c>NAME+KEYID+BASE64</c>), signed with the key it replaces. From the next entry on, the party's statements
/// must be signed with the new key; the old one is retired.
/// </summary>
public static class KeyRotation
{
    /// <summary>The statement type.</summary>
    public const string Type = "key-rotation";

    /// <summary>The rotation statement of <paramref name="party"/> naming <paramref name="next"/> as its key from now on.</summary>
    /// <exception cref="ArgumentException">The new key is another party's.</exception>
    public static Statement Create(string party, long sequence, DateTimeOffset issued, VerifierKey next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.Name != party)
        {
            throw new ArgumentException($"the new key is named {next.Name}; a rotation of {party}'s key must name a key of {party}", nameof(next));
        }

        return Statement.Create(Type, party, sequence, issued, Encoding.ASCII.GetBytes(next.ToString()));
    }

    /// <summary>Reads the new key from a rotation statement.</summary>
    public static bool TryReadNewKey(Statement statement, [NotNullWhen(true)] out VerifierKey? next, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(statement);
        next = null;
        if (statement.Type != Type)
        {
            problem = $"a {statement.Type} statement is not a key rotation";
            return false;
        }

        var text = Encoding.ASCII.GetString(statement.Body.Span).Trim();
        if (!VerifierKey.TryParse(text, out next, out var keyProblem))
        {
            problem = $"the rotation's new key does not parse: {keyProblem}";
            return false;
        }

        if (next.Name != statement.Party)
        {
            problem = $"the rotation names a key of {next.Name}, not of {statement.Party}";
            next = null;
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>
    /// The party's key named by the last key rotation in a log, or <c>null</c> when the party never rotated its key
    /// there (its first key is then in force). Reads the whole log.
    /// </summary>
    public static async Task<VerifierKey?> KeyInForceAsync(ILogStore store, string party, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        const int Chunk = 10_000;
        VerifierKey? inForce = null;
        var size = await store.GetSizeAsync(cancellationToken).ConfigureAwait(false);
        for (long start = 0; start < size; start += Chunk)
        {
            var entries = await store.ReadEntriesAsync(start, (int)Math.Min(Chunk, size - start), cancellationToken).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                if (SignedStatement.TryParse(entry.Data, out var statement, out _)
                    && statement.Statement.Party == party
                    && statement.Statement.Type == Type
                    && TryReadNewKey(statement.Statement, out var next, out _))
                {
                    inForce = next;
                }
            }
        }

        return inForce;
    }
}
