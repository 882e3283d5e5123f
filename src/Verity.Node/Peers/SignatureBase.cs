using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Verity.Node.Peers;

/// <summary>The signature base of RFC 9421 §2.5: the exact text that is signed and verified. Pure: the message's
/// component values come in through a function, so it is built and tested without a server.</summary>
/// <remarks>
/// For each covered component, in the order of <see cref="SignatureParameters.Components"/>, one line
/// <c>"name": value</c> and a LF; then the last line <c>"@signature-params": </c> followed by the serialized
/// parameters, with no LF after it. A value holding a CR or LF, or a component the message lacks, fails the base
/// (RFC 9421 §2.5 steps 2.3 and 2.4).
/// <code>
/// "@method": POST
/// "@authority": node.example:8443
/// "@path": /peer/entries
/// "@query": ?
/// "content-digest": sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:
/// "@signature-params": ("@method" "@authority" "@path" "@query" "content-digest");created=1700000000;nonce="…";keyid="US+1a2b3c4d";alg="ed25519"
/// </code>
/// </remarks>
public static class SignatureBase
{
    /// <summary>Builds the signature base; <paramref name="componentValue"/> gives the value of a component
    /// identifier (already canonical, RFC 9421 §2.1 and §2.2) or null if the message lacks it.</summary>
    public static bool TryCreate(SignatureParameters parameters, Func<string, string?> componentValue,
        [NotNullWhen(true)] out string? signatureBase, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(componentValue);
        var output = new StringBuilder();
        foreach (var component in parameters.Components)
        {
            if (component == "@signature-params")
            {
                // RFC 9421 §2.3: @signature-params is not listed among the covered components.
                signatureBase = null;
                problem = "\"@signature-params\" is listed as a covered component";
                return false;
            }

            var value = componentValue(component);
            if (value is null)
            {
                signatureBase = null;
                problem = $"covered component \"{component}\" is not in the message";
                return false;
            }

            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                signatureBase = null;
                problem = $"covered component \"{component}\" holds a line break";
                return false;
            }

            StructuredFields.SerializeString(output, component);
            output.Append(": ").Append(value).Append('\n');
        }

        output.Append("\"@signature-params\": ").Append(parameters);
        signatureBase = output.ToString();
        problem = null;
        return true;
    }

    /// <summary>Builds the signature base.</summary>
    /// <exception cref="ArgumentException">A covered component is missing or holds a line break.</exception>
    public static string Create(SignatureParameters parameters, Func<string, string?> componentValue) =>
        TryCreate(parameters, componentValue, out var signatureBase, out var problem) ? signatureBase
            : throw new ArgumentException(problem, nameof(componentValue));
}
