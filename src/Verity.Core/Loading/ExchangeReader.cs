using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;
using Verity.Core.Counting;
using Verity.Core.Exchanges;
using Verity.Core.Treaties;

namespace Verity.Core.Loading;

/// <summary>
/// Reads a treaty's exchange definition (<c>data/exchanges/*.yaml</c>): the database categories, the warheads and
/// aggregates it gives, and its schedule, checked against the treaty it belongs to.
/// </summary>
/// <remarks>Every problem found is reported, each with file, line, column and field.</remarks>
public static class ExchangeReader
{
    private static readonly string[] TopLevel = ["treaty", "source", "schedule", "aggregates", "warheads", "categories", "facilities"];
    private static readonly HashSet<string> FreeAttributes = new(StringComparer.Ordinal) { "uid", "type", "location" };

    /// <summary>The first-period rules a file may name.</summary>
    public static ImmutableDictionary<string, FirstPeriodRule> FirstPeriodRules { get; } = new Dictionary<string, FirstPeriodRule>(StringComparer.Ordinal)
    {
        ["entry-into-force"] = FirstPeriodRule.EntryIntoForce,
        ["first-day-of-month-after-entry-into-force"] = FirstPeriodRule.FirstDayOfNextMonth,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Reads an exchange definition for <paramref name="treaty"/>.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="source">The file name to put in diagnostics.</param>
    /// <param name="treaty">The treaty whose kinds, statuses, attributes and limits the definition names.</param>
    /// <exception cref="InputException">The text is not a valid exchange definition for the treaty; every problem is listed.</exception>
    public static ExchangeDefinition Parse(string text, string source, Treaty treaty)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(treaty);
        var problems = new List<Diagnostic>();
        var document = YamlDocument.Parse(text, source, problems);
        if (document is null || problems.Count > 0)
        {
            throw new InputException(problems);
        }

        if (document.Root is not JObject)
        {
            throw new InputException(document.At(string.Empty, "expected a mapping with the exchange definition's fields"));
        }

        var definition = new Builder(document, treaty, problems).Build();
        return problems.Count > 0 ? throw new InputException(problems.OrderBy(d => d.Line).ThenBy(d => d.Column)) : definition;
    }

    private sealed class Builder(YamlDocument document, Treaty treaty, List<Diagnostic> problems)
    {
        private readonly JObject _root = (JObject)document.Root;

        public ExchangeDefinition Build()
        {
            Fields(_root, string.Empty, TopLevel, ["treaty", "schedule", "aggregates", "warheads", "categories"]);
            var treatyId = Text(_root, "treaty") ?? string.Empty;
            if (_root["treaty"] is { } t && treatyId != treaty.Id)
            {
                problems.Add(document.At(t, $"the definition is for treaty '{treatyId}', but the treaty read is '{treaty.Id}'"));
            }

            var sourceToken = Object(_root, "source");
            var source = sourceToken is null
                ? new Source("source", treaty.Name, string.Empty, null)
                : BuildSource(sourceToken);

            var schedule = Object(_root, "schedule");
            var initial = schedule is null ? null : Object(schedule, "initial");
            var updates = schedule is null ? null : Object(schedule, "updates");
            if (schedule is not null)
            {
                Fields(schedule, "schedule", ["initial", "updates"], []);
            }

            if (initial is not null)
            {
                Fields(initial, "schedule.initial", ["as_of", "due"], ["as_of", "due"]);
                if (Text(initial, "as_of") is { } asOf && asOf != "entry-into-force")
                {
                    problems.Add(document.At(initial["as_of"]!, $"expected entry-into-force, found \"{asOf}\""));
                }
            }

            if (updates is not null)
            {
                Fields(updates, "schedule.updates", ["period", "first_period_starts", "due"], ["period", "first_period_starts", "due"]);
            }

            var first = FirstPeriodRule.EntryIntoForce;
            if (updates is not null && Text(updates, "first_period_starts") is { } rule && !FirstPeriodRules.TryGetValue(rule, out first))
            {
                problems.Add(document.At(updates["first_period_starts"]!, $"unknown rule \"{rule}\": expected one of {string.Join(", ", FirstPeriodRules.Keys.Order(StringComparer.Ordinal))}"));
            }

            var aggregates = Object(_root, "aggregates");
            if (aggregates is not null)
            {
                Fields(aggregates, "aggregates", ["reference", "limits"], ["limits"]);
            }

            var warheads = Object(_root, "warheads");
            if (warheads is not null)
            {
                Fields(warheads, "warheads", ["reference", "limit", "groups"], ["limit", "groups"]);
            }

            var facilities = Object(_root, "facilities");
            if (facilities is not null)
            {
                Fields(facilities, "facilities", ["reference"], []);
            }

            return new ExchangeDefinition(
                treatyId,
                source,
                PeriodOf(initial, "due"),
                first,
                PeriodOf(updates, "period"),
                PeriodOf(updates, "due"),
                aggregates is null ? null : Text(aggregates, "reference"),
                aggregates is null ? [] : [.. List(aggregates, "limits", "aggregates").Select(Limit)],
                warheads is null ? null : Text(warheads, "reference"),
                warheads?["limit"] is { } l ? Limit(l) : string.Empty,
                warheads is null ? [] : BuildGroups(warheads),
                BuildCategories(),
                facilities is null ? null : Text(facilities, "reference"));
        }

        private Source BuildSource(JObject token)
        {
            Fields(token, "source", ["title", "url", "date"], ["title", "url"]);
            var url = Text(token, "url") ?? string.Empty;
            if (token["url"] is { } u && !url.StartsWith("http://", StringComparison.Ordinal) && !url.StartsWith("https://", StringComparison.Ordinal))
            {
                problems.Add(document.At(u, $"expected an http(s) URL, found \"{url}\""));
            }

            LocalDate? date = null;
            if (token["date"] is { } d)
            {
                var parsed = LocalDatePattern.Iso.Parse(d.ToString());
                if (parsed.Success && !SupportedDates.Contains(parsed.Value))
                {
                    problems.Add(document.At(d, SupportedDates.OutOfRange(parsed.Value)));
                }
                else if (parsed.Success)
                {
                    date = parsed.Value;
                }
                else
                {
                    problems.Add(document.At(d, $"expected a date as YYYY-MM-DD, found \"{d}\""));
                }
            }

            return new Source("source", Text(token, "title") ?? string.Empty, url, date);
        }

        private ImmutableArray<WarheadGroupDefinition> BuildGroups(JObject warheads)
        {
            var groups = List(warheads, "groups", "warheads").ToList();
            var result = ImmutableArray.CreateBuilder<WarheadGroupDefinition>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var token in groups)
            {
                if (token is not JObject group)
                {
                    problems.Add(document.At(token, "expected a mapping with id, name, where and by_base"));
                    continue;
                }

                Fields(group, group.Path, ["id", "name", "where", "by_base"], ["id", "name", "where"]);
                var id = Text(group, "id") ?? string.Empty;
                if (group["id"] is { } i && !seen.Add(id))
                {
                    problems.Add(document.At(i, $"'{id}' is defined twice"));
                }

                var byBase = false;
                if (group["by_base"] is { } b)
                {
                    if (b.Type == JTokenType.Boolean)
                    {
                        byBase = b.Value<bool>();
                    }
                    else
                    {
                        problems.Add(document.At(b, $"expected true or false, found \"{b}\""));
                    }
                }

                result.Add(new WarheadGroupDefinition(id, Text(group, "name") ?? id, Where(group), byBase));
            }

            return result.ToImmutable();
        }

        private ImmutableArray<CategoryDefinition> BuildCategories()
        {
            var result = ImmutableArray.CreateBuilder<CategoryDefinition>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var token in List(_root, "categories", string.Empty))
            {
                if (token is not JObject category)
                {
                    problems.Add(document.At(token, "expected a mapping with id, name, reference, where and detail"));
                    continue;
                }

                Fields(category, category.Path, ["id", "name", "names", "reference", "where", "detail", "held_in"], ["id", "name", "where", "detail"]);
                var id = Text(category, "id") ?? string.Empty;
                if (category["id"] is { } i && !seen.Add(id))
                {
                    problems.Add(document.At(i, $"'{id}' is defined twice"));
                }

                var detail = CategoryDetail.Items;
                switch (Text(category, "detail"))
                {
                    case "items" or null:
                        break;
                    case "locations":
                        detail = CategoryDetail.Locations;
                        break;
                    case var other:
                        problems.Add(document.At(category["detail"]!, $"expected one of items, locations, found \"{other}\""));
                        break;
                }

                result.Add(new CategoryDefinition(id, Text(category, "name") ?? id, Text(category, "reference"), Where(category), detail, Text(category, "held_in")) { Names = Names(category) });
            }

            foreach (var (definition, token) in result.Zip(List(_root, "categories", string.Empty).OfType<JObject>()))
            {
                if (definition.HeldIn is { } holder && !seen.Contains(holder))
                {
                    problems.Add(document.At(token["held_in"]!, $"unknown category '{holder}': held_in names a category of this file"));
                }
            }

            return result.ToImmutable();
        }

        /// <summary>A category's names in other languages (<c>names: {ru: …}</c>): each a language the treaty file
        /// declares under <c>translations</c>, so that what its names rest on is said there.</summary>
        private ImmutableDictionary<string, string> Names(JObject category)
        {
            var names = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
            switch (category["names"])
            {
                case null:
                    return names;
                case JObject given:
                    foreach (var property in given.Properties())
                    {
                        if (!treaty.Translations.ContainsKey(property.Name))
                        {
                            problems.Add(document.At(property, $"names in '{property.Name}', a language {treaty.Name} does not declare: its translations are {(treaty.Translations.IsEmpty ? "none" : string.Join(", ", treaty.Translations.Keys.Order(StringComparer.Ordinal)))}"));
                        }
                        else if (property.Value is not JValue { Type: JTokenType.String } value || string.IsNullOrWhiteSpace((string?)value))
                        {
                            problems.Add(document.At(property.Value, $"the name in '{property.Name}' is not text: give the category's name in that language"));
                        }
                        else
                        {
                            names = names.SetItem(property.Name, (string)value!);
                        }
                    }

                    return names;
                case var other:
                    problems.Add(document.At(other, "expected a mapping of language codes to names, such as { ru: \"Развёрнутые МБР\" }"));
                    return names;
            }
        }

        private ImmutableArray<Condition> Where(JObject owner)
        {
            if (owner["where"] is not { } token)
            {
                return [];
            }

            if (token is not JObject where)
            {
                problems.Add(document.At(token, "expected a mapping of attribute to values, such as { kind: [icbm], status: [deployed] }"));
                return [];
            }

            var conditions = ImmutableArray.CreateBuilder<Condition>();
            foreach (var property in where.Properties())
            {
                var negated = property.Value is JObject;
                var values = negated ? property.Value["not"] : property.Value;
                if (values is not JArray array || array.Any(v => v.Type != JTokenType.String) || (negated && ((JObject)property.Value).Count != 1))
                {
                    problems.Add(document.At(property.Value, $"{property.Name}: expected a list of values, or {{ not: [values] }}"));
                    continue;
                }

                CheckValues(property.Name, array);
                conditions.Add(new Condition(property.Name, [.. array.Select(v => v.Value<string>()!)], negated));
            }

            return conditions.ToImmutable();
        }

        private void CheckValues(string attribute, JArray values)
        {
            IEnumerable<string>? allowed = attribute switch
            {
                "kind" => treaty.ItemKinds.Select(k => k.Id),
                "status" => treaty.Statuses.Select(s => s.Id),
                "party" => treaty.Parties.Select(p => p.Code.Value),
                _ when FreeAttributes.Contains(attribute) => null,
                _ => treaty.Attributes.FirstOrDefault(a => a.Id == attribute) is { } definition
                    ? (definition.Values.IsEmpty ? null : definition.Values)
                    : [],
            };
            if (allowed is not null && !allowed.Any() && attribute is not ("kind" or "status" or "party"))
            {
                problems.Add(document.At(values, $"unknown attribute '{attribute}': filter on kind, type, status, party, location, uid or an attribute {treaty.Name} defines"));
                return;
            }

            var known = allowed?.ToHashSet(StringComparer.Ordinal);
            foreach (var value in values)
            {
                var text = value.Value<string>()!;
                if (known is not null && !known.Contains(text))
                {
                    problems.Add(document.At(value, $"unknown {attribute} '{text}': {treaty.Name} has {string.Join(", ", known.Order(StringComparer.Ordinal))}"));
                }
            }
        }

        private string Limit(JToken token)
        {
            var id = token.Type == JTokenType.String ? token.Value<string>()! : token.ToString();
            if (treaty.FindLimit(id) is null)
            {
                problems.Add(document.At(token, $"unknown limit '{id}': {treaty.Name}'s limits are {string.Join(", ", treaty.Limits.Select(l => l.Id))}"));
            }

            return id;
        }

        private void Fields(JObject owner, string path, string[] known, string[] required)
        {
            foreach (var property in owner.Properties().Where(p => !known.Contains(p.Name)))
            {
                problems.Add(document.AtKey(property.Value.Path, $"unknown field '{property.Name}': expected {string.Join(", ", known)}"));
            }

            foreach (var name in required.Where(r => owner[r] is null))
            {
                problems.Add(document.At(path, $"missing required field '{name}'"));
            }
        }

        private JObject? Object(JObject owner, string name)
        {
            switch (owner[name])
            {
                case JObject value:
                    return value;
                case null:
                    // A missing required mapping is reported by Fields.
                    return null;
                case var other:
                    problems.Add(document.At(other, "expected a mapping"));
                    return null;
            }
        }

        private JArray List(JObject owner, string name, string path)
        {
            switch (owner[name])
            {
                case JArray array when array.Count > 0:
                    return array;
                case null:
                    return [];
                case var other:
                    problems.Add(document.At(other, $"{(path.Length > 0 ? path + "." : string.Empty)}{name}: expected a non-empty list"));
                    return [];
            }
        }

        private string? Text(JObject owner, string name)
        {
            switch (owner[name])
            {
                case null:
                    return null;
                case JValue { Type: JTokenType.String } value:
                    return value.Value<string>();
                case var other:
                    problems.Add(document.At(other, $"expected text, found {other.ToString(Newtonsoft.Json.Formatting.None)}"));
                    return null;
            }
        }

        private Period PeriodOf(JObject? owner, string name)
        {
            if (owner?[name] is not { } token)
            {
                return Period.Zero;
            }

            var result = PeriodPattern.Roundtrip.Parse(token.ToString());
            var origin = new LocalDate(2000, 1, 1);
            if (result.Success && !SupportedDates.Spans(result.Value))
            {
                problems.Add(document.At(token, SupportedDates.TooLong(result.Value)));
                return Period.Zero;
            }

            if (!result.Success || result.Value.HasTimeComponent || origin.Plus(result.Value) <= origin)
            {
                problems.Add(document.At(token, $"expected an ISO 8601 period of days, months or years such as P6M or P30D, found \"{token}\""));
                return Period.Zero;
            }

            return result.Value;
        }
    }
}
