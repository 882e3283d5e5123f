using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using Verity.Core.Forces;

namespace Verity.Core.Loading;

/// <summary>
/// Reads a source precedence (<c>data/forces/precedence.yaml</c>): named rules, an order of them per measure with a
/// default, and the vintage window. Every problem is reported with file, line, column and field.
/// </summary>
/// <remarks>
/// The file:
/// <code>
/// vintage_days: 92
/// rules:
///   - { id: declared, basis: [declared] }
///   - { id: fas, basis: [estimate], hosts: [fas.org] }
///   - { id: sipri, basis: [estimate], hosts: [sipri.org], prefixes: ["https://trt.global/"] }
/// order:
///   default: [declared, fas, sipri]
///   launchers:*: [declared, fas]
/// </code>
/// At most <see cref="MaxChars"/> characters; the window is 0 to 3,660 days.
/// </remarks>
public static class PrecedenceReader
{
    /// <summary>The most characters a file may have.</summary>
    public const int MaxChars = 1024 * 1024;

    private static readonly string[] TopFields = ["vintage_days", "rules", "order"];
    private static readonly string[] RuleFields = ["id", "basis", "hosts", "prefixes", "text"];

    /// <summary>Reads a precedence.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="source">The file name for diagnostics.</param>
    /// <exception cref="InputException">The file has problems; nothing of it is returned.</exception>
    public static Precedence Parse(string text, string source)
    {
        var (document, root) = YamlDocument.ParseMapping(text, source, MaxChars, "expected a mapping with vintage_days, rules and order");
        var problems = new List<Diagnostic>();
        Unknown(document, root, TopFields, problems);
        var vintage = 0;
        var days = root["vintage_days"];
        if (days is null)
        {
            problems.Add(document.At(string.Empty, "vintage_days: missing: give the window, in days, within which figures of nearby dates compete (0 for the same date only)"));
        }
        else if (days.Type != JTokenType.Integer || (long)days < 0 || (long)days > 3660)
        {
            problems.Add(document.At(days, $"expected a whole number of days from 0 to 3660, found {days}"));
        }
        else
        {
            vintage = (int)(long)days;
        }

        var rules = new Dictionary<string, PrecedenceRule>(StringComparer.Ordinal);
        var mentioned = new HashSet<string>(StringComparer.Ordinal); // ids of rules with problems of their own: no second diagnostic in the orders
        if (root["rules"] is not JArray ruleArray || ruleArray.Count == 0)
        {
            problems.Add(document.At(root["rules"]?.Path ?? string.Empty, "rules: expected a list of rules, each with an id and a basis"));
        }
        else
        {
            foreach (var token in ruleArray)
            {
                // A rule that is not a mapping (a bare word) has no id: Rule names it.
                if (token is JObject && token["id"] is { Type: JTokenType.String } named)
                {
                    mentioned.Add((string)named!);
                }

                if (Rule(document, token, problems) is { } rule && !rules.TryAdd(rule.Id, rule))
                {
                    problems.Add(document.At(token["id"]!, $"duplicate rule id '{rule.Id}'"));
                }
            }
        }

        var orders = ImmutableDictionary.CreateBuilder<string, ImmutableArray<PrecedenceRule>>(StringComparer.Ordinal);
        ImmutableArray<PrecedenceRule> defaultOrder = [];
        if (root["order"] is not JObject order)
        {
            problems.Add(document.At(root["order"]?.Path ?? string.Empty, "order: expected a mapping of measure to a list of rule ids, with a default"));
        }
        else
        {
            if (order["default"] is null)
            {
                problems.Add(document.At(order.Path, "order.default: missing: the order for measures without their own"));
            }

            foreach (var (name, list) in order)
            {
                var path = $"order.{name}";
                if (name != "default" && !IsMeasureKey(name))
                {
                    problems.Add(document.AtKey(path, $"unknown measure '{name}': {ForceMeasure.Expected}, or a prefix with a star such as launchers:*"));
                    continue;
                }

                if (list is not JArray ids || ids.Count == 0)
                {
                    problems.Add(document.At(path, "expected a non-empty list of rule ids"));
                    continue;
                }

                var seen = new HashSet<string>(StringComparer.Ordinal);
                var built = ImmutableArray.CreateBuilder<PrecedenceRule>();
                for (var i = 0; i < ids.Count; i++)
                {
                    var id = ids[i];
                    var word = id.Type == JTokenType.String ? (string)id! : id.ToString();
                    if (!rules.TryGetValue(word, out var rule))
                    {
                        if (mentioned.Contains(word))
                        {
                            continue;
                        }

                        problems.Add(document.At($"{path}[{i}]", $"unknown rule '{word}': expected one of {string.Join(", ", rules.Keys)}"));
                    }
                    else if (!seen.Add(word))
                    {
                        problems.Add(document.At($"{path}[{i}]", $"rule '{word}' appears twice in this order"));
                    }
                    else
                    {
                        built.Add(rule);
                    }
                }

                if (name == "default")
                {
                    defaultOrder = built.ToImmutable();
                }
                else
                {
                    orders[name] = built.ToImmutable();
                }
            }
        }

        return problems.Count > 0 ? throw new InputException(problems) : new Precedence(source, vintage, defaultOrder, orders.ToImmutable());
    }

    private static PrecedenceRule? Rule(YamlDocument document, JToken token, List<Diagnostic> problems)
    {
        if (token is not JObject rule)
        {
            problems.Add(document.At(token, "expected a rule: a mapping with id and basis"));
            return null;
        }

        var before = problems.Count;
        Unknown(document, rule, RuleFields, problems);
        var id = rule["id"] is { Type: JTokenType.String } idToken ? (string)idToken! : null;
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(document.At(rule["id"]?.Path ?? rule.Path, "id: expected the rule's name, such as fas"));
        }

        var bases = ImmutableArray.CreateBuilder<EstimateBasis>();
        if (rule["basis"] is not JArray basisArray || basisArray.Count == 0)
        {
            problems.Add(document.At(rule["basis"]?.Path ?? rule.Path, $"basis: expected a non-empty list of {string.Join(", ", EstimatesReader.BasisWords)}"));
        }
        else
        {
            foreach (var word in basisArray)
            {
                if (EstimatesReader.TryParseBasis(word.Type == JTokenType.String ? (string)word! : null, out var basis))
                {
                    bases.Add(basis);
                }
                else
                {
                    problems.Add(document.At(word, $"unknown basis '{word}': expected one of {string.Join(", ", EstimatesReader.BasisWords)}"));
                }
            }
        }

        var hosts = Strings(document, rule, "hosts", problems, h => Uri.CheckHostName(h) == UriHostNameType.Dns ? null : $"'{h}' is not a host name such as fas.org");
        var prefixes = Strings(document, rule, "prefixes", problems, p =>
            Uri.TryCreate(p, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? null : $"'{p}' is not an absolute http or https URL");
        return problems.Count > before ? null : new PrecedenceRule(id!, bases.ToImmutable(), hosts, prefixes);
    }

    private static ImmutableArray<string> Strings(YamlDocument document, JObject rule, string field, List<Diagnostic> problems, Func<string, string?> check)
    {
        if (rule[field] is not { } token)
        {
            return [];
        }

        if (token is not JArray array)
        {
            problems.Add(document.At(token, $"expected a list of {field}"));
            return [];
        }

        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var item in array)
        {
            var text = item.Type == JTokenType.String ? (string)item! : null;
            if (text is null || check(text) is { } message)
            {
                problems.Add(document.At(item, text is null ? $"expected a string, found {item}" : check(text)!));
                continue;
            }

            result.Add(text);
        }

        return result.ToImmutable();
    }

    private static bool IsMeasureKey(string name) =>
        ForceMeasure.TryParse(name, out _)
        || (name.EndsWith(":*", StringComparison.Ordinal) && ForceMeasure.SystemPrefixes.Contains(name[..^2]));

    private static void Unknown(YamlDocument document, JObject mapping, string[] known, List<Diagnostic> problems)
    {
        foreach (var property in mapping.Properties().Where(p => !known.Contains(p.Name)))
        {
            problems.Add(document.AtKey(property.Value.Path, $"unknown field '{property.Name}': expected one of {string.Join(", ", known)}"));
        }
    }
}
