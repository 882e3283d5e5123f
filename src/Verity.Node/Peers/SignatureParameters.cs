using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Verity.Node.Peers;

/// <summary>The covered components and signature parameters of one HTTP message signature: the value of one
/// <c>Signature-Input</c> member and of the <c>@signature-params</c> line (RFC 9421 §2.3, §4.1).</summary>
/// <remarks>The parameters keep the order in which they were given or received, because <c>@signature-params</c>
/// is their serialization and the signer's order is what was signed. Component identifiers carry no parameters here
/// (no <c>sf</c>, <c>key</c>, <c>bs</c>, <c>req</c>, <c>tr</c>): peer requests do not need them.</remarks>
public sealed class SignatureParameters
{
    private readonly ImmutableArray<KeyValuePair<string, object>> _parameters;

    private SignatureParameters(ImmutableArray<string> components, ImmutableArray<KeyValuePair<string, object>> parameters)
    {
        Components = components;
        _parameters = parameters;
    }

    /// <summary>The covered component identifiers in order, e.g. <c>@method</c>, <c>content-digest</c>.</summary>
    public ImmutableArray<string> Components { get; }

    /// <summary><c>created</c>: when the signature was made, in seconds since 1970-01-01T00:00:00Z (RFC 9421 §2.3).</summary>
    public long? Created => GetInteger("created");

    /// <summary><c>expires</c>: when the signature stops being valid, in seconds since the epoch (RFC 9421 §2.3).</summary>
    public long? Expires => GetInteger("expires");

    /// <summary><c>nonce</c>: a random value, unique per signature, for replay detection (RFC 9421 §2.3, §7.2.2).</summary>
    public string? Nonce => GetString("nonce");

    /// <summary><c>keyid</c>: which key signed (RFC 9421 §2.3); in Verity <c>NAME+KEYID</c> of the verifier key.</summary>
    public string? KeyId => GetString("keyid");

    /// <summary><c>alg</c>: the signature algorithm (RFC 9421 §2.3, §6.2.2), e.g. <c>ed25519</c>.</summary>
    public string? Algorithm => GetString("alg");

    /// <summary>The name of a parameter that is not of the type RFC 9421 §2.3 gives it, or null.</summary>
    internal string? MistypedParameter => _parameters.FirstOrDefault(p => p.Key switch
    {
        "created" or "expires" => p.Value is not long,
        "nonce" or "alg" or "keyid" or "tag" => p.Value is not string,
        _ => false,
    }).Key;

    /// <summary>Creates parameters in the order RFC 9421's examples use: <c>created</c>, <c>expires</c>, <c>nonce</c>,
    /// <c>keyid</c>, <c>alg</c>; absent ones are left out.</summary>
    /// <exception cref="ArgumentException">A component identifier or a string is empty or not printable ASCII, or a
    /// component is listed twice (RFC 9421 §2.5: each at most once).</exception>
    public static SignatureParameters Create(IEnumerable<string> components, long created, string? keyId,
        string? algorithm = null, string? nonce = null, long? expires = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        var list = components.ToImmutableArray();
        foreach (var component in list)
        {
            if (string.IsNullOrEmpty(component) || component.Any(c => c is < ' ' or > '~' || char.IsAsciiLetterUpper(c)))
            {
                throw new ArgumentException($"'{component}' is not a component identifier: lower-case printable ASCII", nameof(components));
            }
        }

        if (list.Distinct(StringComparer.Ordinal).Count() != list.Length)
        {
            throw new ArgumentException("a component is covered at most once (RFC 9421 §2.5)", nameof(components));
        }

        var parameters = ImmutableArray.CreateBuilder<KeyValuePair<string, object>>();
        parameters.Add(new("created", created));
        if (expires is { } e)
        {
            parameters.Add(new("expires", e));
        }

        Add("nonce", nonce);
        Add("keyid", keyId);
        Add("alg", algorithm);
        var result = new SignatureParameters(list, parameters.ToImmutable());
        _ = result.ToString(); // validates every string as printable ASCII
        return result;

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parameters.Add(new(name, value));
            }
        }
    }

    /// <summary>Finds the member <paramref name="label"/> of a <c>Signature-Input</c> field value (an RFC 8941
    /// dictionary) and reads its inner list and parameters; on failure <paramref name="problem"/> says why.</summary>
    public static bool TryParse(string signatureInput, string label, [NotNullWhen(true)] out SignatureParameters? parameters, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(signatureInput);
        parameters = null;
        if (!StructuredFields.TryParseDictionary(signatureInput, out var members, out var syntax))
        {
            problem = $"Signature-Input is not a structured-field dictionary (RFC 8941 §3.2): {syntax}";
            return false;
        }

        var found = members.FindIndex(m => m.Key == label);
        if (found < 0)
        {
            problem = $"Signature-Input has no signature labelled '{label}' (labels: {string.Join(", ", members.Select(m => m.Key))})";
            return false;
        }

        var member = members[found].Value;
        if (member.InnerList is null)
        {
            problem = $"Signature-Input '{label}' is not an inner list of component identifiers (RFC 9421 §4.1)";
            return false;
        }

        if (member.InnerList.FirstOrDefault(i => i is not string) is { } bad)
        {
            problem = $"Signature-Input '{label}' lists {bad}, which is not a quoted component identifier";
            return false;
        }

        var components = member.InnerList.Cast<string>().ToImmutableArray();
        if (components.Distinct(StringComparer.Ordinal).Count() != components.Length)
        {
            problem = $"Signature-Input '{label}' covers a component twice (RFC 9421 §2.5)";
            return false;
        }

        parameters = new SignatureParameters(components, [.. member.Parameters]);
        if (parameters.MistypedParameter is { } mistyped)
        {
            parameters = null;
            problem = $"Signature-Input '{label}' parameter '{mistyped}' has the wrong type (RFC 9421 §2.3: created and expires are integers, the others strings)";
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>The <c>@signature-params</c> value: the inner list of component identifiers with the parameters,
    /// serialized as RFC 8941 §4.1.1.1 says (RFC 9421 §2.3), e.g.
    /// <c>("@method" "@path");created=1618884473;keyid="test-key-ed25519"</c>.</summary>
    public override string ToString()
    {
        var output = new StringBuilder();
        StructuredFields.SerializeInnerList(output, Components, _parameters);
        return output.ToString();
    }

    private long? GetInteger(string name) =>
        _parameters.FirstOrDefault(p => p.Key == name).Value is long value ? value : null;

    private string? GetString(string name) => _parameters.FirstOrDefault(p => p.Key == name).Value as string;
}
