using System.Collections.Immutable;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;
using Verity.Core.Exchanges;
using Verity.Core.Treaties;

namespace Verity.Core.Loading;

/// <summary>
/// Reads a database back from its canonical JSON form (<see cref="Database.ToJson"/>), as another party handed it
/// over, and checks it against the treaty and the exchange definition: a known party, every category of the
/// definition, counts that agree with the items listed and the numbers by location, valid dates, kinds and
/// statuses the treaty knows, no uid listed twice in a category. One problem anywhere rejects the whole file, with
/// the JSON path named.
/// </summary>
/// <remarks>
/// Items, locations and facilities are put in canonical order, so <see cref="Database.Hash"/> of the result is the
/// hash of the canonical form even when the file's order differs; for a file <see cref="Database.ToJson"/> wrote,
/// the hash is that of the file.
/// </remarks>
public static class DatabaseReader
{
    /// <summary>
    /// The largest count a database holds in any field, 1,000,000,000: far above any force ever fielded, and low enough
    /// that no sum of a file's counts can overflow.
    /// </summary>
    public const long MaxCount = 1_000_000_000;

    private static readonly string CountExpected = $"expected a whole number from 0 to {MaxCount.ToString("N0", CultureInfo.InvariantCulture)}";

    /// <summary>Reads and checks one database.</summary>
    /// <param name="json">The JSON text: one database object.</param>
    /// <param name="source">The file name for diagnostics.</param>
    /// <param name="definition">The exchange definition whose categories the database follows.</param>
    /// <param name="treaty">The treaty (parties, item kinds, statuses, limits).</param>
    /// <exception cref="InputException">The file has a problem; nothing is returned.</exception>
    public static Database Parse(string json, string source, ExchangeDefinition definition, Treaty treaty)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(treaty);
        // Every number in a database is a count.
        var root = JsonInput.Load(json, source, "the database object", FloatParseHandling.Decimal, _ => CountExpected);
        if (root is not JObject obj)
        {
            throw new InputException(At(source, root, string.Empty, $"expected a database (a JSON object), found {Describe(root)}"));
        }

        var reading = new Reading(source, treaty, definition);
        var database = reading.Read(obj);
        if (reading.Unnamed > 0)
        {
            reading.Problems.Add(new Diagnostic(source, 0, 0, string.Empty, $"and {reading.Unnamed.ToString("N0", CultureInfo.InvariantCulture)} more problems"));
        }

        return reading.Problems.Count > 0 || database is null ? throw new InputException(reading.Problems) : database;
    }

    private static Diagnostic At(string source, JToken token, string path, string message)
    {
        var info = (IJsonLineInfo)token;
        return new Diagnostic(source, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0, path, message);
    }

    private static string Describe(JToken? token) => token?.Type switch
    {
        null => "nothing",
        JTokenType.String => $"\"{token}\"",
        JTokenType.Null => "null",
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        _ => token.ToString(Formatting.None),
    };

    private sealed class Reading(string source, Treaty treaty, ExchangeDefinition definition)
    {
        public List<Diagnostic> Problems { get; } = [];

        /// <summary>Problems found beyond the first <see cref="JsonInput.MaxNamed"/>, counted only.</summary>
        public int Unnamed { get; private set; }

        /// <summary>Every problem found so far, named or counted.</summary>
        public int Found => Problems.Count + Unnamed;

        public Database? Read(JObject root)
        {
            Fields(root, "aggregates", "as_of", "categories", "facilities", "party", "treaty", "warheads");
            var treatyId = Text(root, "treaty");
            if (treatyId is not null && treatyId != treaty.Id)
            {
                Problem(root["treaty"]!, $"database of treaty '{treatyId}', expected '{treaty.Id}'");
            }

            var party = Party(root);
            var asOf = Date(root, "as_of");
            var aggregates = List(root, "aggregates", Aggregate);
            var categories = Categories(root);
            var facilities = List(root, "facilities", Facility);
            var warheads = Object(root, "warheads") is { } w ? Warheads(w) : null;
            if (Found > 0 || party is null || asOf is null || aggregates is null || categories is null || facilities is null || warheads is null)
            {
                return null;
            }

            return Database.FromParts(
                treaty.Id,
                party.Value,
                asOf.Value,
                aggregates.Value,
                warheads,
                categories.Value,
                [.. facilities.Value.OrderBy(f => f.Location, StringComparer.Ordinal)]);
        }

        private PartyCode? Party(JObject root)
        {
            var text = Text(root, "party");
            if (text is null)
            {
                return null;
            }

            if (!PartyCode.TryParse(text, out var code) || !treaty.HasParty(code))
            {
                Problem(root["party"]!, $"unknown party '{text}': {treaty.Name} has {string.Join(", ", treaty.Parties.Select(p => p.Code.Value))}");
                return null;
            }

            return code;
        }

        private AggregateValue? Aggregate(JObject obj)
        {
            Fields(obj, "article", "limit", "name", "value");
            var limit = Text(obj, "limit");
            if (limit is not null && !definition.AggregateLimits.Contains(limit))
            {
                Problem(obj["limit"]!, $"unknown aggregate '{limit}': the definition's aggregates are {string.Join(", ", definition.AggregateLimits)}");
            }

            var name = Text(obj, "name");
            var article = Text(obj, "article", optional: true);
            var value = Count(obj, "value");
            return limit is null || name is null || value is null ? null : new AggregateValue(limit, name, article, value.Value);
        }

        private ImmutableArray<DatabaseCategory>? Categories(JObject root)
        {
            if (Array(root, "categories") is not { } array)
            {
                return null;
            }

            var read = new Dictionary<string, (DatabaseCategory? Category, JToken Token)>(StringComparer.Ordinal);
            foreach (var element in array)
            {
                if (element is not JObject obj)
                {
                    Problem(element, $"expected a category (a JSON object), found {Describe(element)}");
                    continue;
                }

                var id = Text(obj, "id");
                if (id is null)
                {
                    continue;
                }

                var category = definition.Categories.FirstOrDefault(c => c.Id == id);
                if (category is null)
                {
                    Problem(obj["id"]!, $"unknown category '{id}': the definition's categories are {string.Join(", ", definition.Categories.Select(c => c.Id))}");
                    continue;
                }

                if (read.ContainsKey(id))
                {
                    Problem(obj["id"]!, $"category '{id}' is given twice");
                    continue;
                }

                read[id] = (Category(obj, category), obj);
            }

            foreach (var missing in definition.Categories.Where(c => !read.ContainsKey(c.Id)))
            {
                Problem(array, $"missing category '{missing.Id}' ({missing.Name}): the definition has {definition.Categories.Length} categories, the file {array.Count}");
            }

            return read.Values.Any(r => r.Category is null) || read.Count != definition.Categories.Length
                ? null
                : [.. definition.Categories.Select(c => read[c.Id].Category!)];
        }

        private DatabaseCategory? Category(JObject obj, CategoryDefinition category)
        {
            var detail = category.Detail == CategoryDetail.Items ? "items" : "locations";
            if (category.Detail == CategoryDetail.Items)
            {
                Fields(obj, "by_location", "count", "detail", "id", "items", "name", "reference");
            }
            else
            {
                Fields(obj, "by_location", "count", "detail", "id", "name", "reference");
            }

            var before = Found;
            var given = Text(obj, "detail");
            if (given is not null && given != detail)
            {
                Problem(obj["detail"]!, $"detail '{given}' for category '{category.Id}', expected '{detail}'");
            }

            var name = Text(obj, "name");
            var reference = Text(obj, "reference", optional: true);
            var count = Count(obj, "count");
            var byLocation = Counts(obj, "by_location");
            var items = category.Detail == CategoryDetail.Items ? List(obj, "items", Item) : [];
            if (items is { } listed)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var array = (JArray?)obj["items"];
                for (var i = 0; i < listed.Length; i++)
                {
                    if (!seen.Add(listed[i].Uid))
                    {
                        Problem(array![i]["uid"]!, $"uid '{listed[i].Uid}' is listed twice in category '{category.Id}'");
                    }
                }
            }

            if (count is { } n && byLocation is { } locations && locations.Sum(l => l.Count) is var sum && sum != n)
            {
                Problem(obj["count"]!, $"count {n} of category '{category.Id}' does not match its numbers by location, which add up to {sum}");
            }

            if (count is { } c && category.Detail == CategoryDetail.Items && items is { } all && all.Length != c)
            {
                Problem(obj["count"]!, $"count {c} of category '{category.Id}' does not match its {all.Length} listed item(s)");
            }

            return Found > before || name is null || count is null || byLocation is null || items is null
                ? null
                : new DatabaseCategory(category.Id, name, reference, category.Detail, count.Value, byLocation.Value, [.. items.Value.OrderBy(i => i.Uid, StringComparer.Ordinal)]);
        }

        private DatabaseItem? Item(JObject obj)
        {
            Fields(obj, "kind", "location", "status", "type", "uid", "warheads");
            var uid = Text(obj, "uid");
            var kind = Known(obj, "kind", treaty.ItemKinds, "item kind");
            var type = Text(obj, "type");
            var status = Known(obj, "status", treaty.Statuses, "status");
            var location = Text(obj, "location");
            var warheads = Count(obj, "warheads");
            if (warheads > int.MaxValue)
            {
                Problem(obj["warheads"]!, $"{warheads} warheads on one item is more than {int.MaxValue}");
                return null;
            }

            return uid is null || kind is null || type is null || status is null || location is null || warheads is null
                ? null
                : new DatabaseItem(uid, kind, type, status, location, (int)warheads.Value);
        }

        private Facility? Facility(JObject obj)
        {
            Fields(obj, "holdings", "location");
            var location = Text(obj, "location");
            var holdings = List(obj, "holdings", h =>
            {
                Fields(h, "count", "kind", "status");
                var kind = Known(h, "kind", treaty.ItemKinds, "item kind");
                var status = Known(h, "status", treaty.Statuses, "status");
                var count = Count(h, "count");
                return kind is null || status is null || count is null ? null : new FacilityHolding(kind, status, count.Value);
            });
            return location is null || holdings is null
                ? null
                : new Facility(location, [.. holdings.Value.OrderBy(h => h.Kind, StringComparer.Ordinal).ThenBy(h => h.Status, StringComparer.Ordinal)]);
        }

        private DatabaseWarheads? Warheads(JObject obj)
        {
            Fields(obj, "groups", "limit", "reference", "total", "unassigned");
            var before = Found;
            var limit = Text(obj, "limit");
            if (limit is not null && limit != definition.WarheadsLimit)
            {
                Problem(obj["limit"]!, $"warheads counted under limit '{limit}', expected '{definition.WarheadsLimit}'");
            }

            var reference = Text(obj, "reference", optional: true);
            var total = Count(obj, "total");
            var unassigned = Count(obj, "unassigned");
            var groups = List(obj, "groups", g =>
            {
                Fields(g, "by_base", "id", "name", "total");
                var id = Text(g, "id");
                var name = Text(g, "name");
                var groupTotal = Count(g, "total");
                var byBase = Counts(g, "by_base");
                var known = definition.WarheadGroups.FirstOrDefault(d => d.Id == id);
                if (id is not null && known is null)
                {
                    Problem(g["id"]!, $"unknown warhead group '{id}': the definition's groups are {string.Join(", ", definition.WarheadGroups.Select(d => d.Id))}");
                }
                else if (known is { ByBase: true } && groupTotal is { } t && byBase is { } b && b.Sum(x => x.Count) is var sum && sum != t)
                {
                    Problem(g["total"]!, $"total {t} of warhead group '{id}' does not match its numbers by base, which add up to {sum}");
                }

                return id is null || name is null || groupTotal is null || byBase is null ? null : new WarheadGroup(id, name, groupTotal.Value, byBase.Value);
            });
            if (groups is { } all)
            {
                var expected = definition.WarheadGroups.Select(d => d.Id).ToList();
                if (!all.Select(g => g.Id).SequenceEqual(expected, StringComparer.Ordinal))
                {
                    Problem(obj["groups"]!, $"warhead groups {string.Join(", ", all.Select(g => g.Id))}, expected {string.Join(", ", expected)}");
                }
                else if (total is { } t && unassigned is { } u && all.Sum(g => g.Total) + u is var sum && sum != t)
                {
                    Problem(obj["total"]!, $"warheads total {t} does not match its groups and unassigned, which add up to {sum}");
                }
            }

            return Found > before || limit is null || total is null || unassigned is null || groups is null
                ? null
                : new DatabaseWarheads(reference, limit, total.Value, groups.Value, unassigned.Value);
        }

        private ImmutableArray<LocationCount>? Counts(JObject obj, string field)
        {
            if (Object(obj, field) is not { } counts)
            {
                return null;
            }

            var result = ImmutableArray.CreateBuilder<LocationCount>();
            var valid = true;
            foreach (var property in counts.Properties())
            {
                if (property.Value is not JValue { Value: long value } || value is < 0 or > MaxCount)
                {
                    Problem(property.Value, $"{CountExpected}, found {Describe(property.Value)}");
                    valid = false;
                    continue;
                }

                result.Add(new LocationCount(property.Name, value));
            }

            // Numbers that cannot be read are not added up: the category's count is not compared with a partial sum.
            return valid ? [.. result.OrderBy(c => c.Location, StringComparer.Ordinal)] : null;
        }

        private ImmutableArray<T>? List<T>(JObject obj, string field, Func<JObject, T?> read)
            where T : class
        {
            if (Array(obj, field) is not { } array)
            {
                return null;
            }

            var before = Found;
            var result = ImmutableArray.CreateBuilder<T>();
            foreach (var element in array)
            {
                if (element is not JObject child)
                {
                    Problem(element, $"expected a JSON object, found {Describe(element)}");
                    continue;
                }

                if (read(child) is { } value)
                {
                    result.Add(value);
                }
            }

            return Found > before ? null : result.ToImmutable();
        }

        private JArray? Array(JObject obj, string field) => Typed<JArray>(obj, field, "an array");

        private JObject? Object(JObject obj, string field) => Typed<JObject>(obj, field, "an object");

        private T? Typed<T>(JObject obj, string field, string expected)
            where T : JToken
        {
            var token = obj[field];
            if (token is T typed)
            {
                return typed;
            }

            Problem(token ?? obj, token is null ? $"missing field '{field}'" : $"expected {expected}, found {Describe(token)}", token is null ? Join(obj.Path, field) : null);
            return null;
        }

        private string? Text(JObject obj, string field, bool optional = false)
        {
            var token = obj[field];
            if (token?.Type == JTokenType.String && token.Value<string>() is { Length: > 0 } text)
            {
                return text;
            }

            if (optional && token?.Type == JTokenType.Null)
            {
                return null;
            }

            Problem(token ?? obj, token is null ? $"missing field '{field}'" : $"expected non-empty text{(optional ? " or null" : string.Empty)}, found {Describe(token)}", token is null ? Join(obj.Path, field) : null);
            return null;
        }

        private string? Known(JObject obj, string field, ImmutableArray<VocabularyEntry> vocabulary, string what)
        {
            var text = Text(obj, field);
            if (text is not null && !vocabulary.Any(v => v.Id == text))
            {
                Problem(obj[field]!, $"unknown {what} '{text}': {treaty.Name} has {string.Join(", ", vocabulary.Select(v => v.Id))}");
                return null;
            }

            return text;
        }

        private long? Count(JObject obj, string field)
        {
            var token = obj[field];
            if (token is JValue { Value: long value } && value is >= 0 and <= MaxCount)
            {
                return value;
            }

            Problem(token ?? obj, token is null ? $"missing field '{field}'" : $"{CountExpected}, found {Describe(token)}", token is null ? Join(obj.Path, field) : null);
            return null;
        }

        private LocalDate? Date(JObject obj, string field)
        {
            var text = Text(obj, field);
            if (text is null)
            {
                return null;
            }

            var result = LocalDatePattern.Iso.Parse(text);
            if (!result.Success)
            {
                Problem(obj[field]!, $"'{text}' is not a calendar date, YYYY-MM-DD");
                return null;
            }

            if (!SupportedDates.Contains(result.Value))
            {
                Problem(obj[field]!, SupportedDates.OutOfRange(result.Value));
                return null;
            }

            if (result.Value < treaty.Dates.EntryIntoForce)
            {
                Problem(obj[field]!, $"as of {text}, before entry into force on {treaty.Dates.EntryIntoForce:yyyy-MM-dd}");
                return null;
            }

            return result.Value;
        }

        private void Fields(JObject obj, params string[] known)
        {
            foreach (var property in obj.Properties().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
            {
                Problem(property, $"unknown field '{property.Name}': expected {string.Join(", ", known)}");
            }
        }

        private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

        private void Problem(JToken token, string message, string? path = null)
        {
            // A token's path costs its index in each array above it (a list of 600,000 wrong entries was quadratic):
            // the first problems are named with their place, the rest counted.
            if (Problems.Count < JsonInput.MaxNamed)
            {
                Problems.Add(At(source, token, path ?? token.Path, message));
            }
            else
            {
                Unnamed++;
            }
        }
    }
}
